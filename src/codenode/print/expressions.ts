/**
 * @fileoverview Expressions, printed from the checked tree with JavaScript's semantics: numbers
 * are f64 (`/`, `%`, comparisons, NaN, -0 as JavaScript), `+` of text formats numbers as
 * JavaScript does (through the host intrinsic), bitwise operators go through ToInt32,
 * truthiness, `??`, `?.`, `!`, object and array literals built as their declared type. Calls are
 * in calls.ts; access, operators, assignment and literals in their own files.
 */
import { isStringRaw, printStringRaw } from "./stringRaw.js";
import { hasObjectText, objectText } from "./objectText.js";
import { ts } from "../typescript.js";
import { asType, BOOLEAN, isNullish, isPrimitive, JSON_VALUE, NUMBER, STRING, type ValueType } from "../types.js";
import { fromChecker } from "../fromChecker.js";
import { printAwait } from "./async.js";
import { missingLocal } from "./missing.js";
import { printCall, printNew } from "./calls.js";
import { shortText, type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce, UNDEFINED, unwrap } from "./coerce.js";
import { printElementAccess, printPropertyAccess } from "./access.js";
import { printArrayLiteral, printObjectLiteral } from "./literals.js";
import { narrowJson, printJsonDelete, printTypeof } from "./json.js";
import { literalView } from "./int32.js";
import { readLocal } from "./locals.js";
import { printBinary, printPrefix, printUpdate } from "./operators.js";
import { printRegexLiteral } from "./regexMethods.js";
import { closureOf } from "./closures.js";
import { declarationOf, isLiftedConstDeclaration } from "./functions.js";
import { refuseDeclaredFunctionValue } from "./functionIdentity.js";
import { printExtended } from "./classExpressions.js";
import { thrownText } from "./exceptions.js";
import { printDelete, undefinedAware } from "./objects.js";
import { absentText } from "./nullable.js";
import { definedValue, narrowedNullish, nullishTruthy } from "./nullish.js";
import { state } from "./exceptionRegions.js";

/** A number literal as AssemblyScript reads it back exactly (always a float). */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** An expression as a value of `target` (its own type when absent). */
export function printTo(ctx: PrintContext, node: ts.Expression, target: ValueType): string {
  return coerce(ctx, printExpr(ctx, node, target), target, node);
}

/**
 * A condition: JavaScript truthiness as a bool. The truthiness of `a && b` is that of a, then of b
 * (`a || b` likewise), with the same evaluation and short-circuit, so a condition is printed
 * operand by operand: `if (found && found.ok)` needs no common type for an object and a boolean.
 */
export function printCondition(ctx: PrintContext, node: ts.Expression): string {
  const inner = stripParens(node);
  // A test hoisted before a call that may throw in a branch (print/guardedCalls.ts).
  const hoisted = state(ctx).hoisted.get(node) ?? state(ctx).hoisted.get(inner);
  if (hoisted) return truthy(hoisted);
  if (ts.isBinaryExpression(inner)) {
    const op = inner.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken)
      return `(${printCondition(ctx, inner.left)} ${op === ts.SyntaxKind.BarBarToken ? "||" : "&&"} ${printCondition(ctx, inner.right)})`;
  }
  const printed = printExpr(ctx, node);
  return truthy(printed);
}

export function truthy(printed: Printed): string {
  if (printed.type.kind === "boolean") return printed.text;
  // `number | undefined` / `boolean | undefined` is a nullable box: defined and truthy inside.
  const t = printed.type;
  if (isNullish(t)) return nullishTruthy(printed);
  if (t.kind === "optional" && isPrimitive(t.inner)) return `__ice_truthy_box<${asType(t.inner)}>(${printed.text})`;
  if (printed.type.kind === "json") return `__ice_j_truthy(${printed.text})`;
  return `__ice_truthy<${asType(printed.type)}>(${printed.text})`;
}

