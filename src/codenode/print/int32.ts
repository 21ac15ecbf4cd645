/**
 * @fileoverview Int32 views of numbers: numbers are f64 (JavaScript's), but many are provably
 * int32 (integer literals, results of bitwise operators, lengths, locals of locals.ts that only
 * ever hold such values), and many consumers only want ToInt32 of them (bitwise operators). A
 * printed number may carry its value as an i32 expression (`Printed.int32`):
 *
 * - exact: the number IS that int32 (an integer in [-2^31, 2^31), never -0), so comparisons and
 *   indexes may use the i32 directly;
 * - not exact: the i32 is ToInt32 of the number (e.g. `a + b` of two exact operands: the sum is an
 *   exact f64 integer, and ToInt32 of it is the wrapping i32 sum), for bitwise consumers only.
 *
 * Without this, `x ^= x << 13` converted f64 -> i32 -> f64 -> i32 at every step (each a range
 * check and a truncation), which kept integer kernels 20x slower than JavaScript.
 */
import { ts } from "../typescript.js";
import { NUMBER } from "../types.js";
import type { Int32View, Printed } from "./context.js";

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;

/** An integer as AssemblyScript reads it back as an i32. */
export function i32Literal(value: number): string {
  return value === I32_MIN ? "i32.MIN_VALUE" : String(value);
}

/** The view of a number literal (its ToInt32; exact when it is an int32 other than -0). */
export function literalView(value: number): Int32View {
  const exact = Number.isInteger(value) && value >= I32_MIN && value <= I32_MAX && !Object.is(value, -0);
  return { text: i32Literal(Number.isFinite(value) ? value | 0 : 0), exact };
}

/** ToInt32 of a printed number, as i32 text. */
export function toInt32(p: Printed): string {
  return p.int32 ? p.int32.text : `__ice_i32(${p.text})`;
}

/** The i32 text of a printed number proven an int32, or undefined. */
export function exactInt32(p: Printed): string | undefined {
  return p.type.kind === "number" && p.int32?.exact ? p.int32.text : undefined;
}

/** A printed number whose value is an exact i32 expression. */
export function fromInt32(text: string): Printed {
  // The i32 context types integer literals inside as i32 (`2147483647 << 1` is -2, not an i64 fold).
  const typed = `(<i32>${text})`;
  return { text: `(<f64>${typed})`, type: NUMBER, int32: { text: typed, exact: true } };
}

/** `a op b` for a bitwise operator (operands already checked to be numbers). */
export function bitwise(op: string, left: Printed, right: Printed): Printed {
  const a = toInt32(left);
  const b = toInt32(right);
  const literal = /^-?\d+$/.test(b) ? Number(b) : undefined;
  const count = literal === undefined ? `(${b} & 31)` : String(literal & 31);
  if (op === ">>>") {
    const u = `(<u32>${a} >>> <u32>${count})`;
    return { text: `(<f64>${u})`, type: NUMBER, int32: { text: `(<i32>${u})`, exact: false } };
  }
  return fromInt32(`(${a} ${op} ${op === "<<" || op === ">>" ? count : b})`);
}

/** `~a`. */
export function bitwiseNot(operand: Printed): Printed {
  return fromInt32(`(~${toInt32(operand)})`);
}

/**
 * The view of `a + b` or `a - b` printed as `text`: with two exact operands the f64 result is an
 * exact integer below 2^32 in magnitude, so ToInt32 of it is the wrapping i32 operation.
 */
export function sumView(op: "+" | "-", left: Printed, right: Printed): Int32View | undefined {
  const a = exactInt32(left);
  const b = exactInt32(right);
  return a !== undefined && b !== undefined ? { text: `(${a} ${op} ${b})`, exact: false } : undefined;
}

/** `a < b` (and the other comparisons) of two exact int32s, or undefined. */
export function compareInt32(op: string, left: Printed, right: Printed): string | undefined {
  const a = exactInt32(left);
  const b = exactInt32(right);
  return a !== undefined && b !== undefined ? `(${a} ${op} ${b})` : undefined;
}

/**
 * True when `node` always evaluates to an exact int32, given the locals in `int32Locals` hold
 * exact int32s (used by locals.ts to prove locals int32; mirrors what the printer gives a view).
 */
export function isExactInt32(
  checker: ts.TypeChecker,
  node: ts.Expression,
  isInt32Local: (node: ts.Identifier) => boolean,
): boolean {
  const e = stripParens(node);
  if (ts.isNumericLiteral(e)) return literalView(Number(e.text)).exact;
  if (ts.isPrefixUnaryExpression(e)) {
    if (e.operator === ts.SyntaxKind.TildeToken) return true;
    if (e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
      return literalView(-Number(e.operand.text)).exact;
    return false;
  }
  if (ts.isIdentifier(e)) return isInt32Local(e);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    return (
      op === ts.SyntaxKind.AmpersandToken ||
      op === ts.SyntaxKind.BarToken ||
      op === ts.SyntaxKind.CaretToken ||
      op === ts.SyntaxKind.LessThanLessThanToken ||
      op === ts.SyntaxKind.GreaterThanGreaterThanToken
    );
  }
  if (ts.isPropertyAccessExpression(e) && !e.questionDotToken && e.name.text === "length") {
    const type = checker.getTypeAtLocation(e.expression);
    return (type.flags & ts.TypeFlags.String) !== 0 || checker.isArrayType(type);
  }
  return false;
}

function stripParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
