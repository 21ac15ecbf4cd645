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
/** An iterator kept as a value (print/iterators.ts): each generated subclass steps one collection. */
export class __ice_Iter<T> {
  step(): bool { return unreachable(); }
  current(): T { return unreachable(); }
}
/**
 * The keys of a Map or Set: insertion-ordered with tombstones, and an open-addressing hash table
 * (linear probing, a power of two of slots, at most 3/4 filled) of (hash, position + 1) pairs:
 * position 0 empty, -1 deleted. A probe compares the stored hash before it reads a key. One hash
 * per lookup; the key looked up last is remembered, found or not, so \`m.set(k, (m.get(k) ?? 0) + 1)\`
 * and \`if (!s.has(k)) s.add(k)\` probe once.
 * Memory is read and written directly (AssemblyScript's element accessors are calls).
 */
export class __ice_Keys<K> {
  /** The hash table: two u32 per slot (hash, position + 1). */
  tab: StaticArray<u32> = new StaticArray<u32>(32);
  mask: i32 = 15;
  /** Slots not empty (live and deleted). */
  filled: i32 = 0;
  /** The position of the NaN key (SameValueZero: NaN is one key; the table compares with ==). */
  nan: i32 = -1;
  ks: Array<K> = new Array<K>();
  /** Which positions hold a live entry; null while none was ever deleted (all are). */
  dead: Array<bool> | null = null;
  count: i32 = 0;
  iterating: i32 = 0;
  /**
   * No live position is before head (kept by begin()): a loop left by \`break\` keeps positions
   * from being compacted, so without it a Map used as an LRU cache (\`for (const k of m.keys()) {
   * m.delete(k); break; }\`) would rescan every deleted entry at each eviction.
   */
  head: i32 = 0;
  /** The hash of the key find() hashed last, and the slot an insert of it takes (holeDead: a deleted one). */
  h: u32 = 0;
  hole: i32 = 0;
  holeDead: bool = false;
  /** The key looked up last, its position (-1: nothing remembered, -2: absent) and slot; reference keys by identity. */
  lastK: K;
  lastP: i32 = -1;
  lastS: i32 = 0;
  constructor() {
    if (isReference<K>()) this.lastK = changetype<K>(0);
    else this.lastK = <K>0;
  }
  get size(): i32 { return this.count; }
  /**
   * The position of k, or -1. Inlined: the key looked up last is answered without a call (and,
   * metered, without the probe's entry charge), as in \`m.set(k, (m.get(k) ?? 0) + 1)\`.
   */
  @inline find(k: K): i32 {
    if (isFloat<K>()) { if (<f64>k != <f64>k) return this.nan; }
    const lp = this.lastP;
    if (lp != -1) {
      // -2: the key looked up last is absent (h and hole are its probe's, for place())
      if (isReference<K>()) { if (changetype<usize>(this.lastK) == changetype<usize>(k)) return max(lp, -1); }
      else if (this.lastK == k) return max(lp, -1);
    }
    return this.probe(k);
  }
  /** find() for a key other than the one looked up last (not NaN). */
  probe(k: K): i32 {
    const h = __ice_hash<K>(k);
    this.h = h;
    const tab = changetype<usize>(this.tab);
    const mask = this.mask;
    const kd = this.ks.dataStart;
    let i = <i32>h & mask;
    let reuse = -1;
    while (true) {
      const at = tab + (<usize>i << 3);
      const s = load<i32>(at, 4);
      if (s == 0) {
        // an insert takes the first deleted slot on the way (churn does not fill the table with them), else this one
        this.hole = reuse >= 0 ? reuse : i;
        this.holeDead = reuse >= 0;
        this.lastK = k;
        this.lastP = -2;
        return -1;
      }
      if (s > 0 && load<u32>(at) == h && __ice_key_eq<K>(load<K>(kd + (<usize>(s - 1) << alignof<K>())), k)) {
        this.lastK = k;
        this.lastP = s - 1;
        this.lastS = i;
        return s - 1;
      }
      if (s < 0 && reuse < 0) reuse = i;
      i = (i + 1) & mask;
    }
  }
  /** Records a key find() just reported absent at position p == ks.length (find left its hash in h and its empty slot in hole). */
  place(k: K, p: i32): void {
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.nan = p; return; } }
    let i = this.hole;
    if (this.holeDead) this.filled--;
    else if ((this.filled + 1) << 2 > (this.mask + 1) * 3) {
      this.rehash(null, this.ks.length);
      const mask = this.mask;
      const tab = changetype<usize>(this.tab);
      i = <i32>this.h & mask;
      while (load<i32>(tab + (<usize>i << 3), 4) != 0) i = (i + 1) & mask;
    }
    const at = changetype<usize>(this.tab) + (<usize>i << 3);
    store<u32>(at, this.h);
    store<i32>(at, p + 1, 4);
    this.filled++;
    this.lastK = k;
    this.lastP = p;
    this.lastS = i;
  }
  /** Forgets the key at position p, which find() found last. */
  unplace(k: K, p: i32): void {
    this.lastP = -1;
    let dead = this.dead;
    if (dead === null) { dead = new Array<bool>(this.ks.length); this.dead = dead; }
    unchecked((dead[p] = true));
    if (isFloat<K>()) { if (<f64>k != <f64>k) { this.nan = -1; return; } }
    store<i32>(changetype<usize>(this.tab) + (<usize>this.lastS << 3), -1, 4);
  }
  /** Marks a new position live (when something was deleted before). */
  grow(): void {
    const dead = this.dead;
    if (dead !== null) dead.push(false);
  }
  /**
   * Rebuilds the table for the live keys, at most half full. \`moved\`, when given, is each old
   * position's new one (compaction); n is the number of positions.
   */
  rehash(moved: Array<i32> | null, n: i32): void {
    let cap = 16;
    while (cap < (this.count + 1) << 1) cap <<= 1;
    const fresh = new StaticArray<u32>(cap << 1);
    const to = changetype<usize>(fresh);
    const mask = cap - 1;
    const from = changetype<usize>(this.tab);
    const old = this.mask + 1;
    let filled = 0;
    for (let j = 0; j < old; j++) {
      const at = from + (<usize>j << 3);
      let s = load<i32>(at, 4);
      if (s <= 0) continue;
      const h = load<u32>(at);
      if (moved !== null) s = unchecked(moved[s - 1]) + 1;
      let i = <i32>h & mask;
      while (load<i32>(to + (<usize>i << 3), 4) != 0) i = (i + 1) & mask;
      store<u32>(to + (<usize>i << 3), h);
      store<i32>(to + (<usize>i << 3), s, 4);
      filled++;
    }
    this.tab = fresh;
    this.mask = mask;
    this.filled = filled;
    this.lastP = -1;
  }
  /** Empties the table (clear()). */
  reset(): void {
    this.tab = new StaticArray<u32>(32);
    this.mask = 15;
    this.filled = 0;
    this.nan = -1;
    this.count = 0;
    this.lastP = -1;
  }
  /** clear() during an iteration: every position so far is dead. */
  killAll(): void {
    const n = this.ks.length;
    let dead = this.dead;
    if (dead === null) { dead = new Array<bool>(n); this.dead = dead; }
    for (let p = 0; p < n; p++) unchecked((dead[p] = true));
  }
  /** The new position of each old one when the dead are dropped (-1 for the dead), or null when compaction must wait. */
  compaction(): Array<i32> | null {
    const n = this.ks.length;
    const dead = this.dead;
    if (dead === null || this.iterating > 0 || n < 16 || this.count * 2 > n) return null;
    const moved = new Array<i32>(n);
    let q = 0;
    for (let p = 0; p < n; p++) unchecked((moved[p] = unchecked(dead[p]) ? -1 : q++));
    return moved;
  }
  /** Drops the dead positions of ks (and of vs, in __ice_Map) once compaction() said where the live go. */
  compactKeys(moved: Array<i32>): void {
    const n = this.ks.length;
    const ks = new Array<K>(this.count);
    for (let p = 0; p < n; p++) { const q = unchecked(moved[p]); if (q >= 0) unchecked((ks[q] = unchecked(this.ks[p]))); }
    this.ks = ks;
    if (this.nan >= 0) this.nan = unchecked(moved[this.nan]);
    this.rehash(moved, this.count);
    this.dead = null;
    this.head = 0;
  }
  has(k: K): bool { return this.find(k) >= 0; }
  /** map.delete(k), set.delete(k). */
  delete(k: K): bool {
    const at = this.find(k);
    if (at < 0) return false;
    this.unplace(k, at);
    this.count--;
    return true;
  }
  /** The live keys in order, as a new array. */
  liveKeys(): Array<K> {
    const n = this.ks.length;
    const dead = this.dead;
    if (dead === null) return this.ks.slice(0, n);
    const r = new Array<K>();
    for (let p = 0; p < n; p++) if (!unchecked(dead[p])) r.push(unchecked(this.ks[p]));
    return r;
  }
  /** Starts an iteration: positions stay put until it ends. */
  begin(): i32 {
    this.iterating++;
    let p = this.head;
    const dead = this.dead;
    if (dead !== null) {
      const n = this.ks.length;
      while (p < n && unchecked(dead[p])) p++;
      this.head = p;
    }
    return this.next(p);
  }
  /** The first live position at or after p, or -1 (the iteration has ended). */
  next(p: i32): i32 {
    const n = this.ks.length;
    const dead = this.dead;
    if (dead !== null) while (p < n && unchecked(dead[p])) p++;
    if (p < n) return p;
    if (this.iterating > 0) this.iterating--;
    return -1;
  }
}

