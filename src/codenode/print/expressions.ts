/**
 * @fileoverview Expressions, printed from the checked tree with JavaScript's semantics: numbers
 * are f64 (`/`, `%`, comparisons, NaN, -0 as JavaScript), `+` of text formats numbers as
 * JavaScript does (through the host intrinsic), bitwise operators go through ToInt32,
 * truthiness, `??`, `?.`, `!`, object and array literals built as their declared type. Calls are
 * in calls.ts.
 */
import { ts } from "ts-morph";
import { asType, BOOLEAN, isPrimitive, NUMBER, optional, STRING, type ValueType } from "../types.js";
import { printCall, printNew } from "./calls.js";
import { Refused, shortText, type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce, UNDEFINED, unwrap } from "./coerce.js";

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

/** A condition: JavaScript truthiness as a bool. */
export function printCondition(ctx: PrintContext, node: ts.Expression): string {
  const printed = printExpr(ctx, node);
  return truthy(printed);
}

export function truthy(printed: Printed): string {
  if (printed.type.kind === "boolean") return printed.text;
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
    default:
      return ctx.refuse(
        at,
        `turning '${shortText(at)}' into text`,
        "only strings, numbers and booleans convert to text; format the value first",
      );
  }
}

/** Prints an expression; `hint` is the type the value goes into (for literals). */
export function printExpr(ctx: PrintContext, node: ts.Expression, hint?: ValueType): Printed {
  switch (node.kind) {
    case ts.SyntaxKind.NumericLiteral:
      return { text: numberLiteral(Number((node as ts.NumericLiteral).text)), type: NUMBER };
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return { text: stringLiteral((node as ts.StringLiteral).text), type: STRING };
    case ts.SyntaxKind.TrueKeyword:
      return { text: "true", type: BOOLEAN };
    case ts.SyntaxKind.FalseKeyword:
      return { text: "false", type: BOOLEAN };
    case ts.SyntaxKind.TemplateExpression:
      return printTemplate(ctx, node as ts.TemplateExpression);
    case ts.SyntaxKind.ParenthesizedExpression: {
      const inner = printExpr(ctx, (node as ts.ParenthesizedExpression).expression, hint);
      return { text: `(${inner.text})`, type: inner.type };
    }
    case ts.SyntaxKind.Identifier:
      return printIdentifier(ctx, node as ts.Identifier);
    case ts.SyntaxKind.PropertyAccessExpression:
      return printPropertyAccess(ctx, node as ts.PropertyAccessExpression);
    case ts.SyntaxKind.ElementAccessExpression:
      return printElementAccess(ctx, node as ts.ElementAccessExpression);
    case ts.SyntaxKind.CallExpression:
      return printCall(ctx, node as ts.CallExpression);
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
      const type = hint && hint.kind !== "void" ? resultType(ctx, node, hint) : ctx.typeOf(node);
      const test = printCondition(ctx, c.condition);
      return { text: `(${test} ? ${printTo(ctx, c.whenTrue, type)} : ${printTo(ctx, c.whenFalse, type)})`, type };
    }
    case ts.SyntaxKind.NonNullExpression: {
      const inner = printExpr(ctx, (node as ts.NonNullExpression).expression, hint);
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
      return ctx.refuse(
        node,
        "a function used as a value here",
        "pass it directly to an array method, or declare it with `const f = (...) => ...` and call it",
      );
    case ts.SyntaxKind.RegularExpressionLiteral:
      return ctx.refuse(node, "a regular expression", "use string methods (indexOf, includes, split, replaceAll)");
    case ts.SyntaxKind.NullKeyword:
      return ctx.refuse(node, "'null'", "use 'undefined'");
    case ts.SyntaxKind.TypeOfExpression:
      return ctx.refuse(node, "'typeof'", "values are typed by their declarations; compare the values themselves");
    case ts.SyntaxKind.ThisKeyword:
      return ctx.refuse(node, "'this'", "pass values as parameters");
    case ts.SyntaxKind.SpreadElement:
      return ctx.refuse(node, "spread '...'", "use concat, or a loop");
    default:
      return ctx.refuse(node, `'${shortText(node)}' (${ts.SyntaxKind[node.kind]})`, "write it with simpler statements");
  }
}

