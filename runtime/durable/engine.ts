/**
 * @fileoverview Durable runs on DBOS Transact over PostgreSQL (README "Durable and distributed runs"). A run is one DBOS
 * workflow (`iceosc.run`, id = the run id) whose input is a `Job` (module path, content hash,
 * workflow input); it runs the generated module with the durable step executor, so every node
 * attempt is a checkpointed step. DBOS is one per process: a process is either one durable run
 * (`runDurable`, `iceosc run --durable`) or a worker serving the shared queue (`startWorker`).
 *
 * Who runs what: a `runDurable` process has executor id `iceosc-run:<run id>` and application
 * version `iceosc-run:<run id>:<module hash>`, so DBOS's recovery at launch re-dispatches that run
 * (and nothing else) to it, and only if the module is unchanged. Workers share executor-id prefix
 * `iceosc-worker:` and version `WORKER_VERSION`; they take runs from the `iceosc` queue, and
 * recover the runs of dead workers (see `liveness.ts`).
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { DBOS, DBOSClient, type DLogger } from "@dbos-inc/dbos-sdk";
import { IceError, RunBusyError, WorkflowChangedError, type IceErrorCode } from "../errors.js";
import type { RunOptions } from "../options.js";
import { DurableExecutor, loadCheckpoints } from "./executor.js";
import { Liveness } from "./liveness.js";
import { migrate } from "./migrate.js";
import { grantedModulePath, loadJobModule, seedOf, type Job } from "./module.js";
import { decodeStored, encodeStored } from "./storedValue.js";

/** The DBOS application name of iceosc runs. */
const APP = "iceosc";
/** The registered workflow that runs a job. */
export const WORKFLOW_NAME = "iceosc.run";
/** The queue workers serve and `enqueue` submits to. */
export const QUEUE = "iceosc";
/** Application version of queued runs and workers (bumped when the job format changes). */
export const WORKER_VERSION = "iceosc-worker-2";
const WORKER_PREFIX = "iceosc-worker:";

/** Run options the process gives every run it executes (tools, provider, ...). */
export type ProcessRunOptions = Omit<RunOptions, "executor" | "seed" | "signal">;

interface Session {
  readonly client: DBOSClient;
  /** Modules this process compiled, by content hash (they stand in for a run's recorded path). */
  readonly modules: Map<string, string>;
  /** `runJob` as registered with DBOS. */
  readonly workflow: (job: Job) => Promise<unknown>;
  readonly runOptions: ProcessRunOptions;
  readonly liveness: Liveness;
  /** Folders whose modules a run may name (`WorkerSettings.moduleDirs`). */
  readonly moduleDirs: readonly string[];
}

let session: Session | undefined;

/** DBOS's log: warnings and errors to stderr (stdout carries outputs); more with ICEOSC_DBOS_LOG=debug. */
const logger: DLogger = {
  info: (entry) => verbose() && process.stderr.write(`dbos: ${String(entry)}\n`),
  debug: (entry) => verbose() && process.stderr.write(`dbos: ${String(entry)}\n`),
  warn: (entry) => process.stderr.write(`dbos: ${String(entry)}\n`),
  error: (entry, metadata) => {
    // A run's own failure (an IceError DBOS records as the workflow's outcome) is reported by the caller.
    const cause = (metadata as { error?: unknown } | undefined)?.error ?? entry;
    if (cause instanceof IceError && !verbose()) return;
    process.stderr.write(
      `dbos: ${entry instanceof Error ? (verbose() ? entry.stack : entry.message) : String(entry)}\n`,
    );
  },
};
const verbose = (): boolean => process.env.ICEOSC_DBOS_LOG === "debug";

/** The workflow every durable run is. */
async function runJob(job: Job): Promise<unknown> {
  const active = session;
  const runId = DBOS.workflowID;
  if (!active || runId === undefined) throw new Error("durable run outside a durable session");
  const recorded = await loadCheckpoints(active.client, runId);
  const own = active.modules.get(job.hash);
  const module = await loadJobModule(job, own ?? (await grantedModulePath(job.module, active.moduleDirs)));
  const executor = new DurableExecutor(runId, recorded);
  const output = await module.run(decodeStored(job.input), { ...active.runOptions, executor, seed: seedOf(runId) });
  return encodeStored(output);
}

