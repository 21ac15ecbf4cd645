/**
 * @fileoverview The support library's Map and Set: JavaScript's semantics, including iteration
 * while the collection changes (ECMA-262 24.1.5.1: an iteration visits entries added before it
 * reaches the end, skips entries deleted before it reaches them, and continues after `clear()`
 * with entries added later). Entries live in insertion-ordered arrays with tombstones; the hash
 * index is an open-addressing table of positions (__ice_Keys). Positions only move when the arrays are
 * compacted, which never happens while an iteration may be under way (`iterating` counts loops
 * that started and did not reach their end; one left by `break` only stops later compactions).
 * The method names are AssemblyScript's (`has/get/set/delete/clear/size/keys/values`), so code
 * written for its Map keeps working.
 */

/** AssemblyScript source: Map and Set with JavaScript's iteration semantics. */
export const ITERATION_SUPPORT = `

// ---- Map and Set with JavaScript's iteration ------------------------------------------------
import { HASH } from "~lib/util/hash";
/**
 * The keys of a Map or Set: insertion-ordered with tombstones, and an open-addressing hash table
 * of positions (slot 0 empty, -1 deleted, p + 1 the key at p). One hash per lookup; the key found
 * last is remembered, so \`m.set(k, (m.get(k) ?? 0) + 1)\` hashes k once.
 */
export class __ice_Keys<K> {
  slots: StaticArray<i32> = new StaticArray<i32>(16);
  mask: i32 = 15;
  /** Slots not empty (live and deleted). */
  filled: i32 = 0;
  /** The position of the NaN key (SameValueZero: NaN is one key; the table compares with ==). */
  nan: i32 = -1;
  ks: Array<K> = new Array<K>();
  /** The hash of each key (compared before the keys themselves, and kept for rehashing). */
  hs: Array<u32> = new Array<u32>();
  live: Array<bool> = new Array<bool>();
  count: i32 = 0;
  iterating: i32 = 0;
  /** The hash of the key find() hashed last. */
  h: u32 = 0;
  /** The key found last and its position (-1: none); reference keys by identity. */
  lastK: K;
  lastP: i32 = -1;
  constructor() {
    if (isReference<K>()) this.lastK = changetype<K>(0);
    else this.lastK = <K>0;
  }
  get size(): i32 { return this.count; }
  find(k: K): i32 {
    if (isFloat<K>()) { if (<f64>k != <f64>k) return this.nan; }
    const lp = this.lastP;
    if (lp >= 0) {
      if (isReference<K>()) { if (changetype<usize>(this.lastK) == changetype<usize>(k)) return lp; }
      else if (this.lastK == k) return lp;
    }
    const h = HASH<K>(k);
    this.h = h;
    const slots = this.slots;
    const mask = this.mask;
    const ks = this.ks;
    const hs = this.hs;
    let i = <i32>h & mask;
    while (true) {
      const s = unchecked(slots[i]);
      if (s == 0) return -1;
      if (s > 0 && unchecked(hs[s - 1]) == h && unchecked(ks[s - 1]) == k) {
        this.lastK = k;
        this.lastP = s - 1;
        return s - 1;
      }
      i = (i + 1) & mask;
    }
  }
  /** Records a key find() just reported absent at position p == ks.length (find left its hash in h). */
  place(k: K, p: i32): void {
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.hs.push(0); this.nan = p; return; } }
    this.hs.push(this.h);
    if ((this.filled + 1) << 2 > (this.mask + 1) * 3) this.rehash();
    const slots = this.slots;
    const mask = this.mask;
    let i = <i32>this.h & mask;
    while (unchecked(slots[i]) > 0) i = (i + 1) & mask;
    if (unchecked(slots[i]) == 0) this.filled++;
    unchecked((slots[i] = p + 1));
  }
  /** Forgets the key at position p. */
  unplace(k: K, p: i32): void {
    this.lastP = -1;
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.nan = -1; return; } }
    const slots = this.slots;
    const mask = this.mask;
    let i = <i32>unchecked(this.hs[p]) & mask;
    while (unchecked(slots[i]) != p + 1) i = (i + 1) & mask;
    unchecked((slots[i] = -1));
  }
  /** Rebuilds the table from the live keys, at most half full. */
  rehash(): void {
    let cap = 16;
    while (cap < (this.count + 1) << 1) cap <<= 1;
    const slots = new StaticArray<i32>(cap);
    const mask = cap - 1;
    const ks = this.ks;
    const hs = this.hs;
    const live = this.live;
    let filled = 0;
    for (let p = 0; p < ks.length; p++) {
      if (!unchecked(live[p])) continue;
      if (isFloat<K>()) { if (<f64>unchecked(ks[p]) != <f64>unchecked(ks[p])) { this.nan = p; continue; } }
      let i = <i32>unchecked(hs[p]) & mask;
      while (unchecked(slots[i]) != 0) i = (i + 1) & mask;
      unchecked((slots[i] = p + 1));
      filled++;
    }
    this.slots = slots;
    this.mask = mask;
    this.filled = filled;
    this.lastP = -1;
  }
  /** Empties the table (clear()). */
  reset(): void {
    this.slots = new StaticArray<i32>(16);
    this.mask = 15;
    this.filled = 0;
    this.nan = -1;
    this.count = 0;
    this.lastP = -1;
  }
  has(k: K): bool { return this.find(k) >= 0; }
  /** Starts an iteration: positions stay put until it ends. */
  begin(): i32 { this.iterating++; return this.next(0); }
  /** The first live position at or after p, or -1 (the iteration has ended). */
  next(p: i32): i32 {
    const n = this.ks.length;
    while (p < n && !unchecked(this.live[p])) p++;
    if (p < n) return p;
    if (this.iterating > 0) this.iterating--;
    return -1;
  }
}

export class __ice_Map<K, V> extends __ice_Keys<K> {
  vs: Array<V> = new Array<V>();
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
  delete(k: K): bool {
    const at = this.find(k);
    if (at < 0) return false;
    unchecked(this.live[at] = false);
    this.unplace(k, at);
    this.count--;
    return true;
  }
  clear(): void {
    this.reset();
    if (this.iterating > 0) { for (let p = 0; p < this.live.length; p++) unchecked(this.live[p] = false); return; }
    this.ks = new Array<K>(); this.hs = new Array<u32>(); this.vs = new Array<V>(); this.live = new Array<bool>();
  }
  compact(): void {
    const n = this.ks.length;
    if (this.iterating > 0 || n < 16 || this.count * 2 > n) return;
    const ks = new Array<K>(); const hs = new Array<u32>(); const vs = new Array<V>(); const live = new Array<bool>();
    for (let p = 0; p < n; p++) {
      if (!unchecked(this.live[p])) continue;
      ks.push(unchecked(this.ks[p])); hs.push(unchecked(this.hs[p])); vs.push(unchecked(this.vs[p])); live.push(true);
    }
    this.ks = ks; this.hs = hs; this.vs = vs; this.live = live;
    this.rehash();
  }
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

export class __ice_Set<K> extends __ice_Keys<K> {
  add(k: K): this {
    if (this.find(k) >= 0) return this;
    this.compact();
    this.place(k, this.ks.length);
    this.ks.push(k); this.live.push(true);
    this.count++;
    return this;
  }
  delete(k: K): bool {
    const at = this.find(k);
    if (at < 0) return false;
    unchecked(this.live[at] = false);
    this.unplace(k, at);
    this.count--;
    return true;
  }
  clear(): void {
    this.reset();
    if (this.iterating > 0) { for (let p = 0; p < this.live.length; p++) unchecked(this.live[p] = false); return; }
    this.ks = new Array<K>(); this.hs = new Array<u32>(); this.live = new Array<bool>();
  }
  compact(): void {
    const n = this.ks.length;
    if (this.iterating > 0 || n < 16 || this.count * 2 > n) return;
    const ks = new Array<K>(); const hs = new Array<u32>(); const live = new Array<bool>();
    for (let p = 0; p < n; p++) {
      if (!unchecked(this.live[p])) continue;
      ks.push(unchecked(this.ks[p])); hs.push(unchecked(this.hs[p])); live.push(true);
    }
    this.ks = ks; this.hs = hs; this.live = live;
    this.rehash();
  }
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