/** The checker's type of a node, unless it is the literal's `hint` of the same kind. */
function resultType(ctx: PrintContext, node: ts.Node, hint: ValueType): ValueType {
  const own = ctx.typeOf(node);
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
  return { text: parts.length === 1 ? `("" + ${parts[0]})` : `(${parts.join(" + ")})`, type: STRING };
}

function printIdentifier(ctx: PrintContext, node: ts.Identifier): Printed {
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
  if (symbol.flags & ts.SymbolFlags.Function || isLiftedConst(ctx, symbol))
    return ctx.refuse(
      node,
      `the function '${name}' used as a value`,
      "call it, or pass it directly to an array method",
    );
  const declared = ctx.declaredType(symbol, node);
  const storage = variableAccess(ctx, symbol);
  return narrowed(ctx, node, { text: storage, type: declared });
}

/** Where a local lives: its unique name, or a field of the environment that owns it. */
export function variableAccess(ctx: PrintContext, symbol: ts.Symbol): string {
  const name = ctx.nameOf(symbol);
  if (!ctx.captured.has(symbol)) return name;
  const declaration = symbol.valueDeclaration!;
  return `${ctx.envOf(ctx.functionOf(declaration))}.${name}`;
}

export function isLiftedConst(ctx: PrintContext, symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  return (
    !!declaration &&
    ts.isVariableDeclaration(declaration) &&
    !!declaration.initializer &&
    ctx.lifted.has(declaration.initializer)
  );
}

/** A read whose type the checker narrowed (an optional proven defined) is unwrapped. */
function narrowed(ctx: PrintContext, node: ts.Node, printed: Printed): Printed {
  if (printed.type.kind !== "optional") return printed;
  if (isWriteTarget(node)) return printed;
  const here = ctx.typeOf(node);
  if (here.kind === "optional") return printed;
  return { text: unwrap(printed), type: printed.type.inner };
}

function isWriteTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}

const NUMBER_CONSTANTS: { readonly [name: string]: number } = {
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  EPSILON: Number.EPSILON,
  POSITIVE_INFINITY: Number.POSITIVE_INFINITY,
  NEGATIVE_INFINITY: Number.NEGATIVE_INFINITY,
  NaN: Number.NaN,
};