export class __ice_Map<K, V> extends __ice_Keys<K> {
  vs: Array<V> = new Array<V>();
  get(k: K): V {
    const p = this.find(k);
    if (p < 0) abort("Key does not exist");
    return load<V>(this.vs.dataStart + (<usize>p << alignof<V>()));
  }
  set(k: K, v: V): this {
    const at = this.find(k);
    if (at >= 0) { store<V>(this.vs.dataStart + (<usize>at << alignof<V>()), v); return this; }
    this.add(k, v);
    return this;
  }
  /** Appends k (which find() just reported absent) with v. */
  add(k: K, v: V): void {
    if (this.dead !== null) {
      const moved = this.compaction();
      if (moved !== null) {
        const n = this.vs.length;
        const vs = new Array<V>(this.count);
        for (let p = 0; p < n; p++) { const q = unchecked(moved[p]); if (q >= 0) unchecked((vs[q] = unchecked(this.vs[p]))); }
        this.vs = vs;
        this.compactKeys(moved);
        this.find(k);
      } else this.grow();
    }
    this.place(k, this.ks.length);
    this.ks.push(k); this.vs.push(v);
    this.count++;
  }
  clear(): void {
    this.reset();
    if (this.iterating > 0) { this.killAll(); return; }
    this.ks = new Array<K>(); this.vs = new Array<V>(); this.dead = null; this.head = 0;
  }
  keys(): Array<K> { return this.liveKeys(); }
  values(): Array<V> {
    const n = this.ks.length;
    const dead = this.dead;
    if (dead === null) return this.vs.slice(0, n);
    const r = new Array<V>();
    for (let p = 0; p < n; p++) if (!unchecked(dead[p])) r.push(unchecked(this.vs[p]));
    return r;
  }
}

export class __ice_Set<K> extends __ice_Keys<K> {
  add(k: K): this {
    if (this.find(k) >= 0) return this;
    if (this.dead !== null) {
      const moved = this.compaction();
      if (moved !== null) { this.compactKeys(moved); this.find(k); } else this.grow();
    }
    this.place(k, this.ks.length);
    this.ks.push(k);
    this.count++;
    return this;
  }
  clear(): void {
    this.reset();
    if (this.iterating > 0) { this.killAll(); return; }
    this.ks = new Array<K>(); this.dead = null; this.head = 0;
  }
  values(): Array<K> { return this.liveKeys(); }
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
