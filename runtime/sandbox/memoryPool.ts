/**
 * @fileoverview WebAssembly memories shared by the sandbox programs of a process (issue 13 item 5).
 * V8 refuses new memories past ~13,000 live ones and accounts a whole 64 KiB page for each, so
 * one memory per program bounds how many programs a process holds and costs > 64 KiB each.
 * Sandbox runs are synchronous, so one memory can serve every program whose memory cap
 * (maxPages, the memory's V8-enforced maximum) is the same, one run at a time: each program's
 * instance is instantiated against a memory of the pool for its cap (program.ts), and the memory
 * carries an explicit state (MemoryState) saying whose fresh state it holds or how much of it a
 * run may have written.
 *
 * The invariant (SPEC sections 4a and 8): when a run starts, its memory holds exactly what a
 * fresh instance of the running program holds after instantiation and `_start` (data image,
 * `_start`'s writes, zeros up to the memory's current size) and the instance's globals are
 * initial. program.ts keeps it: a run starts only on a memory that is `clean` for its own slot;
 * anything else is reset first (the dirty extent zeroed, the image copied, `__ice_reset` and
 * `_start` run) or a new instance is made on a zeroed memory. Every path that runs module code
 * marks the memory `running` or `dirty` before the first instruction, so a trap, a timeout or a
 * refusal anywhere leaves it dirty, never clean.
 *
 * Policy: the first MEMORIES_PER_CAP programs of a cap each get a memory of their own (so a
 * process with few code nodes runs exactly as with private memories: no program's run ever
 * resets another's state); past that, a program is bound to the pool's least recently used
 * memory, and programs bound to one memory pay a switch (a reset) when they alternate. A memory
 * that a run grew past KEEP_BYTES, or past the process's GROWN_BUDGET of grown memory, is
 * retired: the programs bound to it drop their instances and make new ones on the pool's next
 * memory. A run nested in another (a host hook that runs a program synchronously) whose memory is
 * busy gets a private memory of its own for that run.
 */
import type { SandboxExports } from "./slot.js";

export const PAGE = 65_536;
/**
 * Largest memory kept between runs. A run that grew its memory up to this size leaves it grown
 * for the next run (zeroed, with the data image restored): a fresh memory's pages cost a page
 * fault each on first touch (~7 ms for 4 MiB on the bench machine, against ~0.1 ms to zero the
 * same kept pages), so a node that allocates a few MiB per run would pay that on every run.
 * Results do not depend on the starting size: the allocator only grows the memory later, fuel
 * charges no size-dependent path, the out-of-memory flag says whether the LAST grow failed (a
 * doubling refused under the cap, which depends on the size, is not running out:
 * src/emit/wasm/meterHelpers.ts), and the cap (maxPages) is the same.
 */
export const KEEP_BYTES = 4 * 1024 * 1024;
/** Bytes of grown memories kept across all pools of the process, at most. */
export const GROWN_BUDGET = 64 * 1024 * 1024;
/** Memories per cap made before programs share them (see the file comment; bench/README.md "Memory"). */
export const MEMORIES_PER_CAP = 64;

/** An instance with the memory it was instantiated against. */
export interface Slot {
  readonly exports: SandboxExports;
  readonly memory: SharedMemory;
}

/** A program bound to a memory: told when the memory is retired, so it drops its instance. */
export interface MemoryUser {
  memoryRetired(memory: SharedMemory): void;
}

/**
 * What a memory holds. Bytes at and past `end` are zero in every state but `running` (memories
 * only grow, and grown pages are zero).
 * - clean: exactly `owner`'s fresh state (its image and `_start`'s writes, zeros elsewhere),
 *   and `owner`'s globals are initial: no module code ran on the memory since `owner`'s reset.
 * - dirty: anything below `end`; `by` is the slot whose run (or reset, or instantiation) left it so.
 *   `written` (<= `end`) is how far `by`'s run says it wrote: its allocator's high-water mark
 *   (src/emit/wasm/allocator.ts), `end` when it says nothing. Only a reset for `by` itself relies
 *   on it (program.ts): what a module says about its own writes never decides what another
 *   program's run starts with.
 * - running: module code is running on it now (a run, a reset, an instantiation).
 */
export type MemoryState =
  | { readonly kind: "clean"; readonly owner: Slot; readonly end: number }
  | { readonly kind: "dirty"; readonly by: Slot | undefined; readonly end: number; readonly written: number }
  | { readonly kind: "running" };

const RUNNING: MemoryState = { kind: "running" };
/** Bytes grown memories in the pools hold now (see SharedMemory.counted). */
let grownKept = 0;
let memoriesPerCap = MEMORIES_PER_CAP;
/** Acquisitions so far: the LRU clock. */
let clock = 0;
const pools = new Map<number, SharedMemory[]>();

/** A memory of a pool (or a private one for a nested run), with views of its current buffer. */
export class SharedMemory {
  readonly memory: WebAssembly.Memory;
  state: MemoryState = { kind: "dirty", by: undefined, end: 0, written: 0 };
  buffer: ArrayBuffer;
  bytes: Uint8Array;
  view: DataView;
  retired = false;
  /** When a run last took it (the LRU clock). */
  lastUsed = 0;
  /** Bytes counted in grownKept: its size once it grew past its first size, else 0. */
  private counted = 0;
  private readonly firstBytes: number;
  private readonly users = new Set<WeakRef<MemoryUser>>();
  private prunedAt = 64;