function printPropertyAccess(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed {
  const property = node.name.text;
  if (ts.isIdentifier(node.expression) && !isLocalName(ctx, node.expression)) {
    const global = node.expression.text;
    if (global === "Number" && property in NUMBER_CONSTANTS)
      return { text: numberLiteral(NUMBER_CONSTANTS[property]!), type: NUMBER };
    if (
      global === "Math" &&
      property in Math &&
      typeof (Math as unknown as Record<string, unknown>)[property] === "number"
    )
      return { text: numberLiteral((Math as unknown as Record<string, number>)[property]!), type: NUMBER };
  }
  if (node.questionDotToken) return printOptionalAccess(ctx, node);
  const object = printExpr(ctx, node.expression);
  return accessOn(ctx, node, object, property);
}

function isLocalName(ctx: PrintContext, node: ts.Identifier): boolean {
  const symbol = ctx.symbolOf(node);
  return !!symbol && ctx.isLocal(symbol);
}

function accessOn(ctx: PrintContext, node: ts.PropertyAccessExpression, object: Printed, property: string): Printed {
  const t = object.type;
  if (property === "length" && (t.kind === "string" || t.kind === "array"))
    return { text: `(<f64>${object.text}.length)`, type: NUMBER };
  if (property === "size" && (t.kind === "map" || t.kind === "set"))
    return { text: `(<f64>${object.text}.size)`, type: NUMBER };
  if (t.kind === "object") {
    const field = t.shape.fields.find((f) => f.name === property);
    if (field) return narrowed(ctx, node, { text: `${object.text}.${property}`, type: field.type });
  }
  if (t.kind === "error" && property === "message") return { text: `${object.text}.message`, type: STRING };
  return ctx.refuse(node, `'.${property}' here`, "use a supported member");
}

/** `a?.b`: undefined when `a` is. */
function printOptionalAccess(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed {
  const object = printExpr(ctx, node.expression);
  if (object.type.kind !== "optional") return accessOn(ctx, node, object, node.name.text);
  const temp = ctx.temp(object.type);
  const inner: Printed = { text: `${temp}!`, type: object.type.inner };
  const access = accessOn(ctx, node, inner, node.name.text);
  const type = optional(access.type);
  return {
    text: `((${temp} = ${object.text}) === null ? __ice_none<${asType(type)}>() : ${coerce(ctx, access, type, node)})`,
    type,
  };
}

function printElementAccess(ctx: PrintContext, node: ts.ElementAccessExpression): Printed {
  if (node.questionDotToken) return ctx.refuse(node, "'?.[ ]'", "check the value for undefined first");
  const object = printExpr(ctx, node.expression);
  const index = printTo(ctx, node.argumentExpression, NUMBER);
  if (object.type.kind === "array")
    return { text: `__ice_at<${asType(object.type.element)}>(${object.text}, ${index})`, type: object.type.element };
  if (object.type.kind === "string") return { text: `__ice_char(${object.text}, ${index})`, type: STRING };
  return ctx.refuse(node, "indexing with [ ] here", "index arrays and strings only; use a Map for keyed data");
}

const ARITHMETIC: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.MinusToken]: "-",
  [ts.SyntaxKind.AsteriskToken]: "*",
  [ts.SyntaxKind.SlashToken]: "/",
  [ts.SyntaxKind.PercentToken]: "%",
};
const BITWISE: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.AmpersandToken]: "&",
  [ts.SyntaxKind.BarToken]: "|",
  [ts.SyntaxKind.CaretToken]: "^",
  [ts.SyntaxKind.LessThanLessThanToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: ">>",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: ">>>",
};
const COMPARISON: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.LessThanToken]: "<",
  [ts.SyntaxKind.LessThanEqualsToken]: "<=",
  [ts.SyntaxKind.GreaterThanToken]: ">",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
};
const EQUALITY: { readonly [kind: number]: boolean } = {
  [ts.SyntaxKind.EqualsEqualsToken]: true,
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: true,
  [ts.SyntaxKind.ExclamationEqualsToken]: false,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: false,
};
const COMPOUND: { readonly [kind: number]: ts.SyntaxKind } = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
};

/** A binary operation on two printed operands (both already evaluated, in order). */
export function operate(
  ctx: PrintContext,
  node: ts.Node,
  op: ts.SyntaxKind,
  left: Printed,
  right: Printed,
  resultIsText: boolean,
): Printed {
  if (op === ts.SyntaxKind.PlusToken) {
    if (resultIsText) return { text: `(${asText(ctx, left, node)} + ${asText(ctx, right, node)})`, type: STRING };
    return { text: `(${num(ctx, left, node)} + ${num(ctx, right, node)})`, type: NUMBER };
  }
  if (ARITHMETIC[op])
    return { text: `(${num(ctx, left, node)} ${ARITHMETIC[op]} ${num(ctx, right, node)})`, type: NUMBER };
  if (op === ts.SyntaxKind.AsteriskAsteriskToken)
    return { text: `__ice_pow(${num(ctx, left, node)}, ${num(ctx, right, node)})`, type: NUMBER };
  const bit = BITWISE[op];
  if (bit) {
    const a = `__ice_i32(${num(ctx, left, node)})`;
    const b = `__ice_i32(${num(ctx, right, node)})`;
    if (bit === ">>>") return { text: `(<f64>(<u32>${a} >>> <u32>(${b} & 31)))`, type: NUMBER };
    return { text: `(<f64>(${a} ${bit} ${bit === "<<" || bit === ">>" ? `(${b} & 31)` : b}))`, type: NUMBER };
  }
  return ctx.refuse(node, `operator '${ts.tokenToString(op)}'`, "use arithmetic on numbers");
}