interface LaunchSettings {
  readonly databaseUrl: string;
  readonly executorId: string;
  readonly applicationVersion: string;
  readonly listenQueues: string[];
  readonly runOptions: ProcessRunOptions;
  /** Modules compiled by this process, by content hash. */
  readonly modules?: readonly [string, string][];
  readonly moduleDirs?: readonly string[];
}

async function launch(settings: LaunchSettings, busy: () => Error): Promise<Session> {
  if (session) throw new Error("a durable run or worker is already active in this process (DBOS is one per process)");
  // The schema must exist before the client and the liveness lock use the database.
  await migrate(settings.databaseUrl);
  const liveness = await Liveness.hold(settings.databaseUrl, settings.executorId);
  if (!liveness) throw busy();
  try {
    const client = await DBOSClient.create({
      systemDatabaseUrl: settings.databaseUrl,
      logger,
      applicationName: APP,
      systemDatabaseIdleTransactionTimeoutMs: 0,
    });
    const workflow = DBOS.registerWorkflow(runJob, { name: WORKFLOW_NAME });
    const modules = new Map(settings.modules ?? []);
    session = {
      client,
      modules,
      workflow,
      runOptions: settings.runOptions,
      liveness,
      moduleDirs: settings.moduleDirs ?? [],
    };
    DBOS.setConfig({
      name: APP,
      systemDatabaseUrl: settings.databaseUrl,
      applicationVersion: settings.applicationVersion,
      executorID: settings.executorId,
      listenQueues: settings.listenQueues,
      logger,
      // No per-connection SET (pg warns when DBOS's pool issues it concurrently).
      systemDatabaseIdleTransactionTimeoutMs: 0,
    });
    await DBOS.launch();
    return session;
  } catch (error) {
    await close();
    throw error;
  }
}

async function close(): Promise<void> {
  const active = session;
  session = undefined;
  await DBOS.shutdown({ deregister: true }).catch(() => undefined);
  await active?.client.destroy().catch(() => undefined);
  await active?.liveness.release();
}

/** Settings of a durable run. */
export interface DurableRunSettings {
  readonly databaseUrl: string;
  readonly runId: string;
  readonly runOptions?: ProcessRunOptions;
}

/**
 * Runs `job` durably as run `runId`, or resumes it (after a crash: recorded nodes are not run
 * again), or returns its recorded output when it already finished. Throws the run's IceError.
 */
export async function runJobDurably(job: Job, settings: DurableRunSettings): Promise<unknown> {
  const { runId } = settings;
  const active = await launch(
    {
      databaseUrl: settings.databaseUrl,
      executorId: `iceosc-run:${runId}`,
      applicationVersion: `iceosc-run:${runId}:${job.hash.slice(0, 16)}`,
      listenQueues: [],
      runOptions: settings.runOptions ?? {},
      modules: [[job.hash, job.module]],
    },
    () => new RunBusyError(runId),
  );
  try {
    const status = await DBOS.getWorkflowStatus(runId);
    if (!status) {
      const handle = await DBOS.startWorkflow(active.workflow, { workflowID: runId })(job);
      return await outcome(() => handle.getResult());
    }
    checkSameJob(runId, status.workflowName, status.input?.[0], job);
    if (status.executorId?.startsWith(WORKER_PREFIX) && (status.status === "PENDING" || status.status === "ENQUEUED"))
      process.stderr.write(
        `run '${runId}' is on the worker queue (${status.status}): waiting for a worker to finish it\n`,
      );
    // Pending here: DBOS's recovery at launch has re-dispatched it to this process (same
    // executor, same version); pending elsewhere (a worker runs it): wait for its outcome.
    return await outcome(() => DBOS.retrieveWorkflow(runId).getResult());
  } finally {
    await close();
  }
}

