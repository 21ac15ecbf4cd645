/**
 * @fileoverview `Array(n)` and `new Array(n)`: an array of n holes, which code nodes cannot hold,
 * so it is supported only where no hole is ever seen: `.fill(v)` (n copies of v, calls.ts) and
 * `.keys()` iterated (0 to n-1, iteration.ts: `[...Array(n).keys()]`). `Array()` is `[]`. A length
 * that is not an array length stops the node with JavaScript's RangeError text.
 */
import { ts } from "../typescript.js";
import { asType, NUMBER } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printTo } from "./expressions.js";

/** The length argument of `Array(n)` or `new Array(n)` (the global `Array`), else undefined. */
export function arrayLengthArgument(ctx: PrintContext, node: ts.Expression): ts.Expression | undefined {
  const made = stripParens(node);
  if (!ts.isNewExpression(made) && !ts.isCallExpression(made)) return undefined;
  const callee = made.expression;
  if (!ts.isIdentifier(callee) || callee.text !== "Array") return undefined;
  const symbol = ctx.symbolOf(callee);
  if (symbol && ctx.isLocal(symbol)) return undefined;
  const args = made.arguments ?? [];
  const [length] = args;
  return args.length === 1 && length && !ts.isSpreadElement(length) ? length : undefined;
}

/** `Array()` (an empty array) and `Array(n)` on its own (refused: its elements are holes). */
export function printArrayCall(ctx: PrintContext, node: ts.CallExpression): Printed {
  const type = ctx.typeOf(node);
  if (type.kind === "array" && node.arguments.length === 0) return { text: `new ${asType(type)}()`, type };
  return refuseHoles(ctx, node);
}

/** `new Array(n)` or `Array(n)` where its holes would be seen. */
export function refuseHoles(ctx: PrintContext, node: ts.Expression): never {
  return ctx.refuse(
    node,
    "`new Array(n)` on its own (its elements are holes)",
    "write `new Array<T>(n).fill(value)`, `[...Array(n).keys()]`, or push into `[]`",
  );
}

/** The counting loop of `Array(n).keys()`: the length checked once, then 0 to n-1 as numbers. */
export function arrayKeys(ctx: PrintContext, length: ts.Expression) {
  return {
    collection: { text: `<f64>__ice_new_array_length(${printTo(ctx, length, NUMBER)})`, type: NUMBER },
    element: NUMBER,
    loop: (c: string, p: string) => ({
      head: `for (let ${p}: i32 = 0; ${p} < <i32>${c}; ${p}++)`,
      parts: [`<f64>${p}`],
    }),
  };
}
