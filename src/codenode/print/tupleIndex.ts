/**
 * @fileoverview A tuple read with a computed index (`for (let i = 0; i < 2; i++) t[i]`): the
 * element at that index converted to the type TypeScript gives the read (the union of the element
 * types: 'any' when they differ, the element type when they agree), by a function generated per
 * tuple class and result type. An index that is no element reads undefined in JavaScript: NaN where
 * the read is only used as a number (arithmetic, comparisons), elsewhere a trap that stops the
 * node; where the program tests the read for undefined (`t[i] ?? d`) it is refused. Also
 * `t.length` of a tuple without optional or rest elements.
 */
import { ts } from "../typescript.js";
import { asType, NUMBER, typeKey, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr } from "./expressions.js";
import { hoistOnce } from "./jsonConvert.js";
import { missingContext } from "./missing.js";
import { fromInt32 } from "./int32.js";

type Tuple = Extract<ValueType, { kind: "tuple" }>;

/** `t[i]` for a tuple `t` and an index that is not a literal. */
export function tupleAt(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  tuple: Printed & { type: Tuple },
): Printed {
  const type = ctx.typeOf(node);
  const context = missingContext(ctx, node);
  const asNaN = context === "number" && type.kind === "number";
  // An 'any' result holds undefined itself.
  const asUndefined = type.kind === "json";
  if (context !== undefined && !asNaN && !asUndefined)
    return ctx.refuse(
      node,
      "a tuple element read by a computed index that may be past the end, here",
      "write t[0], t[1], ... or destructure it",
    );
  const name = `__ice_tuple_at_${tuple.type.shape.name}_${typeKey(type).replace(/\W/g, "_")}${asNaN ? "_nan" : ""}`;
  hoistOnce(ctx, name, () => {
    const reads = tuple.type.elements.map(
      (e, i) => `  if (i == ${i}) return ${coerce(ctx, { text: `t._${i}`, type: e }, type, node)};`,
    );
    const past = asUndefined
      ? "  return __ice_j_undef();"
      : asNaN
        ? "  return NaN;"
        : `  return __ice_tuple_fail<${asType(type)}>(i, ${tuple.type.elements.length});`;
    return `function ${name}(t: ${tuple.type.shape.name}, i: f64): ${asType(type)} {\n${reads.join("\n")}\n${past}\n}`;
  });
  const index = printExpr(ctx, node.argumentExpression, NUMBER);
  return { text: `${name}(${tuple.text}, ${coerce(ctx, index, NUMBER, node.argumentExpression)})`, type };
}

/** `t.length` of a tuple whose length is fixed (no optional or rest elements), else undefined. */
export function tupleLength(
  ctx: PrintContext,
  node: ts.PropertyAccessExpression,
  tuple: Printed & { type: Tuple },
): Printed | undefined {
  const checked = ctx.checker.getTypeAtLocation(node.expression);
  const target = (checked as ts.TypeReference).target as ts.TupleType | undefined;
  if (!target || !(target.objectFlags & ts.ObjectFlags.Tuple)) return undefined;
  const n = tuple.type.elements.length;
  if (target.hasRestElement || target.minLength !== n || target.fixedLength !== n) return undefined;
  return fromInt32(/^[\w$]+$/.test(tuple.text) ? `${n}` : `(${tuple.text}, ${n})`);
}
