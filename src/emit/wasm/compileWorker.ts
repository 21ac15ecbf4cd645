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
 * each. The worker is plain JavaScript passed with `eval: true`, so it runs the
 * same from TypeScript sources (tests) and from the built `dist/`.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ALLOCATOR_LIBRARY_KEY, ALLOCATOR_SOURCE } from "./allocator.js";
import { LIBRARY_DIR, LIBRARY_FILE, LIBRARY_SOURCE } from "./asLibrary.js";
import { ASC_FLAGS, OUTPUT_FILE } from "./compilerFlags.js";
import { RUNTIME_LIB_FILE, RUNTIME_LIB_SOURCE } from "../../codenode/runtimeLib.js";
import { ENTRY_FILE } from "./compilerFlags.js";

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
}

const WORKER_SOURCE = `
const { parentPort, workerData: w } = require("node:worker_threads");
// What asc prints (its crash report) goes to the parent as messages, not to the terminal.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, ...rest) => {
    parentPort.postMessage({ log: String(chunk) });
    const done = rest.find((r) => typeof r === "function");
    if (done) done();
    return true;
  };
}
let loading = null;
parentPort.on("message", async (job) => {
  try {
    // Our allocator (allocator.ts) in place of the stub runtime's, before the first compile.
    loading = loading || import(w.ascUrl).then((m) => {
      const asc = m.default || m;
      (m.libraryFiles || asc.libraryFiles)[w.allocatorKey] = w.allocatorSource;
      return asc;
    });
    const asc = await loading;
    const outputs = {};
    const diagnostics = [];
    const errors = [];
    const result = await asc.main(w.flags, {
      readFile(name, baseDir) {
        if (baseDir === w.libDir) return w.libFiles[name] ?? null;
        return name === w.entry ? job.source : null;
      },
      writeFile(name, contents) { outputs[name] = contents; },
      listFiles(dir) { return dir === w.libDir ? Object.keys(w.libFiles) : []; },
      stdout: asc.createMemoryStream(),
      stderr: asc.createMemoryStream((chunk) => { errors.push(String(chunk)); }),
      reportDiagnostic(d) {
        diagnostics.push({ category: d.category, code: d.code, message: d.message, path: d.range ? d.range.source.normalizedPath : "",
          start: d.range ? d.range.start : -1, end: d.range ? d.range.end : -1 });
      },
    });
    const binary = outputs[w.outFile] || null;
    const failure = !binary && !diagnostics.some((d) => d.category === 3)
      ? { kind: "crash", message: (result.error ? result.error.message : "no output") + " " + errors.join("").slice(0, 2000) } : undefined;
    parentPort.postMessage({ id: job.id, binary, diagnostics, failure });
  } catch (e) {
    parentPort.postMessage({ id: job.id, diagnostics: [], failure: { kind: "crash", message: String((e && e.stack) || e) } });
  }
});
`;

function ascUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(join(dirname(require.resolve("assemblyscript/package.json")), "dist", "asc.js")).href;
}

/** Workers used at most (asc is single-threaded; more than the cores only costs memory). */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** Time limits of one compileInWorker call. */
export interface CompileLimits {
  /** Longest one source may take. */
  readonly unitMs: number;
  /** Longest all sources together may take: sources not started by then fail with "budget". */
  readonly totalMs: number;
  /** Called as source `index` starts compiling (for progress reports). */
  readonly onStart?: (index: number) => void;
}

/** Compiles sources in up to two workers; results in the same order. */
export async function compileInWorker(sources: readonly string[], limits: CompileLimits): Promise<CompileOutcome[]> {
  const deadline = performance.now() + limits.totalMs;
  const outcomes = new Array<CompileOutcome>(sources.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    let held: AscWorker | undefined;
    try {
      for (let id = next++; id < sources.length; id = next++) {
        const left = deadline - performance.now();
        if (left <= 0) {
          outcomes[id] = { diagnostics: [], failure: { kind: "budget", message: `${limits.totalMs} ms` } };
          continue;
        }
        held ??= takeWorker();
        const timeoutMs = Math.min(limits.unitMs, left);
        limits.onStart?.(id);
        let outcome = await runJob(held.worker, id, sources[id]!, timeoutMs);
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
        outcomes[id] = outcome;
      }
    } finally {
      if (held) giveBack(held);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_WORKERS, sources.length) }, lane));
  return outcomes;
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

function takeWorker(): AscWorker {
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.idleTimer);
    if (kept.onIdleExit) kept.worker.off("exit", kept.onIdleExit);
    kept.worker.ref();
    kept.output.length = 0;
    return kept;
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      ascUrl: ascUrl(),
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
  worker.on("message", (message: { log?: string }) => {
    if (typeof message.log === "string" && output.length < 64) output.push(message.log);
  });
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

function runJob(worker: Worker, id: number, source: string, timeoutMs: number): Promise<CompileOutcome> {
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
    worker.postMessage({ id, source });
  });
}
