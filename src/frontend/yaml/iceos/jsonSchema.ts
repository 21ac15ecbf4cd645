/**
 * @fileoverview Schemas written as JSON Schema (iceOS blueprints: `input_schema: { type: object,
 * properties: {...}, required: [...] }`) to plan types, beside the short `{ field: type }` form.
 *
 * A mapping is read as JSON Schema when its `type` is a JSON Schema type name written as a
 * string (`object`, `array`, `string`, `number`, `integer`, `boolean`, `null`) or a list of
 * them, or it has `properties`, and every key is a JSON Schema keyword. Mapping:
 *
 *   object + properties/required   -> an object type; properties not in `required` are optional
 *   object without properties      -> any (an open map)
 *   array + items                  -> T[] (any[] without items)
 *   string, number, integer, boolean -> the same; `enum`/`const` -> the type of their values
 *   type: [T, "null"]              -> T, optional
 *
 * Annotations (`description`, `title`, `default`, `examples`, `format`, ...) are read and
 * dropped. Keywords that combine or constrain schemas beyond these (`oneOf`, `anyOf`, `allOf`,
 * `not`, `$ref`, `patternProperties`, `if`...) are not taken: a located warning (ICE1017) and the
 * field is typed any.
 */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { Diagnostics } from "../../../diagnostics/index.js";
import type { ObjectType, SchemaField, SchemaType } from "../../../plan/index.js";
import type { MapEntry, YamlContext } from "../context.js";
import { checkName } from "../../names.js";

const TYPE_NAMES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

/** Keywords read for their meaning. */
const STRUCTURAL = new Set(["type", "properties", "required", "items", "additionalProperties", "enum", "const"]);

/** Keywords that annotate or constrain values without changing the type: read and dropped. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$comment",
  "title",
  "description",
  "default",
  "examples",
  "example",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "readOnly",
  "writeOnly",
  "deprecated",
  "nullable",
]);

/** Keywords we do not take (the field becomes any, with ICE1017). */
const NOT_TAKEN = new Set([
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "$ref",
  "$defs",
  "definitions",
  "patternProperties",
  "propertyNames",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "if",
  "then",
  "else",
  "prefixItems",
  "contains",
  "unevaluatedProperties",
  "unevaluatedItems",
]);

const isKeyword = (key: string): boolean => STRUCTURAL.has(key) || ANNOTATIONS.has(key) || NOT_TAKEN.has(key);

/** True when `entries` (a mapping's) read as JSON Schema rather than the short `{ field: type }` form. */
export function looksLikeJsonSchema(ctx: YamlContext, entries: readonly MapEntry[]): boolean {
  if (entries.length === 0 || !entries.every((e) => isKeyword(e.key))) return false;
  const type = entries.find((e) => e.key === "type");
  if (type) return typeNames(ctx, type.value) !== undefined;
  return entries.some((e) => e.key === "properties" || NOT_TAKEN.has(e.key));
}

/** The type names of a `type` keyword (`object`, or `[string, "null"]`); undefined when it is not one. */
function typeNames(ctx: YamlContext, node: Node | null): string[] | undefined {
  const resolved = ctx.resolve(node);
  if (isScalar(resolved) && typeof resolved.value === "string")
    return TYPE_NAMES.has(resolved.value) ? [resolved.value] : undefined;
  if (isSeq(resolved)) {
    const names = resolved.items.map((i) => ctx.resolve(i)).map((i) => (isScalar(i) ? i.value : undefined));
    return names.every((n): n is string => typeof n === "string" && TYPE_NAMES.has(n)) ? names : undefined;
  }
  return undefined;
}

/** A JSON Schema object at the top of `input_schema`/`output_schema`; undefined when it is not an object type. */
export function readJsonObjectSchema(
  ctx: YamlContext,
  entries: readonly MapEntry[],
  what: string,
): ObjectType | undefined {
  const read = readJsonSchema(ctx, entries, what);
  if (read === undefined) return undefined;
  if (read.type.kind === "object") return read.type;
  if (read.type.kind === "any") return { kind: "object", fields: [] };
  ctx.bag.report(Diagnostics.WrongFieldType, entries[0]!.keySpan, [
    what,
    "an object schema",
    `a ${read.type.kind} schema`,
  ]);
  return undefined;
}

