/**
 * @fileoverview The reset check: a module may export `__ice_reset`, and the host reuses its
 * instances only when that function is nothing but `const; global.set` pairs that put every
 * mutable global (but the fuel counter) back to its initial value.
 */
import type { ByteReader } from "./byteReader.js";
import type { GlobalInfo } from "./sections.js";

/** One `const; global.set` of a reset function. */
export interface ResetWrite {
  readonly value: string;
  readonly global: number;
}

/**
 * Reads a body (at the reader's position, after its locals) made only of `const; global.set`
 * pairs, without moving the reader; undefined when the body is anything else.
 */
export function readResetWrites(r: ByteReader, bodyEnd: number): ResetWrite[] | undefined {
  const at = r.pos;
  const writes: ResetWrite[] = [];
  try {
    while (r.pos < bodyEnd) {
      const op = r.byte();
      if (op === 0x0b) return r.pos === bodyEnd ? writes : undefined;
      const value = r.constValue(op);
      if (value === undefined || r.byte() !== 0x24) return undefined;
      writes.push({ value, global: r.u32() });
    }
    return undefined;
  } finally {
    r.pos = at;
  }
}

/** True when `writes` set every mutable module-defined global but the fuel counter exactly to its initial value. */
export function checkReset(
  writes: readonly ResetWrite[],
  globals: readonly GlobalInfo[],
  importedGlobals: number,
  fuel: number,
): boolean {
  const set = new Map<number, string>();
  for (const write of writes) {
    const global = globals[write.global];
    if (
      write.global < importedGlobals ||
      !global ||
      !global.mutable ||
      global.init === undefined ||
      global.init !== write.value
    )
      return false;
    set.set(write.global, write.value);
  }
  // The fuel counter is the host's to set (and code never writes it).
  for (let i = importedGlobals; i < globals.length; i++)
    if (i !== fuel && globals[i]!.mutable && !set.has(i)) return false;
  return true;
}
