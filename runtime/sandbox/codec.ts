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
 * - `any` is not representable (the compiler rejects it in sandboxed schemas).
 * Input message: the encoding of the `inputs` object; its byte length goes to `__ice_alloc(len)`,
 * which returns where the host copies it. Output message, at the pointer `__ice_run()` returns:
 * u32 byte length, then the encoding of the output object.
 */
import { ownValue, setOwn } from "../records.js";
import type { SchemaType } from "../schema.js";

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
    if (needed <= this.bytes.length) return;
    if (needed > this.limit) throw new WireLimitError(`message needs more than ${this.limit} bytes`);
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
    if (n < 24) {
      let s = "";
      for (let i = 0; i < n; i++) s += String.fromCharCode(this.view.getUint16(at + 2 * i, true));
      return s;
    }
    // Not TextDecoder: it replaces lone surrogates with U+FFFD, and JavaScript strings keep them.
    let s = "";
    for (let i = 0; i < n; i += CHUNK) {
      const k = Math.min(CHUNK, n - i);
      for (let j = 0; j < k; j++) units[j] = this.view.getUint16(at + 2 * (i + j), true);
      s += String.fromCharCode.apply(null, units.subarray(0, k) as unknown as number[]);
    }
    return s;
  }
}

/** Code units decoded per String.fromCharCode call (well under engines' argument limits). */
const CHUNK = 4096;
const units = new Uint16Array(CHUNK);

export type Encoder = (w: WireWriter, value: unknown) => void;
export type Decoder = (r: WireReader) => unknown;

/** Builds an encoder specialised to `type` (closures, built once per program). */
export function makeEncoder(type: SchemaType): Encoder {
  switch (type.kind) {
    case "integer":
    case "number":
      return (w, v) => w.f64(v as number);
    case "boolean":
      return (w, v) => w.u8(v ? 1 : 0);
    case "string":
      return (w, v) => w.str(v as string);
    case "array": {
      const element = makeEncoder(type.element);
      return (w, v) => {
        const items = v as readonly unknown[];
        w.i32(items.length);
        for (let i = 0; i < items.length; i++) element(w, items[i]);
      };
    }
    case "object": {
      const fields = type.fields.map((f) => ({ name: f.name, optional: f.optional, encode: makeEncoder(f.type) }));
      return (w, v) => {
        const record = v as Record<string, unknown>;
        for (const field of fields) {
          const value = ownValue(record, field.name);
          if (field.optional) {
            if (value === undefined || value === null) {
              w.u8(0);
              continue;
            }
            w.u8(1);
          }
          field.encode(w, value);
        }
      };
    }
    case "any":
      throw new WireError("type 'any' cannot cross the sandbox boundary");
  }
}

/** Builds a decoder specialised to `type`; it rejects non-finite numbers and bad flags. */
export function makeDecoder(type: SchemaType): Decoder {
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
      const element = makeDecoder(type.element);
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
      const fields = type.fields.map((f) => ({ name: f.name, optional: f.optional, decode: makeDecoder(f.type) }));
      return (r) => {
        const record: Record<string, unknown> = {};
        for (const field of fields) {
          if (field.optional && !flag(r)) continue;
          setOwn(record, field.name, field.decode(r));
        }
        return record;
      };
    }
    case "any":
      throw new WireError("type 'any' cannot cross the sandbox boundary");
  }
}

function flag(r: WireReader): boolean {
  const byte = r.u8();
  if (byte > 1) throw new WireError(`bad boolean byte ${byte}`);
  return byte === 1;
}
