/**
 * @fileoverview Runs asc off the main thread. asc may call `process.exit` on an internal crash
 * (in a worker that ends only the worker) and pathological input can make it spin, so every
 * compile runs in a worker thread with a per-unit timeout. The units of one build share at most
 * two workers (one per core on the machines this targets; each loads the compiler once, ~350 ms)
 * that take units from one queue; a worker that crashed or timed out is replaced for the units
 * it still takes. Healthy workers are kept, idle, for the next call in the process (see `idle`);
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

/** One asc diagnostic, with its range in the file it names. */
export interface AscDiagnostic {
  /** 3 = error, 2 = warning, lower = info/pedantic. */
  readonly category: number;
  readonly code: number;
  readonly message: string;
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** What compiling one source gave. */
export interface CompileOutcome {
  readonly binary?: Uint8Array;
  readonly diagnostics: readonly AscDiagnostic[];
  /** Set when asc did not finish normally. */
  readonly failure?: { readonly kind: "timeout" | "crash" | "budget"; readonly message: string };
  /** Library files whose parse from an earlier compile in the same worker was reused. */
  readonly reusedSources?: number;
  /** `binary` fuel-metered by the worker (meter.ts), when asked to and it could. */
  readonly metered?: Uint8Array;
  /** Why metering `binary` failed in the worker (`forbidden`: a ForbiddenInstructionError). */
  readonly meterError?: { readonly forbidden: boolean; readonly message: string };
}

/** URLs of asc (the compiler) and of the `assemblyscript` module it imports (one instance). */
function compilerUrls(): { readonly ascUrl: string; readonly assemblyscriptUrl: string } {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve("assemblyscript/package.json")), "dist");
  return {
    ascUrl: pathToFileURL(join(dist, "asc.js")).href,
    assemblyscriptUrl: pathToFileURL(join(dist, "assemblyscript.js")).href,
  };
}

/** meter.js beside this file, for the worker: only when this file is JavaScript (the built package). */
function meterUrl(): string | undefined {
  return import.meta.url.endsWith(".js") ? new URL("./meter.js", import.meta.url).href : undefined;
}

/** Workers used at most (asc is single-threaded; more than the cores only costs memory). */
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
  readonly resolve: (outcome: CompileOutcome) => void;
}

/**
 * Compiles sources as they are handed in (`compile`), so the first unit compiles while the main
 * thread still types and prints the others. Up to two workers take sources from one queue; the
 * time budget counts from the session's start.
 */
export class CompileSession {
  private readonly deadline: number;
  private readonly queue: Job[] = [];
  private lanes = 0;
  private submitted = 0;

  constructor(private readonly limits: CompileLimits) {
    this.deadline = performance.now() + limits.totalMs;
  }

  /** Queues a source; its outcome when compiled. */
  compile(source: string): Promise<CompileOutcome> {
    const id = this.submitted++;
    return new Promise((resolve) => {
      this.queue.push({ id, source, resolve });
      if (this.lanes < MAX_WORKERS) {
        this.lanes++;
        void this.lane();
      }
    });
  }

  /** One worker taking queued sources until the queue is empty, then going back to `idle`. */
  private async lane(): Promise<void> {
    const limits = this.limits;
    let held: AscWorker | undefined;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        const left = this.deadline - performance.now();
        if (left <= 0) {
          job.resolve({ diagnostics: [], failure: { kind: "budget", message: `${limits.totalMs} ms` } });
          continue;
        }
        held ??= takeWorker();
        const timeoutMs = Math.min(limits.unitMs, left);
        limits.onStart?.(job.id);
        let outcome = await runJob(
          held.worker,
          { id: job.id, source: job.source, meter: limits.meter ?? false },
          timeoutMs,
        );
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
        job.resolve(outcome);
      }
    } finally {
      this.lanes--;
      if (held) giveBack(held);
    }
  }
}

/** Compiles sources in up to two workers; results in the same order. */
export async function compileInWorker(sources: readonly string[], limits: CompileLimits): Promise<CompileOutcome[]> {
  const session = new CompileSession(limits);
  return Promise.all(sources.map((source) => session.compile(source)));
}

/** A compiler worker and the tail of what it printed (asc prints its crash report to the console). */
interface AscWorker {
  readonly worker: Worker;
  readonly output: string[];
  /** While idle: the timer that ends it, and what drops it from `idle` should it exit first. */
  idleTimer?: NodeJS.Timeout;
  onIdleExit?: () => void;
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
 * Starts a compiler worker now and keeps it idle for the next compile in this process, so that it
 * loads asc and parses the library while the caller is still busy (the build calls it as soon as it
 * knows it has sandboxed pieces, before typing them). Does nothing when a worker is idle already.
 */
export function prestartCompilerWorker(): void {
  if (idle.length === 0) giveBack(newWorker());
}

function takeWorker(): AscWorker {
  const kept = idle.pop();
  if (!kept) return newWorker();
  clearTimeout(kept.idleTimer);
  if (kept.onIdleExit) kept.worker.off("exit", kept.onIdleExit);
  kept.worker.ref();
  kept.output.length = 0;
  return kept;
}

function newWorker(): AscWorker {
  // binaryen is compiled once per process, without tier-up (loadBinaryen.ts): the worker's copy is
  // compiled under the flag, or is the one this thread compiled.
  const release = holdBaselineTier();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      ...compilerUrls(),
      meterUrl: meterUrl(),
      binaryenUrl: pathToFileURL(createRequire(import.meta.url).resolve("binaryen")).href,
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
  return { worker, output };
}

function giveBack(held: AscWorker): void {
  if (idle.length >= MAX_WORKERS) {
    void held.worker.terminate();
    return;
  }
  const drop = () => {
    const at = idle.indexOf(held);
    if (at >= 0) idle.splice(at, 1);
  };
  held.worker.unref();
  held.onIdleExit = () => {
    clearTimeout(held.idleTimer);
    drop();
  };
  held.worker.once("exit", held.onIdleExit);
  held.idleTimer = setTimeout(() => {
    drop();
    void held.worker.terminate();
  }, IDLE_MS).unref();
  idle.push(held);
}

function runJob(
  worker: Worker,
  job: { readonly id: number; readonly source: string; readonly meter: boolean },
  timeoutMs: number,
): Promise<CompileOutcome> {
  const id = job.id;
  return new Promise((resolve) => {
    const finish = (outcome: CompileOutcome) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (message: { id: number } & CompileOutcome) => {
      if (message.id !== id) return;
      finish({
        diagnostics: message.diagnostics,
        ...(message.binary && { binary: new Uint8Array(message.binary) }),
        ...(message.failure && { failure: message.failure }),
        ...(message.reusedSources !== undefined && { reusedSources: message.reusedSources }),
        ...(message.metered && { metered: new Uint8Array(message.metered) }),
        ...(message.meterError && { meterError: message.meterError }),
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
