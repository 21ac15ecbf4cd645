/**
 * @fileoverview The support library's Map and Set: JavaScript's semantics, including iteration
 * while the collection changes (ECMA-262 24.1.5.1: an iteration visits entries added before it
 * reaches the end, skips entries deleted before it reaches them, and continues after `clear()`
 * with entries added later). Entries live in insertion-ordered arrays with tombstones; the hash
 * index is AssemblyScript's Map from key to position. Positions only move when the arrays are
 * compacted, which never happens while an iteration may be under way (`iterating` counts loops
 * that started and did not reach their end; one left by `break` only stops later compactions).
 * The method names are AssemblyScript's (`has/get/set/delete/clear/size/keys/values`), so code
 * written for its Map keeps working.
 */

/**
 * Members __ice_Map and __ice_Set share (AssemblyScript source): the size, and the key index from
 * a key to its position (SameValueZero: NaN is one key, kept in `nan`).
 */
const KEY_INDEX = `  get size(): i32 { return this.count; }
  find(k: K): i32 {
    if (isFloat<K>()) { if (<f64>k != <f64>k) return this.nan; }
    // One lookup, not has() then get(): Map#find is private in TypeScript terms only (asc allows it).
    const e = this.index.find(k, HASH<K>(k));
    return e ? e.value : -1;
  }
  place(k: K, p: i32): void {
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.nan = p; return; } }
    this.index.set(k, p);
  }
  unplace(k: K): void {
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.nan = -1; return; } }
    this.index.delete(k);
  }
  has(k: K): bool { return this.find(k) >= 0; }`;

/** Members __ice_Map and __ice_Set share: `delete` leaves a tombstone, so positions stay put. */
const DELETE = `  delete(k: K): bool {
    const at = this.find(k);
    if (at < 0) return false;
    unchecked(this.live[at] = false);
    this.unplace(k);
    this.count--;
    return true;
  }`;

/** Members __ice_Map and __ice_Set share: iteration over positions that stay put while it runs. */
const POSITIONS = `  /** Starts an iteration: positions stay put until it ends. */
  begin(): i32 { this.iterating++; return this.next(0); }
  /** The first live position at or after p, or -1 (the iteration has ended). */
  next(p: i32): i32 {
    const n = this.ks.length;
    while (p < n && !unchecked(this.live[p])) p++;
    if (p < n) return p;
    if (this.iterating > 0) this.iterating--;
    return -1;
  }`;

/** AssemblyScript source: Map and Set with JavaScript's iteration semantics. */
export const ITERATION_SUPPORT = `
import { HASH } from "~lib/util/hash";

// ---- Map and Set with JavaScript's iteration ------------------------------------------------
export class __ice_Map<K, V> {
  index: Map<K, i32> = new Map<K, i32>();
  /** The position of the NaN key (SameValueZero: NaN is one key; AssemblyScript's Map compares with ==). */
  nan: i32 = -1;
  ks: Array<K> = new Array<K>();
  vs: Array<V> = new Array<V>();
  live: Array<bool> = new Array<bool>();
  count: i32 = 0;
  iterating: i32 = 0;
${KEY_INDEX}
  get(k: K): V { return unchecked(this.vs[this.find(k)]); }
  set(k: K, v: V): this {
    const at = this.find(k);
    if (at >= 0) { unchecked(this.vs[at] = v); return this; }
    this.compact();
    this.place(k, this.ks.length);
    this.ks.push(k); this.vs.push(v); this.live.push(true);
    this.count++;
    return this;
  }
${DELETE}
  clear(): void {
    this.index.clear();
    this.nan = -1;
    this.count = 0;
    if (this.iterating > 0) { for (let p = 0; p < this.live.length; p++) unchecked(this.live[p] = false); return; }
    this.ks = new Array<K>(); this.vs = new Array<V>(); this.live = new Array<bool>();
  }
  compact(): void {
    const n = this.ks.length;
    if (this.iterating > 0 || n < 16 || this.count * 2 > n) return;
    const ks = new Array<K>(); const vs = new Array<V>(); const live = new Array<bool>();
    for (let p = 0; p < n; p++) {
      if (!unchecked(this.live[p])) continue;
      const k = unchecked(this.ks[p]);
      this.place(k, ks.length);
      ks.push(k); vs.push(unchecked(this.vs[p])); live.push(true);
    }
    this.ks = ks; this.vs = vs; this.live = live;
  }
${POSITIONS}
  keys(): Array<K> {
    const r = new Array<K>();
    for (let p = 0; p < this.ks.length; p++) if (unchecked(this.live[p])) r.push(unchecked(this.ks[p]));
    return r;
  }
  values(): Array<V> {
    const r = new Array<V>();
    for (let p = 0; p < this.ks.length; p++) if (unchecked(this.live[p])) r.push(unchecked(this.vs[p]));
    return r;
  }
}

export class __ice_Set<K> {
  index: Map<K, i32> = new Map<K, i32>();
  nan: i32 = -1;
  ks: Array<K> = new Array<K>();
  live: Array<bool> = new Array<bool>();
  count: i32 = 0;
  iterating: i32 = 0;
${KEY_INDEX}
  add(k: K): this {
    if (this.find(k) >= 0) return this;
    this.compact();
    this.place(k, this.ks.length);
    this.ks.push(k); this.live.push(true);
    this.count++;
    return this;
  }
${DELETE}
  clear(): void {
    this.index.clear();
    this.nan = -1;
    this.count = 0;
    if (this.iterating > 0) { for (let p = 0; p < this.live.length; p++) unchecked(this.live[p] = false); return; }
    this.ks = new Array<K>(); this.live = new Array<bool>();
  }
  compact(): void {
    const n = this.ks.length;
    if (this.iterating > 0 || n < 16 || this.count * 2 > n) return;
    const ks = new Array<K>(); const live = new Array<bool>();
    for (let p = 0; p < n; p++) {
      if (!unchecked(this.live[p])) continue;
      const k = unchecked(this.ks[p]);
      this.place(k, ks.length);
      ks.push(k); live.push(true);
    }
    this.ks = ks; this.live = live;
  }
${POSITIONS}
  values(): Array<K> {
    const r = new Array<K>();
    for (let p = 0; p < this.ks.length; p++) if (unchecked(this.live[p])) r.push(unchecked(this.ks[p]));
    return r;
  }
}

export function __ice_map_of<K, V, T>(a: Array<T>): __ice_Map<K, V> {
  const m = new __ice_Map<K, V>();
  for (let i = 0; i < a.length; i++) { const t = unchecked(a[i]); m.set(__ice_key<K>(t._0), t._1); }
  return m;
}
/** ToLength of an array-like's length, for Array.from({ length: n }). */
export function __ice_array_length(n: f64): i32 {
  const k = n != n || n <= 0 ? 0.0 : Math.trunc(n);
  if (k > 4294967295.0) abort("RangeError: Invalid array length");
  if (k > 268435456.0) abort("RangeError: Array.from of " + __ice_num_str(k) + " elements is too large for a code node");
  return <i32>k;
}

/** The code points of a string, as for...of and [...s] give them. */
export function __ice_code_points(s: string): Array<string> {
  const r = new Array<string>();
  for (let p = 0; p < s.length; ) { const n = __ice_cp_len(s, p); r.push(s.substring(p, p + n)); p += n; }
  return r;
}
`;
