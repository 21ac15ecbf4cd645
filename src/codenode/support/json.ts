/**
 * @fileoverview The support library's JSON values: what `any` and `unknown` (and unions of
 * primitives such as `string | number`) are at run time in the sandbox. A `__ice_J` is undefined,
 * null, a boolean, a number, a string, an array (shared `Array<__ice_J>`) or an object whose keys
 * keep JavaScript's order (integer-like keys first, ascending, then the others in insertion
 * order). Here: building values, reading properties with JavaScript's rules (a property of
 * undefined or null throws a TypeError, of a primitive is undefined unless it is a method, which
 * the sandbox cannot hold), writes, `delete`, `in`, `typeof` and iteration. Operators and
 * conversions are in jsonOperators.ts, `JSON.parse`/`JSON.stringify` in jsonText.ts, the wire
 * codec of `any` fields in jsonWire.ts. Errors JavaScript throws (TypeError, SyntaxError) go
 * through `__ice_j_throw`.
 */

/** Own property names of JavaScript's prototypes: reading one of them gives a method in JavaScript. */
function protoMaskSource(): string {
  const bits: [object, number][] = [
    [Object.prototype, 1],
    [String.prototype, 2],
    [Array.prototype, 4],
    [Number.prototype, 8],
    [Boolean.prototype, 16],
  ];
  const masks = new Map<string, number>();
  for (const [proto, bit] of bits)
    for (const name of Object.getOwnPropertyNames(proto))
      if (name !== "length") masks.set(name, (masks.get(name) ?? 0) | bit);
  const lines = [...masks].map(([name, mask]) => `  if (k == ${JSON.stringify(name)}) return ${mask};`);
  return `function __ice_proto_mask(k: string): i32 {\n${lines.join("\n")}\n  return 0;\n}`;
}

