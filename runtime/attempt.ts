/**
 * @fileoverview Running one node: events, retries with exponential backoff (the node's
 * `retries`, shaped by a retry policy), the per-attempt wall-clock timeout, cancellation and the
 * failure policy. Every node of a generated module goes through `attempt`.
 */
import {
  AbortedError,
  IceError,
  RunDeadlineError,
  RunInFlightCeilingError,
  RunNodeCeilingError,
  TimeoutError,
} from "./errors.js";
import { REPLAYED } from "./executor.js";
import type { FailurePolicy, RetryPolicy, RunEvent, TokenUsage } from "./options.js";

/** Measurements of one attempt, added to its `node_completed` event. */
export interface AttemptMetrics {
  readonly fuelUsed?: number;
  readonly tokens?: TokenUsage;
  readonly costUsd?: number;
}

/** What `attempt` needs to know about the node. */
export interface AttemptSettings {
  readonly nodeId: string;
  readonly kind: string;
  readonly retries: number;
  readonly timeoutMs: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly emit: (event: RunEvent) => void;
  /** Wraps a non-IceError thrown by `body` (e.g. a tool's own exception). */
  readonly wrap: (error: unknown) => IceError;
  /** Backoff between attempts (default: 100 ms doubling up to 5 s, no jitter). */
  readonly retryPolicy?: RetryPolicy;
  /** `continue`: after the last attempt fails, resolve to undefined instead of throwing (not for ICE_ABORTED). */
  readonly failurePolicy?: FailurePolicy;
  /** Read after each attempt (successful or not) for the `node_completed` event. */
  readonly metrics?: () => AttemptMetrics | undefined;
  /**
   * Where each attempt runs (durable runs: a checkpointed step). `run` throws only IceErrors; an
   * error of any other kind escaping `step` is the executor's own and ends the run unretried.
   */
  readonly step?: <T>(attemptNo: number, run: () => Promise<T>) => Promise<T>;
  /** When the whole run must end (the operator's `maxRunMs`), shared by its sub-workflows' runs. */
  readonly deadline?: RunDeadline;
}

/**
 * The end of a whole run: `at` on `performance.now()`'s clock, `ms` the ceiling it came from; and
 * the node attempts it may still start (`nodes`, the operator's `maxRunNodes`) and those in flight
 * (the operator's `maxNodesInFlight`), counts shared by its sub-workflows' runs.
 */
export interface RunDeadline {
  readonly at: number;
  readonly ms: number;
  readonly nodes?: RunNodeCount;
}

/** Node attempts a whole run may still start, of `max`; nodes in flight now, of `maxInFlight`. */
export interface RunNodeCount {
  left: number;
  readonly max: number;
  inFlight?: number;
  readonly maxInFlight?: number;
}

/**
 * Node kinds whose attempt needs no timer for the run's deadline: a sandboxed body ends within its
 * own timeout (itself under the operator's `maxTimeoutMs`), and the deadline is checked before it.
 */
const SELF_BOUNDED: ReadonlySet<string> = new Set(["code", "condition"]);

/** What an attempt's body may ask of it: its signal, made when first read (AttemptSignal). */
export interface AttemptScope {
  readonly signal: AbortSignal;
}

/** An attempt's body: gets the attempt's scope and number (1 for the first). */
export type AttemptBody<T> = (scope: AttemptScope, attemptNo: number) => Promise<T> | T;

/** The `emit` of a run without an `onEvent` listener: `attempt` then builds no events at all. */
export const NO_EVENTS = (_event: RunEvent): void => undefined;

const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;

/** Codes that a retry cannot fix: the same input fails the same way. */
const PERMANENT: ReadonlySet<string> = new Set([
  "ICE_INPUT_INVALID",
  "ICE_CAPABILITY_DENIED",
  "ICE_POLICY_DENIED",
  "ICE_MODULE_INVALID",
  "ICE_TOOL_MISSING",
  "ICE_PROVIDER_MISSING",
  "ICE_ABORTED",
  "ICE_WORKFLOW_MISSING",
  "ICE_REPLAY_MISMATCH",
]);

/**
 * Runs `body` until it succeeds or its retries are spent. `body` gets a signal for this attempt.
 * The node counts as in flight from its first attempt until it settles (retries' waits included).
 */
