/**
 * @fileoverview The bound on TypeScript's work on workflow text (SECURITY.md "Type-checking code
 * bodies"). The checker is not linear: a few KB of type-level code (recursive conditional types,
 * mapped types over large unions) can take minutes and gigabytes. So every job that parses or
 * types a body (typerJobs.ts) runs in one typer worker per build, made with a heap cap
 * (`resourceLimits`), one job at a time, each with a deadline, and all of a session's jobs within
 * a budget. A job past its deadline or the worker's heap, or whose types nest past its stack, gets
 * ICE3008 on its body ("too expensive"); a worker that fails otherwise (it cannot start, it ends,
 * an error the lowering did not expect) is iceosc's fault, not the body's: ICE3010. Either way the
 * worker is ended and the next job gets a new one, so the other bodies still type. TypeScript is loaded in
 * the worker only: the build's thread never loads it. A healthy worker is kept idle for the next
 * session of the process (the build's syntax check, then its lowering; tests; watch mode).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createDiagnostic, type Diagnostic, Diagnostics, type SourceFile } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/node.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import type { PluginModule } from "../../plugin/module.js";
import { fromWire, type TyperAnswer, type TyperJob, type TyperReply, wireBody, wireUnit } from "./typerWire.js";
import { keepIdle, type PooledWorker, takeIdle } from "./idleWorkers.js";
import { typerCodeCache } from "./typerCodeCache.js";

/** The limits of one session. */
export interface TypingLimits {
  /** Longest one body may take to parse, type and print. */
  readonly bodyMs: number;
  /** Longest all of a session's bodies may take together. */
  readonly totalMs: number;
  /** The typer worker's heap (V8 old generation), in MB. */
  readonly memoryMb: number;
}

/** The typer worker's heap cap: a body types in tens of MB; the type bombs of SECURITY.md used GBs. */
export const TYPER_MEMORY_MB = 512;

/**
 * The limits of `unitMs` per body and `totalMs` in all, unless `$ICEOSC_TYPING_LIMITS`
 * ("<ms>,<MB>") says otherwise: internal, for tests to set small limits in the process they spawn.
 */
function typingLimits(unitMs: number, totalMs: number): TypingLimits {
  const [ms, mb] = (process.env.ICEOSC_TYPING_LIMITS ?? "").split(",").map(Number);
  const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
  return {
    bodyMs: positive(ms) ? ms : unitMs,
    totalMs: positive(ms) ? Math.max(ms, totalMs) : totalMs,
    memoryMb: positive(mb) ? mb : TYPER_MEMORY_MB,
  };
}

/**
 * The limits of a session of `bodies` bodies: the compile's default deadlines (30 s per body, or
 * `$ICEOSC_COMPILE_TIMEOUT_MS` for a slow or loaded machine; 90 s or six of those, plus 2 s per
 * body, in all) and TYPER_MEMORY_MB.
 */
export function defaultTypingLimits(bodies: number): TypingLimits {
  const configured = Number(process.env.ICEOSC_COMPILE_TIMEOUT_MS);
  const unitMs = Number.isFinite(configured) && configured > 0 ? configured : 30_000;
  return typingLimits(unitMs, Math.max(90_000, 6 * unitMs) + 2_000 * bodies);
}

/** A job's outcome: the worker's answer, with its diagnostics in the body's file. */
export interface Typed {
  readonly diagnostics: Diagnostic[];
  readonly source?: string;
  readonly facts?: TyperAnswer["facts"];
  readonly tools?: TyperAnswer["tools"];
  /** Set when the job got no answer: why, and the reason its ICE3008 (ICE3010) gives. */
  readonly failure?: { readonly kind: Failure["kind"]; readonly reason: string };
}

/**
 * Why a job got no answer. The body's: past its deadline, the session's budget or the heap, or its
 * types nest past the stack (`stack`). The compiler's (`fault`): the worker did not start, ended
 * or failed in a way no body causes.
 */
export type Failure =
  | { readonly kind: "deadline" }
  | { readonly kind: "budget" }
  | { readonly kind: "memory" }
  | { readonly kind: "stack" }
  | { readonly kind: "fault"; readonly message: string };

/** Whether the worker loaded TypeScript, or why not. */
type Started = { readonly ok: true } | { readonly ok: false; readonly message: string };