/** One JSON Schema: its type, and whether it admits null (a nullable field is optional). */
function readJsonSchema(
  ctx: YamlContext,
  entries: readonly MapEntry[],
  what: string,
): { type: SchemaType; nullable: boolean } | undefined {
  const field = (key: string): MapEntry | undefined => entries.find((e) => e.key === key);
  for (const entry of entries) {
    if (NOT_TAKEN.has(entry.key)) {
      ctx.bag.report(Diagnostics.UnsupportedJsonSchema, entry.keySpan, [entry.key, what]);
      return { type: { kind: "any" }, nullable: false };
    }
  }
  const typeEntry = field("type");
  let names = typeEntry ? typeNames(ctx, typeEntry.value) : undefined;
  if (typeEntry && names === undefined) {
    ctx.wrongType(
      "type",
      "a JSON Schema type name (object, array, string, number, integer, boolean, null)",
      typeEntry.value,
      typeEntry.keySpan,
    );
    return undefined;
  }
  const values = field("enum") ?? field("const");
  if (!names && values) names = valueTypeNames(ctx, values);
  if (!names) names = field("properties") ? ["object"] : field("items") ? ["array"] : [];
  const nullable = names.includes("null") || isTrue(ctx, field("nullable"));
  const concrete = names.filter((n) => n !== "null");
  if (concrete.length > 1) {
    ctx.bag.report(Diagnostics.UnsupportedJsonSchema, typeEntry?.keySpan ?? entries[0]!.keySpan, [
      `type: [${names.join(", ")}]`,
      what,
    ]);
    return { type: { kind: "any" }, nullable };
  }
  const name = concrete[0];
  switch (name) {
    case undefined:
      return { type: { kind: "any" }, nullable };
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: { kind: name }, nullable };
    case "array": {
      const items = field("items");
      if (!items) return { type: { kind: "array", element: { kind: "any" } }, nullable };
      const element = readSubSchema(ctx, items.value, `the items of ${what}`);
      return element && { type: { kind: "array", element: element.type }, nullable };
    }
    default:
      return readObject(ctx, field("properties"), field("required"), what, nullable);
  }
}

function readObject(
  ctx: YamlContext,
  properties: MapEntry | undefined,
  required: MapEntry | undefined,
  what: string,
  nullable: boolean,
): { type: SchemaType; nullable: boolean } | undefined {
  const requiredNames = new Set(required ? ctx.names(required).map((n) => n.name) : []);
  if (!properties)
    return {
      type:
        requiredNames.size === 0
          ? { kind: "any" }
          : objectOf([...requiredNames].map((name) => ({ name, type: { kind: "any" }, optional: false }))),
      nullable,
    };
  const entries = ctx.mapping(properties.value, `'properties' of ${what}`, properties.keySpan);
  if (!entries) return undefined;
  const fields: SchemaField[] = [];
  let ok = true;
  for (const entry of entries) {
    if (!checkName(ctx.bag, "field name", entry.key, entry.keySpan)) {
      ok = false;
      continue;
    }
    const sub = readSubSchema(ctx, entry.value, `'${entry.key}'`);
    if (!sub) {
      ok = false;
      continue;
    }
    fields.push({ name: entry.key, type: sub.type, optional: !requiredNames.has(entry.key) || sub.nullable });
  }
  for (const name of requiredNames)
    if (!fields.some((f) => f.name === name)) fields.push({ name, type: { kind: "any" }, optional: false });
  return ok ? { type: objectOf(fields), nullable } : undefined;
}

/** A nested schema: a mapping in JSON Schema, or (leniently) a type name in the short form. */
function readSubSchema(
  ctx: YamlContext,
  node: Node | null,
  what: string,
): { type: SchemaType; nullable: boolean } | undefined {
  const resolved = ctx.resolve(node);
  if (isMap(resolved)) return readJsonSchema(ctx, ctx.entries(resolved), what);
  if (resolved === null || (isScalar(resolved) && resolved.value === true))
    return { type: { kind: "any" }, nullable: false };
  ctx.wrongType(what, "a JSON Schema (a mapping such as '{ type: string }')", resolved);
  return undefined;
}

function objectOf(fields: SchemaField[]): ObjectType {
  return { kind: "object", fields };
}

/** The JSON Schema type names of `enum`/`const` values. */
function valueTypeNames(ctx: YamlContext, entry: MapEntry): string[] | undefined {
  const resolved = ctx.resolve(entry.value);
  const values = isSeq(resolved) ? resolved.items.map((i) => ctx.resolve(i)) : [resolved];
  const names = new Set<string>();
  for (const v of values) {
    if (!isScalar(v)) return undefined;
    const value = v.value;
    names.add(
      value === null
        ? "null"
        : typeof value === "number"
          ? Number.isInteger(value)
            ? "integer"
            : "number"
          : typeof value,
    );
  }
  if (names.has("integer") && names.has("number")) names.delete("integer");
  return [...names];
}

function isTrue(ctx: YamlContext, entry: MapEntry | undefined): boolean {
  const value = entry && ctx.resolve(entry.value);
  return isScalar(value) && value.value === true;
}
