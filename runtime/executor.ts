/**
 * @fileoverview The step executor: the seam between a run's node attempts and where their outcomes
 * live. A plain run has none (attempts run in memory, nothing is kept). A durable run
 * (`runtime/durable/`) passes one that makes every attempt a DBOS step, checkpointed in
 * PostgreSQL, so the same generated module runs either way.
 */

/** Where the attempts of a run execute and their outcomes are kept. */
export interface StepExecutor {
  /**
   * Runs attempt `attemptNo` of node `nodeId` in the current scope, or returns the outcome recorded
   * for it by an earlier execution of the same run (throwing a recorded failure again). `run`
   * throws only `IceError`s for failures of the node; anything else is the executor's own trouble
   * and ends the run. A `composite` node (loop, parallel, workflow) runs other nodes inside: it is
   * not a step itself, its children run in a scope of their own, and only its output is recorded.
   */
  attempt<T>(nodeId: string, attemptNo: number, composite: boolean, run: () => Promise<T>): Promise<T>;
  /** Runs `body` as child scope `name` of the current one (a loop item, a parallel branch). */
  scope<T>(name: string, body: () => Promise<T>): Promise<T>;
  /** A key that names this attempt across executions of the run, for tools that deduplicate side effects. */
  idempotencyKey(nodeId: string, attemptNo: number): string;
}

/** Set on an error the executor replayed from a checkpoint (the retry delay before it is moot). */
export const REPLAYED = Symbol.for("iceosc.replayed");
