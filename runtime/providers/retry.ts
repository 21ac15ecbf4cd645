/**
 * @fileoverview Provider-level retries of one model request: 408/409/429/5xx and refused
 * connections are retried with exponential backoff, honouring `Retry-After`/`retry-after-ms`;
 * waits are cancelled by the request's signal.
 */
import { AbortedError, IceError } from "../errors.js";
import type { ProviderRetry } from "../options.js";

/** Retry settings of a provider. */
export interface ProviderRetrySettings {
  /** Retries after the first attempt (default 2). */
  readonly maxRetries: number;
  /** Longest wait a server may ask for with Retry-After; asking for more fails the request (default 60 s). */
  readonly maxRetryDelayMs: number;
}

export const DEFAULT_RETRY: ProviderRetrySettings = { maxRetries: 2, maxRetryDelayMs: 60_000 };

/** What a failed attempt says about retrying. */
export interface RetryVerdict {
  readonly retryable: boolean;
  readonly status?: number;
  readonly reason: string;
  /** Delay the server asked for, in ms. */
  readonly retryAfterMs?: number;
}

/** Runs `send` until it succeeds, a failure is not retryable, or the retries are spent. */
export async function withRetries<T>(
  send: () => Promise<T>,
  settings: ProviderRetrySettings,
  judge: (error: unknown) => RetryVerdict,
  signal: AbortSignal,
  onRetry: ((retry: ProviderRetry) => void) | undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      const verdict = judge(error);
      if (!verdict.retryable || attempt > settings.maxRetries) throw error;
      if (verdict.retryAfterMs !== undefined && verdict.retryAfterMs > settings.maxRetryDelayMs) throw error;
      const delayMs = Math.round(verdict.retryAfterMs ?? backoff(attempt));
      onRetry?.({
        attempt: attempt + 1,
        delayMs,
        reason: verdict.reason,
        ...(verdict.status !== undefined && { status: verdict.status }),
      });
      await sleep(delayMs, signal);
    }
  }
}

/** Backoff without a server hint: 0.5 s, 1 s, 2 s, ... up to 8 s, with up to 25% jitter off. */
function backoff(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 8_000) * (1 - Math.random() * 0.25);
}

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error an aborted signal stands for: its reason when that is an IceError (timeout, abort). */
export function abortReason(signal: AbortSignal): IceError {
  return signal.reason instanceof IceError ? signal.reason : new AbortedError();
}
