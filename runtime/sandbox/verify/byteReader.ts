/**
 * @fileoverview Reads the WebAssembly binary format for verification: bytes, LEB128 integers,
 * names, limits and constant expressions, every read bounds-checked (a short or malformed module
 * throws VerifyError, never reads past the end).
 */
import { VerifyError } from "./verifyError.js";

const decoder = new TextDecoder();

/** LEB128 and byte reading over a module; every read is bounds-checked. */
export class ByteReader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  byte(): number {
    if (this.pos >= this.bytes.length) throw new VerifyError("module", "unexpected end of module");
    return this.bytes[this.pos++]!;
  }

  u32le(): number {
    return (this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24)) >>> 0;
  }

  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new VerifyError("module", "bad LEB128");
  }

  /** A signed LEB128 (up to 64 bits), as a double: exact enough for sign and small values. */
  s64(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      if (shift > 63) throw new VerifyError("module", "bad LEB128");
      b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return b & 0x40 ? result - 2 ** shift : result;
  }

  name(): string {
    const length = this.u32();
    if (this.pos + length > this.bytes.length) throw new VerifyError("module", "name overruns the module");
    const text = decoder.decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }

  limits(): { min: number; shared: boolean } {
    const flags = this.byte();
    if (flags > 3) throw new VerifyError("module", "unsupported memory limits (memory64?)");
    const min = this.u32();
    if (flags & 1) this.u32();
    return { min, shared: (flags & 2) !== 0 };
  }

  /**
   * Reads a constant expression; returns its value as a canonical string (`i32:5`, `f64:<hex>`)
   * when it is a single constant, undefined otherwise.
   */
  constExpr(): string | undefined {
    let value: string | undefined;
    let count = 0;
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return count === 1 ? value : undefined;
      count++;
      if (op === 0x23) {
        this.u32();
        value = undefined;
      } else {
        value = this.constValue(op);
        if (value === undefined)
          throw new VerifyError("instruction", `constant expression opcode 0x${op.toString(16)}`);
      }
    }
  }

  /** The immediate of a `*.const` opcode, canonically; undefined (nothing read) for other opcodes. */
  constValue(op: number): string | undefined {
    if (op === 0x41 || op === 0x42) return `${op === 0x41 ? "i32" : "i64"}:${this.s64big()}`;
    if (op === 0x43 || op === 0x44) {
      const size = op === 0x43 ? 4 : 8;
      if (this.pos + size > this.bytes.length) throw new VerifyError("module", "unexpected end of module");
      const hex = Array.from(this.bytes.subarray(this.pos, this.pos + size), (b) =>
        b.toString(16).padStart(2, "0"),
      ).join("");
      this.pos += size;
      return `${op === 0x43 ? "f32" : "f64"}:${hex}`;
    }
    return undefined;
  }

  /** A signed LEB128 (up to 64 bits), exactly. */
  s64big(): bigint {
    let result = 0n;
    let shift = 0n;
    let b: number;
    do {
      if (shift > 63n) throw new VerifyError("module", "bad LEB128");
      b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return b & 0x40 ? result - (1n << shift) : result;
  }
}
