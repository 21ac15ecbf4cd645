/**
 * @fileoverview Regular-expression values in code nodes: properties of a RegExp (`lastIndex`,
 * `source`, `flags`, ...) and match arrays (`m[i]`, `index`, `input`, `groups.name`, destructuring),
 * where a capture that did not participate is `undefined`: read where undefined is tested (`??`,
 * `||`, a condition, `=== undefined`) it is, elsewhere it stops the node with a message; and
 * comparisons with null of values that may be null (a match). Literals, `new RegExp` and the
 * methods taking a RegExp are in regexMethods.ts. Called from access.ts, operators.ts and
 * statements.ts.
 */
import { ts } from "../typescript.js";
import { includesNull, includesUndefined } from "../regex/types.js";
import { BOOLEAN, isNullable, isNullish, NUMBER, optional, STRING, type ValueType } from "../types.js";
import { nullishTest } from "./nullish.js";
import { fromChecker } from "../fromChecker.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { refuseEmptyFallbackRead, refuseOptionalCapture } from "./captureParticipation.js";

const GROUPS: ValueType = { kind: "groups" };

/** Properties of a RegExp or a match; undefined for other values. */
export function regexProperty(
  ctx: PrintContext,
  node: ts.Node,
  object: Printed,
  property: string,
): Printed | undefined {
  if (object.type.kind === "regexp") {
    const o = object.text;
    switch (property) {
      case "lastIndex":
        return { text: `${o}.lastIndex`, type: NUMBER };
      case "source":
        return { text: `${o}.source`, type: STRING };
      case "flags":
        return { text: `${o}.flagText`, type: STRING };
      case "global":
      case "ignoreCase":
      case "multiline":
      case "dotAll":
      case "unicode":
      case "sticky": {
        const bit = { global: 1, ignoreCase: 2, multiline: 4, dotAll: 8, unicode: 16, sticky: 32 }[property];
        return { text: `((${o}.flags & ${bit}) != 0)`, type: BOOLEAN };
      }
      default:
        return undefined;
    }
  }
  if (object.type.kind !== "match") return undefined;
  const m = object.text;
  const wantsOptional = () => includesUndefined(ctx.checker.getTypeAtLocation(node));
  switch (property) {
    case "length":
      return { text: `(<f64>${m}.items.length)`, type: NUMBER };
    case "index":
      return wantsOptional()
        ? { text: `__ice_m_index(${m})`, type: optional(NUMBER) }
        : { text: `${m}.at`, type: NUMBER };
    case "input":
      return wantsOptional()
        ? { text: `__ice_m_input(${m})`, type: optional(STRING) }
        : { text: `${m}.input`, type: STRING };
    case "groups":
      // Undefined when the expression has no named groups; read by name or destructured.
      return { text: `__ice_m_groups(${m})`, type: optional(GROUPS) };
    default:
      return undefined;
  }
}

