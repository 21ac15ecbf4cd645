/**
 * @fileoverview The support library's JSON values: what `any` and `unknown` (and unions of
 * primitives such as `string | number`) are at run time in the sandbox. A `__ice_J` is undefined,
 * null, a boolean, a number, a string, an array (shared `Array<__ice_J>`) or an object whose keys
 * keep JavaScript's order (integer-like keys first, ascending, then the others in insertion
 * order). Here: reading properties with JavaScript's rules (a property of undefined or null
 * throws a TypeError, of a primitive is undefined unless it is a method, which the sandbox cannot
 * hold), `typeof`, strict equality, ToString/ToNumber/`+`/comparisons, `JSON.parse` (numbers as
 * JavaScript reads them, duplicate keys: last value at the first position, `__proto__` as data)
 * and `JSON.stringify` (JavaScript's number printing and string escaping, lone surrogates as
 * `\udxxx`, indentation), and the wire codec of `any` fields (format: runtime/sandbox/codec.ts).
 * Errors JavaScript throws (TypeError, SyntaxError) go through `__ice_j_throw`.
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
  vals: Map<string, __ice_J> | null = null;
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
  v.vals = new Map<string, __ice_J>();
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
  const vals = o.vals!;
  if (vals.has(key)) { vals.set(key, v); return; }
  vals.set(key, v);
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
      const vals = v.vals!;
      if (vals.has(key)) return vals.get(key);
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
export function __ice_j_nth(a: Array<__ice_J>, i: i32): __ice_J { return i < a.length ? a[i] : __ice_j_undef(); }

/** JavaScript's truthiness. */
export function __ice_j_truthy(v: __ice_J): bool {
  switch (v.k) {
    case 0: case 1: return false;
    case 2: return v.b;
    case 3: return v.n == v.n && v.n != 0;
    case 4: return v.s.length > 0;
    default: return true;
  }
}

/** a === b. */
export function __ice_j_seq(a: __ice_J, b: __ice_J): bool {
  if (a.k != b.k) return false;
  switch (a.k) {
    case 0: case 1: return true;
    case 2: return a.b == b.b;
    case 3: return a.n == b.n;
    case 4: return a.s == b.s;
    default: return __ice_j_id(a) == __ice_j_id(b);
  }
}
/** SameValueZero (includes). */
export function __ice_j_same_zero(a: __ice_J, b: __ice_J): bool {
  if (a.k == 3 && b.k == 3 && a.n != a.n && b.n != b.n) return true;
  return __ice_j_seq(a, b);
}
/** a == b (loose equality over JSON values). */
export function __ice_j_leq(a: __ice_J, b: __ice_J): bool {
  if (a.k == b.k) return __ice_j_seq(a, b);
  if (a.k <= 1 || b.k <= 1) return a.k <= 1 && b.k <= 1;
  if (a.k >= 5 && b.k >= 5) return false;
  if (a.k == 2) return __ice_j_leq(__ice_jv_num(a.b ? 1 : 0), b);
  if (b.k == 2) return __ice_j_leq(a, __ice_jv_num(b.b ? 1 : 0));
  if (a.k >= 5) return __ice_j_leq(__ice_jv_str(__ice_j_tostr(a)), b);
  if (b.k >= 5) return __ice_j_leq(a, __ice_jv_str(__ice_j_tostr(b)));
  // one number, one string
  return __ice_j_tonum(a) == __ice_j_tonum(b);
}

