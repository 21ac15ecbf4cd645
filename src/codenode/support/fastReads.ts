/**
 * @fileoverview Reads the printer uses on hot paths instead of the general ones, with the same
 * results: `m.get(k)!` of a number or boolean value without a box, and `a[i]` with an int32
 * index without converting it to a number and back (print/collectionMethods.ts, print/missing.ts).
 */

/** AssemblyScript source: box-free and int32-indexed reads. */
export const FAST_READS_SUPPORT = `

// ---- fast reads ------------------------------------------------------------------------------
/**
 * \`m.get(k)!\` of a number or boolean value: the value itself. A missing key stops the node with
 * the message of the null assertion \`(__ice_map_get_box(m, k))!.v\` that this replaces.
 */
export function __ice_map_get_v<K, V>(m: __ice_Map<K, V>, k: K): V {
  const p = m.find(__ice_key<K>(k));
  if (p < 0) abort("Unexpected 'null' (not assigned or failed cast)");
  return unchecked(m.vs[p]);
}
/** \`a[i]\` (undefined past the end, or below 0) for an int32 i: __ice_a_get without the f64 round trip. */
@inline export function __ice_a_get_i<T>(a: Array<T>, k: i32): T | null {
  return <u32>k < <u32>a.length ? unchecked(a[k]) : null;
}
@inline export function __ice_a_get_box_i<T>(a: Array<T>, k: i32): __ice_Box<T> | null {
  return <u32>k < <u32>a.length ? new __ice_Box<T>(unchecked(a[k])) : null;
}
`;
