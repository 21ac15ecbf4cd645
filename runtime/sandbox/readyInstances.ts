/**
 * @fileoverview A bound on instances kept ready across all programs of a process. Each program
 * keeps one instance in its initial state between runs (program.ts), and each instance holds a
 * WebAssembly memory; V8 refuses new memories past a limit (~13,000 live ones on x64 Linux),
 * so a process with that many sandboxed nodes would fail to run the next one. Past
 * MAX_READY the program listed longest gives its ready instance up (it makes a fresh one when it
 * next runs, ~10 us, and is listed again), so the memories alive stay bounded however many nodes
 * a process loads.
 */

/** A program's hold on its ready instance. */
export interface ReadyHolder {
  /** Gives up the ready instance (called when the bound evicts it). */
  dropReady(): void;
}

/** Ready instances kept per process at most. */
export const MAX_READY = 4_096;

/**
 * Holders that keep (or, while running, will keep again) a ready instance, oldest first (a Set
 * keeps insertion order). A holder stays listed across its runs, so a warm run costs one lookup.
 */
const holders = new Set<ReadyHolder>();

/** Records that `holder` keeps a ready instance; past the bound, the longest-listed holder gives its up. */
export function keepReady(holder: ReadyHolder): void {
  if (holders.has(holder)) return;
  holders.add(holder);
  while (holders.size > MAX_READY) {
    const oldest = holders.values().next().value as ReadyHolder;
    holders.delete(oldest);
    oldest.dropReady();
  }
}

/** How many holders the process lists now (an upper bound on its ready instances). */
export function readyCount(): number {
  return holders.size;
}