/** Identity of an array or object (an array may be wrapped more than once: its elements are the array). */
export function __ice_j_id(v: __ice_J): usize { return v.k == 5 ? changetype<usize>(v.a!) : changetype<usize>(v); }
/** Arrays being joined (Array.prototype.join's cycle check); made during the run, never at start. */
let __ice_j_joining_list: Array<usize> | null = null;
function __ice_j_joining(): Array<usize> {
  let list = __ice_j_joining_list;
  if (list === null) { list = new Array<usize>(); __ice_j_joining_list = list; }
  return list;
}
/** ToString (String(v), templates, +). */
export function __ice_j_tostr(v: __ice_J): string {
  switch (v.k) {
    case 0: return "undefined";
    case 1: return "null";
    case 2: return v.b ? "true" : "false";
    case 3: return __ice_num_str(v.n);
    case 4: return v.s;
    case 5: {
      // Array.prototype.join: undefined and null as "", a cycle as "" (as V8).
      const id = __ice_j_id(v);
      const joining = __ice_j_joining();
      for (let i = 0; i < joining.length; i++) if (joining[i] == id) return "";
      joining.push(id);
      const a = v.a!;
      const parts = new Array<string>(a.length);
      for (let i = 0; i < a.length; i++) { const e = unchecked(a[i]); unchecked(parts[i] = e.k <= 1 ? "" : __ice_j_tostr(e)); }
      joining.pop();
      return parts.join(",");
    }
    default: return "[object Object]";
  }
}
/** ToNumber. */
export function __ice_j_tonum(v: __ice_J): f64 {
  switch (v.k) {
    case 0: return NaN;
    case 1: return 0;
    case 2: return v.b ? 1 : 0;
    case 3: return v.n;
    case 4: return __ice_str_num(v.s, 0, NaN);
    default: return __ice_str_num(__ice_j_tostr(v), 0, NaN);
  }
}
/** a + b: text when either primitive is a string, else numbers. */
export function __ice_j_add(a: __ice_J, b: __ice_J): __ice_J {
  const pa = a.k >= 5 ? __ice_jv_str(__ice_j_tostr(a)) : a;
  const pb = b.k >= 5 ? __ice_jv_str(__ice_j_tostr(b)) : b;
  if (pa.k == 4 || pb.k == 4) return __ice_jv_str(__ice_j_tostr(pa) + __ice_j_tostr(pb));
  return __ice_jv_num(__ice_j_tonum(pa) + __ice_j_tonum(pb));
}
/** Abstract relational comparison: -1, 0, 1, or 2 when unordered (NaN). */
export function __ice_j_cmp(a: __ice_J, b: __ice_J): i32 {
  const pa = a.k >= 5 ? __ice_jv_str(__ice_j_tostr(a)) : a;
  const pb = b.k >= 5 ? __ice_jv_str(__ice_j_tostr(b)) : b;
  if (pa.k == 4 && pb.k == 4) { const c = __ice_strcmp(pa.s, pb.s); return c < 0 ? -1 : c > 0 ? 1 : 0; }
  const x = __ice_j_tonum(pa);
  const y = __ice_j_tonum(pb);
  if (x != x || y != y) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function __ice_j_lt(a: __ice_J, b: __ice_J): bool { return __ice_j_cmp(a, b) == -1; }
export function __ice_j_gt(a: __ice_J, b: __ice_J): bool { return __ice_j_cmp(a, b) == 1; }
export function __ice_j_le(a: __ice_J, b: __ice_J): bool { const c = __ice_j_cmp(a, b); return c == -1 || c == 0; }
export function __ice_j_ge(a: __ice_J, b: __ice_J): bool { const c = __ice_j_cmp(a, b); return c == 1 || c == 0; }

/** A JSON value read where TypeScript's type promises a primitive or an array. */
function __ice_j_expected(v: __ice_J, what: string): void {
  abort("a value of type 'any' is " + __ice_j_what(v) + " where the code expects " + what);
}
export function __ice_j_to_num(v: __ice_J): f64 { if (v.k != 3) __ice_j_expected(v, "a number"); return v.n; }
export function __ice_j_to_str(v: __ice_J): string { if (v.k != 4) __ice_j_expected(v, "a string"); return v.s; }
export function __ice_j_to_bool(v: __ice_J): bool { if (v.k != 2) __ice_j_expected(v, "a boolean"); return v.b; }
export function __ice_j_to_arr(v: __ice_J): Array<__ice_J> { if (v.k != 5) __ice_j_expected(v, "an array"); return v.a!; }

// ---- arrays of JSON values (any[]) -------------------------------------------------------
export function __ice_j_index_of(a: Array<__ice_J>, v: __ice_J, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == Infinity) return -1;
  for (let k = __ice_rel(from, len); k < len; k++) if (__ice_j_seq(unchecked(a[k]), v)) return <f64>k;
  return -1;
}
export function __ice_j_last_index_of(a: Array<__ice_J>, v: __ice_J, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == -Infinity) return -1;
  let k = __ice_idx(from);
  k = k < 0 ? len + k : min(k, len - 1);
  for (; k >= 0; k--) if (__ice_j_seq(unchecked(a[k]), v)) return <f64>k;
  return -1;
}
export function __ice_j_includes(a: Array<__ice_J>, v: __ice_J, from: f64): bool {
  const len = a.length;
  if (len == 0 || from == Infinity) return false;
  for (let k = __ice_rel(from, len); k < len; k++) if (__ice_j_same_zero(unchecked(a[k]), v)) return true;
  return false;
}
export function __ice_j_join(a: Array<__ice_J>, sep: string): string {
  const id = changetype<usize>(a);
  const joining = __ice_j_joining();
  for (let i = 0; i < joining.length; i++) if (joining[i] == id) return "";
  joining.push(id);
  const parts = new Array<string>(a.length);
  for (let i = 0; i < a.length; i++) { const e = unchecked(a[i]); unchecked(parts[i] = e.k <= 1 ? "" : __ice_j_tostr(e)); }
  joining.pop();
  return parts.join(sep);
}
/** v.toString() */
export function __ice_j_to_string(v: __ice_J): string {
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot read properties of " + __ice_j_what(v) + " (reading 'toString')");
  return __ice_j_tostr(v);
}
export function __ice_j_is_str(v: __ice_J): bool { return v.k == 4; }

