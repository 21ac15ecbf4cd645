/**
 * @fileoverview V8's interrupt budget raised for the compiling commands (`build`, `check`).
 *
 * A compile is a few seconds of JavaScript that mostly runs once: the TypeScript checker typing
 * code nodes on the main thread, asc and binaryen's glue in the compiler workers. With V8's default
 * budget (--interrupt-budget=67584 in Node 20) many of their functions get hot enough for TurboFan,
 * whose background compiles were ~0.9 s of a 20-code-node cold build's ~5.4 s of CPU, on two cores
 * for code that had little left to run. With a budget ~6x larger only the really hot functions are
 * optimised: process CPU of that build 5.37 -> ~5.0 s (median of 4 alternating builds, load ~10;
 * 150k, 300k, 450k, 800k and 1.5M all gave 4.9-5.15 s). Set process-wide, before the compiler is
 * loaded, so the compiler workers (new isolates) start with it; a budget given on the command line
 * is left as it is. Only the speed at which code gets optimised changes, never what it computes.
 */
import { setFlagsFromString } from "node:v8";

const BUDGET = 400_000;

let done = false;

/** Raises the interrupt budget once per process (no-op when the command line set one). */
export function raiseInterruptBudget(): void {
  if (done) return;
  done = true;
  if (process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) return;
  setFlagsFromString(`--interrupt-budget=${BUDGET}`);
}
