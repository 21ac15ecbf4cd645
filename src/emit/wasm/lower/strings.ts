/**
 * @fileoverview String idioms: numbers and booleans in strings (`"n=" + x`, `${x}`, `String(x)`,
 * `x.toString()`, `console.log(a, b)`) formatted as JavaScript does, through `__ice_str`
 * (asLibrary.ts), where AssemblyScript would refuse or format floats differently.
 */
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";

/** The `console` methods that print their arguments. */
const LOG_METHODS = new Set(["log", "info", "warn", "error", "debug"]);

/** `"s" + x` / `x + "s"` / `s += x` with a non-string x -> `__ice_str(x)`. */
export function stringConcatenation(cx: LowerContext, node: ts.BinaryExpression): boolean {
  const op = node.operatorToken.kind;
  if (op !== ts.SyntaxKind.PlusToken && op !== ts.SyntaxKind.PlusEqualsToken) return false;
  const l = cx.kindOf(node.left);
  const r = cx.kindOf(node.right);
  const wrapLeft = op === ts.SyntaxKind.PlusToken && r === "string" && l !== undefined && l !== "string";
  const wrapRight = l === "string" && r !== undefined && r !== "string";
  if (!wrapLeft && !wrapRight) return false;
  if (wrapLeft) cx.wrap(node.left, "__ice_str(", node.left, ")");
  else cx.node(node.left);
  cx.copy(cx.end(node.left), cx.start(node.right));
  if (wrapRight) cx.wrap(node.right, "__ice_str(", node.right, ")");
  else cx.node(node.right);
  return true;
}

/** `${x}` with a float or boolean x: formatted as JavaScript does. */
export function templateSpan(cx: LowerContext, span: ts.TemplateSpan): boolean {
  const kind = cx.kindOf(span.expression);
  if (kind !== "float" && kind !== "bool") return false;
  cx.wrap(span.expression, "__ice_str(", span.expression, ")");
  cx.copy(cx.end(span.expression), cx.end(span));
  return true;
}

/** `String(x)` -> `__ice_str(x)`. */
export function stringOf(cx: LowerContext, node: ts.CallExpression, callee: string): boolean {
  if (callee !== "String" || node.arguments.length !== 1) return false;
  return cx.wrap(node, "__ice_str(", node.arguments[0]!, ")");
}

/** `console.log(a, b)` (anything but one string) -> `console.log(__ice_str(a) + " " + __ice_str(b))`. */
export function consoleLog(
  cx: LowerContext,
  node: ts.CallExpression,
  object: string | undefined,
  name: string,
): boolean {
  if (
    object !== "console" ||
    !LOG_METHODS.has(name) ||
    (node.arguments.length === 1 && cx.kindOf(node.arguments[0]!) === "string")
  )
    return false;
  cx.gen(`console.${name}(`, node);
  if (node.arguments.length === 0) cx.gen('""', node);
  node.arguments.forEach((arg, index) => {
    if (index > 0) cx.gen(' + " " + ', arg);
    cx.gen("__ice_str(", arg);
    cx.node(arg);
    cx.gen(")", arg);
  });
  cx.gen(")", node);
  return true;
}

/** `f.toString()` on a float -> `__ice_str(f)`. */
export function floatToString(cx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
  if (callee.name.text !== "toString" || node.arguments.length !== 0 || cx.kindOf(callee.expression) !== "float")
    return false;
  return cx.wrap(node, "__ice_str(", callee.expression, ")");
}
