/**
 * @fileoverview Compile sessions: the units of one build share at most two compiler workers (one
 * per core on the machines this targets, compilerWorkers.ts): one runs asc (it compiles every unit,
 * and optimises when it has nothing to compile), the other loads only binaryen and optimises and
 * meters the units compiled (optimizeApart.ts); both split a combined program per body. A worker
 * that crashed or timed out is replaced for the jobs it still takes. The whole call has a time
 * budget too, so many hanging units cost one budget, not one timeout each. Sources can be handed
 * in one by one (CompileSession), so the first compiles while the main thread still prepares the
 * rest.
 */
import type { CompiledPart, CompileOutcome, ProgramParts } from "./compileOutcome.js";
import {
  type AscWorker,
  giveBack,
  MAX_WORKERS,
  runJob,
  takeWorker,
  type WorkerAnswer,
  type WorkerRole,
} from "./compilerWorkers.js";

export type { AscDiagnostic, CompiledPart, CompileOutcome, MeterError, ProgramParts } from "./compileOutcome.js";
export { idleCompilerWorkers, prestartCompilerWorker, stopIdleCompilerWorkers } from "./compilerWorkers.js";

/** Time limits of one compile session (or compileInWorker call). */
export interface CompileLimits {
  /** Longest one source may take. */
  readonly unitMs: number;
  /** Longest all sources together may take: sources not started by then fail with "budget". */
  readonly totalMs: number;
  /** Called as source `index` (in the order given) starts compiling (for progress reports). */
  readonly onStart?: (index: number) => void;
  /**
   * Meter each binary in the worker too (CompileOutcome.metered), where the worker can load
   * meter.js: from the built package, not from the TypeScript sources (tests), where the caller
   * meters on its own thread.
   */
  readonly meter?: boolean;
}

interface Job {
  readonly id: number;
  readonly source: string;
  readonly parts?: ProgramParts;
  readonly resolve: (outcome: CompileOutcome) => void;
}

/** A compiled unit waiting for its optimisation (optimizeApart.ts). */
interface Optimization {
  readonly id: number;
  readonly raw: Uint8Array;
  readonly plan: unknown;
  readonly split?: number;
  /** The compile's outcome (diagnostics, reused sources). */
  readonly compiled: CompileOutcome;
  readonly resolve: (outcome: CompileOutcome) => void;
}

/**
 * One body of an optimised combined program waiting to be split off and metered (combinedProgram.ts
 * SPLIT_SOURCE). The parts of a program are independent jobs, so both workers split and meter at
 * once: in a cold build of 20 code nodes the split and metering were ~40% of the work after the
 * last body was typed, in one worker while the other core was idle.
 */
interface SplitJob {
  readonly id: number;
  readonly body: number;
  readonly program: SplitProgram;
}

/** A combined program being split: its parts as they come back, and whom to tell when all are in. */
interface SplitProgram {
  readonly combined: Uint8Array;
  readonly plan: unknown;
  readonly parts: (CompiledPart | undefined)[];
  left: number;
  settled: boolean;
  readonly compiled: CompileOutcome;
  readonly resolve: (outcome: CompileOutcome) => void;
}

type LaneJob = Job | Optimization | SplitJob;

/** What a lane asks of a worker (compilerWorkerScript.ts): compile, optimise, split. */
type WorkerMessage =
  | { readonly id: number; readonly source: string; readonly files?: Readonly<Record<string, string>> }
  | {
      readonly id: number;
      readonly raw: Uint8Array;
      readonly plan: unknown;
      readonly meter: boolean;
      readonly split: number;
    }
  | {
      readonly id: number;
      readonly combined: Uint8Array;
      readonly plan: unknown;
      readonly meter: boolean;
      readonly split: number;
      readonly bodies: readonly number[];
    };