/** Text of a value for `+`, templates and `String(x)`. */
export function asText(ctx: PrintContext, printed: Printed, at: ts.Node): string {
  switch (printed.type.kind) {
    case "string":
      return printed.text;
    case "number":
    case "boolean":
      return `__ice_str<${asType(printed.type)}>(${printed.text})`;
    case "optional": {
      // `${x}` and String(x) of a value that may be undefined: "undefined" when it is.
      const inner = printed.type.inner;
      if (isNullish(printed.type)) {
        // `T | null | undefined` (print/nullish.ts): "undefined", "null", or the text of the value.
        const temp = ctx.temp(printed.type);
        const checked = ctx.checker.getTypeAtLocation(at);
        const absentOnly = (checked.isUnion() ? checked.types : [checked]).every(
          (p) => p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined),
        );
        const defined = absentOnly
          ? '"null"'
          : asText(ctx, { text: `${temp}!.v!`, type: (inner as { inner: ValueType }).inner }, at);
        return `((${temp} = ${printed.text}) === null ? "undefined" : ${temp}!.v === null ? "null" : ${defined})`;
      }
      if (inner.kind !== "string" && inner.kind !== "number" && inner.kind !== "boolean") break;
      const temp = ctx.temp(printed.type);
      const defined = asText(ctx, { text: unwrap({ text: temp, type: printed.type }), type: inner }, at);
      return `((${temp} = ${printed.text}) === null ? "${absentText(printed.type)}" : ${defined})`;
    }
    case "json":
      return `__ice_j_tostr(${printed.text})`;
    case "url":
      return `__ice_url_href(${printed.text})`;
    case "urlParams":
      return `__ice_usp_str(${printed.text})`;
    default:
      if (thrownText(printed)) return thrownText(printed)!;
      break;
  }
  // Objects, arrays, class instances (and those that may be undefined): objectText.ts.
  if (hasObjectText(printed.type)) return objectText(ctx, printed, at);
  return ctx.refuse(
    at,
    `turning '${shortText(at)}' into text`,
    "only strings, numbers and booleans convert to text; format the value first",
  );
}

