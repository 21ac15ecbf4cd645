/**
 * @fileoverview The support library's `Map` and `Set` helpers: SameValueZero keys (-0 is 0), `get`
 * of a missing key as `undefined`.
 */

/** AssemblyScript source: Map and Set helpers. */
export const COLLECTIONS_SUPPORT = `

// ---- maps and sets ------------------------------------------------------------------------
/** SameValueZero keys: -0 is 0. */
@inline export function __ice_key<K>(k: K): K {
  if (isFloat<K>()) return <K>(<f64>k + 0.0);
  return k;
}
/** The hash of a Map or Set key (iteration.ts): equal keys (SameValueZero, NaN aside) hash alike. */
@inline export function __ice_hash<K>(k: K): u32 {
  if (isString<K>()) return __ice_str_hash(changetype<string>(k));
  if (isFloat<K>()) return __ice_mix64(reinterpret<u64>(<f64>k + 0.0));
  if (isReference<K>()) return __ice_mix64(<u64>changetype<usize>(k));
  return __ice_mix64(<u64>k);
}
/**
 * Scrambles 64 bits into 32 whose low bits (the table's index) depend on all of them. One
 * multiply is not enough: integer-valued numbers (3000, 3001, ...) then crowd into a third of the
 * slots (5.4 probes per insert at 4,096 keys instead of 1.5).
 */
@inline export function __ice_mix64(x: u64): u32 {
  let y = (x ^ (x >> 32)) * 0x9e3779b97f4a7c15;
  y ^= y >> 29;
  y *= 0x9e3779b97f4a7c15;
  return <u32>(y >> 32);
}
/** Key equality of a Map or Set once the hashes matched: code units for strings, == for numbers (NaN aside), identity otherwise. */
@inline export function __ice_key_eq<K>(a: K, b: K): bool {
  if (isString<K>()) return __ice_str_eq(changetype<string>(a), changetype<string>(b));
  if (isReference<K>()) return changetype<usize>(a) == changetype<usize>(b);
  return a == b;
}
export function __ice_map_get<K, V>(m: __ice_Map<K, V>, k: K): V | null {
  const p = m.find(__ice_key<K>(k));
  return p >= 0 ? unchecked(m.vs[p]) : null;
}
/** \`m.get(k) ?? d\` for a default d that is cheap and has no effects (print/collectionMethods.ts): no box. */
@inline export function __ice_map_get_or<K, V>(m: __ice_Map<K, V>, k: K, d: V): V {
  const p = m.find(__ice_key<K>(k));
  return p >= 0 ? unchecked(m.vs[p]) : d;
}
export function __ice_map_get_box<K, V>(m: __ice_Map<K, V>, k: K): __ice_Box<V> | null {
  const p = m.find(__ice_key<K>(k));
  return p >= 0 ? new __ice_Box<V>(unchecked(m.vs[p])) : null;
}
/** Truthiness of \`number | undefined\` and \`boolean | undefined\`: defined, and truthy inside. */
export function __ice_truthy_box<T>(b: __ice_Box<T> | null): bool {
  if (b === null) return false;
  return __ice_truthy<T>(b.v);
}
/** \`a[i]\` past the end (or at a non-index) is undefined, for the contexts that observe it (print/missing.ts). */
export function __ice_a_get<T>(a: Array<T>, i: f64): T | null {
  const k = <i32>i;
  return i >= 0 && <f64>k == i && k < a.length ? unchecked(a[k]) : null;
}
export function __ice_a_get_box<T>(a: Array<T>, i: f64): __ice_Box<T> | null {
  const k = <i32>i;
  return i >= 0 && <f64>k == i && k < a.length ? new __ice_Box<T>(unchecked(a[k])) : null;
}
/**
 * \`a[i]\` of a number array where undefined and NaN act alike (arithmetic, comparisons,
 * truthiness: print/missing.ts): NaN past the end, no box.
 */
@inline export function __ice_a_get_nan(a: Array<f64>, i: f64): f64 {
  const k = <i32>i;
  return i >= 0 && <f64>k == i && k < a.length ? load<f64>(a.dataStart + (<usize>k << 3)) : NaN;
}
/** The same for an integer i whose saturating i32 shadow is k. */
@inline export function __ice_a_get_nan_s(a: Array<f64>, k: i32): f64 {
  return <u32>k < <u32>a.length ? load<f64>(a.dataStart + (<usize>k << 3)) : NaN;
}
export function __ice_s_get(s: string, i: f64): string | null {
  const k = <i32>i;
  return i >= 0 && <f64>k == i && k < s.length ? s.charAt(k) : null;
}
/** undefined in arithmetic is NaN. */
export function __ice_or_nan(b: __ice_Box<f64> | null): f64 { return b === null ? NaN : b.v; }
export function __ice_text_or_undefined(s: string | null): string { return s === null ? "undefined" : s; }
export function __ice_text_or_undefined_box<T>(b: __ice_Box<T> | null): string { return b === null ? "undefined" : __ice_str<T>(b.v); }
`;
