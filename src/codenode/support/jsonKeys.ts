/**
 * @fileoverview `Object.keys`, `Object.values` and `Object.entries` of a value of type 'any'
 * (print/objectStatics.ts), and `structuredClone` of one (print/calls.ts: a deep copy in which a
 * value reached twice, or in a cycle, is copied once, as structuredClone does):
 * an object's own keys in JavaScript's order (integer keys ascending, then the others in the
 * order they were added: the order the object's properties are kept in, jsonFields.ts), an
 * array's or a string's indices, nothing for numbers and booleans, JavaScript's TypeError for
 * undefined and null; the keys \`for...in\` visits (print/objects.ts).
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
/** The keys \`for (const k in v)\` visits: Object.keys(v), and none for undefined and null. */
export function __ice_j_forin_keys(v: __ice_J): Array<string> {
  return v.k <= 1 ? new Array<string>() : __ice_j_keys(v);
}
/** Whether for...in still visits key k of v: a key deleted (or an array cut) before its turn is skipped. */
export function __ice_j_forin_has(v: __ice_J, key: string): bool {
  if (v.k == 6) return v.o.find(key) >= 0;
  if (v.k == 5) {
    const i = __ice_index_key(key);
    return i >= 0 && i < <f64>v.a!.length;
  }
  return true;
}
/** Object.hasOwn(v, key): ToObject(v) throws for undefined and null; strings and arrays own their indices and length. */
export function __ice_j_has_own(v: __ice_J, key: string): bool {
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot convert undefined or null to object");
  if (v.k == 6) return v.o.find(key) >= 0;
  if (v.k == 4 || v.k == 5) {
    const i = __ice_index_key(key);
    return key == "length" || (i >= 0 && i < <f64>(v.k == 4 ? v.s.length : v.a!.length));
  }
  return false;
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
/** structuredClone(v) of a JSON value. */
export function __ice_j_clone(v: __ice_J): __ice_J {
  if (v.k <= 4) return v;
  return __ice_j_clone_in(v, new Map<usize, __ice_J>());
}
function __ice_j_clone_in(v: __ice_J, memo: Map<usize, __ice_J>): __ice_J {
  if (v.k <= 4) return v;
  const key = changetype<usize>(v);
  if (memo.has(key)) return memo.get(key);
  if (v.k == 5) {
    const a = v.a!;
    const n = a.length;
    const items = new Array<__ice_J>(n);
    const copy = __ice_jv_arr(items);
    memo.set(key, copy);
    for (let i = 0; i < n; i++) unchecked((items[i] = __ice_j_clone_in(unchecked(a[i]), memo)));
    return copy;
  }
  const o = v.o;
  const n = o.n;
  const copy = __ice_j_newobj_cap(n);
  memo.set(key, copy);
  const c = copy.o;
  for (let i = 0; i < n; i++) c.append(o.key(i), __ice_j_clone_in(o.val(i), memo));
  c.ni = o.ni;
  c.reindex();
  return copy;
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
