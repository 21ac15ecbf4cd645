/**
 * @fileoverview The support library's dictionary: an object used as a dictionary
 * (`Record<string, T>`, `{ [k: string]: T }`) with JavaScript's semantics. Own keys enumerate in
 * JavaScript's order (array-index keys "0".."4294967294" ascending first, then the other keys in
 * insertion order; a deleted and re-added key goes to the end). An object created by `{}`
 * inherits Object.prototype's members, so: `k in o` is true for "constructor", "toString", ...;
 * assigning `o["__proto__"] = v` (a [[Set]]) creates no key when v is a primitive; reading a
 * missing inherited name stops the node (JavaScript would read a function). Object.fromEntries,
 * spread and inputs create own keys (CreateDataProperty), "__proto__" included.
 */

/** AssemblyScript source: the dictionary class and its helpers. */
export const DICTIONARY_SUPPORT = `

// ---- objects used as dictionaries ------------------------------------------------------------
/** The numeric value of an array-index key ("0".."4294967294", no leading zero), or -1. */
export function __ice_dict_index_key(k: string): i64 {
  const n = k.length;
  if (n == 0 || n > 10) return -1;
  if (k.charCodeAt(0) == 48) return n == 1 ? 0 : -1;
  let v: i64 = 0;
  for (let i = 0; i < n; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + <i64>(c - 48);
  }
  return v <= 4294967294 ? v : -1;
}

/** The members every object created by \`{}\` inherits from Object.prototype. */
export function __ice_proto_key(k: string): bool {
  if (k.length < 7 || k.length > 20) return false;
  return k == "__proto__" || k == "constructor" || k == "hasOwnProperty" || k == "isPrototypeOf" ||
    k == "propertyIsEnumerable" || k == "toLocaleString" || k == "toString" || k == "valueOf" ||
    k == "__defineGetter__" || k == "__defineSetter__" || k == "__lookupGetter__" || k == "__lookupSetter__";
}

/**
 * The own keys and values: a __ice_Map (iteration.ts) keeps them in insertion order with
 * tombstones, one hash per lookup, and remembers the key found last (so \`has\` then \`at\`, or
 * a read then a write of the same key, probe once). JavaScript's order puts array-index keys
 * first, so \`order()\` sorts those when there are any.
 */
export class __ice_Dict<V> {
  m: __ice_Map<string, V> = new __ice_Map<string, V>();
  indexKeys: i32 = 0;

  get size(): i32 { return this.m.count; }
  has(k: string): bool { return this.m.find(k) >= 0; }
  /** The value of an own key (the caller checked has). */
  at(k: string): V { return this.m.get(k); }
  /** The value at position p of the store. */
  @inline val(p: i32): V { return unchecked(this.m.vs[p]); }
  @inline name(p: i32): string { return unchecked(this.m.ks[p]); }

  /** CreateDataProperty: an own key, "__proto__" included. */
  put(k: string, v: V): void {
    const m = this.m;
    const p = m.find(k);
    if (p >= 0) { unchecked((m.vs[p] = v)); return; }
    m.add(k, v);
    if (__ice_dict_index_key(k) >= 0) this.indexKeys++;
  }

  /** \`delete o[k]\` (true, as JavaScript's delete of an own configurable key or a missing one). */
  remove(k: string): bool {
    if (this.m.delete(k) && this.indexKeys > 0 && __ice_dict_index_key(k) >= 0) this.indexKeys--;
    return true;
  }

  /** The positions of the own keys, in JavaScript's order. */
  order(): Array<i32> {
    const m = this.m;
    const n = m.ks.length;
    const dead = m.dead;
    const out = new Array<i32>(0);
    if (this.indexKeys > 0) {
      const packed = new Array<u64>();
      for (let i = 0; i < n; i++) {
        if (dead !== null && unchecked(dead[i])) continue;
        const v = __ice_dict_index_key(unchecked(m.ks[i]));
        if (v >= 0) packed.push((<u64>v << 32) | <u64>i);
      }
      packed.sort();
      for (let j = 0; j < packed.length; j++) out.push(<i32>(unchecked(packed[j]) & 0xffffffff));
    }
    for (let i = 0; i < n; i++) {
      if (dead !== null && unchecked(dead[i])) continue;
      if (this.indexKeys > 0 && __ice_dict_index_key(unchecked(m.ks[i])) >= 0) continue;
      out.push(i);
    }
    return out;
  }

  keys(): Array<string> {
    if (this.indexKeys == 0) return this.m.liveKeys();
    const order = this.order();
    const out = new Array<string>(order.length);
    for (let j = 0; j < order.length; j++) unchecked((out[j] = this.name(unchecked(order[j]))));
    return out;
  }

  values(): Array<V> {
    if (this.indexKeys == 0) return this.m.values();
    const order = this.order();
    const out = new Array<V>(order.length);
    for (let j = 0; j < order.length; j++) unchecked((out[j] = this.val(unchecked(order[j]))));
    return out;
  }

  /** A shallow copy (spread into a new object: own keys in order, CreateDataProperty). */
  copy(): __ice_Dict<V> {
    const out = new __ice_Dict<V>();
    const order = this.order();
    for (let j = 0; j < order.length; j++) { const p = unchecked(order[j]); out.put(this.name(p), this.val(p)); }
    return out;
  }
}

function __ice_dict_missing(k: string): void {
  abort("the object has no key '" + k + "' (JavaScript reads the member every object inherits from Object.prototype); use a Map for arbitrary keys");
}

/** \`o[k]\` of a reference value: null when missing. */
export function __ice_dict_get<V>(d: __ice_Dict<V>, k: string): V | null {
  if (d.has(k)) return d.at(k);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return null;
}
/** \`o[k]\` of a number or boolean: null when missing. */
export function __ice_dict_get_box<V>(d: __ice_Dict<V>, k: string): __ice_Box<V> | null {
  if (d.has(k)) return new __ice_Box<V>(d.at(k));
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return null;
}
/** \`o[k]\` of numbers where undefined becomes NaN (arithmetic, \`o[k] += x\`, \`o[k]++\`): no box. */
export function __ice_dict_get_nan(d: __ice_Dict<f64>, k: string): f64 {
  const m = d.m;
  const p = m.find(k);
  if (p >= 0) return unchecked(m.vs[p]);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return NaN;
}
/** \`o[k] ?? d\` for a literal d (print/dictDefault.ts): no box. */
export function __ice_dict_get_or<V>(o: __ice_Dict<V>, k: string, d: V): V {
  const m = o.m;
  const p = m.find(k);
  if (p >= 0) return unchecked(m.vs[p]);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return d;
}
/** \`o[k]\` where the value is used as defined: stops the node when the key is missing. */
/** o[k] of a dictionary of JSON values: undefined (a JSON value) for a missing key. */
export function __ice_dict_get_json(d: __ice_Dict<__ice_J>, k: string): __ice_J {
  if (d.has(k)) return d.at(k);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return __ice_j_undef();
}
export function __ice_dict_at<V>(d: __ice_Dict<V>, k: string): V {
  if (d.has(k)) return d.at(k);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  abort("reading the key '" + k + "', which the object does not have (JavaScript gives undefined here; check with 'in' or use ?? first)");
  return unreachable();
}
/** \`o[k]\` of a fixed-shape object with a key outside its type's field names (print/fieldByKey.ts). */
export function __ice_no_field<T>(k: string): T {
  abort("reading o[k] with the key '" + k + "', which is not one of the fields of its type (only possible through a cast)");
  return unreachable();
}
/** \`o[k] = v\` ([[Set]]): "__proto__" that is not an own key is Object.prototype's setter. */
export function __ice_dict_set<V>(d: __ice_Dict<V>, k: string, v: V, objectValue: bool): V {
  if (k.length == 9 && __ice_str_eq(k, "__proto__") && !d.has(k)) {
    if (isReference<V>()) if (objectValue && changetype<usize>(v) != 0) abort("assigning an object to the key '__proto__' changes the object's prototype in JavaScript; use a Map for arbitrary keys");
    return v;
  }
  d.put(k, v);
  return v;
}
/** \`k in o\`: own keys and the members inherited from Object.prototype. */
export function __ice_dict_in<V>(d: __ice_Dict<V>, k: string): bool {
  return d.has(k) || __ice_proto_key(k);
}
/** \`o[k]\` when the values may be undefined themselves. */
export function __ice_dict_get_opt<V>(d: __ice_Dict<V>, k: string): V {
  if (d.has(k)) return d.at(k);
  if (__ice_proto_key(k)) __ice_dict_missing(k);
  return changetype<V>(0);
}
/** Spread (CreateDataProperty) or Object.assign ([[Set]]) of every own key of \`from\` into \`to\`. */
export function __ice_dict_copy_into<V>(to: __ice_Dict<V>, from: __ice_Dict<V>, assign: bool, objectValue: bool): void {
  const order = from.order();
  for (let j = 0; j < order.length; j++) {
    const p = unchecked(order[j]);
    const k = from.name(p);
    const v = from.val(p);
    if (assign) __ice_dict_set<V>(to, k, v, objectValue);
    else to.put(k, v);
  }
}
/** A copy without some keys (\`const { a, ...rest } = o\`). */
export function __ice_dict_rest<V>(from: __ice_Dict<V>, without: Array<string>): __ice_Dict<V> {
  const out = new __ice_Dict<V>();
  const order = from.order();
  for (let j = 0; j < order.length; j++) {
    const p = unchecked(order[j]);
    const k = from.name(p);
    if (!without.includes(k)) out.put(k, from.val(p));
  }
  return out;
}
/** Object.entries: [key, value] pairs (E is the generated class of the pair). */
export function __ice_dict_entries<V, E>(d: __ice_Dict<V>): Array<E> {
  const order = d.order();
  const out = new Array<E>(order.length);
  for (let j = 0; j < order.length; j++) { const p = unchecked(order[j]); unchecked((out[j] = instantiate<E>(d.name(p), d.val(p)))); }
  return out;
}
/** Object.fromEntries over [string, V] pairs. */
export function __ice_dict_from_entries<V, E>(entries: Array<E>): __ice_Dict<V> {
  const out = new __ice_Dict<V>();
  for (let i = 0; i < entries.length; i++) { const e = entries[i]; out.put(e._0, e._1); }
  return out;
}
/** Object.fromEntries of a Map with string keys: its entries in insertion order. */
export function __ice_dict_from_map<V>(m: __ice_Map<string, V>): __ice_Dict<V> {
  const out = new __ice_Dict<V>();
  const dead = m.dead;
  for (let p = 0; p < m.ks.length; p++) if (dead === null || !unchecked(dead[p])) out.put(unchecked(m.ks[p]), unchecked(m.vs[p]));
  return out;
}
/** Object.fromEntries of a Map with number keys (String(k): -0 is "0", NaN "NaN"). */
export function __ice_dict_from_map_num<V>(m: __ice_Map<f64, V>): __ice_Dict<V> {
  const out = new __ice_Dict<V>();
  const dead = m.dead;
  for (let p = 0; p < m.ks.length; p++) if (dead === null || !unchecked(dead[p])) out.put(__ice_num_str(unchecked(m.ks[p])), unchecked(m.vs[p]));
  return out;
}
/** Object.fromEntries over [number, V] pairs. */
export function __ice_dict_from_entries_num<V, E>(entries: Array<E>): __ice_Dict<V> {
  const out = new __ice_Dict<V>();
  for (let i = 0; i < entries.length; i++) { const e = entries[i]; out.put(__ice_num_str(e._0), e._1); }
  return out;
}
/** Object.is on numbers (SameValue: NaN is NaN, -0 is not 0). */
export function __ice_same_value(a: f64, b: f64): bool {
  if (a != a) return b != b;
  if (a == 0 && b == 0) return 1.0 / a == 1.0 / b;
  return a == b;
}
/** A number that may be undefined, where JavaScript converts it to a number (undefined is NaN). */
export function __ice_num_or_nan(b: __ice_Box<f64> | null): f64 {
  return b === null ? NaN : b.v;
}
/** The key of a number: JavaScript's String(n). */
export function __ice_num_key(n: f64): string { return __ice_num_str(n); }
`;