/** Prints an expression; `hint` is the type the value goes into (for literals). */
export function printExpr(ctx: PrintContext, node: ts.Expression, hint?: ValueType): Printed {
  const extended = printExtended(ctx, node);
  if (extended) return extended;
  switch (node.kind) {
    case ts.SyntaxKind.NumericLiteral: {
      const value = Number((node as ts.NumericLiteral).text);
      return { text: numberLiteral(value), type: NUMBER, int32: literalView(value) };
    }
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return { text: stringLiteral((node as ts.StringLiteral).text), type: STRING };
    case ts.SyntaxKind.TrueKeyword:
      return { text: "true", type: BOOLEAN };
    case ts.SyntaxKind.FalseKeyword:
      return { text: "false", type: BOOLEAN };
    case ts.SyntaxKind.TemplateExpression:
      return printTemplate(ctx, node as ts.TemplateExpression);
    case ts.SyntaxKind.TaggedTemplateExpression: {
      const tagged = node as ts.TaggedTemplateExpression;
      if (!isStringRaw(ctx, tagged))
        return ctx.refuse(node, "a tagged template", "call a function with the template's text and values");
      return printStringRaw(ctx, tagged, stringLiteral, (e) => asText(ctx, printExpr(ctx, e), e));
    }
    case ts.SyntaxKind.ParenthesizedExpression: {
      const inner = printExpr(ctx, (node as ts.ParenthesizedExpression).expression, hint);
      return { text: `(${inner.text})`, type: inner.type, ...(inner.int32 && { int32: inner.int32 }) };
    }
    case ts.SyntaxKind.Identifier:
      return printIdentifier(ctx, node as ts.Identifier, hint);
    case ts.SyntaxKind.PropertyAccessExpression:
      return printPropertyAccess(ctx, node as ts.PropertyAccessExpression);
    case ts.SyntaxKind.ElementAccessExpression:
      return printElementAccess(ctx, node as ts.ElementAccessExpression);
    case ts.SyntaxKind.CallExpression:
      return printCall(ctx, node as ts.CallExpression);
    case ts.SyntaxKind.AwaitExpression:
      return printAwait(ctx, node as ts.AwaitExpression, hint);
    case ts.SyntaxKind.NewExpression:
      return printNew(ctx, node as ts.NewExpression);
    case ts.SyntaxKind.BinaryExpression:
      return printBinary(ctx, node as ts.BinaryExpression);
    case ts.SyntaxKind.PrefixUnaryExpression:
      return printPrefix(ctx, node as ts.PrefixUnaryExpression);
    case ts.SyntaxKind.PostfixUnaryExpression:
      return printUpdate(ctx, node as ts.PostfixUnaryExpression, false);
    case ts.SyntaxKind.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      const type =
        hint?.kind === "json" ? hint : hint && hint.kind !== "void" ? resultType(ctx, node, hint) : ctx.typeOf(node);
      const test = printCondition(ctx, c.condition);
      return { text: `(${test} ? ${printTo(ctx, c.whenTrue, type)} : ${printTo(ctx, c.whenFalse, type)})`, type };
    }
    case ts.SyntaxKind.NonNullExpression: {
      const inner = printExpr(ctx, (node as ts.NonNullExpression).expression, hint);
      if (isNullish(inner.type)) return definedValue(inner);
      if (inner.type.kind !== "optional") return inner;
      return { text: unwrap(inner), type: inner.type.inner };
    }
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.TypeAssertionExpression: {
      const inner = (node as ts.AsExpression).expression;
      const type = ctx.typeOf(node);
      return { text: printTo(ctx, inner, type), type };
    }
    case ts.SyntaxKind.ArrayLiteralExpression:
      return printArrayLiteral(ctx, node as ts.ArrayLiteralExpression, hint);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return printObjectLiteral(ctx, node as ts.ObjectLiteralExpression, hint);
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return closureOf(ctx, node as ts.ArrowFunction, node, hint);
    case ts.SyntaxKind.RegularExpressionLiteral:
      return printRegexLiteral(ctx, node as ts.RegularExpressionLiteral);
    case ts.SyntaxKind.NullKeyword:
      return { text: "__ice_j_null()", type: JSON_VALUE };
    case ts.SyntaxKind.TypeOfExpression:
      return printTypeof(ctx, node as ts.TypeOfExpression);
    case ts.SyntaxKind.ThisKeyword:
      return ctx.refuse(node, "'this'", "pass values as parameters");
    case ts.SyntaxKind.DeleteExpression:
      return deleteExpression(ctx, node as ts.DeleteExpression);
    case ts.SyntaxKind.SpreadElement:
      return ctx.refuse(node, "spread '...'", "use concat, or a loop");
    default:
      return ctx.refuse(node, `'${shortText(node)}' (${ts.SyntaxKind[node.kind]})`, "write it with simpler statements");
  }
}

/** The checker's type of a node, unless it is the literal's `hint` of the same kind. */
function resultType(ctx: PrintContext, node: ts.Node, hint: ValueType): ValueType {
  // Branches of different literal types (`c ? { a, b } : { a }`) go into the type they are given.
  const converted = fromChecker(ctx.checker, ctx.checker.getTypeAtLocation(node), ctx.classes, 0, (p) =>
    ctx.typeArgument(p),
  );
  if ("reason" in converted) return hint;
  const own = converted.type;
  return own.kind === hint.kind || (hint.kind === "optional" && own.kind === hint.inner.kind) ? hint : own;
}

function printTemplate(ctx: PrintContext, node: ts.TemplateExpression): Printed {
  const parts: string[] = [];
  if (node.head.text) parts.push(stringLiteral(node.head.text));
  for (const span of node.templateSpans) {
    parts.push(asText(ctx, printExpr(ctx, span.expression), span.expression));
    if (span.literal.text) parts.push(stringLiteral(span.literal.text));
  }
  if (parts.length === 0) return { text: '""', type: STRING };
  if (parts.length === 1) return { text: `("" + ${parts[0]})`, type: STRING };
  if (parts.length === 2) return { text: `(${parts.join(" + ")})`, type: STRING };
  // One allocation for the whole text (support/text.ts); the parts are evaluated in order either way.
  if (parts.length <= 4) return { text: `__ice_cat${parts.length}(${parts.join(", ")})`, type: STRING };
  return { text: `__ice_join_strs(<Array<string>>[${parts.join(", ")}], "")`, type: STRING };
}