function num(ctx: PrintContext, p: Printed, at: ts.Node): string {
  if (p.type.kind === "number") return p.text;
  return ctx.refuse(
    at,
    `arithmetic on a ${p.type.kind === "optional" ? "value that may be undefined" : p.type.kind}`,
    "check for undefined first, or convert with Number(...)",
  );
}

function printBinary(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const op = node.operatorToken.kind;
  if (
    op === ts.SyntaxKind.EqualsToken ||
    COMPOUND[op] !== undefined ||
    op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    op === ts.SyntaxKind.BarBarEqualsToken ||
    op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  )
    return printAssignment(ctx, node);
  if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return printLogical(ctx, node);
  if (op === ts.SyntaxKind.QuestionQuestionToken) return printCoalesce(ctx, node);
  if (EQUALITY[op] !== undefined) return printEquality(ctx, node, EQUALITY[op]!);
  if (op === ts.SyntaxKind.CommaToken) return ctx.refuse(node, "the comma operator", "write separate statements");
  if (op === ts.SyntaxKind.InKeyword || op === ts.SyntaxKind.InstanceOfKeyword)
    return ctx.refuse(
      node,
      `'${ts.tokenToString(op)}'`,
      "values are typed by their declarations; use a Map for keyed data",
    );
  const left = printExpr(ctx, node.left);
  const right = printExpr(ctx, node.right);
  const cmp = COMPARISON[op];
  if (cmp) {
    if (left.type.kind === "number" && right.type.kind === "number")
      return { text: `(${left.text} ${cmp} ${right.text})`, type: BOOLEAN };
    if (left.type.kind === "string" && right.type.kind === "string")
      return { text: `(__ice_strcmp(${left.text}, ${right.text}) ${cmp} 0)`, type: BOOLEAN };
    return ctx.refuse(
      node,
      `comparing ${left.type.kind} and ${right.type.kind} with '${cmp}'`,
      "compare two numbers or two strings",
    );
  }
  const resultIsText = op === ts.SyntaxKind.PlusToken && ctx.typeOf(node).kind === "string";
  return operate(ctx, node, op, left, right, resultIsText);
}

function isUndefined(ctx: PrintContext, node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (!ts.isIdentifier(inner) || inner.text !== "undefined") return false;
  const symbol = ctx.symbolOf(inner);
  return !symbol || !ctx.isLocal(symbol);
}

function printEquality(ctx: PrintContext, node: ts.BinaryExpression, equal: boolean): Printed {
  const [value, other] = isUndefined(ctx, node.left) ? [node.right, node.left] : [node.left, node.right];
  if (isUndefined(ctx, other)) {
    const printed = printExpr(ctx, value);
    if (printed.type.kind !== "optional")
      return ctx.refuse(
        node,
        "comparing a value whose type excludes undefined with undefined",
        "an array element or a character read past the end stops the node instead of giving undefined: compare the index with .length",
      );
    return { text: `(${printed.text} ${equal ? "===" : "!=="} null)`, type: BOOLEAN };
  }
  const left = printExpr(ctx, node.left);
  const right = printExpr(ctx, node.right);
  const op = equal ? "==" : "!=";
  if (left.type.kind === "optional" || right.type.kind === "optional") {
    const [opt, plain] = left.type.kind === "optional" ? [left, right] : [right, left];
    if (plain.type.kind === "optional" || (!isPrimitive(plain.type) && plain.type.kind !== "string"))
      return ctx.refuse(node, "comparing two values that may be undefined", "check them for undefined first");
    const a = ctx.temp(opt.type);
    const b = ctx.temp(plain.type);
    const first = opt === left ? `${a} = ${opt.text}` : `${b} = ${plain.text}`;
    const second = opt === left ? `${b} = ${plain.text}` : `${a} = ${opt.text}`;
    const test = `${a} !== null && ${unwrap({ text: a, type: opt.type })} == ${b}`;
    return { text: `(${first}, ${second}, ${equal ? `(${test})` : `!(${test})`})`, type: BOOLEAN };
  }
  if (left.type.kind !== right.type.kind)
    return ctx.refuse(node, `comparing ${left.type.kind} with ${right.type.kind}`, "compare values of one type");
  return { text: `(${left.text} ${op} ${right.text})`, type: BOOLEAN };
}

