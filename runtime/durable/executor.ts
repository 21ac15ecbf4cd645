/**
 * @fileoverview The durable step executor: every node attempt of a run is a DBOS step whose outcome
 * (output, or the node's failure) is checkpointed in PostgreSQL under a deterministic key, its
 * path: the scopes it runs in (loop items, parallel branches, sub-workflows), its node id and
 * attempt number, e.g. `per_review#1/3/analyze#1/1/tags#1`.
 *
 * Why keys and not DBOS's own step numbers: DBOS numbers a workflow's steps in the order they
 * start, and the nodes of a wave, a parallel block or a loop with `max_parallel` start in an order
 * that depends on timing. So each step is named by its key, and when a run executes again the
 * outcomes recorded so far are read first (`loadCheckpoints`) and looked up by key; DBOS's step
 * counter is advanced past the recorded steps so that new steps never land on recorded ones.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { DBOS, type DBOSClient } from "@dbos-inc/dbos-sdk";
import { IceError, type IceErrorCode } from "../errors.js";
import { REPLAYED, type StepExecutor } from "../executor.js";
import { decodeStored, encodeStored } from "./storedValue.js";

/** What a step records: the node's output, or its failure. */
export type Outcome =
  | { readonly ok: true; readonly value?: unknown }
  | { readonly ok: false; readonly code: IceErrorCode; readonly message: string; readonly nodeId?: string };

/** Name of the filler step written where an earlier execution died inside a step. */
const GAP = "iceosc.gap";
/** Prefix of the names of node steps (the rest is the key). */
const PREFIX = "node:";

/** The outcomes recorded for a run so far, by key. */
export type Checkpoints = ReadonlyMap<string, Outcome>;

/**
 * Reads the outcomes recorded for workflow `workflowId` and replays its recorded steps in order
 * (DBOS answers each from its checkpoint without running anything), so that DBOS's step counter
 * continues after them. Must be the first thing the workflow does.
 */
export async function loadCheckpoints(client: DBOSClient, workflowId: string): Promise<Checkpoints> {
  const steps = (await client.listWorkflowSteps(workflowId)) ?? [];
  const byNumber = new Map(steps.map((step) => [step.functionID, step]));
  const last = steps.reduce((max, step) => Math.max(max, step.functionID), -1);
  const recorded = new Map<string, Outcome>();
  for (let number = 0; number <= last; number++) {
    const step = byNumber.get(number);
    if (step?.name.startsWith(PREFIX) && step.error === null)
      recorded.set(step.name.slice(PREFIX.length), decodeStored(step.output) as Outcome);
    // Replayed, not run: the recorded outcome comes back (a gap gets a filler step recorded).
    await DBOS.runStep(async () => null, { name: step?.name ?? GAP }).catch(() => undefined);
  }
  return recorded;
}

export class DurableExecutor implements StepExecutor {
  /** The current scope path (ends with `/`), following async calls. */
  private readonly scopes = new AsyncLocalStorage<string>();

  constructor(
    /** The run id (DBOS workflow id). */
    private readonly runId: string,
    private readonly recorded: Checkpoints,
  ) {}

  async attempt<T>(nodeId: string, attemptNo: number, composite: boolean, run: () => Promise<T>): Promise<T> {
    const key = `${this.scopes.getStore() ?? ""}${nodeId}#${attemptNo}`;
    const done = this.recorded.get(key);
    if (done) return settle<T>(done, true);
    if (composite) {
      // Children are steps of their own; the composite's outcome is recorded once they are done.
      const outcome = encodeStored(await capture(() => this.scopes.run(`${key}/`, run)));
      await DBOS.runStep(async () => outcome, { name: PREFIX + key });
      return settle<T>(decodeStored(outcome) as Outcome, false);
    }
    // Stored as iceosc's own text (storedValue.ts), and decoded here too: the value the run goes on
    // with is the one a resumed run reads back.
    const stored = await DBOS.runStep(async () => encodeStored(await capture(run)), { name: PREFIX + key });
    return settle<T>(decodeStored(stored) as Outcome, false);
  }

  scope<T>(name: string, body: () => Promise<T>): Promise<T> {
    return this.scopes.run(`${this.scopes.getStore() ?? ""}${name}/`, body);
  }

  idempotencyKey(nodeId: string, attemptNo: number): string {
    return `${this.runId}/${this.scopes.getStore() ?? ""}${nodeId}#${attemptNo}`;
  }
}

/** Runs `run`, turning the node's failure into an outcome; cancellation and other errors pass through. */
async function capture(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    return value === undefined ? { ok: true } : { ok: true, value };
  } catch (error) {
    // Duck-typed: a module built against another copy of the runtime throws that copy's IceErrors.
    const failure = error as Partial<IceError>;
    if (typeof failure?.code !== "string" || !failure.code.startsWith("ICE_") || failure.code === "ICE_ABORTED")
      throw error;
    return {
      ok: false,
      code: failure.code,
      message: String(failure.message),
      ...(typeof failure.nodeId === "string" && { nodeId: failure.nodeId }),
    };
  }
}

/** The outcome's value, or its failure thrown again as an IceError. */
function settle<T>(outcome: Outcome, replayed: boolean): T {
  if (outcome.ok) return outcome.value as T;
  const prefix = outcome.nodeId === undefined ? "" : `node '${outcome.nodeId}': `;
  const message = outcome.message.startsWith(prefix) ? outcome.message.slice(prefix.length) : outcome.message;
  const error = new IceError(outcome.code, message, outcome.nodeId);
  if (replayed) Object.defineProperty(error, REPLAYED, { value: true });
  throw error;
}
