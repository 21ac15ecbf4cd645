/**
 * @fileoverview The sandbox wire format, and its host-side encoder and decoder. The AssemblyScript
 * side is generated per schema by the compiler (src/emit/wasm/marshal.ts + asLibrary.ts) to match.
 *
 * Wire format (one value, by schema type; little-endian, no padding or alignment):
 * - `number` and `integer`: f64, 8 bytes (code nodes compute with JavaScript numbers; an
 *   `integer` output must be integral, which the decoder checks).
 * - `boolean`: u8, 0 or 1.
 * - `string`: u32 n = length in UTF-16 code units, then n code units (2n bytes, UTF-16LE).
 *   UTF-16 is what both JS and AssemblyScript strings hold, so neither side transcodes.
 * - `T[]`: u32 count, then each element.
 * - object: its fields in declared order, nothing between them. An optional field is a u8
 *   presence flag (0 absent, 1 present) followed by the value when present.
 * - `any` (and a nested map without fields): a JSON value, a u8 tag then its payload: 0 undefined,
 *   1 null, 2 false, 3 true, 4 number (f64), 5 string (as above), 6 array (u32 count, then each
 *   value), 7 object (u32 count, then each key as a string and its value, in the object's key
 *   order). An optional `any` field is absent exactly when it is undefined. At most
 *   `JSON_DEPTH_LIMIT` levels deep.
 * Input message: the encoding of the `inputs` object; its byte length goes to `__ice_alloc(len)`,
 * which returns where the host copies it. Output message, at the pointer `__ice_run()` returns:
 * u32 byte length, then the encoding of the output object.
 */
import { setOwn } from "../records.js";
import type { ObjectType, SchemaType } from "../schema.js";
import { specialisedDecoder } from "./decoderSource.js";

/** Raised when sandbox output is malformed (hostile or buggy module). */
export class WireError extends Error {}

/** Raised by WireWriter when a message would exceed its limit (checked before growing). */
export class WireLimitError extends Error {}

/** Bytes of buffer a writer keeps between messages; a larger one is dropped after use. */
const RETAINED_BYTES = 1 << 20;

/** A growable byte buffer the host encodes input into; reused across runs. */
export class WireWriter {
  bytes = new Uint8Array(1024);
  view = new DataView(this.bytes.buffer);
  pos = 0;
  /** The largest message this writer may hold; growing past it throws WireLimitError. */
  limit = Number.POSITIVE_INFINITY;

  /** Starts a message of at most `limit` bytes. */
  begin(limit: number): void {
    this.pos = 0;
    this.limit = limit;
  }

  /** Ends a message: a buffer grown past RETAINED_BYTES is released, so no large input stays alive. */
  end(): void {
    this.pos = 0;
    if (this.bytes.length > RETAINED_BYTES) {
      this.bytes = new Uint8Array(1024);
      this.view = new DataView(this.bytes.buffer);
    }
  }

  ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed > this.limit) throw new WireLimitError(`message needs more than ${this.limit} bytes`);
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  u8(value: number): void {
    this.ensure(1);
    this.bytes[this.pos++] = value;
  }

  i32(value: number): void {
    this.ensure(4);
    this.view.setInt32(this.pos, value, true);
    this.pos += 4;
  }

  f64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  str(value: string): void {
    const n = value.length;
    this.ensure(4 + 2 * n);
    const bytes = this.bytes;
    this.view.setUint32(this.pos, n, true);
    let p = this.pos + 4;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      bytes[p] = c & 0xff;
      bytes[p + 1] = c >>> 8;
      p += 2;
    }
    this.pos = p;
  }
}

/** Reads a message out of sandbox memory; every read is bounds-checked against `end`. */
export class WireReader {
  constructor(
    readonly bytes: Uint8Array,
    readonly view: DataView,
    public pos: number,
    readonly end: number,
  ) {}

  private take(size: number): number {
    const at = this.pos;
    if (size > this.end - at) throw new WireError(`output message truncated at byte ${at}`);
    this.pos = at + size;
    return at;
  }

  u8(): number {
    return this.bytes[this.take(1)]!;
  }

  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  str(): string {
    const n = this.u32();
    const at = this.take(2 * n);
    return readText(this.view, at, n);
  }
}

