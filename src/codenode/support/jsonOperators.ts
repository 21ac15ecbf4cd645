/**
 * @fileoverview The support library's operators on JSON values (`__ice_J`, json.ts): JavaScript's
 * truthiness, `===`, SameValueZero, `==`, ToString, ToNumber, `+`, relational comparison, the
 * checked reads of a JSON value as a primitive or an array, and the `any[]` methods that compare or
 * print elements (`indexOf`, `includes`, `join`, `toString`).
 */

/** AssemblyScript source: operators and conversions of JSON values. */
export const JSON_OPERATORS_SUPPORT = `
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
/** SameValue (Object.is): NaN is itself, -0 is not 0. */
export function __ice_j_same_value(a: __ice_J, b: __ice_J): bool {
  if (a.k == 3 && b.k == 3) return __ice_same_value(a.n, b.n);
  return __ice_j_seq(a, b);
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
      return __ice_join_strs(parts, ",");
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
/**
 * Direct numbers (print/jsonNumeric.ts): each is the boxed operation's result without the boxes.
 * \`v.length\` read as a number (ToNumber, or the checked read of a \`number\`).
 */
export function __ice_j_len_tonum(v: __ice_J): f64 {
  if (v.k == 5) return <f64>v.a!.length;
  if (v.k == 4) return <f64>v.s.length;
  return __ice_j_tonum(__ice_j_get(v, "length"));
}
export function __ice_j_len_to_num(v: __ice_J): f64 {
  if (v.k == 5) return <f64>v.a!.length;
  if (v.k == 4) return <f64>v.s.length;
  return __ice_j_to_num(__ice_j_get(v, "length"));
}
/** x + b (x a number) read as a number. */
export function __ice_j_add_nj_tonum(x: f64, b: __ice_J): f64 {
  if (b.k == 3) return x + b.n;
  return __ice_j_tonum(__ice_j_add(__ice_jv_num(x), b));
}
export function __ice_j_add_nj_to_num(x: f64, b: __ice_J): f64 {
  if (b.k == 3) return x + b.n;
  return __ice_j_to_num(__ice_j_add(__ice_jv_num(x), b));
}
/** a + y (y a number) read as a number. */
export function __ice_j_add_jn_tonum(a: __ice_J, y: f64): f64 {
  if (a.k == 3) return a.n + y;
  return __ice_j_tonum(__ice_j_add(a, __ice_jv_num(y)));
}
export function __ice_j_add_jn_to_num(a: __ice_J, y: f64): f64 {
  if (a.k == 3) return a.n + y;
  return __ice_j_to_num(__ice_j_add(a, __ice_jv_num(y)));
}
/** a < y and the others for a JSON value a and a number y: ToNumber(a) once both are evaluated. */
export function __ice_j_lt_jn(a: __ice_J, y: f64): bool { return __ice_j_tonum(a) < y; }
export function __ice_j_gt_jn(a: __ice_J, y: f64): bool { return __ice_j_tonum(a) > y; }
export function __ice_j_le_jn(a: __ice_J, y: f64): bool { return __ice_j_tonum(a) <= y; }
export function __ice_j_ge_jn(a: __ice_J, y: f64): bool { return __ice_j_tonum(a) >= y; }
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
export function __ice_j_to_obj(v: __ice_J): void { if (v.k != 6) __ice_j_expected(v, "an object"); }
/** A parsed boolean, number, string or array read only by fields that none of them has: an empty object's reads. */
export function __ice_j_fields_of(v: __ice_J): __ice_J { return v.k >= 2 && v.k <= 5 ? __ice_j_newobj() : v; }

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
  return __ice_join_strs(parts, sep);
}
/** v.toString() */
export function __ice_j_to_string(v: __ice_J): string {
  if (v.k <= 1) __ice_j_throw("TypeError", "Cannot read properties of " + __ice_j_what(v) + " (reading 'toString')");
  return __ice_j_tostr(v);
}
export function __ice_j_is_str(v: __ice_J): bool { return v.k == 4; }`;
