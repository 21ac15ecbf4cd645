/**
 * @fileoverview Runs one benchmark.js benchmark (sync or async) and turns its statistics into a
 * timing row; also a plain sampler for operations too slow or too stateful for benchmark.js
 * (process spawns, builds), reporting the same statistics (mean, relative margin of error).
 */
import Benchmark from "benchmark";
import type { TimingRow } from "./report.js";

/** How long each benchmark may sample; smaller for the smoke test and `--quick`. */
export interface MeasureConfig {
  /** benchmark.js `maxTime`, seconds. */
  readonly maxTime: number;
  /** benchmark.js `minSamples`. */
  readonly minSamples: number;
}

export const FULL: MeasureConfig = { maxTime: 1, minSamples: 5 };
export const QUICK: MeasureConfig = { maxTime: 0.05, minSamples: 2 };

/** Measures a synchronous operation. */
export function measureSync(name: string, fn: () => unknown, config: MeasureConfig): Promise<TimingRow> {
  return runBenchmark(
    new Benchmark(name, fn, { maxTime: config.maxTime, minSamples: config.minSamples, initCount: 1 }),
  );
}

/** Measures an asynchronous operation (benchmark.js deferred mode). */
export function measureAsync(name: string, fn: () => Promise<unknown>, config: MeasureConfig): Promise<TimingRow> {
  const bench = new Benchmark(name, {
    defer: true,
    maxTime: config.maxTime,
    minSamples: config.minSamples,
    fn(deferred: { resolve(): void; benchmark: Benchmark }) {
      fn().then(
        () => deferred.resolve(),
        (error: unknown) => {
          (deferred.benchmark as unknown as { error: unknown }).error = error;
          deferred.resolve();
        },
      );
    },
  });
  return runBenchmark(bench);
}

function runBenchmark(bench: Benchmark): Promise<TimingRow> {
  return new Promise((resolve, reject) => {
    bench.on("complete", () => {
      const error = (bench as unknown as { error?: unknown }).error;
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      const mean = bench.stats.mean;
      resolve({ name: String(bench.name), ops_per_sec: bench.hz, mean_us: mean * 1e6, rme_pct: bench.stats.rme });
    });
    bench.on("error", () => undefined);
    bench.run({ async: false });
  });
}

/** Student's t critical values (two-sided 95%) by degrees of freedom, as benchmark.js uses. */
const T_TABLE: readonly number[] = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086,
];

/** Times `samples` runs of `fn` (after `warmup` unrecorded ones) and returns a timing row. */
export async function measureSamples(
  name: string,
  fn: () => Promise<unknown> | unknown,
  samples: number,
  warmup = 0,
): Promise<TimingRow> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  return timingFromSamples(name, times);
}

/** Mean and relative margin of error (95%) of samples in microseconds. */
export function timingFromSamples(name: string, us: readonly number[]): TimingRow {
  const n = us.length;
  const mean = us.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? us.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  const sem = Math.sqrt(variance / n);
  const t = n > 1 ? (T_TABLE[Math.min(n - 2, T_TABLE.length - 1)] ?? 1.96) : 0;
  return { name, ops_per_sec: 1e6 / mean, mean_us: mean, rme_pct: mean > 0 ? ((sem * t) / mean) * 100 : 0 };
}

/**
 * The median of per-pair quotients time(a) / time(b), a and b timed back to back (order
 * alternating) in batches of at least ~1 ms: robust to load that drifts during a run, which
 * skews the quotient of two means measured seconds apart on a busy machine.
 */
export function pairedRatio(a: () => unknown, b: () => unknown, config: MeasureConfig): number {
  const once = (fn: () => unknown): number => {
    const started = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - started);
  };
  for (let i = 0; i < 3; i++) {
    once(a);
    once(b);
  }
  const repsFor = (fn: () => unknown): number => Math.max(1, Math.ceil(1e6 / Math.max(1, once(fn))));
  const repsA = repsFor(a);
  const repsB = repsFor(b);
  const batch = (fn: () => unknown, reps: number): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) fn();
    return Number(process.hrtime.bigint() - started) / reps;
  };
  const ratios: number[] = [];
  const deadline = performance.now() + config.maxTime * 2000;
  while (ratios.length < Math.max(3, config.minSamples * 2) || (performance.now() < deadline && ratios.length < 400)) {
    if (ratios.length % 2 === 0) {
      const ta = batch(a, repsA);
      ratios.push(ta / batch(b, repsB));
    } else {
      const tb = batch(b, repsB);
      ratios.push(batch(a, repsA) / tb);
    }
  }
  ratios.sort((x, y) => x - y);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/** pairedRatio for asynchronous operations: batches of `batch` sequential runs, alternating. */
export async function pairedRatioAsync(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  config: MeasureConfig,
  batch = 20,
): Promise<number> {
  const time = async (fn: () => Promise<unknown>): Promise<number> => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    return Number(process.hrtime.bigint() - started);
  };
  const ratios: number[] = [];
  const deadline = performance.now() + config.maxTime * 2000;
  while (ratios.length < Math.max(3, config.minSamples * 2) || (performance.now() < deadline && ratios.length < 400)) {
    if (ratios.length % 2 === 0) {
      const ta = await time(a);
      ratios.push(ta / (await time(b)));
    } else {
      const tb = await time(b);
      ratios.push((await time(a)) / tb);
    }
  }
  ratios.sort((x, y) => x - y);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}