export async function attempt<T>(
  settings: AttemptSettings,
  body: AttemptBody<T>,
  fuelOf?: (result: T) => number | undefined,
): Promise<T> {
  const nodes = settings.deadline?.nodes;
  if (nodes?.inFlight === undefined || nodes.maxInFlight === undefined) return attempts(settings, body, fuelOf);
  if (nodes.inFlight >= nodes.maxInFlight) throw new RunInFlightCeilingError(settings.nodeId, nodes.maxInFlight);
  nodes.inFlight++;
  try {
    return await attempts(settings, body, fuelOf);
  } finally {
    nodes.inFlight--;
  }
}

async function attempts<T>(
  settings: AttemptSettings,
  body: AttemptBody<T>,
  fuelOf: ((result: T) => number | undefined) | undefined,
): Promise<T> {
  const { nodeId, kind, emit } = settings;
  // Nobody listens: no events are built, and no clock is read for them (a node's hot path).
  const quiet = emit === NO_EVENTS;
  for (let attemptNo = 1; ; attemptNo++) {
    if (settings.signal?.aborted) throw abortError(settings);
    const deadline = settings.deadline;
    if (deadline !== undefined) {
      if (performance.now() >= deadline.at) throw new RunDeadlineError(nodeId, deadline.ms);
      const nodes = deadline.nodes;
      if (nodes !== undefined && nodes.left-- <= 0) throw new RunNodeCeilingError(nodeId, nodes.max);
    }
    if (!quiet) emit({ type: "node_started", nodeId, kind, attempt: attemptNo });
    const started = quiet ? 0 : performance.now();
    try {
      const step = settings.step;
      const result = step
        ? await step(attemptNo, () => wrapped(settings, body, attemptNo))
        : await withTimeout(settings, body, attemptNo);
      if (quiet) return result;
      const fuelUsed = fuelOf?.(result);
      const metrics = settings.metrics?.();
      emit({
        type: "node_completed",
        nodeId,
        kind,
        durationMs: performance.now() - started,
        ...(fuelUsed !== undefined && { fuelUsed }),
        ...(metrics?.fuelUsed !== undefined && { fuelUsed: metrics.fuelUsed }),
        ...(metrics?.tokens && { tokens: metrics.tokens }),
        ...(metrics?.costUsd !== undefined && { costUsd: metrics.costUsd }),
      });
      return result;
    } catch (thrown) {
      // Under a step executor every node failure arrives as an IceError (possibly another runtime copy's).
      const ice = settings.step ? isIceError(thrown) : thrown instanceof IceError;
      if (settings.step && !ice) throw thrown;
      const error = ice ? (thrown as IceError) : settings.wrap(thrown);
      // Past the run's deadline nothing is retried or continued: the run ends.
      const pastDeadline = isRunDeadline(error);
      const final =
        pastDeadline ||
        attemptNo > settings.retries ||
        !retryable(error.code, settings.retryPolicy) ||
        settings.signal?.aborted === true;
      const continued =
        final &&
        settings.failurePolicy === "continue" &&
        error.code !== "ICE_ABORTED" &&
        !pastDeadline &&
        !settings.signal?.aborted;
      emit({
        type: "node_failed",
        nodeId,
        kind,
        durationMs: performance.now() - started,
        code: error.code,
        message: error.message,
        attempt: attemptNo,
        ...(continued && { continued }),
      });
      if (continued) return undefined as T;
      if (final) throw error;
      const delayMs = delay(attemptNo, settings.retryPolicy);
      emit({ type: "node_retrying", nodeId, kind, attempt: attemptNo + 1, delayMs, code: error.code });
      if (!(REPLAYED in error)) await sleep(delayMs, settings.signal, nodeId);
    }
  }
}

/** A run-deadline error, also one of another copy of this runtime. */
function isRunDeadline(error: IceError): boolean {
  return (error as IceError & { runDeadline?: unknown }).runDeadline === true;
}

/** Why an attempt whose run was cancelled stops: the run's ceiling if that was the cause, else ICE_ABORTED. */
function abortError(settings: AttemptSettings): IceError {
  const reason: unknown = settings.signal?.reason;
  if (!(reason instanceof IceError) || !isRunDeadline(reason)) return new AbortedError(settings.nodeId);
  if (reason instanceof RunInFlightCeilingError)
    return new RunInFlightCeilingError(settings.nodeId, settings.deadline?.nodes?.maxInFlight ?? 0);
  return reason.code === "ICE_POLICY_DENIED"
    ? new RunNodeCeilingError(settings.nodeId, settings.deadline?.nodes?.max ?? 0)
    : new RunDeadlineError(settings.nodeId, settings.deadline?.ms ?? 0);
}