/** The string of the `n` UTF-16LE code units at `at` in `view` (in bounds: the caller checked). */
export function readText(view: DataView, at: number, n: number): string {
  if (n < 24) {
    // One call on a reused array: a flat string (concatenating a character at a time made a
    // rope that its first reader flattens), ~1.5x faster for names and labels.
    short.length = n;
    for (let i = 0; i < n; i++) short[i] = view.getUint16(at + 2 * i, true);
    return String.fromCharCode.apply(null, short);
  }
  // Not TextDecoder: it replaces lone surrogates with U+FFFD, and JavaScript strings keep them.
  let s = "";
  for (let i = 0; i < n; i += CHUNK) {
    const k = Math.min(CHUNK, n - i);
    for (let j = 0; j < k; j++) units[j] = view.getUint16(at + 2 * (i + j), true);
    s += String.fromCharCode.apply(null, units.subarray(0, k) as unknown as number[]);
  }
  return s;
}

/** The code units of a short string being decoded (WireReader.str). */
const short: number[] = [];

/** Code units decoded per String.fromCharCode call (well under engines' argument limits). */
const CHUNK = 4096;
const units = new Uint16Array(CHUNK);

/** How deeply a JSON value (`any`) may nest on the wire, either way. */
export const JSON_DEPTH_LIMIT = 1000;

/** True when a schema type at a field or element position crosses as a JSON value. */
export function isJsonType(type: SchemaType): boolean {
  return type.kind === "any" || (type.kind === "object" && type.fields.length === 0);
}

export type Decoder = (r: WireReader) => unknown;

/**
 * Builds the decoder of an output message of object type `type`, once per program: generated
 * source specialised to the type (decoderSource.ts), or these closures where code generation is off.
 */
export function makeDecoder(type: ObjectType): Decoder {
  const parts = { WireError, json: (r: WireReader) => decodeJson(r, 0), isJsonType, text: readText };
  return specialisedDecoder(type, parts) ?? closureDecoder(type);
}

/** Builds a decoder specialised to `type` out of closures; it rejects non-finite numbers and bad flags. */
export function closureDecoder(type: SchemaType, nested = false): Decoder {
  if (nested && isJsonType(type)) return (r) => decodeJson(r, 0);
  switch (type.kind) {
    case "integer":
      return (r) => {
        const value = r.f64();
        if (!Number.isInteger(value)) throw new WireError(`an integer output field got ${value}`);
        return value;
      };
    case "number":
      return (r) => {
        const value = r.f64();
        if (!Number.isFinite(value)) throw new WireError(`output number is ${value}`);
        return value;
      };
    case "boolean":
      return (r) => flag(r);
    case "string":
      return (r) => r.str();
    case "array": {
      const element = closureDecoder(type.element, true);
      return (r) => {
        const count = r.u32();
        // Bounded by the bytes left (exact for every element type but fieldless objects, which
        // a hostile count could otherwise turn into a huge host allocation).
        if (count > r.end - r.pos) {
          throw new WireError(`output array of ${count} elements overruns the message`);
        }
        const items = new Array<unknown>(count);
        for (let i = 0; i < count; i++) items[i] = element(r);
        return items;
      };
    }
    case "object": {
      const fields = type.fields.map((f) => ({
        name: f.name,
        optional: f.optional,
        json: isJsonType(f.type),
        decode: closureDecoder(f.type, true),
      }));
      return (r) => {
        const record: Record<string, unknown> = {};
        for (const field of fields) {
          if (field.optional && !flag(r)) continue;
          const value = field.decode(r);
          if (value === undefined && field.json && !field.optional)
            throw new WireError(`output field '${field.name}' of type 'any' is undefined`);
          setOwn(record, field.name, value);
        }
        return record;
      };
    }
    case "any":
      return (r) => decodeJson(r, 0);
  }
}

/** A JSON value from the sandbox: counts bounded by the bytes left, depth by JSON_DEPTH_LIMIT. */
function decodeJson(r: WireReader, depth: number): unknown {
  if (depth > JSON_DEPTH_LIMIT)
    throw new WireError(`output value of type 'any' nests deeper than ${JSON_DEPTH_LIMIT} levels`);
  const tag = r.u8();
  switch (tag) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
    case 3:
      return tag === 3;
    case 4:
      return r.f64();
    case 5:
      return r.str();
    case 6: {
      const count = r.u32();
      if (count > r.end - r.pos) throw new WireError(`output array of ${count} elements overruns the message`);
      const items = new Array<unknown>(count);
      for (let i = 0; i < count; i++) items[i] = decodeJson(r, depth + 1);
      return items;
    }
    case 7: {
      const count = r.u32();
      if (count > (r.end - r.pos) / 5) throw new WireError(`output object of ${count} keys overruns the message`);
      const record: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const key = r.str();
        setOwn(record, key, decodeJson(r, depth + 1));
      }
      return record;
    }
    default:
      throw new WireError(`bad JSON value tag ${tag}`);
  }
}

function flag(r: WireReader): boolean {
  const byte = r.u8();
  if (byte > 1) throw new WireError(`bad boolean byte ${byte}`);
  return byte === 1;
}
