/**
 * @fileoverview Compile sessions: the units of one build share at most two compiler workers (one
 * per core on the machines this targets, compilerWorkers.ts): one runs asc (it compiles every unit,
 * and optimises when it has nothing to compile), the other loads only binaryen and optimises and
 * meters the units compiled (optimizeApart.ts). A worker that crashed or timed out is replaced for
 * the jobs it still takes. The whole call has a time budget too, so many hanging units cost one
 * budget, not one timeout each. Sources can be handed in one by one (CompileSession), so the first
 * compiles while the main thread still prepares the rest.
 */
import type { CompileOutcome, ProgramParts } from "./compileOutcome.js";
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
 * Compiles sources as they are handed in (`compile`), so the first unit compiles while the main
 * thread still types and prints the others. One worker (role `asc`) compiles the sources in turn;
 * each compiled unit then waits to be optimised (and metered) by a second worker that loads only
 * binaryen (role `optimizer`, started with the second source), or by the asc worker when it has no
 * source left. A second asc worker would cost ~1 s of CPU to load asc and parse its library, while
 * the optimisation is most of a unit's time. The time budget counts from the session's start.
 */
export class CompileSession {
  private readonly deadline: number;
  private readonly sources: Job[] = [];
  private readonly optimizations: Optimization[] = [];
  private ascLanes = 0;
  private optimizerLanes = 0;
  /** Sources queued or compiling. */
  private compiling = 0;
  private submitted = 0;
  /** Wakes the optimizer lane waiting for a compiled unit. */
  private waiting: (() => void) | undefined;

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
      if (this.submitted >= 2 && this.optimizerLanes === 0 && MAX_WORKERS >= 2) {
        this.optimizerLanes++;
        void this.lane("optimizer");
      }
    });
  }

  /** The next job of a lane; "wait" while sources still compile and none waits to be optimised. */
  private next(role: WorkerRole): Job | Optimization | "wait" | undefined {
    if (role === "asc") return this.sources.shift() ?? this.optimizations.shift();
    return this.optimizations.shift() ?? (this.compiling > 0 ? "wait" : undefined);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
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
            this.waiting = resolve;
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
        const message =
          "source" in job
            ? { id: job.id, source: job.source, ...(job.parts && { files: job.parts.files }) }
            : { id: job.id, raw: job.raw, plan: job.plan, meter: limits.meter ?? false, split: job.split ?? 0 };
        if ("source" in job) limits.onStart?.(job.id);
        let outcome = await runJob(held.worker, message, timeoutMs);
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

  /** A compiled source goes on to be optimised (unless it failed); an optimised one is finished. */
  private done(job: Job | Optimization, answer: WorkerAnswer): void {
    if ("source" in job) {
      this.compiling--;
      const { raw, plan, ...outcome } = answer;
      if (raw && !answer.failure) {
        const split = job.parts?.split;
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
    const { binary, metered, meterError, failure, parts } = answer;
    job.resolve({
      ...job.compiled,
      ...(binary && { binary }),
      ...(parts && { parts }),
      ...(metered && { metered }),
      ...(meterError && { meterError }),
      ...(failure && { failure }),
    });
  }
}

/** Compiles sources in up to two workers; results in the same order. */
export async function compileInWorker(sources: readonly string[], limits: CompileLimits): Promise<CompileOutcome[]> {
  const session = new CompileSession(limits);
  return Promise.all(sources.map((source) => session.compile(source)));
}
