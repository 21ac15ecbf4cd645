/**
 * @fileoverview prepare()'s warm-up (program.ts): the body run on the input schema's sample value
 * (sample.ts) a few times before the first real run, so the host's JavaScript on the run path has
 * type feedback and baseline code by then (bench/README.md "First run on the production path").
 */
import type { SandboxLimits } from "../profiles.js";
import type { ObjectType } from "../schema.js";
import { SEEDED_CLOCK_EPOCH, type SandboxHooks } from "./host.js";
import { sampleObject } from "./sample.js";

/** Fuel of each warm-up run in `prepare` (about a millisecond at most; WARM_UP_MS bounds them all). */
const WARM_UP_FUEL = 1_000_000;
/**
 * Warm-up runs in `prepare`, at most: V8 gives a function feedback and baseline code only after
 * it has run a while, so after one warm-up run a fresh process's first real run still ran most
 * of the host's code without either (bench/README.md "First run on the production path").
 * Each costs ~30 us in a fresh process (the first program), ~2.5 us in a warm one.
 */
const WARM_UP_RUNS = 16;
/** Time after which `prepare` stops its warm-up runs (a body slow on the sample). */
const WARM_UP_MS = 2;
/** The warm-up runs have no effects: logs dropped, a fixed seed and clock. */
const WARM_UP_HOOKS: SandboxHooks = { log: () => undefined, seed: 0, now: () => SEEDED_CLOCK_EPOCH };

/**
 * Runs `run` on the sample value of `inputType` a few times, with logs dropped, a fixed seed and
 * clock and at most WARM_UP_FUEL each, stopping at the first run that fails (the path up to there
 * is warm) or once WARM_UP_MS have passed.
 */
export function warmUp(
  run: (input: Record<string, unknown>, limits: SandboxLimits, hooks: SandboxHooks) => unknown,
  inputType: ObjectType,
  limits: SandboxLimits,
): void {
  const sample = sampleObject(inputType);
  const bounded = { ...limits, fuel: Math.min(limits.fuel, WARM_UP_FUEL), timeoutMs: Math.min(limits.timeoutMs, 50) };
  const started = performance.now();
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    try {
      run(sample, bounded, WARM_UP_HOOKS);
    } catch {
      return;
    }
    if (performance.now() - started > WARM_UP_MS) return;
  }
}
