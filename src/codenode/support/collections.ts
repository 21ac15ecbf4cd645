/**
 * @fileoverview The support library's `Map` and `Set` helpers: SameValueZero keys (-0 is 0), `get`
 * of a missing key as `undefined`.
 */

/** AssemblyScript source: Map and Set helpers. */
export const COLLECTIONS_SUPPORT = `

// ---- maps and sets ------------------------------------------------------------------------
/** SameValueZero keys: -0 is 0. */
export function __ice_key<K>(k: K): K {
  if (isFloat<K>()) return <K>(<f64>k + 0.0);
  return k;
}
export function __ice_map_get<K, V>(m: __ice_Map<K, V>, k: K): V | null {
  const p = m.find(__ice_key<K>(k));
  return p >= 0 ? unchecked(m.vs[p]) : null;
}
export function __ice_map_get_box<K, V>(m: __ice_Map<K, V>, k: K): __ice_Box<V> | null {
  const p = m.find(__ice_key<K>(k));
  return p >= 0 ? new __ice_Box<V>(unchecked(m.vs[p])) : null;
}
`;
