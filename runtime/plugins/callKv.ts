/**
 * @fileoverview A plugin call's view of its kv store: reads see the call's own writes, and the
 * writes are held until the call has succeeded, then applied in order (`commit`). A call that
 * fails, times out or is cancelled changes nothing (red team 8: a `kv.set` an operator's
 * asynchronous store was still applying landed after the call had ended with ICE_TIMEOUT, and
 * a call that wrote, then timed out waiting on a request, left its write for the retry to find).
 * The held writes are bounded like a store (KV_LIMITS).
 */
import { checkKvEntry, KV_LIMITS, KvLimitError, type KvStore } from "./kv.js";

/** A deletion held until commit. */
const DELETED = null;

export class CallKv {
  /** Key -> value to set, or DELETED; Map order is the order of the writes. */
  private readonly writes = new Map<string, string | typeof DELETED>();
  private units = 0;

  constructor(private readonly store: KvStore) {}

  get(key: string): Promise<string | undefined> | string | undefined {
    const held = this.writes.get(key);
    if (held !== undefined) return held ?? undefined;
    return this.store.get(key);
  }

  set(key: string, value: string): void {
    checkKvEntry(key, value);
    this.hold(key, value);
  }

  delete(key: string): Promise<boolean> | boolean {
    const held = this.writes.get(key);
    if (held !== undefined) {
      this.hold(key, DELETED);
      return held !== DELETED;
    }
    const found = this.store.get(key);
    if (found instanceof Promise)
      return found.then((value) => {
        this.hold(key, DELETED);
        return value !== undefined;
      });
    this.hold(key, DELETED);
    return found !== undefined;
  }

  /** Applies the held writes to the store, in order; called once the call has succeeded. */
  async commit(): Promise<void> {
    for (const [key, value] of this.writes) {
      if (value === DELETED) await this.store.delete(key);
      else await this.store.set(key, value);
    }
    this.writes.clear();
  }

  private hold(key: string, value: string | typeof DELETED): void {
    const old = this.writes.get(key);
    const size = (v: string | typeof DELETED | undefined): number =>
      v === undefined ? 0 : key.length + (v?.length ?? 0);
    const units = this.units - size(old) + size(value);
    if (old === undefined && this.writes.size >= KV_LIMITS.entries)
      throw new KvLimitError(`a call may write ${KV_LIMITS.entries} kv entries`);
    if (units > KV_LIMITS.totalUnits)
      throw new KvLimitError(`a call may write ${KV_LIMITS.totalUnits} characters of kv keys and values`);
    // Re-inserted, so the commit applies the writes in the order of their last change.
    this.writes.delete(key);
    this.writes.set(key, value);
    this.units = units;
  }
}