/** An expression without effects, so it may be evaluated twice or not at all. */
export function isPure(node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (ts.isIdentifier(inner) || ts.isLiteralExpression(inner)) return true;
  if (ts.isPropertyAccessExpression(inner)) return isPure(inner.expression);
  return inner.kind === ts.SyntaxKind.TrueKeyword || inner.kind === ts.SyntaxKind.FalseKeyword;
}

function printLogical(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  const type = ctx.typeOf(node);
  if (type.kind === "boolean") {
    const left = printExpr(ctx, node.left);
    const right = printExpr(ctx, node.right);
    if (left.type.kind === "boolean" && right.type.kind === "boolean")
      return { text: `(${left.text} ${and ? "&&" : "||"} ${right.text})`, type };
  }
  const left = printExpr(ctx, node.left);
  const temp = ctx.temp(left.type);
  const kept = coerce(ctx, { text: temp, type: left.type }, type, node);
  const keptTruthy = and
    ? kept
    : coerce(
        ctx,
        {
          text: unwrap({ text: temp, type: left.type }),
          type: left.type.kind === "optional" ? left.type.inner : left.type,
        },
        type,
        node,
      );
  const other = printTo(ctx, node.right, type);
  const test = truthy({ text: `(${temp} = ${left.text})`, type: left.type });
  return { text: and ? `(${test} ? ${other} : ${kept})` : `(${test} ? ${keptTruthy} : ${other})`, type };
}

function printCoalesce(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const left = printExpr(ctx, node.left);
  if (left.type.kind !== "optional") return left;
  const type = ctx.typeOf(node);
  const temp = ctx.temp(left.type);
  const defined = coerce(ctx, { text: unwrap({ text: temp, type: left.type }), type: left.type.inner }, type, node);
  return { text: `((${temp} = ${left.text}) !== null ? ${defined} : ${printTo(ctx, node.right, type)})`, type };
}

function printPrefix(ctx: PrintContext, node: ts.PrefixUnaryExpression): Printed {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken:
      return { text: `!${wrapParen(printCondition(ctx, node.operand))}`, type: BOOLEAN };
    case ts.SyntaxKind.MinusToken: {
      if (ts.isNumericLiteral(node.operand))
        return { text: `(-${numberLiteral(Number(node.operand.text))})`, type: NUMBER };
      return { text: `(-${num(ctx, printExpr(ctx, node.operand), node)})`, type: NUMBER };
    }
    case ts.SyntaxKind.PlusToken: {
      const operand = printExpr(ctx, node.operand);
      if (operand.type.kind === "number") return operand;
      if (operand.type.kind === "string") return { text: `__ice_str_num(${operand.text}, 0, NaN)`, type: NUMBER };
      if (operand.type.kind === "boolean") return { text: `__ice_bool_num(${operand.text})`, type: NUMBER };
      return ctx.refuse(node, "unary '+' here", "convert with Number(...)");
    }
    case ts.SyntaxKind.TildeToken:
      return { text: `(<f64>(~__ice_i32(${num(ctx, printExpr(ctx, node.operand), node)})))`, type: NUMBER };
    default:
      return printUpdate(ctx, node, true);
  }
}

function wrapParen(text: string): string {
  return /^[\w$.!]+$/.test(text) || (text.startsWith("(") && text.endsWith(")")) ? text : `(${text})`;
}