function retryable(code: string, policy: RetryPolicy | undefined): boolean {
  if (PERMANENT.has(code)) return false;
  return policy?.retryOn === undefined || policy.retryOn.includes(code);
}

/** Delay before attempt `attemptNo + 1`. */
function delay(attemptNo: number, policy: RetryPolicy | undefined): number {
  const base = policy?.baseDelayMs ?? BASE_DELAY_MS;
  const max = policy?.maxDelayMs ?? MAX_DELAY_MS;
  const exact = Math.min(max, base * (policy?.factor ?? 2) ** (attemptNo - 1));
  const jitter = Math.min(1, Math.max(0, policy?.jitter ?? 0));
  return Math.round(exact * (1 - jitter * Math.random()));
}

/** The scope of attempts that nothing can cancel (no timeout, no run signal). */
const UNCANCELLABLE: AttemptScope = { signal: new AbortController().signal };
/** Reason the attempt's own signal carries once the attempt is over (cancels stray work cheaply). */
const ATTEMPT_OVER = "attempt over";

/**
 * The end of one attempt (its timeout, the run's deadline or signal, or the attempt being over)
 * and the AbortSignal that tells the body, made only when the body reads it. Making an
 * AbortController, listening on it and aborting it (an Event dispatched) for every attempt was
 * over a third of a tool node's cost in the runtime (1,000-node chain, cpuprofile), and a tool that
 * never looks at its context's signal needs none of it. A signal read after the end is made
 * aborted with the end's reason, as the attempt's signal always was once it was over.
 */
class AttemptSignal implements AttemptScope {
  private controller: AbortController | undefined;
  private ended = false;
  private reason: unknown;
  /** Told of the end first (the attempt's race). */
  onEnd: ((reason: unknown) => void) | undefined;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.ended) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Ends the attempt with `reason` (the first end counts). */
  end(reason: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.reason = reason;
    this.onEnd?.(reason);
    this.controller?.abort(reason);
  }
}

/**
 * An IceError, also one of another copy of this runtime (a durable worker installed elsewhere than
 * the runtime a module was built against): the code is what counts.
 */
function isIceError(error: unknown): error is IceError {
  if (error instanceof IceError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("ICE_");
}

/** One attempt for a step executor: every failure leaves it as an IceError. */
async function wrapped<T>(settings: AttemptSettings, body: AttemptBody<T>, attemptNo: number): Promise<T> {
  try {
    return await withTimeout(settings, body, attemptNo);
  } catch (thrown) {
    throw thrown instanceof IceError ? thrown : settings.wrap(thrown);
  }
}

async function withTimeout<T>(settings: AttemptSettings, body: AttemptBody<T>, attemptNo: number): Promise<T> {
  // Hot path: nothing can interrupt this attempt, so no controller, timer or race is needed.
  const deadline = settings.deadline !== undefined && !SELF_BOUNDED.has(settings.kind) ? settings.deadline : undefined;
  if (settings.timeoutMs === undefined && settings.signal === undefined && deadline === undefined)
    return body(UNCANCELLABLE, attemptNo);
  const scope = new AttemptSignal();
  const onAbort = (): void => scope.end(abortError(settings));
  settings.signal?.addEventListener("abort", onAbort, { once: true });
  // The node's own timeout, or the time left of the run when that is shorter.
  let waitMs = settings.timeoutMs;
  let late = (): IceError => new TimeoutError(settings.nodeId, settings.timeoutMs!);
  if (deadline !== undefined) {
    const left = Math.max(0, deadline.at - performance.now());
    if (waitMs === undefined || left < waitMs) {
      waitMs = left;
      late = () => new RunDeadlineError(settings.nodeId, deadline.ms);
    }
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    // The body's outcome or the attempt's end, whichever comes first (one promise, not a race of
    // three: this is every tool node's path, as the run's deadline gives every attempt a timer).
    return await new Promise<T>((resolve, reject) => {
      scope.onEnd = reject;
      if (waitMs !== undefined) timer = setTimeout(() => scope.end(late()), waitMs);
      Promise.resolve()
        .then(() => body(scope, attemptNo))
        .then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener("abort", onAbort);
    scope.end(ATTEMPT_OVER);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined, nodeId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError(nodeId));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError(nodeId));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
