/**
 * @fileoverview Durable and distributed runs for apps (`iceosc/runtime`, README "Durable and distributed runs"): run a
 * generated module durably, serve the shared queue, submit runs, ask where a run stands. DBOS is
 * loaded on first use only, so apps and plain runs that never go durable pay nothing for it.
 * Modules are named by path (or `file:` URL): a run records the path and content hash, and any
 * process that can read that path (the same machine or a shared filesystem) can run or resume it.
 */
import type { RunStatus, Worker, WorkerSettings } from "./engine.js";
import type { RunOptions } from "../options.js";

export type { RunStatus, Worker, WorkerSettings, ProcessRunOptions } from "./engine.js";

/** Where the runs live: a PostgreSQL URL, else `ICEOSC_DATABASE_URL`. */
export interface DatabaseSettings {
  readonly databaseUrl?: string;
}

/** Options of `runDurable`: the run id, the database, and the run options tools etc. come from. */
export interface DurableRunOptions extends DatabaseSettings, Omit<RunOptions, "executor" | "seed" | "signal"> {
  /** The run's id: running the same id again resumes it (or returns its recorded output). */
  readonly runId: string;
}

const engine = () => import("./engine.js");
const modules = () => import("./module.js");

/**
 * Runs the generated module at `module` (its `W.js` path or URL) durably: every node's outcome is
 * checkpointed, and calling again with the same `runId` after a crash resumes the run without
 * running completed nodes again; a finished run returns its recorded output. One durable run or
 * worker at a time per process.
 */
export async function runDurable(module: string | URL, input: unknown, options: DurableRunOptions): Promise<unknown> {
  const { databaseUrl, runId, ...runOptions } = options;
  const job = (await modules()).jobFor(module, input);
  return (await engine()).runJobDurably(job, { databaseUrl: databaseUrlOf(databaseUrl), runId, runOptions });
}

/** Serves the shared queue: runs enqueued runs, and recovers the runs of workers that died. */
export async function startWorker(settings: Omit<WorkerSettings, "databaseUrl"> & DatabaseSettings): Promise<Worker> {
  return (await engine()).startWorker({ ...settings, databaseUrl: databaseUrlOf(settings.databaseUrl) });
}

/** Submits a run of the module at `module` to the shared queue; returns its run id. */
export async function enqueue(
  module: string | URL,
  input: unknown,
  options: DatabaseSettings & { readonly runId?: string } = {},
): Promise<string> {
  const job = (await modules()).jobFor(module, input);
  return (await engine()).enqueueJob(job, databaseUrlOf(options.databaseUrl), options.runId);
}

/** Where run `runId` stands (undefined: no such run); `waitMs` waits up to that long for it to finish. */
export async function status(
  runId: string,
  options: DatabaseSettings & { readonly waitMs?: number } = {},
): Promise<RunStatus | undefined> {
  return (await engine()).runStatus(runId, databaseUrlOf(options.databaseUrl), options.waitMs);
}

function databaseUrlOf(url: string | undefined): string {
  const resolved = url ?? process.env.ICEOSC_DATABASE_URL;
  if (!resolved) throw new Error("durable runs need a PostgreSQL URL: pass databaseUrl or set ICEOSC_DATABASE_URL");
  return resolved;
}
