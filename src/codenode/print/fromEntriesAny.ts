/**
 * @fileoverview `Object.fromEntries(pairs)` of arrays that are not typed `[key, value]` tuples
 * (`text.split("&").map((kv) => kv.split("="))`, a `string[][]`): TypeScript types the result
 * `any`, so it is built as a JSON object. Each entry's first element is the key (JavaScript's
 * ToPropertyKey: a number as it prints, `"undefined"` for a missing one), its second the value
 * (undefined when missing); a later entry with the same key replaces the value in place.
 */
import type { ts } from "ts-morph";
import { asType, JSON_VALUE, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { hoistOnce, toJson } from "./jsonConvert.js";

export function fromArrayEntries(ctx: PrintContext, node: ts.CallExpression, entries: Printed): Printed {
  const inner = entries.type.kind === "array" ? entries.type.element : undefined;
  const element = inner?.kind === "array" ? inner.element : undefined;
  const key = element && keyOf(element, "e[0]");
  if (!element || !key)
    return ctx.refuse(node, "Object.fromEntries of these entries", "pass an array of [key, value] pairs");
  const E = asType(element);
  const name = `__ice_from_arrays_${E.replace(/\W/g, "_")}`;
  hoistOnce(ctx, name, () => {
    const value = toJson(ctx, { text: "e[1]", type: element }, node);
    return `function ${name}(es: Array<Array<${E}>>): __ice_J {\n  const o = __ice_j_newobj();\n  for (let i = 0; i < es.length; i++) {\n    const e = es[i];\n    __ice_j_put(o, e.length > 0 ? ${key} : "undefined", e.length > 1 ? ${value} : __ice_j_undef());\n  }\n  return o;\n}`;
  });
  return { text: `${name}(${entries.text})`, type: JSON_VALUE };
}

/** ToPropertyKey of an element, or undefined when its type is not one this supports. */
function keyOf(t: ValueType, e: string): string | undefined {
  switch (t.kind) {
    case "string":
      return e;
    case "number":
      return `__ice_num_str(${e})`;
    case "boolean":
      return `(${e} ? "true" : "false")`;
    case "json":
      return `__ice_j_tostr(${e})`;
    default:
      return undefined;
  }
}
