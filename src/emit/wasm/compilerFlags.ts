/**
 * @fileoverview The asc command line for sandbox units, and the format version that, with it,
 * keys the artifact cache. Bump SANDBOX_FORMAT_VERSION when the wrapper, codec or metering change.
 *
 * Runtime: `stub` (a bump allocator that never frees), with our allocator (allocator.ts: 8-byte
 * headers) in place of the stock stub's. A fresh instance runs per call and is then
 * dropped, so garbage collection would only cost time and code size (the incremental runtime adds
 * a shadow stack and ~10 KB); with the stub, memory use is the total allocated in one run, which
 * makes the memory limit deterministic. Optimisation: -O2 with shrink level 1 (compile time close
 * to -O1, code close to -O3).
 */
import { LIBRARY_DIR } from "./asLibrary.js";

/** Name of the entry file asc compiles. */
export const ENTRY_FILE = "ice.ts";

export const SANDBOX_FORMAT_VERSION = "iceosc-sandbox-19";

/** The generated binary's file name inside the in-memory file system. */
export const OUTPUT_FILE = "ice.wasm";

export const ASC_FLAGS: readonly string[] = [
  ENTRY_FILE,
  "--outFile",
  OUTPUT_FILE,
  "--runtime",
  "stub",
  "--noUnsafe",
  "--exportStart",
  "_start",
  "--importMemory",
  "--optimizeLevel",
  "2",
  "--shrinkLevel",
  "1",
  "--lib",
  LIBRARY_DIR,
  // Every abort goes through the code-node library, which adds the workflow line (support/exceptions.ts).
  "--use",
  "abort=~lib/__ice_js/__ice_abort",
  "--noColors",
];