function printIdentifier(ctx: PrintContext, node: ts.Identifier, hint?: ValueType): Printed {
  const name = node.text;
  const symbol = ts.isShorthandPropertyAssignment(node.parent)
    ? ctx.checker.getShorthandAssignmentValueSymbol(node.parent)
    : ctx.symbolOf(node);
  if (name === "undefined" && (!symbol || !ctx.isLocal(symbol))) return { text: "0", type: UNDEFINED };
  if (!symbol) return ctx.refuse(node, `'${name}'`, "declare it first");
  if (!ctx.isLocal(symbol)) {
    if (name === "NaN") return { text: "NaN", type: NUMBER };
    if (name === "Infinity") return { text: "Infinity", type: NUMBER };
    if (name === "inputs") return { text: "__ice_inputs!", type: ctx.typeOf(node) };
    return ctx.refuse(node, `'${name}' as a value`, "call its methods directly");
  }
  if (symbol.flags & ts.SymbolFlags.Function || isLiftedConst(ctx, symbol)) {
    const declaration = declarationOf(symbol);
    if (!declaration) return ctx.refuse(node, `the function '${name}' used as a value`, "call it");
    refuseDeclaredFunctionValue(ctx, node);
    return closureOf(ctx, declaration, node, hint);
  }
  const special = readLocal(ctx, symbol);
  if (special) return special;
  const declared = ctx.declaredType(symbol, node);
  const storage = variableAccess(ctx, symbol);
  return narrowed(ctx, node, { text: storage, type: declared });
}

/** Where a local lives: its unique name, or a field of the environment that owns it. */
export function variableAccess(ctx: PrintContext, symbol: ts.Symbol): string {
  const name = ctx.nameOf(symbol);
  if (!ctx.captured.has(symbol)) return name;
  return `${ctx.envOf(ctx.owner.get(symbol) ?? ctx.functionOf(symbol.valueDeclaration!))}.${name}`;
}

export function isLiftedConst(_ctx: PrintContext, symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  return !!declaration && isLiftedConstDeclaration(declaration);
}

/** A read whose type the checker narrowed (an optional proven defined) is unwrapped. */
export function narrowed(ctx: PrintContext, node: ts.Node, printed: Printed): Printed {
  if (printed.type.kind === "json") return narrowJson(ctx, node, printed);
  if (printed.type.kind !== "optional") return printed;
  if (isWriteTarget(node) || undefinedAware(node)) return printed;
  const here = ctx.typeOf(node);
  if (isNullish(printed.type)) {
    // A three-state value (print/nullish.ts); one bound from a read past the end is undefined
    // where TypeScript does not know it may be (print/missing.ts).
    const observed = missingLocal(ctx, node, printed);
    if (observed) return observed;
    if (here.kind === "json") return printed;
    return narrowedNullish(printed, here) ?? printed;
  }
  if (here.kind === "optional") return printed;
  // Narrowed to exactly `null` (or `never`): the checker trusts assignments it saw, not those in
  // closures, so the value stays what it is rather than be unwrapped (print/nullable.ts).
  if (here.kind === "json" && (printed.type.absent === "null" || isNullish(printed.type))) return printed;
  const observed = missingLocal(ctx, node, printed);
  if (observed) return observed;
  return { text: unwrap(printed), type: printed.type.inner };
}

function isWriteTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}

/** `delete o[k]` of a dictionary (objects.ts) or of a JSON value (json.ts). */
function deleteExpression(ctx: PrintContext, node: ts.DeleteExpression): Printed {
  const target = stripParens(node.expression);
  const object =
    ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target) ? target.expression : undefined;
  if (object && ctx.typeOf(object).kind === "dict") return printDelete(ctx, node);
  return printJsonDelete(ctx, node);
}
