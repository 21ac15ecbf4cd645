/**
 * @fileoverview `xs.reduce(f)` and `xs.reduceRight(f)` without an initial value, written inside a
 * `try` block: on an empty array JavaScript throws a TypeError ("Reduce of empty array with no
 * initial value") that the `catch` takes (`try { best = xs.reduce(max) } catch { best = 0 }`). As
 * for `decodeURIComponent` (catchableUri.ts), the call is then one that may throw
 * (throwAnalysis.ts), printed with a test of the array's length that throws that TypeError for the
 * `catch`, and hoisted and checked like any throwing call. Elsewhere the plain loop, whose empty
 * case stops the node with the same message (an uncaught error ends it there too).
 */
import { ts } from "../typescript.js";
import { asType, type ValueType, zeroValue } from "../types.js";
import type { PrintContext } from "./context.js";
import { state } from "./exceptionRegions.js";
import { bodyCatches, insideTry } from "./catchableParse.js";

/** A reduce of an array without an initial value, inside a `try` block of its own function. */
export function isCatchableReduce(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return false;
  if (callee.name.text !== "reduce" && callee.name.text !== "reduceRight") return false;
  if (ts.isSpreadElement(node.arguments[0]!)) return false;
  if (!ctx.checker.isArrayType(ctx.checker.getTypeAtLocation(callee.expression))) return false;
  return bodyCatches(ctx) && insideTry(node);
}

/**
 * The loop call `loop` (given the receiver's text) guarded by the empty test: the receiver is
 * evaluated once into a temporary; an empty array throws the TypeError and gives a placeholder
 * the check after the hoisted call never lets anything read.
 */
export function printCatchableReduce(
  ctx: PrintContext,
  receiver: string,
  arrayType: ValueType,
  element: ValueType,
  loop: (receiver: string) => string,
): string {
  const t = ctx.temp(arrayType);
  const dummy = zeroValue(element);
  return `((${t} = ${receiver}).length == 0 ? __ice_reduce_empty<${asType(element)}>(${dummy}, ${state(ctx).line}) : ${loop(t)})`;
}