/** `m.groups!.name`, `m.groups?.name`: undefined when `node` is not such a read. */
export function groupRead(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed | undefined {
  let groups: ts.Expression = stripParens(node.expression);
  if (ts.isNonNullExpression(groups)) groups = stripParens(groups.expression);
  if (!ts.isPropertyAccessExpression(groups) || groups.name.text !== "groups") return undefined;
  const owner = ctx.checker.getTypeAtLocation(groups.expression);
  const symbol = (owner.isUnion() ? owner.types.find((t) => t.getSymbol()) : owner)?.getSymbol();
  if (symbol?.getName() !== "RegExpMatchArray" && symbol?.getName() !== "RegExpExecArray") return undefined;
  const match = printExpr(ctx, groups.expression);
  const name = stringLiteral(node.name.text);
  if (match.type.kind === "optional") {
    if (!groups.questionDotToken)
      return ctx.refuse(node, "reading a group of a match that may be null", "test the match first");
    const temp = ctx.temp(match.type);
    return {
      text: `((${temp} = ${match.text}) === null ? null : __ice_m_group(${temp}!, ${name}))`,
      type: optional(STRING),
    };
  }
  return capture(ctx, node, `__ice_m_group(${match.text}, ${name})`, `__ice_m_group_get(${match.text}, ${name})`);
}

/** `g.name` of a local holding a match's groups (groupsLocal.ts). */
export function groupOfLocal(ctx: PrintContext, node: ts.PropertyAccessExpression, groups: Printed): Printed {
  const name = stringLiteral(node.name.text);
  return capture(ctx, node, `__ice_m_group(${groups.text}, ${name})`, `__ice_m_group_get(${groups.text}, ${name})`);
}

/** `const [whole, a, b = "x"] = m`: each element a capture (a default applies when it is undefined). */
export function matchBindings(
  ctx: PrintContext,
  pattern: ts.ArrayBindingPattern,
  temp: string,
  bind: (element: ts.BindingElement, value: Printed) => string,
  source?: ts.Expression,
): string[] {
  const lines: string[] = [];
  pattern.elements.forEach((e, i) => {
    if (ts.isOmittedExpression(e)) return;
    if (e.dotDotDotToken) ctx.refuse(e, "a rest element in a pattern over a match", "use m.slice(i)");
    if (!e.initializer && source) refuseOptionalCapture(ctx, e, source, i);
    lines.push(
      bind(
        e,
        e.initializer
          ? { text: `__ice_m_opt(${temp}, ${i}.0)`, type: optional(STRING) }
          : { text: `__ice_m_get(${temp}, ${i}.0)`, type: STRING },
      ),
    );
  });
  return lines;
}

/** `const { year, day = "01" } = m.groups!`: each a named group (a default applies when it is undefined). */
export function groupBindings(
  ctx: PrintContext,
  pattern: ts.ObjectBindingPattern,
  temp: string,
  bind: (element: ts.BindingElement, value: Printed) => string,
): string[] {
  return pattern.elements.map((e) => {
    if (e.dotDotDotToken) ctx.refuse(e, "a rest element in a pattern over groups", "name the groups you need");
    const key = e.propertyName ?? e.name;
    if (!ts.isIdentifier(key)) return ctx.refuse(e, "a computed name in a pattern over groups", "name the group");
    const name = stringLiteral(key.text);
    return bind(
      e,
      e.initializer
        ? { text: `__ice_m_group(${temp}, ${name})`, type: optional(STRING) }
        : { text: `__ice_m_group_get(${temp}, ${name})`, type: STRING },
    );
  });
}

/** `m[i]` of a match; undefined when the object is not one. */
export function matchElement(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  object: Printed,
): Printed | undefined {
  if (object.type.kind === "optional" && object.type.inner.kind === "match" && node.questionDotToken) {
    const temp = ctx.temp(object.type);
    const index = printTo(ctx, node.argumentExpression, NUMBER);
    return {
      text: `((${temp} = ${object.text}) === null ? null : __ice_m_opt(${temp}!, ${index}))`,
      type: optional(STRING),
    };
  }
  if (object.type.kind !== "match") return undefined;
  const index = printTo(ctx, node.argumentExpression, NUMBER);
  const printed = capture(ctx, node, `__ice_m_opt(${object.text}, ${index})`, `__ice_m_get(${object.text}, ${index})`);
  const k = stripParens(node.argumentExpression);
  if (printed.type.kind === "string") refuseEmptyFallbackRead(ctx, node);
  if (printed.type.kind === "string" && ts.isNumericLiteral(k))
    refuseOptionalCapture(ctx, node, node.expression, Number(k.text));
  return printed;
}

/**
 * A capture read: `string | undefined` where the code tests for undefined (or the checker's type
 * says so), else the string, stopping the node with a message if it is undefined.
 */
function capture(ctx: PrintContext, node: ts.Expression, optionalText: string, definedText: string): Printed {
  if (includesUndefined(ctx.checker.getTypeAtLocation(node)) || testsUndefined(node))
    return { text: optionalText, type: optional(STRING) };
  return { text: definedText, type: STRING };
}

export function testsUndefined(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isBinaryExpression(parent) && parent.left === child) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return true;
  }
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = parent.left === child ? parent.right : parent.left;
    if (
      (op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken) &&
      ts.isIdentifier(stripParens(other)) &&
      (stripParens(other) as ts.Identifier).text === "undefined"
    )
      return true;
  }
  if (ts.isConditionalExpression(parent) && parent.condition === child) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === child) return true;
  // `m !== null && m[2]` tested as a whole (its type is a union, a JSON value: print/json.ts).
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === child &&
    (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return testsUndefined(parent);
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  return false;
}

/**
 * `x === null`, `x === undefined` (and `!==`, `==`, `!=`) where x may be null (a match): null and
 * undefined are one value here, so `=== undefined` of a value that is never undefined is false.
 * Undefined when the comparison is not such a one.
 */
export function nullComparison(ctx: PrintContext, node: ts.BinaryExpression, equal: boolean): Printed | undefined {
  const isNull = (e: ts.Expression) => stripParens(e).kind === ts.SyntaxKind.NullKeyword;
  const isUndef = (e: ts.Expression) => {
    const inner = stripParens(e);
    return ts.isIdentifier(inner) && inner.text === "undefined";
  };
  const [value, other] = isNull(node.left) || isUndef(node.left) ? [node.right, node.left] : [node.left, node.right];
  if (!isNull(other) && !isUndef(other)) return undefined;
  const type = ctx.checker.getTypeAtLocation(value);
  if (!includesNull(type) && !isNull(other)) return undefined;
  // A JSON value (`any`, `string | null`, ...) holds null and undefined apart (print/json.ts).
  const converted = fromChecker(ctx.checker, type, ctx.classes);
  if ("type" in converted && converted.type.kind === "json" && !narrowedNullable(ctx, value, type)) return undefined;
  const printed = printExpr(ctx, value);
  if (printed.type.kind !== "optional")
    return ctx.refuse(node, "comparing this value with null", "compare values that may be null or undefined");
  const op = node.operatorToken.kind;
  const strict = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  // `T | null | undefined`: the two states apart (print/nullish.ts).
  if (isNullish(printed.type)) return nullishTest(printed, isNull(other) ? "null" : "undefined", strict, equal);
  const canBeOther = isNull(other) ? includesUndefined(type) : includesNull(type);
  const canBeSame = isNull(other) ? includesNull(type) : includesUndefined(type);
  if (strict && canBeOther && canBeSame)
    return ctx.refuse(node, "comparing a value that may be null or undefined with ===", "compare with == null");
  if (strict && !canBeSame) return { text: `(${printed.text}, ${equal ? "false" : "true"})`, type: BOOLEAN };
  return { text: `(${printed.text} ${equal ? "===" : "!=="} null)`, type: BOOLEAN };
}

/** A `T | null` local the checker has narrowed to exactly `null` here (print/nullable.ts): still compared as itself. */
function narrowedNullable(ctx: PrintContext, value: ts.Expression, type: ts.Type): boolean {
  const e = stripParens(value);
  if (!(type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) || !ts.isIdentifier(e)) return false;
  const symbol = ctx.symbolOf(e);
  if (!symbol || !ctx.isLocal(symbol) || !symbol.valueDeclaration) return false;
  const declared = ctx.declaredType(symbol, e);
  return isNullable(declared) || isNullish(declared);
}
