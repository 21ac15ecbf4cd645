/**
 * @fileoverview Array methods that only read, called on a tuple whose elements share one type
 * (`range.join("-")` of a `[number, number]`, `pair.map(f)`, `t.includes(x)`): run on an array
 * of the tuple's elements, which gives what JavaScript gives, since the tuple is an array there
 * and these methods neither change it nor hand it on. Methods that change the array (`push`,
 * `sort`, `fill`, ...) stay refused: they would change a copy.
 */
import { ts } from "../typescript.js";
import { asType, sameType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { arrayMethod } from "./arrayMethods.js";

const READING = new Set([
  "join",
  "toString",
  "includes",
  "indexOf",
  "lastIndexOf",
  "at",
  "slice",
  "concat",
  "map",
  "filter",
  "flatMap",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "reduce",
  "reduceRight",
  "forEach",
  "toSorted",
  "toReversed",
]);

/** `tuple.method(...)` for a reading method of a tuple of one element type; undefined otherwise. */
export function tupleMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  receiver: Printed,
  method: string,
): Printed | undefined {
  if (receiver.type.kind !== "tuple" || !READING.has(method)) return undefined;
  const elements = receiver.type.elements;
  const first = elements[0];
  if (!first || !elements.every((e) => sameType(e, first))) return undefined;
  // The third argument of a callback is the array itself: a copy would not be the tuple.
  const callback = node.arguments[0];
  if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.parameters.length > 2)
    return undefined;
  const temp = ctx.temp(receiver.type);
  const array: ValueType = { kind: "array", element: first };
  const items = elements.map((_, i) => (i === 0 ? `(${temp} = ${receiver.text})._0` : `${temp}._${i}`));
  return arrayMethod(ctx, node, { text: `(<${asType(array)}>[${items.join(", ")}])`, type: array }, method);
}
