/**
 * @fileoverview The instruction allowlist: WebAssembly MVP code plus sign-extension and the
 * saturating float-to-int conversions (0xfc 0-7), and `memory.copy`/`memory.fill` in the one shape
 * that charges fuel by their length (bulkMemory.ts). Everything else (SIMD, threads, bulk memory,
 * reference types, exception handling, tail calls, multi-memory, multi-value blocks) is refused
 * with a VerifyError that names the feature.
 *
 * The control instructions that metering cares about (block, loop, if, end, call, call_indirect,
 * global.set) are read by the code checker (codeChecker.ts); this file reads the rest.
 */
import type { ByteReader } from "./byteReader.js";
import { VerifyError } from "./verifyError.js";

/** Reads the block type after `block`, `loop` or `if`: empty or a single value type only; returns it. */
export function readBlockType(r: ByteReader): number {
  const type = r.byte();
  if (type !== 0x40 && (type < 0x7c || type > 0x7f))
    throw new VerifyError("instruction", "multi-value or typed blocks");
  return type;
}

/**
 * Reads the immediates of an allowed instruction `op` (its opcode byte already read); throws
 * VerifyError for one outside the allowlist. Not for the control instructions codeChecker.ts reads.
 */
export function readInstruction(r: ByteReader, op: number): void {
  // unreachable, nop, else, return, drop, select; then the numeric instructions (comparisons,
  // arithmetic, conversions, reinterpretations, sign extension): no immediates.
  if (op <= 0x01 || op === 0x05 || op === 0x0f || op === 0x1a || op === 0x1b) return;
  if (op >= 0x45 && op <= 0xc4) return;
  if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x23)) {
    r.u32(); // br, br_if, local.get/set/tee, global.get: an index
  } else if (op === 0x0e) {
    for (let n = r.u32(); n >= 0; n--) r.u32(); // br_table: the targets, then the default
  } else if (op >= 0x28 && op <= 0x3e) {
    r.u32(); // loads and stores: alignment, then offset
    r.u32();
  } else if (op === 0x3f || op === 0x40) {
    if (r.byte() !== 0) throw new VerifyError("instruction", "multi-memory access"); // memory.size/grow
  } else if (op === 0x41 || op === 0x42) {
    r.s64(); // i32.const, i64.const
  } else if (op === 0x43) {
    r.pos += 4; // f32.const
  } else if (op === 0x44) {
    r.pos += 8; // f64.const
  } else if (op === 0xfc) {
    const sub = r.u32(); // 0-7: the saturating float-to-int conversions
    // memory.copy and memory.fill are read with their fuel charge (bulkMemory.ts), never here.
    if (sub > 7)
      throw new VerifyError(
        "instruction",
        sub === 10 || sub === 11
          ? "memory.copy or memory.fill not charged by its length"
          : sub <= 17
            ? "bulk memory or table operations"
            : `opcode 0xfc ${sub}`,
      );
  } else throw new VerifyError("instruction", describeOpcode(op));
}

/** What a refused opcode is, by the feature it belongs to. */
function describeOpcode(op: number): string {
  if (op === 0xfd) return "SIMD instructions";
  if (op === 0xfe) return "atomic (threads) instructions";
  if (op >= 0x06 && op <= 0x0a) return "exception handling";
  if (op === 0x12 || op === 0x13) return "tail calls";
  if (op >= 0xd0 && op <= 0xd6) return "reference-type instructions";
  return `opcode 0x${op.toString(16)}`;
}
