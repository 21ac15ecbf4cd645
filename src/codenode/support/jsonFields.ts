/**
 * @fileoverview The support library's store of a JSON object's properties (`__ice_J.vals`,
 * json.ts): the `has/get/set/delete` of AssemblyScript's `Map<string, __ice_J>`, without its
 * cost for the small objects JSON is made of. Up to 8 properties live in two arrays searched
 * in place (the same string first, then length and code units; no hashing, no bucket
 * allocation); a ninth moves them into the hashed `__ice_Map` (iteration.ts). The order of the
 * properties is `__ice_J.keys`' business, not this store's.
 */

/** AssemblyScript source: `__ice_JFields`. */
export const JSON_FIELDS_SUPPORT = `

// ---- properties of a JSON object ------------------------------------------------------------
/** Equal strings: the same object, or the same length and code units. */
@inline function __ice_same_text(a: string, b: string): bool {
  if (changetype<usize>(a) == changetype<usize>(b)) return true;
  const n = a.length;
  if (n != b.length) return false;
  const pa = changetype<usize>(a);
  const pb = changetype<usize>(b);
  let i: usize = 0;
  const bytes = <usize>n << 1;
  while (i + 8 <= bytes) { if (load<u64>(pa + i) != load<u64>(pb + i)) return false; i += 8; }
  while (i < bytes) { if (load<u16>(pa + i) != load<u16>(pb + i)) return false; i += 2; }
  return true;
}
export class __ice_JFields {
  ks: Array<string> = new Array<string>(0);
  vs: Array<__ice_J> = new Array<__ice_J>(0);
  big: __ice_Map<string, __ice_J> | null = null;
  /** The position of k among the small properties, or -1. */
  at(k: string): i32 {
    const ks = this.ks;
    const n = ks.length;
    for (let i = 0; i < n; i++) if (__ice_same_text(unchecked(ks[i]), k)) return i;
    return -1;
  }
  has(k: string): bool {
    const big = this.big;
    if (big !== null) return big.has(k);
    return this.at(k) >= 0;
  }
  get(k: string): __ice_J {
    const big = this.big;
    if (big !== null) {
      const p = big.find(k);
      if (p < 0) abort("Key does not exist");
      return unchecked(big.vs[p]);
    }
    const i = this.at(k);
    if (i < 0) abort("Key does not exist");
    return unchecked(this.vs[i]);
  }
  /** The value of k, or null when k is not a property. */
  lookup(k: string): __ice_J | null {
    const big = this.big;
    if (big !== null) {
      const p = big.find(k);
      return p < 0 ? null : unchecked(big.vs[p]);
    }
    const i = this.at(k);
    return i < 0 ? null : unchecked(this.vs[i]);
  }
  set(k: string, v: __ice_J): this {
    this.put(k, v);
    return this;
  }
  /** Sets k to v; true when k was not a property before. */
  put(k: string, v: __ice_J): bool {
    const big = this.big;
    if (big !== null) {
      const p = big.find(k);
      if (p >= 0) { unchecked((big.vs[p] = v)); return false; }
      big.set(k, v);
      return true;
    }
    const i = this.at(k);
    if (i >= 0) { unchecked((this.vs[i] = v)); return false; }
    if (this.ks.length < 8) { this.ks.push(k); this.vs.push(v); return true; }
    const m = new __ice_Map<string, __ice_J>();
    for (let j = 0; j < this.ks.length; j++) m.set(unchecked(this.ks[j]), unchecked(this.vs[j]));
    m.set(k, v);
    this.big = m;
    this.ks = new Array<string>(0);
    this.vs = new Array<__ice_J>(0);
    return true;
  }
  delete(k: string): bool {
    const big = this.big;
    if (big !== null) return big.delete(k);
    const i = this.at(k);
    if (i < 0) return false;
    const last = this.ks.length - 1;
    unchecked((this.ks[i] = this.ks[last]));
    unchecked((this.vs[i] = this.vs[last]));
    this.ks.pop();
    this.vs.pop();
    return true;
  }
}
`;
