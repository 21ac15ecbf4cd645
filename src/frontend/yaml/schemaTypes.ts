/**
 * @fileoverview Schema types as written in YAML (`input_schema`, `output_schema`, tool
 * declarations). A field's type is a type text or a nested mapping (an object type):
 *
 *   Type     : Base (`[]`)* `?`?        `?` marks the field optional and may come only last
 *   Base     : string | number | integer | boolean | any | `(` Type `)`
 *
 * Aliases, for blueprints written for Python: `str` = string, `float` = number, `int` = integer,
 * `bool` = boolean, `object`/`dict`/`json` = any (an untyped map), `list`/`array` = any[].
 * A one-item YAML list `[T]` means `T[]`. A schema may also be written as JSON Schema.
 */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { ObjectType, SchemaField, SchemaType } from "../../plan/index.js";
import { checkName } from "../names.js";
import type { MapEntry, YamlContext } from "./context.js";
import { looksLikeJsonSchema, readJsonObjectSchema } from "./iceos/jsonSchema.js";

const BASE_TYPES: { readonly [name: string]: SchemaType } = {
  string: { kind: "string" },
  number: { kind: "number" },
  integer: { kind: "integer" },
  boolean: { kind: "boolean" },
  any: { kind: "any" },
  str: { kind: "string" },
  float: { kind: "number" },
  int: { kind: "integer" },
  bool: { kind: "boolean" },
  object: { kind: "any" },
  dict: { kind: "any" },
  json: { kind: "any" },
  list: { kind: "array", element: { kind: "any" } },
  array: { kind: "array", element: { kind: "any" } },
};

/** A type and whether the field holding it may be absent. */
export interface FieldType {
  readonly type: SchemaType;
  readonly optional: boolean;
}

/** Parses type text (`string[]?`); returns a message when it is not a type. */
export function parseTypeText(text: string): FieldType | string {
  let rest = text.trim();
  const optional = rest.endsWith("?");
  if (optional) rest = rest.slice(0, -1).trimEnd();
  if (rest.includes("?")) return "'?' marks an optional field and may only come last";
  const type = parseArrayType(rest);
  return typeof type === "string" ? type : { type, optional };
}

function parseArrayType(text: string): SchemaType | string {
  if (text.endsWith("[]")) {
    const element = parseArrayType(text.slice(0, -2).trimEnd());
    return typeof element === "string" ? element : { kind: "array", element };
  }
  if (text.startsWith("(") && text.endsWith(")")) return parseArrayType(text.slice(1, -1).trim());
  if (text === "") return "expected a type name";
  // Own names only: `constructor` found Object.prototype's member, a "type" that passed the
  // check and crashed the run.
  const base = Object.hasOwn(BASE_TYPES, text) ? BASE_TYPES[text] : undefined;
  if (base) return base;
  if (/^[A-Za-z_]\w*$/.test(text))
    return `unknown type name${didYouMean(text, ["string", "number", "integer", "boolean", "any"]) || "; use string, number, integer, boolean, any, T[] or a nested map"}`;
  return "use string, number, integer, boolean, any, T[], T? or a nested map";
}

/** A field's type: type text, a nested mapping, or `[T]`. */
export function readFieldType(ctx: YamlContext, node: Node | null, field: string): FieldType | undefined {
  if (isScalar(node) && typeof node.value === "string") {
    const parsed = parseTypeText(node.value);
    if (typeof parsed !== "string") return parsed;
    ctx.bag.report(Diagnostics.BadTypeSyntax, ctx.span(node), [node.value, parsed]);
    return undefined;
  }
  if (isMap(node)) {
    const type = readShortObjectType(ctx, node, field);
    return type && { type, optional: false };
  }
  if (isSeq(node) && node.items.length === 1) {
    const element = readFieldType(ctx, ctx.resolve(node.items[0]), field);
    return element && { type: { kind: "array", element: element.type }, optional: false };
  }
  ctx.wrongType(field, "a type (string, number, integer, boolean, any, T[] or a nested map)", node);
  return undefined;
}

/**
 * An object type (`input_schema`, `output_schema`): a mapping of field names to types, or a JSON
 * Schema object (`{ type: object, properties, required }`, see iceos/jsonSchema.ts).
 */
export function readObjectType(ctx: YamlContext, node: Node | null, what: string): ObjectType | undefined {
  const entries = ctx.mapping(node, `'${what}'`);
  if (!entries) return undefined;
  if (looksLikeJsonSchema(ctx, entries)) return readJsonObjectSchema(ctx, entries, `'${what}'`);
  return readFields(ctx, entries);
}

/** A nested object type in the short form. */
function readShortObjectType(ctx: YamlContext, node: Node | null, what: string): ObjectType | undefined {
  const entries = ctx.mapping(node, `'${what}'`);
  return entries && readFields(ctx, entries);
}

function readFields(ctx: YamlContext, entries: readonly MapEntry[]): ObjectType | undefined {
  const fields: SchemaField[] = [];
  let ok = true;
  for (const entry of entries) {
    if (!checkName(ctx.bag, "field name", entry.key, entry.keySpan)) ok = false;
    const parsed = readFieldType(ctx, entry.value, entry.key);
    if (parsed) fields.push({ name: entry.key, type: parsed.type, optional: parsed.optional });
    else ok = false;
  }
  return ok ? { kind: "object", fields } : undefined;
}

/** Any schema type: type text or mapping (a tool's `output_schema` may be `string`). */
export function readSchemaType(ctx: YamlContext, node: Node | null, what: string): SchemaType | undefined {
  return readFieldType(ctx, node, what)?.type;
}
