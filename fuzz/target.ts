/**
 * @fileoverview The contract of a fuzz target: one file in `fuzz/targets/` default-exports a
 * `FuzzTarget`; `npm run fuzz` (fuzz/main.ts) discovers and runs every target, or those named with
 * `--target`. A target generates its own cases from the seed, saves what it finds under
 * `findingsDir`, and reports counts.
 */

/** What `fuzz/main.ts` hands a target. */
export interface FuzzOptions {
  /** How many cases (programs, documents, ...) to try. */
  readonly runs: number;
  /** Seed of the case generator: the same seed gives the same cases. */
  readonly seed: number;
  /** Directory (created on demand) where the target saves failing cases. */
  readonly findingsDir: string;
  /** Progress and findings, one line each. */
  readonly log: (line: string) => void;
}

/** What a target found. */
export interface FuzzReport {
  /** Cases tried. */
  readonly runs: number;
  /** Cases that showed a defect (each saved under `findingsDir`). */
  readonly failures: number;
  /** Further figures worth printing (e.g. counts per outcome class). */
  readonly summary?: string;
}

/** One fuzz target. */
export interface FuzzTarget {
  /** Short name, used by `--target` and as the findings subdirectory. */
  readonly name: string;
  /** One line: what is fuzzed and what counts as a failure. */
  readonly description: string;
  /** Default number of cases when `--runs` is not given. */
  readonly defaultRuns: number;
  run(options: FuzzOptions): Promise<FuzzReport>;
}
