/**
 * @fileoverview YAML values to plan values. Strings go through template parsing (`"{{ a.b }}"`
 * is a reference, text around `{{ }}` a template); numbers, booleans and null are literals;
 * mappings and lists become object and array values. `llm_config` is plain JSON instead.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import type { Span } from "../../diagnostics/index.js";
import { setEntry, type JsonValue, type TemplateValue, type Value, type ValueEntry } from "../../plan/index.js";
import { parseStringValue, parseTemplate } from "../template.js";
import type { MapEntry, YamlContext } from "./context.js";
import { stringSource } from "./positions.js";

/** A plan value for a YAML node (`fallback` locates a missing value). */
export function readValue(ctx: YamlContext, node: Node | null, fallback: Span): Value {
  const resolved = ctx.resolve(node);
  if (resolved === null) return { kind: "literal", value: null, span: fallback };
  const at = ctx.span(resolved, fallback);
  if (isMap(resolved)) {
    return { kind: "object", entries: readValueEntries(ctx, ctx.entries(resolved)), span: at };
  }
  if (isSeq(resolved)) {
    return { kind: "array", items: resolved.items.map((item) => readValue(ctx, ctx.resolve(item), at)), span: at };
  }
  const value = (resolved as Scalar).value;
  if (typeof value === "string") {
    const parsed = parseStringValue(stringSource(ctx.file, resolved as Scalar));
    ctx.bag.addAll(parsed.diagnostics);
    return parsed.value;
  }
  return { kind: "literal", value: toJson(ctx, resolved), span: at };
}

/** Entries of a mapping as value entries (`tool_args`, `inputs`, `outputs`). */
export function readValueEntries(ctx: YamlContext, entries: readonly MapEntry[]): ValueEntry[] {
  return entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: readValue(ctx, e.value, e.keySpan) }));
}

/** A map of values, or [] with ICE1002 when `entry` is not a mapping (null counts as empty). */
export function readValueMap(ctx: YamlContext, entry: MapEntry): ValueEntry[] {
  if (entry.value === null || (isScalar(entry.value) && entry.value.value === null)) return [];
  const entries = ctx.mapping(entry.value, `'${entry.key}'`, entry.keySpan);
  return entries ? readValueEntries(ctx, entries) : [];
}

/** A string field parsed as a template (prompts). */
export function readTemplate(ctx: YamlContext, entry: MapEntry): TemplateValue | undefined {
  if (!isScalar(entry.value) || typeof entry.value.value !== "string")
    return ctx.wrongType(entry.key, "a string", entry.value, entry.keySpan);
  const parsed = parseTemplate(stringSource(ctx.file, entry.value));
  ctx.bag.addAll(parsed.diagnostics);
  return parsed.value;
}

/** A mapping of JSON values (`llm_config`); `entries`, when given, are its entries already read. */
export function readJsonMap(
  ctx: YamlContext,
  entry: MapEntry,
  entries?: readonly MapEntry[],
): { [key: string]: JsonValue } {
  if (!entries && (entry.value === null || (isScalar(entry.value) && entry.value.value === null))) return {};
  const read = entries ?? ctx.mapping(entry.value, `'${entry.key}'`, entry.keySpan);
  const out: { [key: string]: JsonValue } = {};
  for (const e of read ?? []) setEntry(out, e.key, toJson(ctx, e.value));
  return out;
}

/** A YAML node (aliases resolved) as plain JSON. */
export function jsonOf(ctx: YamlContext, node: Node | null): JsonValue {
  return toJson(ctx, node);
}

/** A YAML node as plain JSON (no references), aliases resolved through the context. */
function toJson(ctx: YamlContext, node: unknown): JsonValue {
  const resolved = ctx.resolve(node);
  if (resolved === null) return null;
  if (isMap(resolved)) {
    const out: { [key: string]: JsonValue } = {};
    for (const pair of resolved.items) {
      const key = ctx.resolve(pair.key);
      setEntry(out, isScalar(key) ? String(key.value) : JSON.stringify(toJson(ctx, key)), toJson(ctx, pair.value));
    }
    return out;
  }
  if (isSeq(resolved)) return resolved.items.map((item) => toJson(ctx, item));
  return normalize(isScalar(resolved) ? resolved.value : null);
}

function normalize(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, normalize(v)]));
  return String(value);
}