function printUpdate(
  ctx: PrintContext,
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  prefix: boolean,
): Printed {
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--";
  const operand = node.operand;
  if (ts.isElementAccessExpression(operand)) {
    const used = !isDiscarded(node);
    if (used && !prefix)
      return ctx.refuse(node, `'${op}' on an array element inside an expression`, "write it as its own statement");
    const target = printExpr(ctx, operand.expression);
    if (target.type.kind !== "array" || !isPure(operand.expression) || !isPure(operand.argumentExpression))
      return ctx.refuse(node, `'${op}' on this element`, "read it into a local, update, and write it back");
    const index = printTo(ctx, operand.argumentExpression, NUMBER);
    const element = asType(target.type.element);
    return {
      text: `__ice_set<${element}>(${target.text}, ${index}, __ice_at<${element}>(${target.text}, ${index}) ${op[0]} 1.0)`,
      type: NUMBER,
    };
  }
  const target = printLValue(ctx, operand);
  if (target.type.kind !== "number") return ctx.refuse(node, `'${op}' on a ${target.type.kind}`, "use it on numbers");
  return { text: prefix ? `(${op}${target.text})` : `(${target.text}${op})`, type: NUMBER };
}

function isDiscarded(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isExpressionStatement(parent) || (ts.isForStatement(parent) && parent.incrementor === node);
}

/** An assignable place: a local, an environment field or an object field. */
function printLValue(ctx: PrintContext, node: ts.Expression): Printed {
  const inner = stripParens(node);
  if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    if (!symbol || !ctx.isLocal(symbol))
      return ctx.refuse(node, `assigning to '${inner.text}'`, "assign to a local variable");
    return { text: variableAccess(ctx, symbol), type: ctx.declaredType(symbol, inner) };
  }
  if (ts.isPropertyAccessExpression(inner) && !inner.questionDotToken) {
    const object = printExpr(ctx, inner.expression);
    if (object.type.kind === "object") {
      const field = object.type.shape.fields.find((f) => f.name === inner.name.text);
      if (field) return { text: `${object.text}.${field.name}`, type: field.type };
    }
  }
  return ctx.refuse(node, `assigning to '${shortText(node)}'`, "assign to a local variable or an object field");
}

function printAssignment(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const op = node.operatorToken.kind;
  const left = stripParens(node.left);
  if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left))
    return ctx.refuse(node, "destructuring assignment", "assign each value separately");
  if (op !== ts.SyntaxKind.EqualsToken && COMPOUND[op] === undefined)
    return ctx.refuse(node, `'${ts.tokenToString(op)}'`, "write the test and the assignment separately");
  if (ts.isElementAccessExpression(left)) {
    const array = printExpr(ctx, left.expression);
    if (array.type.kind !== "array")
      return ctx.refuse(node, "assigning through [ ] here", "assign to array elements only; use a Map for keyed data");
    const element = asType(array.type.element);
    const index = printTo(ctx, left.argumentExpression, NUMBER);
    if (op === ts.SyntaxKind.EqualsToken)
      return {
        text: `__ice_set<${element}>(${array.text}, ${index}, ${printTo(ctx, node.right, array.type.element)})`,
        type: array.type.element,
      };
    if (!isPure(left.expression) || !isPure(left.argumentExpression))
      return ctx.refuse(
        node,
        "a compound assignment to this element",
        "read it into a local, update, and write it back",
      );
    const current: Printed = { text: `__ice_at<${element}>(${array.text}, ${index})`, type: array.type.element };
    const value = operate(
      ctx,
      node,
      COMPOUND[op]!,
      current,
      printExpr(ctx, node.right),
      array.type.element.kind === "string",
    );
    return {
      text: `__ice_set<${element}>(${array.text}, ${index}, ${coerce(ctx, value, array.type.element, node)})`,
      type: array.type.element,
    };
  }
  if (ts.isPropertyAccessExpression(left) && left.name.text === "length" && op === ts.SyntaxKind.EqualsToken) {
    const array = printExpr(ctx, left.expression);
    if (array.type.kind === "array")
      return {
        text: `__ice_set_length<${asType(array.type.element)}>(${array.text}, ${printTo(ctx, node.right, NUMBER)})`,
        type: NUMBER,
      };
  }
  const target = printLValue(ctx, node.left);
  if (op === ts.SyntaxKind.EqualsToken)
    return { text: `(${target.text} = ${printTo(ctx, node.right, target.type)})`, type: target.type };
  if (ts.isPropertyAccessExpression(left) && !isPure(left.expression))
    return ctx.refuse(node, "a compound assignment to this field", "read the object into a local first");
  const current = narrowedForCompound(target);
  const value = operate(ctx, node, COMPOUND[op]!, current, printExpr(ctx, node.right), target.type.kind === "string");
  return { text: `(${target.text} = ${coerce(ctx, value, target.type, node)})`, type: target.type };
}

