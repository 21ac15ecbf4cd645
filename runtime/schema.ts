/**
 * @fileoverview Value types shared by the compiler and the runtime: the schema language of
 * `input_schema`/`output_schema` (`string`, `number`, `integer`, `boolean`, `T[]`, nested maps,
 * `T?` for optional fields) and the validator that checks run-time values against it.
 */
import { ownValue } from "./records.js";
import { conforms } from "./conforms.js";

/** A value type, as written in a schema. Serialisable: generated modules embed it as JSON. */
export type SchemaType =
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "integer" }
  | { readonly kind: "boolean" }
  | { readonly kind: "any" }
  | { readonly kind: "array"; readonly element: SchemaType }
  | ObjectType;

/** A map of named fields (a nested map in a schema). */
export interface ObjectType {
  readonly kind: "object";
  readonly fields: readonly SchemaField[];
}

/** One field of an object type. */
export interface SchemaField {
  readonly name: string;
  readonly type: SchemaType;
  readonly optional: boolean;
}

export const STRING: SchemaType = { kind: "string" };
export const NUMBER: SchemaType = { kind: "number" };
export const INTEGER: SchemaType = { kind: "integer" };
export const BOOLEAN: SchemaType = { kind: "boolean" };
export const ANY: SchemaType = { kind: "any" };

/** Prints a type the way a schema writes it: `{ words: integer, tags: string[] }`. */
export function formatType(type: SchemaType): string {
  switch (type.kind) {
    case "array": {
      const inner = formatType(type.element);
      return type.element.kind === "object" ? `(${inner})[]` : `${inner}[]`;
    }
    case "object":
      return `{ ${type.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${formatType(f.type)}`).join(", ")} }`;
    default:
      return type.kind;
  }
}

/**
 * Checks `value` against `type`. Returns undefined when it conforms, otherwise a message naming
 * the first offending path (`inputs.rows[2].name: expected string, got number`).
 */
export function validateValue(value: unknown, type: SchemaType, path: string): string | undefined {
  return conforms(value, type) ? undefined : problemOf(value, type, path);
}

/**
 * The message naming the first offending path of `value`, or undefined when it conforms: the
 * walk `validateValue` does after conforms.ts said no (exported for the test that they agree).
 */
export function problemOf(value: unknown, type: SchemaType, path: string): string | undefined {
  switch (type.kind) {
    case "any":
      return value === undefined ? `${path}: missing value` : undefined;
    case "string":
      return typeof value === "string" ? undefined : mismatch(path, type, value);
    case "boolean":
      return typeof value === "boolean" ? undefined : mismatch(path, type, value);
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : mismatch(path, type, value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? undefined : mismatch(path, type, value);
    case "array": {
      if (!Array.isArray(value)) return mismatch(path, type, value);
      for (let i = 0; i < value.length; i++) {
        const problem = problemOf(value[i], type.element, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return mismatch(path, type, value);
      const record = value as Record<string, unknown>;
      for (const field of type.fields) {
        const fieldValue = ownValue(record, field.name);
        // null is a value of an `any` field (JSON data), and absent for the others.
        if (fieldValue === undefined || (fieldValue === null && field.type.kind !== "any")) {
          if (field.optional) continue;
          return `${path}.${field.name}: missing required field of type ${formatType(field.type)}`;
        }
        const problem = problemOf(fieldValue, field.type, `${path}.${field.name}`);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

function mismatch(path: string, type: SchemaType, value: unknown): string {
  return `${path}: expected ${formatType(type)}, got ${describe(value)}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** How deeply a workflow input may nest (objects and arrays). */
export const MAX_INPUT_DEPTH = 256;

/** How many values (counted along every path) the nesting check looks at before giving up. */
const MAX_INPUT_VALUES = 2_000_000;

/**
 * Checks, without recursion, that `value` nests at most `limit` levels and holds no cycle;
 * returns a message naming the problem, or undefined. Run before anything recursive
 * (validation, JSON) sees an input.
 */
export function checkNesting(value: unknown, limit: number, path: string): string | undefined {
  type Frame = { readonly value: object; readonly depth: number; readonly exit: boolean };
  const stack: Frame[] = [];
  const ancestors = new Set<object>();
  const push = (child: unknown, depth: number): void => {
    if (child !== null && typeof child === "object") stack.push({ value: child, depth, exit: false });
  };
  push(value, 0);
  let visited = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      ancestors.delete(frame.value);
      continue;
    }
    if (frame.depth > limit) return `${path}: nests deeper than ${limit} levels`;
    if (ancestors.has(frame.value)) return `${path}: contains a cycle`;
    if (++visited > MAX_INPUT_VALUES) return `${path}: holds more than ${MAX_INPUT_VALUES} values`;
    ancestors.add(frame.value);
    stack.push({ ...frame, exit: true });
    for (const child of Object.values(frame.value)) push(child, frame.depth + 1);
  }
  return undefined;
}
