/**
 * @fileoverview The support library's JSON values: what `any` and `unknown` (and unions of
 * primitives such as `string | number`) are at run time in the sandbox. A `__ice_J` is undefined,
 * null, a boolean, a number, a string, an array (shared `Array<__ice_J>`) or an object whose keys
 * keep JavaScript's order (integer-like keys first, ascending, then the others in insertion
 * order). Here: building values, reading properties with JavaScript's rules (a property of
 * undefined or null throws a TypeError, of a primitive is undefined unless it is a method, which
 * the sandbox cannot hold), writes, `delete`, `in`, `typeof` and iteration. Operators and
 * conversions are in jsonOperators.ts, `JSON.parse` in jsonText.ts, `JSON.stringify` in
 * jsonStringify.ts, the wire codec of `any` fields in jsonWire.ts. Errors JavaScript throws
 * (TypeError, SyntaxError) go through `__ice_j_throw`.
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
/**
 * A JSON value. k: 0 undefined, 1 null, 2 boolean, 3 number, 4 string, 5 array, 6 object. A value
 * of kind 0 to 4 never changes once made (so undefined, null, the booleans and small integers
 * are shared: __ice_j_undef and the __ice_jv_* makers), an array's elements and an object's
 * properties do. 24 bytes with the allocator's header.
 */
@final export class __ice_J {
  /** The number; a boolean's 1 or 0. */
  n: f64 = 0;
  /** The string (4), Array<__ice_J> (5) or __ice_JO (6). */
  r: usize = 0;
  k: i32;
  constructor(k: i32) { this.k = k; }
  @inline get b(): bool { return this.n != 0; }
  @inline get s(): string { return changetype<string>(this.r); }
  @inline get a(): Array<__ice_J> | null { return changetype<Array<__ice_J> | null>(this.r); }
  /** An object's properties (kind 6). */
  @inline get o(): __ice_JO { return changetype<__ice_JO>(this.r); }
}

export function __ice_j_throw(kind: string, message: string): void { abort(kind + ": " + message); }

/**
 * The shared immutable values: undefined, null, false, true at 0..3, the integers 0..255 from 4.
 * Made during the run when first asked for (a reset instance starts with none).
 */
let __ice_j_shared: usize = 0;
function __ice_j_shared_table(): usize {
  let t = __ice_j_shared;
  if (t == 0) {
    t = heap.alloc(260 << 2);
    for (let i = 0; i < 260; i++) store<u32>(t + (<usize>i << 2), 0);
    __ice_j_shared = t;
  }
  return t;
}
/** The shared value at slot i of kind k and number n. */
function __ice_j_shared_at(i: i32, k: i32, n: f64): __ice_J {
  const at = __ice_j_shared_table() + (<usize>i << 2);
  const found = load<u32>(at);
  if (found != 0) return changetype<__ice_J>(<usize>found);
  const v = new __ice_J(k);
  v.n = n;
  store<u32>(at, <u32>changetype<usize>(v));
  return v;
}
export function __ice_j_undef(): __ice_J { return __ice_j_shared_at(0, 0, 0); }
/** A library result that may be missing (\`at\`, \`pop\`, \`find\`, \`Map.get\`, ...): null is undefined. */
export function __ice_j_opt(v: __ice_J | null): __ice_J { return v === null ? __ice_j_undef() : v; }
export function __ice_j_null(): __ice_J { return __ice_j_shared_at(1, 1, 0); }
export function __ice_jv_bool(b: bool): __ice_J { return b ? __ice_j_shared_at(3, 2, 1) : __ice_j_shared_at(2, 2, 0); }
export function __ice_jv_num(n: f64): __ice_J {
  // 0..255 but not -0 (1/n tells them apart: the shared 0 is +0).
  if (n >= 0 && n < 256) {
    const i = <i32>n;
    if (<f64>i == n && (i != 0 || 1 / n > 0)) return __ice_j_shared_at(4 + i, 3, n);
  }
  const v = new __ice_J(3);
  v.n = n;
  return v;
}
export function __ice_jv_str(s: string): __ice_J { const v = new __ice_J(4); v.r = changetype<usize>(s); return v; }
export function __ice_jv_arr(a: Array<__ice_J>): __ice_J { const v = new __ice_J(5); v.r = changetype<usize>(a); return v; }
/** A new empty object with room for cap properties. */
export function __ice_j_newobj_cap(cap: i32): __ice_J {
  const v = new __ice_J(6);
  v.r = changetype<usize>(new __ice_JO(cap));
  return v;
}
export function __ice_j_newobj(): __ice_J { return __ice_j_newobj_cap(4); }
export function __ice_j_newarr(): __ice_J { return __ice_jv_arr(new Array<__ice_J>()); }
/** Appends to a JSON array and returns it (array literals). */
export function __ice_j_push(a: __ice_J, v: __ice_J): __ice_J { a.a!.push(v); return a; }
/** Appends the elements of an array (spread in an array literal). */
export function __ice_j_push_all(a: __ice_J, from: __ice_J): __ice_J {
  // A string spreads into its code points (__ice_j_iter).
  if (from.k == 4) from = __ice_jv_arr(__ice_j_iter(from));
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
  if (from.k == 6) { const f = from.o; for (let i = 0; i < f.n; i++) __ice_j_put(o, f.key(i), f.val(i)); }
  else if (from.k == 5) { const a = from.a!; for (let i = 0; i < a.length; i++) __ice_j_put(o, i.toString(), a[i]); }
  else if (from.k == 4) { const s = from.s; for (let i = 0; i < s.length; i++) __ice_j_put(o, i.toString(), __ice_jv_str(s.charAt(i))); }
  return o;
}