function narrowedForCompound(target: Printed): Printed {
  return target.type.kind === "optional" ? { text: unwrap(target), type: target.type.inner } : target;
}

function printArrayLiteral(ctx: PrintContext, node: ts.ArrayLiteralExpression, hint?: ValueType): Printed {
  const type =
    hint && hint.kind === "array"
      ? hint
      : hint?.kind === "optional" && hint.inner.kind === "array"
        ? hint.inner
        : ctx.typeOf(node);
  if (type.kind !== "array") return ctx.refuse(node, "this array literal", "declare the array's type");
  const element = type.element;
  if (node.elements.length === 0) return { text: `new Array<${asType(element)}>()`, type };
  // Runs of plain elements become literals, spread arrays copies; joined with concat, in order.
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) parts.push(`(<${asType(type)}>[${run.join(", ")}])`);
    run = [];
  };
  for (const e of node.elements) {
    if (ts.isOmittedExpression(e)) ctx.refuse(e, "holes in an array literal", "write every element");
    if (ts.isSpreadElement(e)) {
      flush();
      parts.push(`${printTo(ctx, e.expression, type)}.slice(0)`);
    } else run.push(printTo(ctx, e, element));
  }
  flush();
  return { text: parts.length === 1 ? parts[0]! : `${parts[0]}.concat(${parts.slice(1).join(").concat(")})`, type };
}

function printObjectLiteral(ctx: PrintContext, node: ts.ObjectLiteralExpression, hint?: ValueType): Printed {
  const target =
    hint?.kind === "object"
      ? hint
      : hint?.kind === "optional" && hint.inner.kind === "object"
        ? hint.inner
        : ctx.typeOf(node);
  if (target.kind !== "object") return ctx.refuse(node, "this object literal", "declare its type");
  const values = new Map<string, ts.Expression>();
  const written: string[] = [];
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      values.set(property.name.text, property.initializer);
      written.push(property.name.text);
    } else if (ts.isShorthandPropertyAssignment(property)) {
      values.set(property.name.text, property.name);
      written.push(property.name.text);
    } else {
      ctx.refuse(
        property,
        "this kind of object property (spread, method, computed name)",
        "write `name: value` for each field",
      );
    }
  }
  const fields = target.shape.fields;
  for (const name of values.keys()) {
    if (!fields.some((f) => f.name === name))
      ctx.refuse(node, `the property '${name}'`, "this object's declared type has no such field");
  }
  const printed = new Map<string, string>();
  for (const name of written) {
    const field = fields.find((f) => f.name === name)!;
    printed.set(name, printTo(ctx, values.get(name)!, field.type));
  }
  const order = fields.map((f) => f.name).filter((n) => values.has(n));
  const reordered = order.some((n, i) => n !== written[i]);
  const impure = written.filter((n) => !isPure(values.get(n)!)).length > 1;
  const pre: string[] = [];
  if (reordered && impure) {
    for (const name of written) {
      const field = fields.find((f) => f.name === name)!;
      const temp = ctx.temp(field.type);
      pre.push(`${temp} = ${printed.get(name)}`);
      printed.set(name, temp);
    }
  }
  const args = fields.map(
    (f) =>
      printed.get(f.name) ??
      (f.type.kind === "optional" ? `__ice_none<${asType(f.type)}>()` : missing(ctx, node, f.name)),
  );
  const construct = `new ${target.shape.name}(${args.join(", ")})`;
  return { text: pre.length > 0 ? `(${pre.join(", ")}, ${construct})` : construct, type: target };
}

function missing(ctx: PrintContext, node: ts.Node, name: string): never {
  return ctx.refuse(node, `an object without its field '${name}'`, "give every required field a value");
}

export { Refused };