/**
 * Compiles sources as they are handed in (`compile`), so the first unit compiles while the main
 * thread still types and prints the others. One worker (role `asc`) compiles the sources in turn;
 * each compiled unit then waits to be optimised (and metered) by a second worker that loads only
 * binaryen (role `optimizer`, started with the second source or with a combined program), or by
 * the asc worker when it has no source left. A combined program's optimised module is then split
 * per body by both (SplitJob). A second asc worker would cost ~1 s of CPU to load asc and parse its
 * library, while the optimisation is most of a unit's time. The time budget counts from the
 * session's start.
 */
export class CompileSession {
  private readonly deadline: number;
  private readonly sources: Job[] = [];
  private readonly optimizations: Optimization[] = [];
  private readonly splits: SplitJob[] = [];
  private ascLanes = 0;
  private optimizerLanes = 0;
  /** Sources queued or compiling. */
  private compiling = 0;
  /** Combined programs queued for or in their optimisation: they give split jobs when done. */
  private optimizingCombined = 0;
  private submitted = 0;
  /** Split jobs made so far: their ids are negative, apart from the sources' (onStart's indices). */
  private splitIds = 0;
  /** Wakes the lanes waiting for work. */
  private waiting: (() => void)[] = [];

  constructor(private readonly limits: CompileLimits) {
    this.deadline = performance.now() + limits.totalMs;
  }

  /** Queues a source (with `parts`, the entry of a combined program); its outcome when compiled. */
  compile(source: string, parts?: ProgramParts): Promise<CompileOutcome> {
    const id = this.submitted++;
    return new Promise((resolve) => {
      this.sources.push({ id, source, ...(parts && { parts }), resolve });
      this.compiling++;
      if (this.ascLanes === 0) {
        this.ascLanes++;
        void this.lane("asc");
      }
      if ((this.submitted >= 2 || (parts?.split ?? 0) >= 2) && this.optimizerLanes === 0 && MAX_WORKERS >= 2) {
        this.optimizerLanes++;
        void this.lane("optimizer");
      }
      this.wake();
    });
  }

  /**
   * The next job of a lane; "wait" while work that makes jobs for it is still under way: for the
   * optimizer, sources compiling; for both, combined programs optimising (their split jobs).
   */
  private next(role: WorkerRole): LaneJob | "wait" | undefined {
    const job = (role === "asc" ? this.sources.shift() : undefined) ?? this.optimizations.shift() ?? this.nextSplit();
    if (job) return job;
    return this.optimizingCombined > 0 || (role === "optimizer" && this.compiling > 0) ? "wait" : undefined;
  }