function checkSameJob(runId: string, workflowName: string, recorded: unknown, job: Job): void {
  const previous = recorded as Partial<Job> | undefined;
  if (workflowName !== WORKFLOW_NAME || typeof previous?.hash !== "string")
    throw new WorkflowChangedError(`run '${runId}' exists and is not an iceosc run`);
  if (previous.hash !== job.hash)
    throw new WorkflowChangedError(
      `run '${runId}' was started from a different build of this workflow (${previous.module}, content hash ${previous.hash.slice(0, 12)}; now ${job.hash.slice(0, 12)}): its checkpoints cannot be reused; use a new run id`,
    );
}

/** The run's result, or its recorded failure as an IceError. */
async function outcome(get: () => Promise<unknown>): Promise<unknown> {
  try {
    return decodeStored(await get());
  } catch (error) {
    throw asIceError(error);
  }
}

/** An error DBOS recorded (a plain Error carrying the IceError's own fields) as an IceError. */
export function asIceError(error: unknown): unknown {
  if (error instanceof IceError) return error;
  const e = error as { code?: unknown; nodeId?: unknown; message?: unknown; name?: unknown };
  if (typeof e?.code === "string" && e.code.startsWith("ICE_")) {
    const nodeId = typeof e.nodeId === "string" ? e.nodeId : undefined;
    const prefix = nodeId === undefined ? "" : `node '${nodeId}': `;
    const message = String(e.message ?? "");
    return new IceError(
      e.code as IceErrorCode,
      message.startsWith(prefix) ? message.slice(prefix.length) : message,
      nodeId,
    );
  }
  if (typeof e?.name === "string" && e.name.includes("Cancelled"))
    return new IceError("ICE_ABORTED", `run was cancelled: ${String(e.message)}`);
  return error;
}

/** Settings of a worker. */
export interface WorkerSettings {
  readonly databaseUrl: string;
  /**
   * Runs a worker executes at once (default 4; at most `queueConcurrency`). Like every queue
   * setting, DBOS stores it with the queue: the last worker to start sets it for all workers.
   */
  readonly concurrency?: number;
  /** Runs executing at once across all workers of the queue (default: no limit). */
  readonly queueConcurrency?: number;
  /** How often to look for dead workers' runs, in ms (default 1000). */
  readonly recoveryIntervalMs?: number;
  readonly runOptions?: ProcessRunOptions;
  /**
   * Folders whose generated modules queued runs may name (real paths, symlinks resolved); a run
   * naming a module elsewhere fails with ICE_POLICY_DENIED before anything is imported. Whoever
   * can write the run database names the path: none given, the worker runs no queued module.
   */
  readonly moduleDirs?: readonly string[];
}

/** A running worker. */
export interface Worker {
  readonly executorId: string;
  /** Stops taking runs and disconnects; runs still executing here are left to recovery. */
  stop(): Promise<void>;
}

