/**
 * @fileoverview `Object.fromEntries(entries)`: a dictionary of the entries' values from typed
 * `[key, value]` pairs, a Map with string or number keys, or URLSearchParams. When TypeScript types
 * the result `{ [k: string]: any }` (the values are `any` or `unknown`, which fromChecker.ts makes
 * an `any` itself), the dictionary is built as before and handed over as a JSON value: it is new,
 * so nothing can see that it was copied. Arrays of arrays (`string[][]`) are fromEntriesAny.ts's.
 */
import type { ts } from "../typescript.js";
import { asType, sameType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { printExpr } from "./expressions.js";
import { fromArrayEntries } from "./fromEntriesAny.js";
import { freshToJson } from "./jsonConvert.js";

type Dict = Extract<ValueType, { kind: "dict" }>;

export function printFromEntries(ctx: PrintContext, node: ts.CallExpression): Printed {
  const type = ctx.typeOf(node);
  if (type.kind !== "json" && type.kind !== "dict")
    return ctx.refuse(node, "Object.fromEntries here", "give the entries a type");
  const source = node.arguments[0]!;
  const entries = printExpr(ctx, source);
  if (type.kind === "json") {
    if (!typedPairs(entries.type)) return fromArrayEntries(ctx, node, entries);
    const dict: Dict = { kind: "dict", value: type };
    const built = dictionary(ctx, source, entries, dict);
    return { text: freshToJson(ctx, built, node), type };
  }
  return dictionary(ctx, source, entries, type);
}

/** A Map, or an array of `[key, value]` tuples (not of arrays). */
function typedPairs(t: ValueType): boolean {
  return t.kind === "map" || (t.kind === "array" && t.element.kind === "tuple");
}

function dictionary(ctx: PrintContext, source: ts.Expression, entries: Printed, type: Dict): Printed {
  if (entries.type.kind === "urlParams" && type.value.kind === "string")
    return { text: `__ice_usp_object(${entries.text})`, type };
  if (entries.type.kind === "map") {
    const key = entries.type.key.kind;
    if (key !== "string" && key !== "number")
      return ctx.refuse(source, "keys of this type", "use string or number keys");
    if (!sameType(entries.type.value, type.value))
      return ctx.refuse(source, "entries whose values have another type", "give the values one type");
    return {
      text: `__ice_dict_from_map${key === "number" ? "_num" : ""}<${asType(type.value)}>(${entries.text})`,
      type,
    };
  }
  const tuple = entries.type.kind === "array" ? entries.type.element : undefined;
  if (tuple?.kind !== "tuple" || tuple.elements.length !== 2)
    return ctx.refuse(source, "these entries", "pass an array of [key, value] pairs");
  const numeric = tuple.elements[0]!.kind === "number";
  if (!numeric && tuple.elements[0]!.kind !== "string")
    return ctx.refuse(source, "keys of this type", "use string or number keys");
  if (!sameType(tuple.elements[1]!, type.value))
    return ctx.refuse(source, "entries whose values have another type", "give the values one type");
  return {
    text: `__ice_dict_from_entries${numeric ? "_num" : ""}<${asType(type.value)}, ${asType(tuple)}>(${entries.text})`,
    type,
  };
}
