/**
 * @fileoverview Loads binaryen (through meter.ts) with V8's optimising WebAssembly tier off for it.
 *
 * binaryen is a ~10 MB WebAssembly module that asc (in the compiler workers) and the metering pass
 * (on this thread) run. By default V8 compiles it with its baseline compiler (Liftoff) and then
 * recompiles every function that gets warm with its optimising compiler (TurboFan), on background
 * threads. A build runs binaryen on a few small modules, so that recompilation never pays off: it
 * cost ~2 s of CPU in the first few compiles of a process (measured: the first 20 units compiled in
 * one thread took 4.6 s of CPU with tier-up, 2.3 s without; after 60 units TurboFan's code is ~8%
 * faster, so it would pay off only after some 300 units). On 2 cores that CPU was most of a cold
 * build's wall time.
 *
 * V8 shares one compiled module between all threads of a process that compile the same bytes, and
 * the module keeps the tiers it was created with. So `--liftoff-only` is set, process-wide, while
 * binaryen is being loaded: from a compiler worker's start until it has loaded asc and binaryen,
 * and while this thread loads meter.ts. A thread loading binaryen later gets the module compiled
 * then. In the same windows `--no-wasm-lazy-compilation` is set: by default V8 compiles each function
 * of a module on its first call, on the calling thread, so asc's first compile in every worker
 * stopped thousands of times to compile binaryen piecemeal; compiled eagerly, Liftoff compiles the
 * whole module at once on V8's background threads (20 code nodes cold, 6 alternating builds on an
 * idle 2-core machine: 3.45 s -> 3.16 s median). Outside those windows the flags are clear, so
 * WebAssembly compiled later in the process (sandboxes run by `iceosc run`, tests or an embedding
 * program) compiles lazily and tiers up as usual. Compiled code computes the same either way; only
 * its speed differs.
 */
import { setFlagsFromString } from "node:v8";

let meter: Promise<typeof import("./meter.js")> | undefined;

/** meter.ts, binaryen loaded as described above (once per process). */
export function loadMeter(): Promise<typeof import("./meter.js")> {
  if (!meter) {
    const release = holdBaselineTier();
    meter = import("./meter.js");
    meter.then(release, release);
  }
  return meter;
}

let holds = 0;

/** True while some holder keeps `--liftoff-only` set (tests). */
export function baselineTierHeld(): boolean {
  return holds > 0;
}

/**
 * Sets `--liftoff-only` until the returned function is called (by every holder: a compiler worker
 * holds it until it has loaded binaryen, loadMeter until this thread has). Calling it again does
 * nothing.
 */
export function holdBaselineTier(): () => void {
  // Unknown to this V8 (it would print an error), or set on the command line: leave it as it is.
  if (!hasLiftoffOnly() || process.execArgv.includes("--liftoff-only")) return () => undefined;
  if (holds++ === 0) {
    setFlagsFromString("--liftoff-only");
    if (!process.execArgv.includes("--wasm-lazy-compilation")) setFlagsFromString("--no-wasm-lazy-compilation");
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holds === 0) restoreTierUp();
  };
}

/**
 * Clears `--liftoff-only`, turns lazy compilation and tier-up back on: setting `--liftoff-only` also switched off
 * `--wasm-tier-up` and `--wasm-dynamic-tiering` (V8's flag implications), and clearing it does not
 * switch them back, so without this every module compiled later in the process stayed on Liftoff
 * (measured: the word_count kernel 4.9 ms instead of 3.1 ms). A flag the command line turned off
 * stays off.
 */
function restoreTierUp(): void {
  setFlagsFromString("--no-liftoff-only");
  if (!process.execArgv.includes("--no-wasm-lazy-compilation")) setFlagsFromString("--wasm-lazy-compilation");
  for (const flag of TIER_UP_FLAGS) if (!process.execArgv.includes(`--no-${flag}`)) setFlagsFromString(`--${flag}`);
}

/** The flags `--liftoff-only` turns off in V8 9-14. */
const TIER_UP_FLAGS = ["wasm-tier-up", "wasm-dynamic-tiering"] as const;

/** V8 versions known to have `--liftoff-only`. */
function hasLiftoffOnly(): boolean {
  const major = Number(process.versions.v8.split(".")[0]);
  return major >= 9 && major <= 14;
}