/** AssemblyScript source: JSON values. */
export const JSON_SUPPORT = `

// ---- JSON values (any / unknown) ----------------------------------------------------------
/** A JSON value. k: 0 undefined, 1 null, 2 boolean, 3 number, 4 string, 5 array, 6 object. */
export class __ice_J {
  b: bool = false;
  n: f64 = 0;
  s: string = "";
  a: Array<__ice_J> | null = null;
  keys: Array<string> | null = null;
  vals: __ice_JFields | null = null;
  /** How many keys at the front of \`keys\` are integer-like. */
  ni: i32 = 0;
  constructor(public k: i32) {}
}

export function __ice_j_throw(kind: string, message: string): void { abort(kind + ": " + message); }

export function __ice_j_undef(): __ice_J { return new __ice_J(0); }
/** A library result that may be missing (\`at\`, \`pop\`, \`find\`, \`Map.get\`, ...): null is undefined. */
export function __ice_j_opt(v: __ice_J | null): __ice_J { return v === null ? new __ice_J(0) : v; }
export function __ice_j_null(): __ice_J { return new __ice_J(1); }
export function __ice_jv_bool(b: bool): __ice_J { const v = new __ice_J(2); v.b = b; return v; }
export function __ice_jv_num(n: f64): __ice_J { const v = new __ice_J(3); v.n = n; return v; }
export function __ice_jv_str(s: string): __ice_J { const v = new __ice_J(4); v.s = s; return v; }
export function __ice_jv_arr(a: Array<__ice_J>): __ice_J { const v = new __ice_J(5); v.a = a; return v; }
export function __ice_j_newobj(): __ice_J {
  const v = new __ice_J(6);
  v.keys = new Array<string>();
  v.vals = new __ice_JFields();
  return v;
}
export function __ice_j_newarr(): __ice_J { return __ice_jv_arr(new Array<__ice_J>()); }
/** Appends to a JSON array and returns it (array literals). */
export function __ice_j_push(a: __ice_J, v: __ice_J): __ice_J { a.a!.push(v); return a; }
/** Appends the elements of an array (spread in an array literal). */
export function __ice_j_push_all(a: __ice_J, from: __ice_J): __ice_J {
  if (from.k != 5) __ice_j_throw("TypeError", "Spread syntax requires an iterable (spreading " + __ice_j_what(from) + " is not supported)");
  const src = from.a!;
  const n = src.length;
  for (let i = 0; i < n; i++) a.a!.push(unchecked(src[i]));
  return a;
}
/** Sets a property of a JSON object and returns it (object literals). */
export function __ice_j_prop(o: __ice_J, key: string, v: __ice_J): __ice_J { __ice_j_put(o, key, v); return o; }
/** Copies the own properties of \`from\` (object spread). */
export function __ice_j_spread(o: __ice_J, from: __ice_J): __ice_J {
  if (from.k == 6) { const keys = from.keys!; for (let i = 0; i < keys.length; i++) __ice_j_put(o, keys[i], from.vals!.get(keys[i])); }
  else if (from.k == 5) { const a = from.a!; for (let i = 0; i < a.length; i++) __ice_j_put(o, i.toString(), a[i]); }
  else if (from.k == 4) { const s = from.s; for (let i = 0; i < s.length; i++) __ice_j_put(o, i.toString(), __ice_jv_str(s.charAt(i))); }
  return o;
}

/** The array index a key names ("0", "17", not "01" or "-1"), or -1. */
export function __ice_index_key(key: string): f64 {
  const n = key.length;
  if (n == 0 || n > 10) return -1;
  const first = key.charCodeAt(0);
  if (first == 48) return n == 1 ? 0 : -1;
  let v: f64 = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + <f64>(c - 48);
  }
  return v <= 4294967294.0 ? v : -1;
}

/** CreateDataProperty on a JSON object: a new key goes where JavaScript puts it. */
export function __ice_j_put(o: __ice_J, key: string, v: __ice_J): void {
  if (!o.vals!.put(key, v)) return;
  const keys = o.keys!;
  const index = __ice_index_key(key);
  if (index < 0) { keys.push(key); return; }
  let at = o.ni;
  if (at > 0 && __ice_index_key(keys[at - 1]) > index) {
    at = 0;
    while (__ice_index_key(keys[at]) < index) at++;
  }
  keys.push(key);
  for (let i = keys.length - 1; i > at; i--) unchecked(keys[i] = keys[i - 1]);
  unchecked(keys[at] = key);
  o.ni++;
}

${protoMaskSource()}

function __ice_j_what(v: __ice_J): string {
  switch (v.k) {
    case 0: return "undefined";
    case 1: return "null";
    case 4: return "a string";
    case 2: return "a boolean";
    case 3: return "a number";
    default: return "an object";
  }
}

/** A method JavaScript would return: not a JSON value. */
function __ice_j_method(key: string): __ice_J {
  abort("reading '" + key + "' of a value of type 'any' gives a function, which code nodes cannot hold; call a method on a typed value");
  return __ice_j_undef();
}

/** v[key] (v.key) with JavaScript's rules. */
export function __ice_j_get(v: __ice_J, key: string): __ice_J {
  switch (v.k) {
    case 0:
    case 1:
      __ice_j_throw("TypeError", "Cannot read properties of " + __ice_j_what(v) + " (reading '" + key + "')");
      return v;
    case 2:
      if ((__ice_proto_mask(key) & 17) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    case 3:
      if ((__ice_proto_mask(key) & 9) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    case 4: {
      if (key == "length") return __ice_jv_num(<f64>v.s.length);
      const i = __ice_index_key(key);
      if (i >= 0 && i < <f64>v.s.length) return __ice_jv_str(v.s.charAt(<i32>i));
      if ((__ice_proto_mask(key) & 3) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    }
    case 5: {
      const a = v.a!;
      if (key == "length") return __ice_jv_num(<f64>a.length);
      const i = __ice_index_key(key);
      if (i >= 0 && i < <f64>a.length) return unchecked(a[<i32>i]);
      if ((__ice_proto_mask(key) & 5) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    }
    default: {
      const e = v.vals!.lookup(key);
      if (e !== null) return e;
      if ((__ice_proto_mask(key) & 1) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    }
  }
}

/** v[i] for a number i. */
export function __ice_j_at(v: __ice_J, i: f64): __ice_J {
  if (v.k == 5) {
    const a = v.a!;
    if (i >= 0 && i < <f64>a.length && <f64>(<i32>i) == i) return unchecked(a[<i32>i]);
  }
  return __ice_j_get(v, __ice_num_str(i));
}

/** ToPropertyKey of a JSON value. */
export function __ice_j_key(k: __ice_J): string { return __ice_j_tostr(k); }

/** v[key] = x, for objects and arrays (what JSON data holds). */
export function __ice_j_set(v: __ice_J, key: string, x: __ice_J): __ice_J {
  if (v.k == 6) {
    // Without an own "__proto__", assigning it sets the prototype (an object or null) or does nothing.
    if (key == "__proto__" && !v.vals!.has(key)) {
      if (x.k == 1 || x.k >= 5) abort("setting the prototype of an object (its '__proto__') is not supported");
      return x;
    }
    __ice_j_put(v, key, x);
    return x;
  }
  if (v.k == 5) {
    const a = v.a!;
    const i = __ice_index_key(key);
    if (i >= 0 && i < <f64>a.length) { unchecked(a[<i32>i] = x); return x; }
    if (i >= 0 && i == <f64>a.length) { a.push(x); return x; }
    abort("setting '" + key + "' of an array of type 'any' is not supported (only its elements, up to its length)");
  }
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot set properties of " + __ice_j_what(v) + " (setting '" + key + "')");
  __ice_j_throw("TypeError", "Cannot create property '" + key + "' on " + __ice_j_what(v));
  return x;
}
export function __ice_j_set_at(v: __ice_J, i: f64, x: __ice_J): __ice_J { return __ice_j_set(v, __ice_num_str(i), x); }

/** delete v[key]: an object's own key goes (a later set adds it at the end again). */
export function __ice_j_delete(v: __ice_J, key: string): bool {
  if (v.k == 6) {
    const vals = v.vals!;
    if (!vals.has(key)) return true;
    vals.delete(key);
    const keys = v.keys!;
    const at = keys.indexOf(key);
    for (let i = at; i < keys.length - 1; i++) unchecked(keys[i] = keys[i + 1]);
    keys.pop();
    if (at < v.ni) v.ni--;
    return true;
  }
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot convert undefined or null to object");
  if (v.k == 5) {
    const i = __ice_index_key(key);
    if (key == "length") __ice_j_throw("TypeError", "Cannot delete property 'length' of [object Array]");
    if (i >= 0 && i < <f64>v.a!.length) abort("deleting an element of an array leaves a hole, which code nodes cannot hold; use splice");
    return true;
  }
  if (v.k == 4) {
    const i = __ice_index_key(key);
    if (key == "length" || (i >= 0 && i < <f64>v.s.length)) __ice_j_throw("TypeError", "Cannot delete property '" + key + "' of [object String]");
  }
  return true;
}

/** key in v. */
export function __ice_j_in(key: string, v: __ice_J): bool {
  if (v.k == 6) return v.vals!.has(key) || (__ice_proto_mask(key) & 1) != 0;
  if (v.k == 5) {
    const i = __ice_index_key(key);
    return key == "length" || (i >= 0 && i < <f64>v.a!.length) || (__ice_proto_mask(key) & 5) != 0;
  }
  __ice_j_throw("TypeError", "Cannot use 'in' operator to search for '" + key + "' in " + __ice_j_tostr(v));
  return false;
}

export function __ice_j_typeof(v: __ice_J): string {
  switch (v.k) {
    case 0: return "undefined";
    case 2: return "boolean";
    case 3: return "number";
    case 4: return "string";
    default: return "object";
  }
}
export function __ice_j_is_undef(v: __ice_J): bool { return v.k == 0; }
export function __ice_j_is_null(v: __ice_J): bool { return v.k == 1; }
export function __ice_j_nullish(v: __ice_J): bool { return v.k <= 1; }
export function __ice_j_is_arr(v: __ice_J): bool { return v.k == 5; }
/** What for...of and array patterns iterate: an array's own elements (live), a string's code points. */
export function __ice_j_iter(v: __ice_J): Array<__ice_J> {
  if (v.k == 5) return v.a!;
  if (v.k == 4) {
    const s = v.s;
    const out = new Array<__ice_J>();
    for (let i = 0; i < s.length; ) { const n = __ice_cp_len(s, i); out.push(__ice_jv_str(s.substring(i, i + n))); i += n; }
    return out;
  }
  __ice_j_throw("TypeError", __ice_j_what(v) + " is not iterable");
  return new Array<__ice_J>();
}
/** The i-th element an array pattern takes (undefined past the end). */
export function __ice_j_nth(a: Array<__ice_J>, i: i32): __ice_J { return i < a.length ? a[i] : __ice_j_undef(); }`;
