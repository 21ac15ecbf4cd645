/**
 * @fileoverview Number idioms, where AssemblyScript's integers and floats part from JavaScript's
 * one number type: `/` between integers as float division, `Math.max/min/abs/floor/...` kept on
 * integers, `Number(s)` of a string, `Date.now()` as a float, and float array indexes.
 */
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";
import { INT_MATH } from "./kinds.js";

/** `a / b` between integers -> `(<f64>(a) / <f64>(b))` (JavaScript divides exactly). */
export function integerDivision(cx: LowerContext, node: ts.BinaryExpression): boolean {
  if (
    node.operatorToken.kind !== ts.SyntaxKind.SlashToken ||
    cx.kindOf(node.left) !== "int" ||
    cx.kindOf(node.right) !== "int"
  )
    return false;
  cx.gen("(<f64>(", node);
  cx.node(node.left);
  cx.gen(") / <f64>(", node.operatorToken);
  cx.node(node.right);
  cx.gen("))", node);
  return true;
}

/** `Math.<name>(...)`: max/min folded to two arguments (integers stay integers); floor/abs... of integers. */
export function math(cx: LowerContext, node: ts.CallExpression, name: string): boolean {
  const args = node.arguments;
  const kinds = args.map((a) => cx.kindOf(a));
  const allInt = args.length > 0 && kinds.every((k) => k === "int");
  if ((name === "max" || name === "min") && args.length >= 2) {
    // Fold: max(a, b, c) -> max(a, max(b, c)); integers stay integers.
    const fn = allInt ? `${name}<i32>` : `Math.${name}`;
    args.forEach((arg, index) => {
      if (index < args.length - 1) cx.gen(`${fn}(`, arg);
      if (!allInt && kinds[index] !== "float") {
        cx.gen("<f64>(", arg);
        cx.node(arg);
        cx.gen(")", arg);
      } else cx.node(arg);
      if (index < args.length - 1) cx.gen(", ", arg);
    });
    cx.gen(")".repeat(args.length - 1), node);
    return true;
  }
  if (args.length === 1 && allInt && INT_MATH.has(name)) return cx.wrap(node, "(", args[0]!, ")");
  if (args.length === 1 && allInt && name === "abs") return cx.wrap(node, "abs<i32>(", args[0]!, ")");
  return false;
}

/** `Number(s)` of a string -> `parseFloat(s)`. */
export function numberOfString(cx: LowerContext, node: ts.CallExpression, callee: string): boolean {
  if (callee !== "Number" || node.arguments.length !== 1 || cx.kindOf(node.arguments[0]!) !== "string") return false;
  return cx.wrap(node, "parseFloat(", node.arguments[0]!, ")");
}

/** `Date.now()` -> `(<f64>Date.now())` (a number, as in JavaScript, not an i64). */
export function dateNow(cx: LowerContext, node: ts.CallExpression, object: string | undefined, name: string): boolean {
  if (object !== "Date" || name !== "now" || node.arguments.length !== 0) return false;
  cx.gen("(<f64>", node);
  cx.children(node);
  cx.gen(")", node);
  return true;
}

/** `xs[f]` with a float index -> `xs[<i32>(f)]`. */
export function floatIndex(cx: LowerContext, node: ts.ElementAccessExpression): boolean {
  if (cx.kindOf(node.argumentExpression) !== "float") return false;
  cx.node(node.expression);
  cx.gen("[<i32>(", node.argumentExpression);
  cx.node(node.argumentExpression);
  cx.gen(")]", node);
  return true;
}
