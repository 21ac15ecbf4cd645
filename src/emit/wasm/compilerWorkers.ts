/**
 * @fileoverview The compiler workers of a process (compileWorker.ts's sessions take and give them
 * back): asc may call `process.exit` on an internal crash (in a worker that ends only the worker)
 * and pathological input can make it spin, so every compile runs in a worker thread with a per-job
 * timeout (runJob). A worker has a role: `asc` (loads asc and binaryen, compiles) or `optimizer`
 * (loads binaryen only). Healthy workers are kept, idle, for the next call in the process (see
 * `idle`); an idle worker must not keep the process alive, so what asc prints reaches the parent
 * as messages (a worker made with piped stdio holds a ref'd port even when unref'd: every `iceosc
 * build` with a code node used to wait out the idle timer after it had finished). A worker starts
 * loading asc as soon as it is made. What the worker runs is compilerWorkerScript.ts.
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
import type { CompileOutcome } from "./compileOutcome.js";
import { keepIdle, type PooledWorker, takeIdle } from "./idleWorkers.js";

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
export type WorkerRole = "asc" | "optimizer";

/** Workers used at most: an asc worker and an optimizer (more than the cores only costs memory). */
export const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** What a worker answers: a CompileOutcome, and for a compile the unoptimised module and its plan. */
export interface WorkerAnswer extends CompileOutcome {
  readonly raw?: Uint8Array;
  readonly plan?: unknown;
}

/** A compiler worker and the tail of what it printed (asc prints its crash report to the console). */
export interface AscWorker extends PooledWorker {
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

export function takeWorker(role: WorkerRole): AscWorker {
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
export function giveBack(held: AscWorker, idleMs = IDLE_MS): void {
  keepIdle(idle, held, (w) => w.role === held.role, idleMs);
}

export function runJob(worker: Worker, job: { readonly id: number }, timeoutMs: number): Promise<WorkerAnswer> {
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
