/**
 * @fileoverview What every suite receives: sampling settings, the report it adds rows to, a
 * scratch directory, and a progress logger (stderr, so stdout stays the table).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeasureConfig } from "./measure.js";
import { Report } from "./report.js";

export interface BenchContext {
  readonly config: MeasureConfig;
  /** Multiplies kernel sizes, live-instance counts and batch sizes (1 = the full run). */
  readonly scale: number;
  /** True for the smoke test and `--quick`: fewest samples, smallest sizes. */
  readonly quick: boolean;
  readonly report: Report;
  /** Persistent WASM cache of the benchmark units (metered and unmetered). */
  readonly cacheDir: string;
  /** Scratch directory, removed by `dispose`. */
  readonly workDir: string;
  log(message: string): void;
}

export interface ContextOptions {
  readonly config: MeasureConfig;
  readonly scale?: number;
  readonly quick?: boolean;
  readonly cacheDir?: string;
  readonly log?: (message: string) => void;
}

export function createContext(options: ContextOptions): BenchContext & { dispose(): void } {
  const workDir = mkdtempSync(join(tmpdir(), "iceosc-bench-"));
  return {
    config: options.config,
    scale: options.scale ?? 1,
    quick: options.quick ?? false,
    report: new Report(),
    cacheDir: options.cacheDir ?? join(tmpdir(), "iceosc-bench-cache"),
    workDir,
    log: options.log ?? ((message) => process.stderr.write(`${message}\n`)),
    dispose: () => rmSync(workDir, { recursive: true, force: true }),
  };
}