/** The array index a key names ("0", "17", not "01" or "-1"), or -1. */
export function __ice_index_key(key: string): f64 {
  const n = key.length;
  if (n == 0 || n > 10) return -1;
  const p = changetype<usize>(key);
  const first = <i32>load<u16>(p);
  if (first == 48) return n == 1 ? 0 : -1;
  let v: f64 = 0;
  for (let i = 0; i < n; i++) {
    const c = <i32>load<u16>(p + (<usize>i << 1));
    if (c < 48 || c > 57) return -1;
    v = v * 10 + <f64>(c - 48);
  }
  return v <= 4294967294.0 ? v : -1;
}

/** CreateDataProperty on a JSON object: a new key goes where JavaScript puts it. */
export function __ice_j_put(o: __ice_J, key: string, v: __ice_J): void {
  const f = o.o;
  const i = f.find(key);
  if (i >= 0) { f.setVal(i, v); return; }
  const index = __ice_index_key(key);
  if (index < 0) { f.insert(f.n, key, v); return; }
  let at = f.ni;
  if (at > 0 && __ice_index_key(f.key(at - 1)) > index) {
    at = 0;
    while (__ice_index_key(f.key(at)) < index) at++;
  }
  f.insert(at, key, v);
  f.ni++;
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
      const f = v.o;
      const i = f.find(key);
      if (i >= 0) return f.val(i);
      if ((__ice_proto_mask(key) & 1) != 0) return __ice_j_method(key);
      return __ice_j_undef();
    }
  }
}

/** JavaScript's TypeError for the body's catch (print/catchableAny.ts): pending, then undefined. */
function __ice_j_type_error(message: string, line: i32): __ice_J {
  __ice_throw_obj<Error>(new TypeError(message), line);
  return __ice_j_undef();
}
/** v[key] in a try: reading a property of undefined or null throws what JavaScript's catch takes. */
export function __ice_j_get_try(v: __ice_J, key: string, line: i32): __ice_J {
  if (v.k <= 1) return __ice_j_type_error("Cannot read properties of " + __ice_j_what(v) + " (reading '" + key + "')", line);
  return __ice_j_get(v, key);
}
export function __ice_j_at_try(v: __ice_J, i: f64, line: i32): __ice_J {
  if (v.k <= 1) return __ice_j_get_try(v, __ice_num_str(i), line);
  return __ice_j_at(v, i);
}
/**
 * The receiver of a method only strings (arrays, numbers) have, called on a JSON value in a try
 * (print/catchableAny.ts): of another kind, V8's TypeError (callee is the call's callee as V8
 * quotes it), pending, and a stand-in the method runs on harmlessly.
 */
function __ice_j_method_error(v: __ice_J, method: string, callee: string, line: i32): void {
  if (v.k <= 1) __ice_j_type_error("Cannot read properties of " + __ice_j_what(v) + " (reading '" + method + "')", line);
  else __ice_j_type_error(callee + " is not a function", line);
}
export function __ice_j_str_try(v: __ice_J, method: string, callee: string, line: i32): string {
  if (v.k == 4) return v.s;
  __ice_j_method_error(v, method, callee, line);
  return "";
}
export function __ice_j_arr_try(v: __ice_J, method: string, callee: string, line: i32): Array<__ice_J> {
  if (v.k == 5) return v.a!;
  __ice_j_method_error(v, method, callee, line);
  return new Array<__ice_J>();
}
export function __ice_j_num_try(v: __ice_J, method: string, callee: string, line: i32): f64 {
  if (v.k == 3) return v.n;
  __ice_j_method_error(v, method, callee, line);
  return 0;
}
/** v[key] = x in a try: on undefined, null or a primitive, V8's TypeError (strict mode). */
export function __ice_j_set_try(v: __ice_J, key: string, x: __ice_J, line: i32): __ice_J {
  if (v.k <= 1) return __ice_j_type_error("Cannot set properties of " + __ice_j_what(v) + " (setting '" + key + "')", line);
  if (v.k <= 4) {
    const kind = v.k == 2 ? "boolean" : v.k == 3 ? "number" : "string";
    return __ice_j_type_error("Cannot create property '" + key + "' on " + kind + " '" + __ice_j_tostr(v) + "'", line);
  }
  return __ice_j_set(v, key, x);
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
    if (key == "__proto__" && v.o.find(key) < 0) {
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
    const f = v.o;
    const at = f.find(key);
    if (at >= 0) f.remove(at);
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
  if (v.k == 6) return v.o.find(key) >= 0 || (__ice_proto_mask(key) & 1) != 0;
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
export function __ice_j_is_num(v: __ice_J): bool { return v.k == 3; }
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
/** for...of in a try: V8's TypeError (quoting the iterated expression's text) for the catch, and no pass. */
export function __ice_j_iter_try(v: __ice_J, text: string, line: i32): Array<__ice_J> {
  if (v.k == 5 || v.k == 4) return __ice_j_iter(v);
  __ice_j_type_error(text + " is not iterable", line);
  return new Array<__ice_J>();
}
/** \`...v\` in a try (print/catchableAny.ts): v when iterable, else V8's TypeError (worded per place). */
export function __ice_j_spread_try(v: __ice_J, text: string, inCall: bool, line: i32): __ice_J {
  if (v.k == 5 || v.k == 4) return v;
  if (!inCall) return __ice_j_type_error(text + " is not iterable", line);
  if (v.k <= 1) return __ice_j_type_error(text + " is not iterable (cannot read property " + __ice_j_what(v) + ")", line);
  return __ice_j_type_error("Spread syntax requires ...iterable[Symbol.iterator] to be a function", line);
}
/** The i-th element an array pattern takes (undefined past the end). */
export function __ice_j_nth(a: Array<__ice_J>, i: i32): __ice_J { return i < a.length ? a[i] : __ice_j_undef(); }`;
