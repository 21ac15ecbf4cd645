/**
 * @fileoverview A slot: one sandbox instance with its memory, as SandboxProgram (program.ts) keeps
 * it between runs: the module's exports, views of the memory's current buffer, and the memory's
 * initial data image that a reset restores.
 */
import { Buffer } from "node:buffer";

export interface SandboxExports {
  readonly _start: () => void;
  readonly __ice_alloc: (length: number) => number;
  readonly __ice_run: () => number;
  readonly __ice_reset?: () => void;
  readonly __ice_fuel: WebAssembly.Global;
  readonly __ice_oom: WebAssembly.Global;
}

/** An instance with its memory, in its initial state. */
export interface Slot {
  readonly exports: SandboxExports;
  readonly memory: WebAssembly.Memory;
  readonly maxPages: number;
  /** Bytes counted in grownKept while this slot is kept ready (0: its memory has its initial size). */
  grown: number;
  /** Views of the memory's buffer as of the last run (a grown memory has a new buffer: `views`). */
  buffer: ArrayBuffer;
  bytes: Uint8Array;
  view: DataView;
}

/** Points `slot`'s views at its memory's current buffer, unless they already are. */
export function views(slot: Slot): Slot {
  const buffer = slot.memory.buffer;
  if (buffer !== slot.buffer) {
    slot.buffer = buffer;
    slot.bytes = new Uint8Array(buffer);
    slot.view = new DataView(buffer);
  }
  return slot;
}

/** Bytes compared at a time when looking for the end of a memory's data image. */
const ZERO_BLOCK = new Uint8Array(1024);

/**
 * A copy of `memory` up to its last non-zero byte. Whole zero blocks at the end are skipped with a
 * native comparison: a byte at a time, the first program of a process spent ~0.5 ms of its
 * `prepare` here (a 64 KiB page whose data ends near its start, scanned by the interpreter).
 */
export function initialImage(memory: WebAssembly.Memory): Uint8Array {
  const bytes = new Uint8Array(memory.buffer);
  const block = ZERO_BLOCK.length;
  let end = bytes.length;
  while (end >= block && Buffer.compare(bytes.subarray(end - block, end), ZERO_BLOCK) === 0) end -= block;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}