interface TyperWorker extends PooledWorker {
  /** Resolves when TypeScript is loaded, or with why the worker ended first. */
  readonly ready: Promise<Started>;
  readonly memoryMb: number;
}

/**
 * Where the worker's module is: beside this file when built; the built copy when run from sources.
 * The bundle the build makes of it (scripts/bundle.mjs: one file instead of ~200 modules, ~0.3 s
 * less to start a worker) when it is there, else the module itself.
 */
function workerUrl(): URL | undefined {
  const here = import.meta.url;
  const dir = here.endsWith(".ts") ? new URL("../../../dist/src/emit/wasm/", here) : new URL("./", here);
  for (const name of ["typerWorker.bundle.js", "typerWorker.js"]) {
    const url = new URL(name, dir);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** Jobs of one build, run in order in one worker at a time. */
export class TypeSession {
  private readonly deadline: number;
  private queue: Promise<void> = Promise.resolve();
  private held: TyperWorker | undefined;
  private pending = 0;

  constructor(private readonly limits: TypingLimits) {
    this.deadline = performance.now() + limits.totalMs;
  }

  /** A body's syntax diagnostics (ICE1013/ICE1014, reserved names). */
  async syntax(body: EmbeddedSource): Promise<Diagnostic[]> {
    return (await this.run({ kind: "syntax", body: wireBody(body) }, body)).diagnostics;
  }

  /** A unit parsed, typed and printed: its program, or diagnostics. */
  lower(unit: SandboxUnit): Promise<Typed> {
    return this.run({ kind: "lower", unit: wireUnit(unit) }, unit.body);
  }

  /** A plugin module's tools typed and lowered (src/plugin/lower.ts); `tools` only when all lowered. */
  plugin(module: PluginModule): Promise<Typed> {
    const { body, ...rest } = module;
    return this.run({ kind: "plugin", module: { ...rest, body: wireBody(body) } }, body);
  }

  /** The risk facts of a unit whose lowering is cached (undefined when its parse reports anything). */
  async facts(unit: SandboxUnit): Promise<Typed["facts"]> {
    return (await this.run({ kind: "facts", unit: wireUnit(unit) }, unit.body)).facts;
  }

  private run(job: TyperJob, body: EmbeddedSource): Promise<Typed> {
    this.pending++;
    const result = this.queue.then(() => this.attempt(job, body));
    const settled = (): void => {
      if (--this.pending === 0 && this.held) {
        giveBack(this.held);
        this.held = undefined;
      }
    };
    this.queue = result.then(settled, settled);
    return result;
  }

  private async attempt(job: TyperJob, body: EmbeddedSource): Promise<Typed> {
    const file = body.span.file;
    const left = this.deadline - performance.now();
    if (left <= 0) return this.failed(body, { kind: "budget" });
    const url = workerUrl();
    if (!url) return answered(await runInProcess(job), file);
    this.held ??= takeWorker(url, this.limits.memoryMb);
    const outcome = await runJob(this.held, job, Math.min(this.limits.bodyMs, left), left < this.limits.bodyMs);
    if ("answer" in outcome) return answered(outcome.answer, file);
    // Whatever failed, the next job gets a fresh worker (one that ran out of heap has ended already).
    void this.held.worker.terminate();
    this.held = undefined;
    return this.failed(body, outcome.failure);
  }

  private failed(body: EmbeddedSource, failure: Failure): Typed {
    const { bodyMs, totalMs, memoryMb } = this.limits;
    const reason =
      failure.kind === "deadline"
        ? `it took longer than ${bodyMs} ms`
        : failure.kind === "memory"
          ? `it needed more than ${memoryMb} MB`
          : failure.kind === "budget"
            ? `the build's ${totalMs} ms for type-checking code bodies ran out before it`
            : failure.kind === "stack"
              ? "it nests too deeply for the type checker's stack"
              : oneLine(failure.message);
    const kind = failure.kind === "fault" ? Diagnostics.TypeCheckerFault : Diagnostics.TypeCheckTooExpensive;
    return {
      diagnostics: [createDiagnostic(kind, body.span, [reason])],
      failure: { kind: failure.kind, reason },
    };
  }
}

function answered(answer: TyperAnswer, file: SourceFile): Typed {
  return {
    diagnostics: answer.diagnostics.map((d) => fromWire(d, file)),
    ...(answer.source !== undefined && { source: answer.source }),
    ...(answer.facts && { facts: answer.facts }),
    ...(answer.tools && { tools: answer.tools }),
  };
}

/** Without a worker script (the sources without a built dist/): the job on this thread, unbounded. */
async function runInProcess(job: TyperJob): Promise<TyperAnswer> {
  const { runTyperJob } = await import("./typerJobs.js");
  return runTyperJob(job);
}

/** Healthy workers kept for the next session (at most one), TypeScript loaded. */
const idle: TyperWorker[] = [];
const IDLE_MS = 10_000;
/** A worker started ahead of its build waits this long to be taken (see compileWorker.ts). */
const PRESTART_IDLE_MS = 120_000;

/** Starts the typer worker now (loading TypeScript) for the build about to type bodies. */
export function prestartTyper(memoryMb: number = TYPER_MEMORY_MB): void {
  const url = workerUrl();
  if (url && !idle.some((w) => w.memoryMb === memoryMb)) giveBack(newWorker(url, memoryMb), PRESTART_IDLE_MS);
}

function takeWorker(url: URL, memoryMb: number): TyperWorker {
  return takeIdle(idle, (w) => w.memoryMb === memoryMb) ?? newWorker(url, memoryMb);
}

function newWorker(url: URL, memoryMb: number): TyperWorker {
  const codeCache = typerCodeCache();
  const worker = new Worker(url, {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 },
    ...(codeCache !== undefined && { workerData: { typeScriptCodeCache: codeCache } }),
  });
  const ready = new Promise<Started>((resolve) => {
    const onMessage = (message: { ready?: boolean }) => {
      if (message.ready) done({ ok: true });
    };
    const done = (value: Started) => {
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      worker.off("error", onError);
      resolve(value);
    };
    const onExit = (code: number) =>
      done({ ok: false, message: `the typer worker exited with code ${code} while starting` });
    const onError = (error: Error & { code?: string }) =>
      done({
        ok: false,
        message:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `the typer worker's ${memoryMb} MB heap ran out while it loaded TypeScript`
            : `the typer worker failed while starting: ${error.message}`,
      });
    worker.on("message", onMessage);
    worker.once("exit", onExit);
    worker.once("error", onError);
  });
  // An error before or between jobs must not reach the process as an unhandled 'error' event.
  worker.on("error", () => undefined);
  return { worker, ready, memoryMb };
}

/** Keeps at most one idle typer (each build asks for one). */
function giveBack(held: TyperWorker, idleMs = IDLE_MS): void {
  keepIdle(idle, held, () => true, idleMs);
}

let nextId = 0;

/**
 * One job in `held`: the deadline counts from when the worker is ready (loading TypeScript is not
 * the body's), but waiting for it is bounded by the same time.
 */
async function runJob(
  held: TyperWorker,
  job: TyperJob,
  timeoutMs: number,
  budgetBound: boolean,
): Promise<{ readonly answer: TyperAnswer } | { readonly failure: Failure }> {
  const { worker } = held;
  const late: Failure = budgetBound ? { kind: "budget" } : { kind: "deadline" };
  const waited = await Promise.race([
    held.ready,
    new Promise<"late">((resolve) => setTimeout(() => resolve("late"), timeoutMs).unref()),
  ]);
  if (waited === "late") return { failure: late };
  if (!waited.ok) return { failure: { kind: "fault", message: waited.message } };
  const id = nextId++;
  return new Promise((resolve) => {
    const finish = (outcome: { readonly answer: TyperAnswer } | { readonly failure: Failure }) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (message: TyperReply) => {
      if (message.id !== id) return;
      if (message.answer) finish({ answer: message.answer });
      else if (message.stack) finish({ failure: { kind: "stack" } });
      else finish({ failure: { kind: "fault", message: message.error ?? "the typer worker gave no answer" } });
    };
    const onError = (error: Error & { code?: string }) =>
      finish({
        failure:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? { kind: "memory" }
            : { kind: "fault", message: `the typer worker failed: ${error.message}` },
      });
    const onExit = (code: number) =>
      finish({ failure: { kind: "fault", message: `the typer worker exited with code ${code}` } });
    const timer = setTimeout(() => finish({ failure: late }), timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, job });
  });
}

/** A message of the user's diagnostic: its first line, bounded (never a stack trace). */
function oneLine(message: string): string {
  const line = message.trim().split("\n")[0]!;
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