/** Serves the `iceosc` queue until stopped; recovers the runs of workers that died. */
export async function startWorker(settings: WorkerSettings): Promise<Worker> {
  const executorId = `${WORKER_PREFIX}${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const active = await launch(
    {
      databaseUrl: settings.databaseUrl,
      executorId,
      applicationVersion: WORKER_VERSION,
      listenQueues: [QUEUE],
      runOptions: settings.runOptions ?? {},
      moduleDirs: settings.moduleDirs ?? [],
    },
    () => new Error(`executor id ${executorId} is in use`),
  );
  // DBOS keeps a queue's settings in the database: the last worker to start sets them for all.
  const queueConcurrency = settings.queueConcurrency;
  const concurrency = Math.min(settings.concurrency ?? 4, queueConcurrency ?? Number.POSITIVE_INFINITY);
  try {
    await DBOS.registerQueue(QUEUE, {
      workerConcurrency: concurrency,
      ...(queueConcurrency !== undefined && { globalConcurrency: queueConcurrency }),
      minPollingIntervalMs: 200,
      onConflict: "always_update",
    });
  } catch (error) {
    await close();
    throw error;
  }
  let stopped = false;
  const interval = settings.recoveryIntervalMs ?? 1000;
  const sweep = async (): Promise<void> => {
    while (!stopped) {
      await recoverDeadWorkers(active, executorId).catch((error: unknown) => logger.warn(`recovery sweep: ${error}`));
      await new Promise((resolve) => setTimeout(resolve, interval).unref());
    }
  };
  const sweeping = sweep();
  return {
    executorId,
    stop: async () => {
      stopped = true;
      await sweeping;
      await close();
    },
  };
}

/** Puts the pending runs of dead workers back on the queue, for any live worker to resume. */
async function recoverDeadWorkers(active: Session, self: string): Promise<void> {
  const pending = await DBOS.listWorkflows({
    status: "PENDING",
    workflowName: WORKFLOW_NAME,
    applicationVersion: WORKER_VERSION,
    loadInput: false,
    loadOutput: false,
  });
  const byExecutor = new Map<string, string[]>();
  for (const run of pending) {
    const executor = run.executorId;
    if (!executor?.startsWith(WORKER_PREFIX) || executor === self) continue;
    byExecutor.set(executor, [...(byExecutor.get(executor) ?? []), run.workflowID]);
  }
  for (const [executor, runIds] of byExecutor) {
    await active.liveness.ifDead(executor, async () => {
      logger.warn(`worker ${executor} is gone; re-queueing its ${runIds.length} run(s)`);
      await DBOS.resumeWorkflows(runIds, { queueName: QUEUE });
    });
  }
}

/** Where a run stands. */
export interface RunStatus {
  readonly runId: string;
  /** DBOS's status: ENQUEUED, PENDING, SUCCESS, ERROR, CANCELLED, ... */
  readonly state: string;
  readonly output?: unknown;
  readonly error?: { readonly code: string; readonly message: string; readonly nodeId?: string };
}

/** Submits `job` to the queue as run `runId` (a new id when absent); returns the run id. */
export async function enqueueJob(job: Job, databaseUrl: string, runId?: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const id = runId ?? randomUUID();
    const existing = await client.getWorkflow(id);
    if (existing) {
      checkSameJob(id, existing.workflowName, existing.input?.[0], job);
      return id;
    }
    await client.enqueue(
      { queueName: QUEUE, workflowName: WORKFLOW_NAME, workflowID: id, appVersion: WORKER_VERSION },
      job,
    );
    return id;
  });
}

/** The state of run `runId` and, once it finished, its output or error; undefined if unknown. */
export async function runStatus(runId: string, databaseUrl: string, waitMs?: number): Promise<RunStatus | undefined> {
  return withClient(databaseUrl, async (client) => {
    const deadline = Date.now() + (waitMs ?? 0);
    for (;;) {
      const status = await client.getWorkflow(runId);
      if (!status) return undefined;
      const done = status.status !== "PENDING" && status.status !== "ENQUEUED" && status.status !== "DELAYED";
      if (done || Date.now() >= deadline) return describe(runId, status.status, status.output, status.error);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

function describe(runId: string, state: string, output: unknown, error: unknown): RunStatus {
  if (state === "SUCCESS") return { runId, state, output: decodeStored(output) };
  if (error === undefined || error === null) return { runId, state };
  const failure = asIceError(error) as { code?: unknown; message?: unknown; nodeId?: unknown };
  return {
    runId,
    state,
    error: {
      code: typeof failure.code === "string" ? failure.code : "ICE_RUN_FAILED",
      message: String(failure.message ?? failure),
      ...(typeof failure.nodeId === "string" && { nodeId: failure.nodeId }),
    },
  };
}

async function withClient<T>(databaseUrl: string, use: (client: DBOSClient) => Promise<T>): Promise<T> {
  await migrate(databaseUrl);
  const client = await DBOSClient.create({
    systemDatabaseUrl: databaseUrl,
    logger,
    applicationName: APP,
    systemDatabaseIdleTransactionTimeoutMs: 0,
  });
  try {
    return await use(client);
  } finally {
    await client.destroy();
  }
}
