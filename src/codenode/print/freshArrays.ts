/**
 * @fileoverview An array of `any` values read as a typed array of primitives (`string[]`,
 * `number[]`, `boolean[]`) where the array is new: made by the expression itself (`.map`,
 * `.filter`, `.slice`, `.concat`, `.flat`, `.flatMap` on a value of type 'any', `split` of a
 * string, or an array literal), so no other reference to it exists and copying it into a typed array changes nothing
 * JavaScript could observe. The common shape is a model's parsed reply:
 * `const tags: string[] = Array.isArray(data.tags) ? data.tags.map((t: unknown) => String(t)) : []`.
 * Each element is read as the element type (an element of another type stops the node, as any
 * read of an 'any' value as a typed one does). An array that may be shared stays refused.
 */
import { ts } from "../typescript.js";
import { asType, type ValueType } from "../types.js";
import { type PrintContext, stripParens } from "./context.js";

/** Methods that return a new array when called on an array. */
const FRESH_METHODS = new Set(["map", "filter", "slice", "concat", "flat", "flatMap", "toSorted", "toReversed"]);

/** True when every array `node` may evaluate to is made by `node` itself. */
export function isFreshArray(ctx: PrintContext, node: ts.Node): boolean {
  const e = ts.isExpression(node) ? stripParens(node) : node;
  if (ts.isArrayLiteralExpression(e)) return true;
  if (ts.isConditionalExpression(e)) return isFreshArray(ctx, e.whenTrue) && isFreshArray(ctx, e.whenFalse);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && !e.expression.questionDotToken) {
    const receiver = ctx.checker.getTypeAtLocation(e.expression.expression);
    if (e.expression.name.text === "split")
      return (receiver.flags & (ts.TypeFlags.Any | ts.TypeFlags.StringLike)) !== 0;
    if (!FRESH_METHODS.has(e.expression.name.text)) return false;
    return (receiver.flags & ts.TypeFlags.Any) !== 0 || ctx.checker.isArrayType(receiver);
  }
  return false;
}

/** The element types a fresh array of 'any' values may be read as. */
function readable(element: ValueType): boolean {
  return element.kind === "string" || element.kind === "number" || element.kind === "boolean";
}

/**
 * The reader of `Array<__ice_J>` (`array`: true) or of one JSON value holding an array, as a
 * typed array of `element`, hoisted once per body; undefined when `element` is not readable.
 */
export function freshArrayReader(
  element: ValueType,
  array: boolean,
  hoistOnce: (name: string, text: () => string) => void,
): string | undefined {
  if (!readable(element)) return undefined;
  const read = { string: "__ice_j_to_str", number: "__ice_j_to_num", boolean: "__ice_j_to_bool" }[
    element.kind as "string" | "number" | "boolean"
  ];
  const T = asType(element);
  const name = `__ice_fresh_${array ? "arr" : "json"}_${element.kind}`;
  hoistOnce(name, () => {
    const from = array ? "a: Array<__ice_J>" : "v: __ice_J";
    const items = array ? "a" : "__ice_j_to_arr(v)";
    return [
      `function ${name}(${from}): Array<${T}> {`,
      `  const xs = ${items};`,
      "  const n = xs.length;",
      `  const out = new Array<${T}>(n);`,
      `  for (let i = 0; i < n; i++) out[i] = ${read}(xs[i]);`,
      "  return out;",
      "}",
    ].join("\n");
  });
  return name;
}
