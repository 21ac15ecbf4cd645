/**
 * @fileoverview Runs asc off the main thread. asc may call `process.exit` on an internal crash
 * (in a worker that ends only the worker) and pathological input can make it spin, so every
 * compile runs in a worker thread with a per-job timeout. The units of one build share at most
 * two workers (one per core on the machines this targets): one runs asc (it compiles every unit,
 * and optimises when it has nothing to compile), the other loads only binaryen and optimises and
 * meters the units compiled (CompileSession, optimizeApart.ts); a worker that crashed or timed out
 * is replaced for the jobs it still takes. Healthy workers are kept, idle, for the next call in the process (see `idle`);
 * an idle worker must not keep the process alive, so what asc prints reaches the parent as messages
 * (a worker made with piped stdio holds a ref'd port even when unref'd: every `iceosc build` with a
 * code node used to wait out the idle timer after it had finished).
 * The whole call has a time budget too, so many hanging units cost one budget, not one timeout
 * each. Sources can be handed in one by one (CompileSession), so the first compiles while the main
 * thread still prepares the rest; a worker starts loading asc as soon as it is made. What the worker
 * runs is compilerWorkerScript.ts.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ALLOCATOR_LIBRARY_KEY, ALLOCATOR_SOURCE } from "./allocator.js";
import { WORKER_SOURCE } from "./compilerWorkerScript.js";
import { holdBaselineTier } from "./loadBinaryen.js";
import { LIBRARY_DIR, LIBRARY_FILE, LIBRARY_SOURCE } from "./asLibrary.js";
import { ASC_FLAGS, ENTRY_FILE, OUTPUT_FILE } from "./compilerFlags.js";
import { RUNTIME_LIB_FILE, RUNTIME_LIB_SOURCE } from "../../codenode/runtimeLib.js";
import type { CompiledPart, CompileOutcome, ProgramParts } from "./compileOutcome.js";
import { keepIdle, type PooledWorker, takeIdle } from "./idleWorkers.js";

export type { AscDiagnostic, CompiledPart, CompileOutcome, MeterError, ProgramParts } from "./compileOutcome.js";

/** URLs of asc (the compiler) and of the `assemblyscript` module it imports (one instance). */
function compilerUrls(): { readonly ascUrl: string; readonly assemblyscriptUrl: string } {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve("assemblyscript/package.json")), "dist");
  return {
    ascUrl: pathToFileURL(join(dist, "asc.js")).href,
    assemblyscriptUrl: pathToFileURL(join(dist, "assemblyscript.js")).href,
  };
}

/** binaryen's index.js, which the worker loads split (binaryenSplit.ts). */
function binaryenPath(): string {
  return createRequire(import.meta.url).resolve("binaryen");
}

/** meter.js beside this file, for the worker: only when this file is JavaScript (the built package). */
function meterUrl(): string | undefined {
  return import.meta.url.endsWith(".js") ? new URL("./meter.js", import.meta.url).href : undefined;
}

/** What a worker does: compile (and optimise), or only optimise (compilerWorkerScript.ts). */
type WorkerRole = "asc" | "optimizer";

/** Workers used at most: an asc worker and an optimizer (more than the cores only costs memory). */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

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

/** What a worker answers: a CompileOutcome, and for a compile the unoptimised module and its plan. */
interface WorkerAnswer extends CompileOutcome {
  readonly raw?: Uint8Array;
  readonly plan?: unknown;
}

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

/** A compiler worker and the tail of what it printed (asc prints its crash report to the console). */
interface AscWorker extends PooledWorker {
  readonly role: WorkerRole;
  readonly output: string[];
  /** Lets go of its hold on V8's baseline tier (loadBinaryen.ts), if it still has it. */
  readonly release: () => void;
}

/**
 * Workers that finished a call without failing, asc already loaded, kept for the next call in this
 * process (a test file, the language server, a program compiling several times): loading asc is
 * most of a small build's cost. An idle worker does not keep the process alive and ends after
 * IDLE_MS. A worker that crashed or timed out is never kept.
 */
const idle: AscWorker[] = [];
const IDLE_MS = 10_000;

/**
 * How long a worker started ahead of its build (prestartCompilerWorker) waits to be taken. Its build
 * types every body before handing it the first unit, which on a loaded machine took longer than
 * IDLE_MS: the worker was ended with asc loaded and a new one loaded asc again (20 code nodes at load
 * ~17: ~0.6 s of CPU spent on the worker ended). Idle workers do not keep the process alive.
 */
const PRESTART_IDLE_MS = 120_000;

