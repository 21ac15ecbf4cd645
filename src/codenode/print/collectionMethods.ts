/**
 * @fileoverview `Map` and `Set` methods with JavaScript's semantics (`get` of a missing key is
 * `undefined`, keys compared as SameValueZero). Dispatched from calls.ts.
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, isPrimitive, optional, type ValueType, VOID } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { numberLiteral } from "./expressions.js";
import { arg, box } from "./calls.js";
import { collectionForEach } from "./iteration.js";

export function collectionMethod(ctx: PrintContext, node: ts.CallExpression, c: Printed, method: string): Printed {
  const t = c.type;
  const key = t.kind === "map" ? t.key : (t as Extract<ValueType, { kind: "set" }>).element;
  const K = asType(key);
  const k = () => `__ice_key<${K}>(${arg(ctx, node, 0, key, "")})`;
  switch (method) {
    case "get":
      if (t.kind !== "map") break;
      if (isPrimitive(t.value) && asserted(node))
        return {
          text: `__ice_map_get_v<${K}, ${asType(t.value)}>(${c.text}, ${arg(ctx, node, 0, key, "")})`,
          type: t.value,
        };
      return {
        text: `__ice_map_get${box(t.value)}<${K}, ${asType(t.value)}>(${c.text}, ${arg(ctx, node, 0, key, "")})`,
        type: optional(t.value),
      };
    case "set":
      if (t.kind !== "map") break;
      return { text: `${c.text}.set(${k()}, ${arg(ctx, node, 1, t.value, "")})`, type: t };
    case "add":
      if (t.kind !== "set") break;
      return { text: `${c.text}.add(${k()})`, type: t };
    case "has":
      return { text: `${c.text}.has(${k()})`, type: BOOLEAN };
    case "delete":
      return { text: `${c.text}.delete(${k()})`, type: BOOLEAN };
    case "clear":
      return { text: `${c.text}.clear()`, type: VOID };
    case "forEach":
      return collectionForEach(ctx, node, c);
    default:
      break;
  }
  return ctx.refuse(
    node,
    `${t.kind === "map" ? "Map" : "Set"}.${method}()`,
    "use get, set, add, has, delete, clear or size",
  );
}

/** True when the call is the operand of `!` (through parentheses): `m.get(k)!`. */
function asserted(node: ts.CallExpression): boolean {
  let p: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return ts.isNonNullExpression(p);
}

export { numberLiteral, coerce };
