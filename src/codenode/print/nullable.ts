/**
 * @fileoverview Printing `T | null` of a non-primitive T (types.ts `nullable`, nullable.ts): the
 * same null reference as `T | undefined`, but the absent value is JavaScript's null wherever a
 * program observes it: `typeof` ("object"), text ("null"), JSON (`null`, a field kept), `==`/`===`
 * with null and undefined (print/regex.ts `nullComparison`), and defaults, which apply to
 * undefined only. A `?.` chain reaching a `T | null` is three-valued: kept where only its
 * nullishness is asked, refused elsewhere (`chainPart`).
 */
import { ts } from "../typescript.js";
import { BOOLEAN, isNullable, typeKey, type ValueType } from "../types.js";
import { outerExpression, type PrintContext, type Printed, stripParens } from "./context.js";

/** The JavaScript value an optional's absent state is, as a literal's text: "null" or "undefined". */
export function absentText(t: ValueType): "null" | "undefined" {
  return t.kind === "optional" && t.absent === "null" ? "null" : "undefined";
}

/** The `null` keyword as printed (a JSON null: print/expressions.ts). */
export function isNullLiteral(printed: Printed): boolean {
  return printed.type.kind === "json" && /^\(*__ice_j_null\(\)\)*$/.test(printed.text);
}

/** The JSON kind code of the absent value (support/json.ts: 0 undefined, 1 null). */
export function absentJsonKind(t: ValueType): number {
  return absentText(t) === "null" ? 1 : 0;
}

/**
 * The value `b` of `a?.b` (or `a?.m()`, `a?.[i]`) read from a defined `a`, when `b` may itself be
 * null: the chain's value is undefined when `a` is and null or a value otherwise, three states one
 * reference cannot hold. Where the program only asks whether it is nullish (`a?.b?.c`, `a?.b ??
 * d`, `!a?.b`, `if (a?.b)`, `a?.b == null`) the two absent values are one, so the value is typed
 * as the chain's (`T | undefined`, the null reference standing for both); elsewhere it is refused.
 */
export function chainPart(_ctx: PrintContext, node: ts.Node, part: Printed): Printed {
  const t = part.type;
  if (t.kind !== "optional" || t.absent !== "null") return part;
  if (nullishOnly(node)) return { text: part.text, type: { kind: "optional", inner: t.inner } };
  // Elsewhere the chain's value is three-state (`T | null | undefined`: print/nullish.ts).
  return part;
}

/** True when `node`'s value is used only to ask whether it is null or undefined (or falsy). */
function nullishOnly(node: ts.Node): boolean {
  const self = outerExpression(node);
  const parent = self.parent;
  if (!parent) return false;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.expression === self &&
    parent.questionDotToken !== undefined
  )
    return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken) return parent.left === self;
    if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
      const other = stripParens(parent.left === self ? parent.right : parent.left);
      return other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined");
    }
    return false;
  }
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent))
    return parent.expression === self;
  if (ts.isConditionalExpression(parent) || ts.isForStatement(parent)) return parent.condition === self;
  return false;
}

/**
 * A default (`{ a = d }`, `(x = d) => ...`) on a value that may be null: JavaScript applies it
 * to undefined only, so a `T | null` value never takes it; undefined when `t` is not such a one.
 */
export function neverDefaulted(t: ValueType, initializer?: ts.Expression): boolean {
  // `next: Node | null = null`: null whether the argument is left out, undefined or null, as in JavaScript.
  if (initializer && stripParens(initializer).kind === ts.SyntaxKind.NullKeyword) return false;
  return t.kind === "optional" && t.absent === "null";
}

/**
 * `a === b` (or `==`, `!==`, `!=`) where one side is a `T | null` object, array, Map, Set, ...:
 * the same reference, or both null (JavaScript compares objects by identity, as `==` of
 * references does here). Undefined when neither side is such a value.
 */
export function nullableIdentity(
  ctx: PrintContext,
  node: ts.Node,
  left: Printed,
  right: Printed,
  equal: boolean,
): Printed | undefined {
  if (!isNullable(left.type) && !isNullable(right.type)) return undefined;
  const inner = (t: ValueType) => (t.kind === "optional" ? t.inner : t);
  const a = inner(left.type);
  const b = inner(right.type);
  const identity = ["array", "map", "set", "object", "tuple", "dict", "date", "url", "urlParams", "regexp", "error"];
  if (
    typeKey(a) !== typeKey(b) ||
    !identity.includes(a.kind) ||
    right.type.kind === "json" ||
    left.type.kind === "json"
  )
    return ctx.refuse(node, "comparing these values", "compare two values of one object type, or test for null first");
  if (
    left.type.kind === "optional" &&
    right.type.kind === "optional" &&
    !isNullable(left.type) !== !isNullable(right.type)
  )
    return ctx.refuse(node, "comparing a value that may be null with one that may be undefined", "test them first");
  return { text: `(${left.text} ${equal ? "==" : "!="} ${right.text})`, type: BOOLEAN };
}