  constructor(
    readonly maxPages: number,
    pages: number,
    readonly pooled: boolean,
  ) {
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: maxPages });
    this.buffer = this.memory.buffer;
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    this.firstBytes = this.bytes.length;
    // Touch the pages now (a page fault each on first touch), not in the first run.
    if (pooled) this.bytes.fill(0);
  }

  /**
   * Points the views at the memory's current buffer (a grow makes a new one), unless they are. A
   * grow detaches the old buffer (its length becomes 0), so a buffer with bytes is still the
   * memory's: that test is a field read, where `memory.buffer` is a call into V8 (~12% of a tiny
   * node's warm call, made five times per call).
   */
  views(): SharedMemory {
    if (this.buffer.byteLength !== 0) return this;
    const buffer = this.memory.buffer;
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.bytes = new Uint8Array(buffer);
      this.view = new DataView(buffer);
    }
    return this;
  }

  /** Marks it busy: module code is about to run on it. Call `ran` when it stops. */
  enter(): void {
    this.state = RUNNING;
    this.lastUsed = ++clock;
  }

  /**
   * After module code ran on it (successfully or not): dirty up to its current size, written by
   * `by` below `written` (its high-water mark, when a successful run reports one).
   */
  ran(by: Slot | undefined, written?: number): void {
    const size = this.views().bytes.length;
    this.state = { kind: "dirty", by, end: size, written: written === undefined ? size : Math.min(written, size) };
    if (!this.pooled || this.retired) return;
    const counted = size > this.firstBytes ? size : 0;
    grownKept += counted - this.counted;
    this.counted = counted;
    if (size > KEEP_BYTES || (counted > 0 && grownKept > GROWN_BUDGET)) this.retire();
  }

  /** Zeroes whatever a run may have written: every byte is zero after this. */
  zero(): void {
    const state = this.state;
    if (state.kind === "running") throw new Error("sandbox memory zeroed while in use");
    const end = state.end;
    if (end > 0) this.views().bytes.fill(0, 0, end);
    this.state = { kind: "dirty", by: undefined, end: 0, written: 0 };
  }

  /** Records that `user` has an instance on this memory. */
  bind(user: MemoryUser): WeakRef<MemoryUser> {
    const ref = new WeakRef(user);
    this.users.add(ref);
    if (this.users.size > this.prunedAt) {
      for (const r of this.users) if (r.deref() === undefined) this.users.delete(r);
      this.prunedAt = Math.max(64, this.users.size * 2);
    }
    return ref;
  }

  /** Forgets a binding (the user dropped its instance). */
  unbind(ref: WeakRef<MemoryUser>): void {
    this.users.delete(ref);
  }

  /** Takes it out of its pool; every program bound to it drops its instance (and so the memory). */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    grownKept -= this.counted;
    this.counted = 0;
    const pool = pools.get(this.maxPages);
    const at = pool ? pool.indexOf(this) : -1;
    if (pool && at >= 0) pool.splice(at, 1);
    const users = [...this.users];
    this.users.clear();
    for (const ref of users) ref.deref()?.memoryRetired(this);
  }
}

/**
 * A memory capped at `maxPages` with at least `minPages` pages, not running: a new one while the
 * pool for the cap has fewer than its bound, else the pool's least recently used one. A memory
 * V8 refuses to make falls back to sharing one the pool has. The caller instantiates on it after
 * `zero()`ing it.
 */
export function memoryFor(maxPages: number, minPages: number): SharedMemory {
  let pool = pools.get(maxPages);
  if (!pool) {
    pool = [];
    pools.set(maxPages, pool);
  }
  let chosen: SharedMemory | undefined;
  if (pool.length < memoriesPerCap) {
    try {
      chosen = new SharedMemory(maxPages, minPages, true);
      pool.push(chosen);
    } catch (error) {
      if (!(error instanceof RangeError) || pool.length === 0) throw error;
    }
  }
  if (!chosen) {
    for (const candidate of pool) {
      if (candidate.state.kind === "running") continue;
      if (!chosen || candidate.lastUsed < chosen.lastUsed) chosen = candidate;
    }
  }
  if (!chosen) return privateMemory(maxPages, minPages); // every memory of the pool is busy (nested runs)
  const pages = chosen.memory.buffer.byteLength / PAGE;
  if (pages < minPages) {
    chosen.memory.grow(minPages - pages);
    chosen.views();
  }
  return chosen;
}

/** A memory for one run only, in no pool (a nested run whose memory is busy). */
export function privateMemory(maxPages: number, minPages: number): SharedMemory {
  return new SharedMemory(maxPages, minPages, false);
}

/** The pool's memories for a cap (tests and the bench look at them). */
export function poolMemories(maxPages: number): readonly SharedMemory[] {
  return pools.get(maxPages) ?? [];
}

/** Sets the bound on memories per cap (tests force sharing with 1); returns the previous bound. */
export function setMemoriesPerCap(count: number): number {
  const previous = memoriesPerCap;
  memoriesPerCap = Math.max(1, Math.floor(count));
  return previous;
}

/** Bytes of grown memories the pools hold now. */
export function grownBytesKept(): number {
  return grownKept;
}
