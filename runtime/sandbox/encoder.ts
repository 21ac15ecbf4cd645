/**
 * @fileoverview The host-side encoder of the sandbox wire format (codec.ts describes the format):
 * a value of a schema type into a WireWriter, checking the type as it goes.
 *
 * Encoding is the input's validation too: each encoder accepts exactly what schema.ts's
 * `validateValue` accepts (finite numbers, integral integers, required fields present, null as
 * absent except in `any`), and throws SCHEMA_MISMATCH at the first value that is not of its type.
 * The caller then asks `validateValue` for the message: it builds a path for every value it
 * visits, which only a failing input should pay for. One walk instead of two halves a run's
 * host-side work, and most of a process's first run, which V8 runs in its interpreter.
 */
import { fieldPlan, presentValue } from "../conforms.js";
import { validateValue, type ObjectType, type SchemaType } from "../schema.js";
import { isJsonType, JSON_DEPTH_LIMIT, WireError, WireLimitError, type WireWriter } from "./codec.js";
import { specialisedEncoder } from "./encoderSource.js";

export type Encoder = (w: WireWriter, value: unknown) => void;

/** Thrown by an encoder at a value that is not of its schema type (no message: see the header). */
export class SchemaMismatch extends Error {}

/** The one instance thrown: no stack to capture on a hot path. */
const SCHEMA_MISMATCH = new SchemaMismatch("a value does not have its schema type");

/**
 * Builds the encoder of a message of object type `type`, once per program: generated source
 * specialised to the type (encoderSource.ts), or these closures where code generation is off.
 */
export function makeEncoder(type: ObjectType): Encoder {
  return specialisedEncoder(type, (t) => closureEncoder(t, true), SCHEMA_MISMATCH) ?? closureEncoder(type);
}

/** Builds an encoder specialised to `type` out of closures (the reference encoderSource.ts matches). */
export function closureEncoder(type: SchemaType, nested = false): Encoder {
  if (nested && type.kind === "any")
    return (w, v) => {
      if (v === undefined) throw SCHEMA_MISMATCH;
      encodeJson(w, v, 0);
    };
  if (nested && isJsonType(type))
    return (w, v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw SCHEMA_MISMATCH;
      encodeJson(w, v, 0);
    };
  switch (type.kind) {
    case "integer":
      return (w, v) => {
        if (typeof v !== "number" || !Number.isInteger(v)) throw SCHEMA_MISMATCH;
        w.f64(v);
      };
    case "number":
      return (w, v) => {
        if (typeof v !== "number" || !Number.isFinite(v)) throw SCHEMA_MISMATCH;
        w.f64(v);
      };
    case "boolean":
      return (w, v) => {
        if (typeof v !== "boolean") throw SCHEMA_MISMATCH;
        w.u8(v ? 1 : 0);
      };
    case "string":
      return (w, v) => {
        if (typeof v !== "string") throw SCHEMA_MISMATCH;
        w.str(v);
      };
    case "array": {
      const element = closureEncoder(type.element, true);
      return (w, v) => {
        if (!Array.isArray(v)) throw SCHEMA_MISMATCH;
        w.i32(v.length);
        for (let i = 0; i < v.length; i++) element(w, v[i]);
      };
    }
    case "object": {
      const fields = type.fields.map((f) => ({ ...fieldPlan(f), encode: closureEncoder(f.type, true) }));
      return (w, v) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) throw SCHEMA_MISMATCH;
        const record = v as Record<string, unknown>;
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]!;
          const value = presentValue(record, field);
          const absent = value === undefined;
          if (field.optional) {
            w.u8(absent ? 0 : 1);
            if (absent) continue;
          } else if (absent) throw SCHEMA_MISMATCH;
          field.encode(w, value);
        }
      };
    }
    case "any":
      return (w, v) => {
        if (v === undefined) throw SCHEMA_MISMATCH;
        encodeJson(w, v, 0);
      };
  }
}

/** A JSON value (`any`): plain data only (a function, symbol, bigint or class instance is refused). */
function encodeJson(w: WireWriter, v: unknown, depth: number): void {
  if (depth > JSON_DEPTH_LIMIT)
    throw new WireError(`a value of type 'any' nests deeper than ${JSON_DEPTH_LIMIT} levels`);
  if (v === undefined) {
    w.u8(0);
    return;
  }
  if (v === null) {
    w.u8(1);
    return;
  }
  switch (typeof v) {
    case "boolean":
      w.u8(v ? 3 : 2);
      return;
    case "number":
      w.u8(4);
      w.f64(v);
      return;
    case "string":
      w.u8(5);
      w.str(v);
      return;
    case "object": {
      if (Array.isArray(v)) {
        w.u8(6);
        w.i32(v.length);
        for (let i = 0; i < v.length; i++) encodeJson(w, v[i], depth + 1);
        return;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) break;
      const keys = Object.keys(v);
      w.u8(7);
      w.i32(keys.length);
      for (const key of keys) {
        w.str(key);
        encodeJson(w, (v as Record<string, unknown>)[key], depth + 1);
      }
      return;
    }
    default:
      break;
  }
  throw new WireError(
    `a value of type 'any' must be JSON data (null, boolean, number, string, array, plain object), not ${typeof v === "object" ? "a class instance" : `a ${typeof v}`}`,
  );
}

/** What encoding a run's input object came to. */
export type InputEncoding =
  | { readonly kind: "encoded"; readonly length: number }
  | { readonly kind: "invalid"; readonly problem: string }
  | { readonly kind: "too-large" };

/**
 * Encodes `input` (of object type `type`, named `name` in messages: "inputs", "arguments") into
 * `writer` within `limit` bytes. An input that is not of its type is `invalid` with
 * `validateValue`'s message, also when it is too large as well (the type problem is the one to
 * fix first). Unless the result is `encoded`, the writer is ended here; otherwise the caller ends it.
 */
export function encodeInput(
  writer: WireWriter,
  encode: Encoder,
  input: Record<string, unknown>,
  type: ObjectType,
  name: string,
  limit: number,
): InputEncoding {
  writer.begin(limit);
  try {
    encode(writer, input);
    return { kind: "encoded", length: writer.pos };
  } catch (error) {
    writer.end();
    if (error instanceof WireError) return { kind: "invalid", problem: `${name}: ${error.message}` };
    if (!(error instanceof SchemaMismatch) && !(error instanceof WireLimitError)) throw error;
    const problem = validateValue(input, type, name);
    if (problem !== undefined) return { kind: "invalid", problem };
    if (error instanceof WireLimitError) return { kind: "too-large" };
    // The encoders accept exactly what validateValue accepts: reaching this is a bug in one of them.
    throw new Error(`${name}: the encoder refused a value that validateValue accepts`);
  }
}
