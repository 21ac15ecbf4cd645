/**
 * @fileoverview `Object.keys`, `Object.values` and `Object.entries` of a value of type 'any'
 * (print/objectStatics.ts):
 * an object's own keys in JavaScript's order (integer keys ascending, then the others in the
 * order they were added: the order the object's properties are kept in, jsonFields.ts), an
 * array's or a string's indices, nothing for numbers and booleans, JavaScript's TypeError for
 * undefined and null.
 */

/** AssemblyScript source: Object.keys / values / entries of JSON values. */
export const JSON_KEYS_SUPPORT = `
// ---- Object.keys / values / entries of 'any' ----------------------------------------------
function __ice_j_no_object(v: __ice_J): void {
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot convert undefined or null to object");
}
/** The indices 0..n-1 as strings. */
function __ice_j_index_keys(n: i32): Array<string> {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) unchecked((out[i] = i.toString()));
  return out;
}
/** Object.keys(v). */
export function __ice_j_keys(v: __ice_J): Array<string> {
  __ice_j_no_object(v);
  if (v.k == 4) return __ice_j_index_keys(v.s.length);
  if (v.k == 5) return __ice_j_index_keys(v.a!.length);
  if (v.k != 6) return new Array<string>();
  const o = v.o;
  const n = o.n;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) unchecked((out[i] = o.key(i)));
  return out;
}
/** Object.values(v). */
export function __ice_j_values(v: __ice_J): Array<__ice_J> {
  __ice_j_no_object(v);
  if (v.k == 4) {
    const s = v.s;
    const n = s.length;
    const out = new Array<__ice_J>(n);
    for (let i = 0; i < n; i++) unchecked((out[i] = __ice_jv_str(s.charAt(i))));
    return out;
  }
  if (v.k == 5) return v.a!.slice(0);
  if (v.k != 6) return new Array<__ice_J>();
  const o = v.o;
  const n = o.n;
  const out = new Array<__ice_J>(n);
  for (let i = 0; i < n; i++) unchecked((out[i] = o.val(i)));
  return out;
}
/** Object.entries(v): [key, value] pairs (E, the pair's class, made from the two). */
export function __ice_j_entries<E>(v: __ice_J): Array<E> {
  const keys = __ice_j_keys(v);
  const values = __ice_j_values(v);
  const n = keys.length;
  const out = new Array<E>(n);
  for (let i = 0; i < n; i++) unchecked((out[i] = instantiate<E>(unchecked(keys[i]), unchecked(values[i]))));
  return out;
}
`;