// ---- JSON.parse ---------------------------------------------------------------------------
class __ice_JP {
  i: i32 = 0;
  depth: i32 = 0;
  constructor(public s: string) {}
}
function __ice_jp_fail(p: __ice_JP): void {
  if (p.i >= p.s.length) __ice_j_throw("SyntaxError", "Unexpected end of JSON input");
  __ice_j_throw("SyntaxError", "Unexpected token in JSON at position " + p.i.toString());
}
function __ice_jp_ws(p: __ice_JP): void {
  const s = p.s;
  const n = s.length;
  let i = p.i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c != 32 && c != 9 && c != 10 && c != 13) break;
    i++;
  }
  p.i = i;
}
function __ice_hex(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
function __ice_jp_string(p: __ice_JP): string {
  const s = p.s;
  const n = s.length;
  let i = p.i + 1;
  let start = i;
  let parts = new Array<string>(0);
  let escaped = false;
  while (true) {
    if (i >= n) { p.i = i; __ice_jp_fail(p); }
    const c = s.charCodeAt(i);
    if (c == 34) break;
    if (c < 32) { p.i = i; __ice_jp_fail(p); }
    if (c != 92) { i++; continue; }
    escaped = true;
    parts.push(s.substring(start, i));
    if (i + 1 >= n) { p.i = i + 1; __ice_jp_fail(p); }
    const e = s.charCodeAt(i + 1);
    let unit: i32 = -1;
    if (e == 34) unit = 34;
    else if (e == 92) unit = 92;
    else if (e == 47) unit = 47;
    else if (e == 98) unit = 8;
    else if (e == 102) unit = 12;
    else if (e == 110) unit = 10;
    else if (e == 114) unit = 13;
    else if (e == 116) unit = 9;
    else if (e == 117) {
      unit = 0;
      for (let j = 0; j < 4; j++) {
        const h = i + 2 + j < n ? __ice_hex(s.charCodeAt(i + 2 + j)) : -1;
        if (h < 0) { p.i = i + 2 + j; __ice_jp_fail(p); }
        unit = (unit << 4) | h;
      }
      i += 4;
    } else { p.i = i + 1; __ice_jp_fail(p); }
    parts.push(String.fromCharCode(unit));
    i += 2;
    start = i;
  }
  p.i = i + 1;
  if (!escaped) return s.substring(start, i);
  parts.push(s.substring(start, i));
  return parts.join("");
}
function __ice_jp_digits(p: __ice_JP): i32 {
  const s = p.s;
  let i = p.i;
  while (i < s.length) { const c = s.charCodeAt(i); if (c < 48 || c > 57) break; i++; }
  const count = i - p.i;
  p.i = i;
  return count;
}
function __ice_jp_number(p: __ice_JP): f64 {
  const s = p.s;
  const start = p.i;
  let negative = false;
  if (s.charCodeAt(p.i) == 45) { negative = true; p.i++; }
  if (p.i >= s.length) __ice_jp_fail(p);
  const first = s.charCodeAt(p.i);
  if (first == 48) p.i++;
  else if (first >= 49 && first <= 57) __ice_jp_digits(p);
  else __ice_jp_fail(p);
  let simple = p.i - start - (negative ? 1 : 0) <= 15;
  if (p.i < s.length && s.charCodeAt(p.i) == 46) {
    p.i++;
    if (__ice_jp_digits(p) == 0) __ice_jp_fail(p);
    simple = false;
  }
  if (p.i < s.length && (s.charCodeAt(p.i) | 32) == 101) {
    p.i++;
    if (p.i < s.length && (s.charCodeAt(p.i) == 43 || s.charCodeAt(p.i) == 45)) p.i++;
    if (__ice_jp_digits(p) == 0) __ice_jp_fail(p);
    simple = false;
  }
  if (simple) {
    let v: f64 = 0;
    for (let i = start + (negative ? 1 : 0); i < p.i; i++) v = v * 10 + <f64>(s.charCodeAt(i) - 48);
    return negative ? -v : v;
  }
  return __ice_str_num(s.substring(start, p.i), 0, NaN);
}
function __ice_jp_literal(p: __ice_JP, word: string): void {
  for (let j = 0; j < word.length; j++) {
    if (p.i >= p.s.length || p.s.charCodeAt(p.i) != word.charCodeAt(j)) __ice_jp_fail(p);
    p.i++;
  }
}
function __ice_jp_value(p: __ice_JP): __ice_J {
  __ice_jp_ws(p);
  if (p.i >= p.s.length) __ice_jp_fail(p);
  const c = p.s.charCodeAt(p.i);
  if (c == 34) return __ice_jv_str(__ice_jp_string(p));
  if (c == 123 || c == 91) {
    if (++p.depth > 5000) abort("JSON.parse: the text nests deeper than 5000 levels");
    const v = c == 123 ? __ice_jp_object(p) : __ice_jp_array(p);
    p.depth--;
    return v;
  }
  if (c == 116) { __ice_jp_literal(p, "true"); return __ice_jv_bool(true); }
  if (c == 102) { __ice_jp_literal(p, "false"); return __ice_jv_bool(false); }
  if (c == 110) { __ice_jp_literal(p, "null"); return __ice_j_null(); }
  if (c == 45 || (c >= 48 && c <= 57)) return __ice_jv_num(__ice_jp_number(p));
  __ice_jp_fail(p);
  return __ice_j_undef();
}
function __ice_jp_array(p: __ice_JP): __ice_J {
  p.i++;
  const out = new Array<__ice_J>();
  __ice_jp_ws(p);
  if (p.i < p.s.length && p.s.charCodeAt(p.i) == 93) { p.i++; return __ice_jv_arr(out); }
  while (true) {
    out.push(__ice_jp_value(p));
    __ice_jp_ws(p);
    if (p.i >= p.s.length) __ice_jp_fail(p);
    const c = p.s.charCodeAt(p.i);
    p.i++;
    if (c == 93) break;
    if (c != 44) { p.i--; __ice_jp_fail(p); }
  }
  return __ice_jv_arr(out);
}
function __ice_jp_object(p: __ice_JP): __ice_J {
  p.i++;
  const out = __ice_j_newobj();
  __ice_jp_ws(p);
  if (p.i < p.s.length && p.s.charCodeAt(p.i) == 125) { p.i++; return out; }
  while (true) {
    __ice_jp_ws(p);
    if (p.i >= p.s.length || p.s.charCodeAt(p.i) != 34) __ice_jp_fail(p);
    const key = __ice_jp_string(p);
    __ice_jp_ws(p);
    if (p.i >= p.s.length || p.s.charCodeAt(p.i) != 58) __ice_jp_fail(p);
    p.i++;
    __ice_j_put(out, key, __ice_jp_value(p));
    __ice_jp_ws(p);
    if (p.i >= p.s.length) __ice_jp_fail(p);
    const c = p.s.charCodeAt(p.i);
    p.i++;
    if (c == 125) break;
    if (c != 44) { p.i--; __ice_jp_fail(p); }
  }
  return out;
}
export function __ice_j_parse(text: string): __ice_J {
  const p = new __ice_JP(text);
  const v = __ice_jp_value(p);
  __ice_jp_ws(p);
  if (p.i < text.length) __ice_jp_fail(p);
  return v;
}

// ---- JSON.stringify -----------------------------------------------------------------------
const __ice_hexdigits = "0123456789abcdef";
function __ice_js_u(out: Array<string>, c: i32): void {
  out.push("\\\\u" + __ice_hexdigits.charAt((c >> 12) & 15) + __ice_hexdigits.charAt((c >> 8) & 15) + __ice_hexdigits.charAt((c >> 4) & 15) + __ice_hexdigits.charAt(c & 15));
}
/** QuoteJSONString. */
export function __ice_js_quote(out: Array<string>, s: string): void {
  out.push("\\"");
  const n = s.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c != 34 && c != 92 && (c < 0xd800 || c > 0xdfff)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
    }
    if (i > start) out.push(s.substring(start, i));
    start = i + 1;
    if (c == 34) out.push("\\\\\\"");
    else if (c == 92) out.push("\\\\\\\\");
    else if (c == 8) out.push("\\\\b");
    else if (c == 12) out.push("\\\\f");
    else if (c == 10) out.push("\\\\n");
    else if (c == 13) out.push("\\\\r");
    else if (c == 9) out.push("\\\\t");
    else __ice_js_u(out, c);
  }
  if (n > start) out.push(start == 0 ? s : s.substring(start, n));
  out.push("\\"");
}
function __ice_js_value(out: Array<string>, v: __ice_J, gap: string, indent: string, stack: Array<usize>): void {
  switch (v.k) {
    case 1: out.push("null"); return;
    case 2: out.push(v.b ? "true" : "false"); return;
    case 3: out.push(isFinite(v.n) ? __ice_num_str(v.n) : "null"); return;
    case 4: __ice_js_quote(out, v.s); return;
    default: break;
  }
  const id = __ice_j_id(v);
  for (let i = 0; i < stack.length; i++)
    if (stack[i] == id) __ice_j_throw("TypeError", "Converting circular structure to JSON");
  stack.push(id);
  const inner = indent + gap;
  if (v.k == 5) {
    const a = v.a!;
    if (a.length == 0) out.push("[]");
    else {
      out.push(gap.length > 0 ? "[\\n" + inner : "[");
      for (let i = 0; i < a.length; i++) {
        if (i > 0) out.push(gap.length > 0 ? ",\\n" + inner : ",");
        const e = unchecked(a[i]);
        if (e.k == 0) out.push("null"); else __ice_js_value(out, e, gap, inner, stack);
      }
      out.push(gap.length > 0 ? "\\n" + indent + "]" : "]");
    }
  } else {
    const keys = v.keys!;
    const vals = v.vals!;
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = unchecked(keys[i]);
      const e = vals.get(key);
      if (e.k == 0) continue;
      out.push(first ? (gap.length > 0 ? "{\\n" + inner : "{") : (gap.length > 0 ? ",\\n" + inner : ","));
      first = false;
      __ice_js_quote(out, key);
      out.push(gap.length > 0 ? ": " : ":");
      __ice_js_value(out, e, gap, inner, stack);
    }
    out.push(first ? "{}" : (gap.length > 0 ? "\\n" + indent + "}" : "}"));
  }
  stack.pop();
}
/** JSON.stringify(v, null, gap); undefined has no text (JavaScript returns undefined). */
export function __ice_j_stringify(v: __ice_J, gap: string): string {
  if (v.k == 0) abort("JSON.stringify(undefined) gives undefined, which a string cannot hold; check the value first");
  const out = new Array<string>();
  __ice_js_value(out, v, gap, "", new Array<usize>());
  return out.join("");
}
/** The indentation of a number \`space\`: up to 10 spaces. */
export function __ice_js_gap_num(n: f64): string {
  const k = min(10, __ice_idx(n));
  return k < 1 ? "" : " ".repeat(k);
}
export function __ice_js_gap_str(s: string): string { return s.length <= 10 ? s : s.substring(0, 10); }
export function __ice_js_gap(v: __ice_J): string {
  if (v.k == 3) return __ice_js_gap_num(v.n);
  if (v.k == 4) return __ice_js_gap_str(v.s);
  return "";
}

// ---- the wire codec of \`any\` (runtime/sandbox/codec.ts) ------------------------------------
export function __ice_rd_json(): __ice_J {
  switch (__ice_rd_u8()) {
    case 0: return __ice_j_undef();
    case 1: return __ice_j_null();
    case 2: return __ice_jv_bool(false);
    case 3: return __ice_jv_bool(true);
    case 4: return __ice_jv_num(__ice_rd_f64());
    case 5: return __ice_jv_str(__ice_rd_str());
    case 6: {
      const n = __ice_rd_i32();
      const a = new Array<__ice_J>();
      for (let i = 0; i < n; i++) a.push(__ice_rd_json());
      return __ice_jv_arr(a);
    }
    default: {
      const n = __ice_rd_i32();
      const o = __ice_j_newobj();
      for (let i = 0; i < n; i++) { const key = __ice_rd_str(); __ice_j_put(o, key, __ice_rd_json()); }
      return o;
    }
  }
}
export function __ice_wr_json(v: __ice_J): void {
  switch (v.k) {
    case 0: __ice_wr_u8(0); return;
    case 1: __ice_wr_u8(1); return;
    case 2: __ice_wr_u8(v.b ? 3 : 2); return;
    case 3: __ice_wr_u8(4); __ice_wr_f64(v.n); return;
    case 4: __ice_wr_u8(5); __ice_wr_str(v.s); return;
    case 5: {
      const a = v.a!;
      __ice_wr_u8(6);
      __ice_wr_i32(a.length);
      for (let i = 0; i < a.length; i++) __ice_wr_json(unchecked(a[i]));
      return;
    }
    default: {
      const keys = v.keys!;
      const vals = v.vals!;
      let count = 0;
      for (let i = 0; i < keys.length; i++) if (vals.get(unchecked(keys[i])).k != 0) count++;
      __ice_wr_u8(7);
      __ice_wr_i32(count);
      for (let i = 0; i < keys.length; i++) {
        const e = vals.get(unchecked(keys[i]));
        if (e.k == 0) continue;
        __ice_wr_str(unchecked(keys[i]));
        __ice_wr_json(e);
      }
    }
  }
}
`;
