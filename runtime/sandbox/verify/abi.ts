/**
 * @fileoverview The names a sandbox module and its host agree on: the fuel-check import every
 * metered module calls, and the exports the host drives. The compiler (meter.ts) and the host
 * (program.ts) both use these.
 */

/** The host function every fuel check calls when the current slice of fuel is spent. */
export const TICK_IMPORT = { module: "ice", name: "tick", qualifiedName: "ice.tick" } as const;

/** Names of the exports the host uses. */
export const EXPORTS = {
  start: "_start",
  alloc: "__ice_alloc",
  run: "__ice_run",
  fuel: "__ice_fuel",
  oom: "__ice_oom",
  reset: "__ice_reset",
  /** Optional: an i32 global, how far the last run may have written (src/emit/wasm/meterHeapEnd.ts). */
  heapEnd: "__ice_heap_end",
} as const;

/**
 * `memory.copy` and `memory.fill` are charged `length >> BULK_SHIFT` (one unit per 8 bytes) before
 * they run, besides the 1 every instruction costs (src/emit/wasm/meterBulk.ts, verify/bulkMemory.ts).
 */
export const BULK_SHIFT = 3;