/** Compiler workers kept idle now (tests). */
export function idleCompilerWorkers(): number {
  return idle.length;
}

/**
 * Starts a compiler worker now and keeps it idle for the next compile in this process, so that it
 * loads asc and parses the library while the caller is still busy (the build calls it as soon as it
 * knows it has sandboxed pieces, before typing them). Does nothing when a worker is idle already.
 */
export function prestartCompilerWorker(): void {
  if (!idle.some((w) => w.role === "asc")) giveBack(newWorker("asc"), PRESTART_IDLE_MS);
}

function takeWorker(role: WorkerRole): AscWorker {
  const kept = takeIdle(idle, (w) => w.role === role);
  if (!kept) return newWorker(role);
  kept.output.length = 0;
  return kept;
}

function newWorker(role: WorkerRole): AscWorker {
  // binaryen is compiled once per process, without tier-up (loadBinaryen.ts): the worker's copy is
  // compiled under the flag, or is the one this thread compiled.
  const release = holdBaselineTier();
  const binaryen = binaryenPath();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      role,
      ...compilerUrls(),
      meterUrl: meterUrl(),
      binaryenUrl: pathToFileURL(binaryen).href,
      binaryenPath: binaryen,
      flags: ASC_FLAGS,
      entry: ENTRY_FILE,
      outFile: OUTPUT_FILE,
      libDir: LIBRARY_DIR,
      libFiles: { [LIBRARY_FILE]: LIBRARY_SOURCE, [RUNTIME_LIB_FILE]: RUNTIME_LIB_SOURCE },
      allocatorKey: ALLOCATOR_LIBRARY_KEY,
      allocatorSource: ALLOCATOR_SOURCE,
    },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  const output: string[] = [];
  worker.on("message", (message: { log?: string; loaded?: boolean }) => {
    if (typeof message.log === "string" && output.length < 64) output.push(message.log);
    if (message.loaded !== undefined) release();
  });
  worker.once("exit", release);
  return { worker, role, output, release };
}

/**
 * Ends the compiler workers kept idle, and with them their hold on V8's baseline tier. A caller
 * that is done compiling and goes on to run WebAssembly of its own calls it: a worker started
 * ahead of a build whose sandboxed pieces all came from the cache was still loading binaryen, with
 * `--liftoff-only` set process-wide, when `iceosc run` compiled the workflow's sandboxes (which
 * then never left Liftoff: the flag was still set when the run began in 2 of 3 cached runs
 * tried), and it took CPU from the run.
 */
export function stopIdleCompilerWorkers(): void {
  for (const held of idle.splice(0)) {
    clearTimeout(held.idleTimer);
    if (held.onIdleExit) held.worker.off("exit", held.onIdleExit);
    held.release();
    void held.worker.terminate();
  }
}

/** Keeps at most one idle worker of each role. */
function giveBack(held: AscWorker, idleMs = IDLE_MS): void {
  keepIdle(idle, held, (w) => w.role === held.role, idleMs);
}

function runJob(worker: Worker, job: { readonly id: number }, timeoutMs: number): Promise<WorkerAnswer> {
  const id = job.id;
  return new Promise((resolve) => {
    const finish = (outcome: WorkerAnswer) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (message: { id: number } & WorkerAnswer) => {
      if (message.id !== id) return;
      finish({
        diagnostics: message.diagnostics ?? [],
        ...(message.raw && { raw: new Uint8Array(message.raw) }),
        ...(message.plan !== undefined && message.plan !== null && { plan: message.plan }),
        ...(message.binary && { binary: new Uint8Array(message.binary) }),
        ...(message.failure && { failure: message.failure }),
        ...(message.reusedSources !== undefined && { reusedSources: message.reusedSources }),
        ...(message.metered && { metered: new Uint8Array(message.metered) }),
        ...(message.meterError && { meterError: message.meterError }),
        ...(message.parts && {
          parts: message.parts.map((p) => ({
            binary: new Uint8Array(p.binary),
            ...(p.metered && { metered: new Uint8Array(p.metered) }),
            ...(p.meterError && { meterError: p.meterError }),
          })),
        }),
      });
    };
    const onError = (error: Error) => finish({ diagnostics: [], failure: { kind: "crash", message: error.message } });
    const onExit = (code: number) =>
      finish({ diagnostics: [], failure: { kind: "crash", message: `compiler exited with code ${code}` } });
    const timer = setTimeout(
      () => finish({ diagnostics: [], failure: { kind: "timeout", message: `${timeoutMs} ms` } }),
      timeoutMs,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job);
  });
}
