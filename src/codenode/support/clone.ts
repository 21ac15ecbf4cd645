/**
 * @fileoverview `structuredClone` of typed values (print/structuredClone.ts prints one copying
 * function per type and calls these): the memory of what one clone has copied, so a value met
 * twice is copied once and both places hold the same copy, as structuredClone does; and the
 * copies of Maps, Sets and dictionaries, whose values are copied by the function passed in.
 */
export const CLONE_SUPPORT = `
/** What one structuredClone call has copied so far: original -> copy (no collector moves either). */
export class __ice_CloneMemo {
  private m: Map<usize, usize> = new Map<usize, usize>();
  private j: Map<usize, __ice_J> = new Map<usize, __ice_J>();
  /** The copy already made of v, or null. */
  seen<T>(v: T): T | null {
    const k = changetype<usize>(v);
    return this.m.has(k) ? changetype<T>(this.m.get(k)) : null;
  }
  /** Records copy as v's copy; returns it. */
  keep<T>(v: T, copy: T): T {
    this.m.set(changetype<usize>(v), changetype<usize>(copy));
    return copy;
  }
  /** A JSON value's copy, sharing this memory with the typed parts. */
  json(v: __ice_J): __ice_J { return __ice_j_clone_in(v, this.j); }
}
export function __ice_clone_array<T>(v: Array<T>, memo: __ice_CloneMemo, each: (x: T, memo: __ice_CloneMemo) => T): Array<T> {
  const seen = memo.seen<Array<T>>(v);
  if (seen !== null) return seen;
  const n = v.length;
  const copy = memo.keep<Array<T>>(v, new Array<T>(n));
  for (let i = 0; i < n; i++) unchecked((copy[i] = each(unchecked(v[i]), memo)));
  return copy;
}
export function __ice_clone_prim_array<T>(v: Array<T>, memo: __ice_CloneMemo): Array<T> {
  const seen = memo.seen<Array<T>>(v);
  if (seen !== null) return seen;
  return memo.keep<Array<T>>(v, v.slice(0));
}
export function __ice_clone_map<K, V>(v: __ice_Map<K, V>, memo: __ice_CloneMemo, each: (x: V, memo: __ice_CloneMemo) => V): __ice_Map<K, V> {
  const seen = memo.seen<__ice_Map<K, V>>(v);
  if (seen !== null) return seen;
  const copy = memo.keep<__ice_Map<K, V>>(v, new __ice_Map<K, V>());
  const ks = v.keys();
  const vs = v.values();
  for (let i = 0; i < ks.length; i++) copy.set(unchecked(ks[i]), each(unchecked(vs[i]), memo));
  return copy;
}
export function __ice_clone_set<K>(v: __ice_Set<K>, memo: __ice_CloneMemo): __ice_Set<K> {
  const seen = memo.seen<__ice_Set<K>>(v);
  if (seen !== null) return seen;
  const copy = memo.keep<__ice_Set<K>>(v, new __ice_Set<K>());
  const ks = v.liveKeys();
  for (let i = 0; i < ks.length; i++) copy.add(unchecked(ks[i]));
  return copy;
}
export function __ice_clone_dict<V>(v: __ice_Dict<V>, memo: __ice_CloneMemo, each: (x: V, memo: __ice_CloneMemo) => V): __ice_Dict<V> {
  const seen = memo.seen<__ice_Dict<V>>(v);
  if (seen !== null) return seen;
  const copy = memo.keep<__ice_Dict<V>>(v, new __ice_Dict<V>());
  const order = v.order();
  for (let i = 0; i < order.length; i++) {
    const p = unchecked(order[i]);
    copy.put(v.name(p), each(v.val(p), memo));
  }
  return copy;
}
export function __ice_clone_date(v: __ice_Date, memo: __ice_CloneMemo): __ice_Date {
  const seen = memo.seen<__ice_Date>(v);
  if (seen !== null) return seen;
  return memo.keep<__ice_Date>(v, new __ice_Date(v.t));
}
export function __ice_clone_json(v: __ice_J, memo: __ice_CloneMemo): __ice_J { return memo.json(v); }
`;
