/**
 * @fileoverview Schemas as the oracle's cases write them (the YAML short forms: `{ text: "string",
 * xs: "number[]", limit: "integer?", rows: [{ sku: "string" }] }`), printed into a workflow's YAML,
 * and the oracle's own reading of them: README "What code nodes support"'s value rules (an `integer` is any
 * JavaScript number that is an integer), written independently of the runtime's validator.
 */

/** A schema field's type: `"string"`, `"number[]"`, `"integer?"`, a nested map, `[map]` (a list of maps). */
export type Shape = string | readonly [Shape] | { readonly [field: string]: Shape };
/** The fields of an `input_schema` / `output_schema`. */
export type Fields = { readonly [field: string]: Shape };

/** A schema as the YAML short form: `{ text: string, xs: "number[]", rows: [{ n: integer }] }`. */
export function yamlOf(shape: Shape): string {
  if (typeof shape === "string") return /^[A-Za-z_]+$/.test(shape) ? shape : JSON.stringify(shape);
  if (Array.isArray(shape)) return `[${yamlOf(shape[0] as Shape)}]`;
  const entries = Object.entries(shape as Fields);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${k}: ${yamlOf(v)}`).join(", ")} }`;
}

const ALIASES: Readonly<Record<string, string>> = {
  str: "string",
  float: "number",
  int: "integer",
  bool: "boolean",
  object: "any",
  dict: "any",
  json: "any",
  list: "any[]",
};

/** What a value must be (optional fields are marked on the field). */
type Type =
  | { readonly kind: "string" | "number" | "integer" | "boolean" | "any" }
  | { readonly kind: "array"; readonly element: Type }
  | { readonly kind: "object"; readonly fields: readonly { name: string; optional: boolean; type: Type }[] };

function typeOf(shape: Shape): { type: Type; optional: boolean } {
  if (Array.isArray(shape))
    return { type: { kind: "array", element: typeOf(shape[0] as Shape).type }, optional: false };
  if (typeof shape !== "string") return { type: objectOf(shape as Fields), optional: false };
  const optional = shape.endsWith("?");
  let text = optional ? shape.slice(0, -1) : shape;
  text = ALIASES[text] ?? text;
  if (text.endsWith("[]")) return { type: { kind: "array", element: typeOf(text.slice(0, -2)).type }, optional };
  if (!["string", "number", "integer", "boolean", "any"].includes(text))
    throw new Error(`oracle: unknown type '${shape}'`);
  return { type: { kind: text as "string" }, optional };
}

function objectOf(fields: Fields): Type {
  return {
    kind: "object",
    fields: Object.entries(fields).map(([name, shape]) => ({ name, ...typeOf(shape) })),
  };
}

/** A schema read for checking values. */
export class Schema {
  private readonly type: Type;
  constructor(fields: Fields) {
    this.type = objectOf(fields);
  }

  /**
   * Checks `value` (README "What code nodes support"): undefined when it conforms; `nonFinite` when it conforms except for
   * NaN or ±Infinity in `number` fields (not JSON values: the sandbox may return them as they are
   * or refuse them with ICE_OUTPUT_INVALID); otherwise the first problem.
   */
  check(value: unknown): { problem: string; nonFinite: boolean } | undefined {
    let nonFinite: string | undefined;
    const visit = (v: unknown, t: Type, path: string): string | undefined => {
      switch (t.kind) {
        case "any":
          return v === undefined ? `${path}: missing` : undefined;
        case "string":
        case "boolean":
          return typeof v === t.kind ? undefined : `${path}: expected ${t.kind}, got ${describe(v)}`;
        case "number":
          if (typeof v !== "number") return `${path}: expected number, got ${describe(v)}`;
          if (!Number.isFinite(v)) nonFinite ??= `${path}: ${v}`;
          return undefined;
        case "integer":
          return typeof v === "number" && Number.isInteger(v)
            ? undefined
            : `${path}: expected integer, got ${describe(v)}`;
        case "array": {
          if (!Array.isArray(v)) return `${path}: expected array, got ${describe(v)}`;
          for (let i = 0; i < v.length; i++) {
            const p = visit(v[i], t.element, `${path}[${i}]`);
            if (p) return p;
          }
          return undefined;
        }
        case "object": {
          if (typeof v !== "object" || v === null || Array.isArray(v))
            return `${path}: expected object, got ${describe(v)}`;
          const record = v as Record<string, unknown>;
          for (const f of t.fields) {
            const fv = record[f.name];
            if (fv === undefined) {
              if (!f.optional) return `${path}.${f.name}: missing`;
              continue;
            }
            const p = visit(fv, f.type, `${path}.${f.name}`);
            if (p) return p;
          }
          return undefined;
        }
      }
    };
    const problem = visit(value, this.type, "$");
    if (problem) return { problem, nonFinite: false };
    return nonFinite ? { problem: `not a JSON number at ${nonFinite}`, nonFinite: true } : undefined;
  }

  /**
   * `value` as the schema sees it: object fields the schema does not name are dropped, as are
   * fields holding `undefined` (absent and undefined are one thing at a node's boundary).
   */
  project(value: unknown): unknown {
    const visit = (v: unknown, t: Type): unknown => {
      if (t.kind === "array" && Array.isArray(v)) return v.map((x) => visit(x, t.element));
      if (t.kind === "object" && typeof v === "object" && v !== null && !Array.isArray(v)) {
        const out: Record<string, unknown> = {};
        for (const f of t.fields) {
          const fv = (v as Record<string, unknown>)[f.name];
          if (fv !== undefined) out[f.name] = visit(fv, f.type);
        }
        return out;
      }
      if (t.kind === "any") return withoutUndefined(v);
      return v;
    };
    return visit(value, this.type);
  }
}

/** `value` with object fields holding `undefined` removed, at any depth. */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return `number ${Object.is(v, -0) ? "-0" : String(v)}`;
  if (typeof v === "string") return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v;
}
