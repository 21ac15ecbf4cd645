/**
 * @fileoverview What the host drives in a sandbox instance (its exports) and the memory's initial
 * data image that a reset restores. An instance and the shared memory it runs on are a Slot
 * (memoryPool.ts).
 */
import { Buffer } from "node:buffer";

export interface SandboxExports {
  readonly _start: () => void;
  readonly __ice_alloc: (length: number) => number;
  readonly __ice_run: () => number;
  readonly __ice_reset?: () => void;
  readonly __ice_fuel: WebAssembly.Global;
  readonly __ice_oom: WebAssembly.Global;
  /** How far the module's runs have written since its last reset (its allocator's high-water mark). */
  readonly __ice_heap_end?: WebAssembly.Global;
}

/** Bytes compared at a time when looking for the end of a memory's data image (large, then small steps). */
const ZERO_PAGE = new Uint8Array(65_536);
const ZERO_BLOCK = ZERO_PAGE.subarray(0, 1024);

/**
 * A copy of `memory` up to its last non-zero byte. Whole zero blocks at the end are skipped with a
 * native comparison: a byte at a time, the first program of a process spent ~0.5 ms of its
 * `prepare` here (a 64 KiB page whose data ends near its start, scanned by the interpreter).
 */
export function initialImage(memory: WebAssembly.Memory): Uint8Array {
  const bytes = new Uint8Array(memory.buffer);
  const block = ZERO_BLOCK.length;
  const page = ZERO_PAGE.length;
  let end = bytes.length;
  // A shared memory may have grown to a few MiB: skip its zero pages 64 KiB at a time.
  while (end >= page && Buffer.compare(bytes.subarray(end - page, end), ZERO_PAGE) === 0) end -= page;
  while (end >= block && Buffer.compare(bytes.subarray(end - block, end), ZERO_BLOCK) === 0) end -= block;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}
