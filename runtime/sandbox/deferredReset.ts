/**
 * @fileoverview Resets of used instances off a run's critical path. After a successful run a
 * program sets its instance aside (program.ts) instead of putting it back in its initial state
 * before `run()` returns: zeroing the memory and re-running the module's initialisation is about
 * a quarter of a small node's warm run, and far more in a run that follows idle time (its pages
 * and code are cold). The reset happens when the event loop next turns, or at the latest when
 * the next run on the same memory starts (which then resets first: memoryPool.ts). A memory is
 * never run on before its reset, so runs still start from the initial state; a reset that finds
 * the memory used by another program's run since does nothing (that run reset it for itself).
 *
 * At most MAX_WAITING wait: past it all are reset at once, synchronously.
 */

/** A program with a used instance waiting for its reset. */
export interface ResetHolder {
  /** Resets (or drops) the used instance; does nothing when there is none. */
  resetUsed(): void;
}

/** Used instances that may wait for their reset at once, at most. */
export const MAX_WAITING = 256;

const waiting = new Set<ResetHolder>();
let scheduled = false;

/** Resets every waiting instance now. */
export function resetWaiting(): void {
  scheduled = false;
  for (const holder of waiting) {
    waiting.delete(holder);
    holder.resetUsed();
  }
}

/** Schedules `holder`'s reset for the next turn of the event loop (not keeping the process alive). */
export function deferReset(holder: ResetHolder): void {
  waiting.add(holder);
  if (waiting.size > MAX_WAITING) {
    resetWaiting();
    return;
  }
  if (scheduled) return;
  scheduled = true;
  setImmediate(resetWaiting).unref();
}
