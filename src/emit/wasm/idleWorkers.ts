/**
 * @fileoverview Workers kept idle between calls in one process: the asc workers
 * (compileWorker.ts) and the typer (typer.ts), whose loading (asc, TypeScript) is most of a small
 * build's cost. An idle worker does not keep the process alive, ends after its idle time, and
 * leaves the pool should it exit first; taking one back makes it hold the process again.
 */
import type { Worker } from "node:worker_threads";

/** A worker that can wait in a pool: while idle, the timer that ends it and its exit listener. */
export interface PooledWorker {
  readonly worker: Worker;
  idleTimer?: NodeJS.Timeout;
  onIdleExit?: () => void;
}

/** Keeps `held` in `idle` for `idleMs`, or ends it when `idle` already holds one it is `alike`. */
export function keepIdle<T extends PooledWorker>(idle: T[], held: T, alike: (w: T) => boolean, idleMs: number): void {
  if (idle.some(alike)) {
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
  }, idleMs).unref();
  idle.push(held);
}

/** The most recently kept idle worker matching `wanted`, out of the pool and holding the process; or undefined. */
export function takeIdle<T extends PooledWorker>(idle: T[], wanted: (w: T) => boolean): T | undefined {
  const at = idle.findLastIndex(wanted);
  const kept = at >= 0 ? idle.splice(at, 1)[0] : undefined;
  if (!kept) return undefined;
  clearTimeout(kept.idleTimer);
  if (kept.onIdleExit) kept.worker.off("exit", kept.onIdleExit);
  kept.worker.ref();
  return kept;
}
