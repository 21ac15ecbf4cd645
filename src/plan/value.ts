/**
 * @fileoverview Values bound to node fields: literals, typed references (`{{ node.field }}`),
 * string templates and structures of these.
 */
import type { Span } from "../diagnostics/index.js";

/** A JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A reference to a value by path. `path[0]` is the root: `inputs` (the workflow inputs), a node
 * id, or a loop's item variable; the rest selects fields (`["classify", "label"]`).
 */
export interface RefValue {
  readonly kind: "ref";
  readonly path: readonly string[];
  readonly span: Span;
  /**
   * The value used when the referenced one is absent (undefined or null, or its node did not
   * run): written `{{ inputs.model or 'gpt-4o' }}`, `{{ env.MODE | default(true) }}`,
   * `{{ x ?? 1 }}`, or another reference with its own default (`{{ approve.text or reject.text }}`).
   */
  readonly fallback?: LiteralValue | RefValue;
}

/** A constant. */
export interface LiteralValue {
  readonly kind: "literal";
  readonly value: JsonValue;
  readonly span: Span;
}

/** Text with references spliced in: `"Summarise {{ doc.text }} in {{ inputs.words }} words"`. */
export interface TemplateValue {
  readonly kind: "template";
  readonly parts: readonly (string | RefValue)[];
  readonly span: Span;
}

/** A map whose values may contain references. */
export interface ObjectValue {
  readonly kind: "object";
  readonly entries: readonly ValueEntry[];
  readonly span: Span;
}

/** A list whose items may contain references. */
export interface ArrayValue {
  readonly kind: "array";
  readonly items: readonly Value[];
  readonly span: Span;
}

/** One `key: value` of an object value (or of a node's `inputs`/`tool_args`/`outputs`). */
export interface ValueEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Value;
}

export type Value = RefValue | LiteralValue | TemplateValue | ObjectValue | ArrayValue;

/** Every reference inside a value, in source order, the references among defaults included. */
export function referencesIn(value: Value): RefValue[] {
  return chainHeadsIn(value).flatMap(chainOf);
}

/** A reference and the references among its defaults, in order (`a ?? b ?? "x"`: a, b). */
export function chainOf(ref: RefValue): RefValue[] {
  return ref.fallback?.kind === "ref" ? [ref, ...chainOf(ref.fallback)] : [ref];
}

/** The references of a value as written (a reference's defaults are inside it, not listed). */
export function chainHeadsIn(value: Value): RefValue[] {
  switch (value.kind) {
    case "ref":
      return [value];
    case "literal":
      return [];
    case "template":
      return value.parts.filter((p): p is RefValue => typeof p !== "string");
    case "object":
      return value.entries.flatMap((e) => chainHeadsIn(e.value));
    case "array":
      return value.items.flatMap(chainHeadsIn);
  }
}

/**
 * Sets `object[key] = value` as an own, enumerable data property, `__proto__` included (plain
 * assignment of `__proto__` would set the prototype and lose the entry).
 */
export function setEntry<T>(object: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
