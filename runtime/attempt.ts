/**
 * @fileoverview Running one node: events, retries with exponential backoff, the per-attempt
 * wall-clock timeout and cancellation. Every node of a generated module goes through `attempt`.
 */
import { AbortedError, IceError, TimeoutError } from "./errors.js";
import type { RunEvent } from "./options.js";

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
}

const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;

/** Codes that a retry cannot fix: the same input fails the same way. */
const PERMANENT: ReadonlySet<string> = new Set(["ICE_INPUT_INVALID", "ICE_CAPABILITY_DENIED", "ICE_MODULE_INVALID", "ICE_TOOL_MISSING", "ICE_PROVIDER_MISSING", "ICE_ABORTED", "ICE_WORKFLOW_MISSING"]);

/** Runs `body` until it succeeds or its retries are spent. `body` gets a signal for this attempt. */
export async function attempt<T>(settings: AttemptSettings, body: (signal: AbortSignal) => Promise<T> | T, fuelOf?: (result: T) => number | undefined): Promise<T> {
  const { nodeId, kind, emit } = settings;
  for (let attemptNo = 1; ; attemptNo++) {
    if (settings.signal?.aborted) throw new AbortedError(nodeId);
    emit({ type: "node_started", nodeId, kind, attempt: attemptNo });
    const started = performance.now();
    try {
      const result = await withTimeout(settings, body);
      const fuelUsed = fuelOf?.(result);
      emit({ type: "node_completed", nodeId, kind, durationMs: performance.now() - started, ...(fuelUsed !== undefined && { fuelUsed }) });
      return result;
    } catch (thrown) {
      const error = thrown instanceof IceError ? thrown : settings.wrap(thrown);
      emit({ type: "node_failed", nodeId, kind, durationMs: performance.now() - started, code: error.code, message: error.message });
      if (attemptNo > settings.retries || PERMANENT.has(error.code) || settings.signal?.aborted) throw error;
      const delayMs = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attemptNo - 1));
      emit({ type: "node_retrying", nodeId, kind, attempt: attemptNo + 1, delayMs, code: error.code });
      await sleep(delayMs, settings.signal);
    }
  }
}

async function withTimeout<T>(settings: AttemptSettings, body: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(new AbortedError(settings.nodeId));
  settings.signal?.addEventListener("abort", onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    const stop = new Promise<never>((_, reject) => {
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
      if (settings.timeoutMs !== undefined) {
        timer = setTimeout(() => controller.abort(new TimeoutError(settings.nodeId, settings.timeoutMs!)), settings.timeoutMs);
      }
    });
    stop.catch(() => undefined);
    return await Promise.race([Promise.resolve().then(() => body(controller.signal)), stop]);
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener("abort", onAbort);
    if (!controller.signal.aborted) controller.abort(new AbortedError(settings.nodeId));
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