  /** The next split job whose program has not failed already. */
  private nextSplit(): SplitJob | undefined {
    let job = this.splits.shift();
    while (job?.program.settled) job = this.splits.shift();
    return job;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** One worker taking jobs until none is left, then going back to `idle`. */
  private async lane(role: WorkerRole): Promise<void> {
    const limits = this.limits;
    // The optimizer loads binaryen while the asc worker compiles the first unit: taken when it
    // has a job, its ~0.25 s of loading was added to every cold build's wall time.
    let held: AscWorker | undefined = role === "optimizer" ? takeWorker(role) : undefined;
    try {
      for (let job = this.next(role); job; job = this.next(role)) {
        if (job === "wait") {
          await new Promise<void>((resolve) => {
            this.waiting.push(resolve);
          });
          continue;
        }
        const left = this.deadline - performance.now();
        if (left <= 0) {
          this.done(job, { diagnostics: [], failure: { kind: "budget", message: `${limits.totalMs} ms` } });
          continue;
        }
        held ??= takeWorker(role);
        const timeoutMs = Math.min(limits.unitMs, left);
        if ("source" in job) limits.onStart?.(job.id);
        let outcome = await runJob(held.worker, this.message(job), timeoutMs);
        if (outcome.failure?.kind === "timeout" && timeoutMs < limits.unitMs) {
          outcome = { ...outcome, failure: { kind: "budget", message: `${limits.totalMs} ms` } };
        }
        if (outcome.failure?.kind === "crash" && held.output.length > 0) {
          outcome = {
            ...outcome,
            failure: { kind: "crash", message: `${outcome.failure.message}\n${held.output.join("").slice(-2000)}` },
          };
        }
        if (outcome.failure) {
          void held.worker.terminate();
          held = undefined;
        }
        this.done(job, outcome);
      }
    } finally {
      if (role === "asc") this.ascLanes--;
      else this.optimizerLanes--;
      if (held) giveBack(held);
    }
  }

  /** The message that asks a worker to do `job` (compilerWorkerScript.ts). */
  private message(job: LaneJob): WorkerMessage {
    const meter = this.limits.meter ?? false;
    if ("source" in job) return { id: job.id, source: job.source, ...(job.parts && { files: job.parts.files }) };
    if ("raw" in job) return { id: job.id, raw: job.raw, plan: job.plan, meter, split: job.split ?? 0 };
    const { combined, plan, parts } = job.program;
    return { id: job.id, combined, plan, meter, split: parts.length, bodies: [job.body] };
  }

  /**
   * A compiled source goes on to be optimised (unless it failed); an optimised one is finished, or,
   * when combined, goes on to be split; a split part is kept until its program's last one is in.
   */
  private done(job: LaneJob, answer: WorkerAnswer): void {
    if ("source" in job) {
      this.compiling--;
      const { raw, plan, ...outcome } = answer;
      if (raw && !answer.failure) {
        const split = job.parts?.split;
        if (split) this.optimizingCombined++;
        this.optimizations.push({
          id: job.id,
          raw,
          plan,
          ...(split && { split }),
          compiled: outcome,
          resolve: job.resolve,
        });
      } else {
        job.resolve(outcome);
      }
      this.wake();
      return;
    }
    if ("body" in job) {
      this.splitDone(job, answer);
      return;
    }
    const { binary, metered, meterError, failure } = answer;
    if (job.split) {
      this.optimizingCombined--;
      if (binary && !failure) this.queueSplits(job, binary);
      else job.resolve({ ...job.compiled, failure: failure ?? { kind: "crash", message: "no optimised module" } });
      this.wake();
      return;
    }
    job.resolve({
      ...job.compiled,
      ...(binary && { binary }),
      ...(metered && { metered }),
      ...(meterError && { meterError }),
      ...(failure && { failure }),
    });
  }

  /** Queues the split of an optimised combined module, one job per body. */
  private queueSplits(job: Optimization, combined: Uint8Array): void {
    const count = job.split ?? 0;
    const program: SplitProgram = {
      combined,
      plan: job.plan,
      parts: new Array<CompiledPart | undefined>(count).fill(undefined),
      left: count,
      settled: false,
      compiled: job.compiled,
      resolve: job.resolve,
    };
    for (let body = 0; body < count; body++) this.splits.push({ id: -1 - this.splitIds++, body, program });
  }

  /** A body's part is in: its program is finished when every part is, or at the first failure. */
  private splitDone(job: SplitJob, answer: WorkerAnswer): void {
    const program = job.program;
    if (program.settled) return;
    const part = answer.parts?.[0];
    if (answer.failure || !part) {
      program.settled = true;
      program.resolve({ ...program.compiled, failure: answer.failure ?? { kind: "crash", message: "no part" } });
      return;
    }
    program.parts[job.body] = part;
    program.left--;
    if (program.left > 0) return;
    program.settled = true;
    program.resolve({ ...program.compiled, parts: program.parts as CompiledPart[] });
  }
}

/** Compiles sources in up to two workers; results in the same order. */
export async function compileInWorker(sources: readonly string[], limits: CompileLimits): Promise<CompileOutcome[]> {
  const session = new CompileSession(limits);
  return Promise.all(sources.map((source) => session.compile(source)));
}
