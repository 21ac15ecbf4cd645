/**
 * @fileoverview The AssemblyScript half of code-node semantics: library functions the printer
 * (src/codenode/print/) calls wherever AssemblyScript's own standard library differs from
 * JavaScript (index conversions, `charCodeAt` out of range, `indexOf("")`, `trim`'s whitespace,
 * `replace` patterns, `sort`'s order and stability, `join` and `String(x)` of numbers, ...).
 * Compiled in as the library file `~lib/__ice_js.ts`; dead code is removed by asc. Numbers are
 * f64 everywhere; number <-> string and the transcendental Math functions go through the pure
 * host intrinsics of runtime/sandbox/intrinsics.ts (JavaScript's own functions, so exact).
 * Reading past the end of an array or string traps with a message (JavaScript would produce
 * `undefined`, which the types of a code node cannot hold).
 */
import { SUPPORT_PARTS } from "./support/parts.js";
import { MATH_OPS, NUM_MODE, NUM_TEXT_LIMIT, STR_MODE } from "../../runtime/sandbox/intrinsics.js";

/** The library file's name inside the asc `--lib` directory. */
export const RUNTIME_LIB_FILE = "__ice_js.ts";

/** Index of a Math operation in the `ice.math` intrinsic. */
export function mathOp(name: string): number | undefined {
  const index = (MATH_OPS as readonly string[]).indexOf(name);
  return index < 0 ? undefined : index;
}

export { NUM_MODE, STR_MODE };

const BASE_SOURCE = `// iceosc code-node runtime: JavaScript semantics (src/codenode/runtimeLib.ts)
import { isCased, isCaseIgnorable } from "~lib/util/string";
@external("ice", "num_to_str") declare function __ice_num_to_str_raw(x: f64, mode: i32, arg: i32, out: usize): i32;
@external("ice", "str_to_num") declare function __ice_str_to_num_raw(ptr: usize, length: i32, mode: i32, radix: f64): f64;
@external("ice", "math") export declare function __ice_math(op: i32, x: f64, y: f64): f64;

const __ice_scratch: usize = memory.data(${NUM_TEXT_LIMIT * 2});

/** An optional number or boolean (\`number | undefined\`): null is undefined. */
export class __ice_Box<T> {
  constructor(public v: T) {}
}

export function __ice_trap(message: string): void { abort(message); }
/** \`undefined\` of an optional type, or the placeholder of a reference not assigned yet. */
export function __ice_none<T>(): T { return changetype<T>(0); }

/** ToIntegerOrInfinity, saturated to i32 (every index and count a string or array can use fits). */
export function __ice_idx(x: f64): i32 {
  if (x != x) return 0;
  if (x >= 2147483647.0) return i32.MAX_VALUE;
  if (x <= -2147483648.0) return i32.MIN_VALUE;
  return <i32>x;
}
/** ToInt32. */
export function __ice_i32(x: f64): i32 {
  if (x > -2147483649.0 && x < 2147483648.0) return <i32>x;
  if (x > -9.2e18 && x < 9.2e18) return <i32><i64>x;
  if (!isFinite(x)) return 0;
  return <i32><i64>(x % 4294967296.0);
}
/** ToUint32, as a number. */
export function __ice_u32(x: f64): f64 { return <f64><u32>__ice_i32(x); }

export function __ice_num_str(x: f64): string {
  if (x == Math.trunc(x) && Math.abs(x) < 1e15) return (<i64>x).toString();
  return __ice_num_fmt(x, ${NUM_MODE.string}, 0);
}
export function __ice_num_fmt(x: f64, mode: i32, arg: f64): string {
  const n = __ice_num_to_str_raw(x, mode, __ice_idx(arg), __ice_scratch);
  return String.UTF16.decodeUnsafe(__ice_scratch, (<usize>n) << 1);
}
export function __ice_str_num(s: string, mode: i32, radix: f64): f64 {
  return __ice_str_to_num_raw(changetype<usize>(s), s.length, mode, radix);
}
export function __ice_round(x: f64): f64 { return __ice_math(${MATH_OPS.indexOf("round")}, x, 0); }
export function __ice_pow(x: f64, y: f64): f64 { return __ice_math(${MATH_OPS.indexOf("pow")}, x, y); }
export function __ice_sign(x: f64): f64 { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }

/** JavaScript's truthiness. */
export function __ice_truthy<T>(v: T): bool {
  if (isBoolean<T>()) return <bool>v;
  if (isFloat<T>()) { const f = <f64>v; return f == f && f != 0; }
  if (isInteger<T>()) return <i64>v != 0;
  if (isString<T>()) {
    if (isNullable<T>()) { if (changetype<usize>(v) == 0) return false; }
    return changetype<string>(v).length > 0;
  }
  if (isNullable<T>()) return changetype<usize>(v) != 0;
  return true;
}

/** String(v) for a string, number or boolean. */
export function __ice_str<T>(v: T): string {
  if (isString<T>()) return changetype<string>(v);
  if (isBoolean<T>()) return v ? "true" : "false";
  if (isFloat<T>()) return __ice_num_str(<f64>v);
  ERROR("only strings, numbers and booleans convert to text");
  return "";
}

// ---- arrays -------------------------------------------------------------------------------
export function __ice_at<T>(a: Array<T>, i: f64): T {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < a.length)) abort("array index " + __ice_num_str(i) + " is out of range (length " + a.length.toString() + ")");
  return unchecked(a[k]);
}
export function __ice_set<T>(a: Array<T>, i: f64, v: T): T {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k <= a.length)) abort("array index " + __ice_num_str(i) + " is out of range for a write (length " + a.length.toString() + ")");
  if (k == a.length) a.push(v); else unchecked(a[k] = v);
  return v;
}
export function __ice_set_length<T>(a: Array<T>, n: f64): f64 {
  const k = <i32>n;
  if (!(n >= 0 && <f64>k == n && k <= a.length)) abort("an array can only be shortened");
  a.length = k;
  return n;
}
function __ice_rel(i: f64, len: i32): i32 {
  const k = __ice_idx(i);
  if (k < 0) return max(len + k, 0);
  return min(k, len);
}
export function __ice_a_at<T>(a: Array<T>, i: f64): T | null {
  let k = __ice_idx(i);
  if (k < 0) k += a.length;
  if (k < 0 || k >= a.length) return null;
  return unchecked(a[k]);
}
export function __ice_a_at_box<T>(a: Array<T>, i: f64): __ice_Box<T> | null {
  let k = __ice_idx(i);
  if (k < 0) k += a.length;
  if (k < 0 || k >= a.length) return null;
  return new __ice_Box<T>(unchecked(a[k]));
}
export function __ice_pop<T>(a: Array<T>): T | null { return a.length == 0 ? null : a.pop(); }
export function __ice_pop_box<T>(a: Array<T>): __ice_Box<T> | null { return a.length == 0 ? null : new __ice_Box<T>(a.pop()); }
export function __ice_shift<T>(a: Array<T>): T | null { return a.length == 0 ? null : a.shift(); }
export function __ice_shift_box<T>(a: Array<T>): __ice_Box<T> | null { return a.length == 0 ? null : new __ice_Box<T>(a.shift()); }
function __ice_same<T>(a: T, b: T): bool {
  if (isFloat<T>()) return <f64>a == <f64>b || (<f64>a != <f64>a && <f64>b != <f64>b);
  return a == b;
}
export function __ice_index_of<T>(a: Array<T>, v: T, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == Infinity) return -1;
  for (let k = __ice_rel(from, len); k < len; k++) if (unchecked(a[k]) == v) return <f64>k;
  return -1;
}
export function __ice_last_index_of<T>(a: Array<T>, v: T, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == -Infinity) return -1;
  let k = __ice_idx(from);
  k = k < 0 ? len + k : min(k, len - 1);
  for (; k >= 0; k--) if (unchecked(a[k]) == v) return <f64>k;
  return -1;
}
export function __ice_includes<T>(a: Array<T>, v: T, from: f64): bool {
  const len = a.length;
  if (len == 0 || from == Infinity) return false;
  for (let k = __ice_rel(from, len); k < len; k++) if (__ice_same<T>(unchecked(a[k]), v)) return true;
  return false;
}
export function __ice_slice<T>(a: Array<T>, start: f64, end: f64): Array<T> {
  const len = a.length;
  const from = __ice_rel(start, len);
  const to = end != end ? 0 : __ice_rel(end, len);
  const r = new Array<T>();
  for (let k = from; k < to; k++) r.push(unchecked(a[k]));
  return r;
}
export function __ice_fill<T>(a: Array<T>, v: T, start: f64, end: f64): Array<T> {
  const len = a.length;
  const to = end != end ? 0 : __ice_rel(end, len);
  for (let k = __ice_rel(start, len); k < to; k++) unchecked(a[k] = v);
  return a;
}
export function __ice_join<T>(a: Array<T>, sep: string): string {
  let s = "";
  for (let k = 0; k < a.length; k++) {
    if (k > 0) s += sep;
    s += __ice_str<T>(unchecked(a[k]));
  }
  return s;
}
function __ice_check_len<T>(a: Array<T>, k: i32, what: string): void {
  if (k >= a.length) abort("the array was shortened during " + what);
}
export function __ice_map<T, U, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => U, e: E): Array<U> {
  const len = a.length;
  const r = new Array<U>();
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "map"); r.push(f(e, unchecked(a[k]), <f64>k, a)); }
  return r;
}
export function __ice_filter<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): Array<T> {
  const len = a.length;
  const r = new Array<T>();
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "filter"); const x = unchecked(a[k]); if (f(e, x, <f64>k, a)) r.push(x); }
  return r;
}
export function __ice_for_each<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => void, e: E): void {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "forEach"); f(e, unchecked(a[k]), <f64>k, a); }
}
export function __ice_some<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): bool {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "some"); if (f(e, unchecked(a[k]), <f64>k, a)) return true; }
  return false;
}
export function __ice_every<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): bool {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "every"); if (!f(e, unchecked(a[k]), <f64>k, a)) return false; }
  return true;
}
export function __ice_find_index<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): f64 {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "findIndex"); if (f(e, unchecked(a[k]), <f64>k, a)) return <f64>k; }
  return -1;
}
export function __ice_find_last_index<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): f64 {
  for (let k = a.length - 1; k >= 0; k--) { __ice_check_len<T>(a, k, "findLastIndex"); if (f(e, unchecked(a[k]), <f64>k, a)) return <f64>k; }
  return -1;
}
export function __ice_reduce<T, U, E>(a: Array<T>, f: (e: E, acc: U, x: T, i: f64, a: Array<T>) => U, e: E, init: U): U {
  const len = a.length;
  let acc = init;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "reduce"); acc = f(e, acc, unchecked(a[k]), <f64>k, a); }
  return acc;
}
export function __ice_reduce1<T, E>(a: Array<T>, f: (e: E, acc: T, x: T, i: f64, a: Array<T>) => T, e: E): T {
  const len = a.length;
  if (len == 0) abort("TypeError: Reduce of empty array with no initial value");
  let acc = unchecked(a[0]);
  for (let k = 1; k < len; k++) { __ice_check_len<T>(a, k, "reduce"); acc = f(e, acc, unchecked(a[k]), <f64>k, a); }
  return acc;
}
/** Compares strings by UTF-16 code units, as JavaScript's < does. */
export function __ice_strcmp(a: string, b: string): i32 {
  const n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.length == b.length ? 0 : a.length < b.length ? -1 : 1;
}
/** A stable merge sort (what V8's TimSort gives for any consistent comparator). */
export function __ice_sort<T, E>(a: Array<T>, f: (e: E, x: T, y: T) => f64, e: E): Array<T> {
  const n = a.length;
  let src = a.slice(0);
  let dst = a.slice(0);
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n);
      const hi = min(lo + (width << 1), n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (f(e, unchecked(src[j]), unchecked(src[i])) < 0) unchecked(dst[k++] = src[j++]);
        else unchecked(dst[k++] = src[i++]);
      }
      while (i < mid) unchecked(dst[k++] = src[i++]);
      while (j < hi) unchecked(dst[k++] = src[j++]);
    }
    const t = src; src = dst; dst = t;
  }
  for (let k = 0; k < n; k++) unchecked(a[k] = src[k]);
  return a;
}
/** sort() without a comparator: stable, by String(x) in code unit order. */
export function __ice_sort_default<T>(a: Array<T>): Array<T> {
  const n = a.length;
  const order = new Array<i32>();
  const keys = new Array<string>();
  for (let k = 0; k < n; k++) { order.push(k); keys.push(__ice_str<T>(unchecked(a[k]))); }
  let src = order;
  let dst = order.slice(0);
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n);
      const hi = min(lo + (width << 1), n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (__ice_strcmp(unchecked(keys[unchecked(src[j])]), unchecked(keys[unchecked(src[i])])) < 0) unchecked(dst[k++] = src[j++]);
        else unchecked(dst[k++] = src[i++]);
      }
      while (i < mid) unchecked(dst[k++] = src[i++]);
      while (j < hi) unchecked(dst[k++] = src[j++]);
    }
    const t = src; src = dst; dst = t;
  }
  const copy = a.slice(0);
  for (let k = 0; k < n; k++) unchecked(a[k] = copy[unchecked(src[k])]);
  return a;
}

export function __ice_splice<T>(a: Array<T>, start: f64, count: f64, items: Array<T>): Array<T> {
  const len = a.length;
  const from = __ice_rel(start, len);
  const n = count != count ? 0 : min(max(__ice_idx(count), 0), len - from);
  const removed = new Array<T>();
  for (let k = 0; k < n; k++) removed.push(unchecked(a[from + k]));
  const tail = new Array<T>();
  for (let k = from + n; k < len; k++) tail.push(unchecked(a[k]));
  a.length = from;
  for (let k = 0; k < items.length; k++) a.push(unchecked(items[k]));
  for (let k = 0; k < tail.length; k++) a.push(unchecked(tail[k]));
  return removed;
}
export function __ice_filled<T>(n: f64, v: T): Array<T> {
  const k = <i32>n;
  if (!(n >= 0 && <f64>k == n && n <= 268435456.0)) abort("RangeError: Invalid array length");
  const a = new Array<T>();
  for (let i = 0; i < k; i++) a.push(v);
  return a;
}
export function __ice_max_of(a: Array<f64>, min: bool): f64 {
  let r = min ? Infinity : -Infinity;
  for (let k = 0; k < a.length; k++) r = min ? Math.min(r, unchecked(a[k])) : Math.max(r, unchecked(a[k]));
  return r;
}
export function __ice_set_of<T>(a: Array<T>): Set<T> {
  const s = new Set<T>();
  for (let k = 0; k < a.length; k++) s.add(__ice_key<T>(unchecked(a[k])));
  return s;
}

// ---- strings ----
function __ice_cp_before(s: string, i: i32): i32 {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}
function __ice_cp_at(s: string, i: i32): i32 {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}
/** Unicode's Final_Sigma condition for the Σ at i (no lookahead limit, as JavaScript). */
function __ice_final_sigma(s: string, i: i32): bool {
  let pos = i;
  let before = false;
  while (pos > 0) {
    const c = __ice_cp_before(s, pos);
    pos -= c >= 0x10000 ? 2 : 1;
    if (isCaseIgnorable(<u32>c)) continue;
    before = isCased(<u32>c);
    break;
  }
  if (!before) return false;
  pos = i + 1;
  while (pos < s.length) {
    const c = __ice_cp_at(s, pos);
    pos += c >= 0x10000 ? 2 : 1;
    if (isCaseIgnorable(<u32>c)) continue;
    return !isCased(<u32>c);
  }
  return true;
}
/** toLowerCase with JavaScript's Final_Sigma rule (AssemblyScript's stops at the wrong place). */
export function __ice_lower(s: string): string {
  if (s.indexOf("\u03a3") < 0) return s.toLowerCase();
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) != 0x03a3) continue;
    out += s.substring(from, i).toLowerCase();
    out += __ice_final_sigma(s, i) ? "\u03c2" : "\u03c3";
    from = i + 1;
  }
  return out + s.substring(from).toLowerCase();
}
// --------------------------------------------------------------------------
export function __ice_char(s: string, i: f64): string {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < s.length)) abort("string index " + __ice_num_str(i) + " is out of range (length " + s.length.toString() + ")");
  return s.charAt(k);
}
export function __ice_char_code(s: string, i: f64): f64 {
  const k = __ice_idx(i);
  return k < 0 || k >= s.length ? NaN : <f64>s.charCodeAt(k);
}
export function __ice_code_point(s: string, i: f64): __ice_Box<f64> | null {
  const k = __ice_idx(i);
  return k < 0 || k >= s.length ? null : new __ice_Box<f64>(<f64>s.codePointAt(k));
}
export function __ice_s_at(s: string, i: f64): string | null {
  let k = __ice_idx(i);
  if (k < 0) k += s.length;
  return k < 0 || k >= s.length ? null : s.charAt(k);
}
/** Length (1 or 2) of the code point at i, for for...of over a string. */
export function __ice_cp_len(s: string, i: i32): i32 {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
function __ice_clamp(i: f64, len: i32): i32 { return min(max(__ice_idx(i), 0), len); }
export function __ice_s_index_of(s: string, search: string, from: f64): f64 {
  const start = __ice_clamp(from, s.length);
  if (search.length == 0) return <f64>start;
  return <f64>s.indexOf(search, start);
}
export function __ice_s_last_index_of(s: string, search: string, from: f64): f64 {
  const start = from != from ? s.length : __ice_clamp(from, s.length);
  const n = search.length;
  for (let k = min(start, s.length - n); k >= 0; k--) {
    let ok = true;
    for (let j = 0; j < n; j++) if (s.charCodeAt(k + j) != search.charCodeAt(j)) { ok = false; break; }
    if (ok) return <f64>k;
  }
  return -1;
}
export function __ice_s_starts_with(s: string, search: string, from: f64): bool {
  const start = __ice_clamp(from, s.length);
  if (start + search.length > s.length) return false;
  for (let j = 0; j < search.length; j++) if (s.charCodeAt(start + j) != search.charCodeAt(j)) return false;
  return true;
}
export function __ice_s_ends_with(s: string, search: string, end: f64): bool {
  const stop = end != end ? 0 : __ice_clamp(end, s.length);
  const start = stop - search.length;
  if (start < 0) return false;
  for (let j = 0; j < search.length; j++) if (s.charCodeAt(start + j) != search.charCodeAt(j)) return false;
  return true;
}
export function __ice_s_slice(s: string, start: f64, end: f64): string {
  const len = s.length;
  const from = __ice_rel(start, len);
  const to = end != end ? 0 : __ice_rel(end, len);
  return from >= to ? "" : s.substring(from, to);
}
export function __ice_s_substring(s: string, start: f64, end: f64): string {
  const len = s.length;
  const a = __ice_clamp(start, len);
  const b = __ice_clamp(end, len);
  return s.substring(min(a, b), max(a, b));
}
function __ice_is_space(c: i32): bool {
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32 || c == 0xa0 || c == 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}
export function __ice_trim(s: string, start: bool, end: bool): string {
  let a = 0;
  let b = s.length;
  if (start) while (a < b && __ice_is_space(s.charCodeAt(a))) a++;
  if (end) while (b > a && __ice_is_space(s.charCodeAt(b - 1))) b--;
  return s.substring(a, b);
}
export function __ice_pad(s: string, length: f64, fill: string, start: bool): string {
  const target = length != length ? 0 : length;
  if (target <= <f64>s.length || fill.length == 0) return s;
  if (target > 268435456.0) abort("RangeError: Invalid string length");
  const n = <i32>target - s.length;
  let pad = "";
  while (pad.length < n) pad += fill;
  pad = pad.substring(0, n);
  return start ? pad + s : s + pad;
}
export function __ice_repeat(s: string, count: f64): string {
  const n = count != count ? 0.0 : Math.trunc(count);
  if (n < 0 || n == Infinity) abort("RangeError: Invalid count value: " + __ice_num_str(count));
  if (s.length == 0 || n == 0) return "";
  if (n * <f64>s.length > 268435456.0) abort("RangeError: Invalid string length");
  return s.repeat(<i32>n);
}
export function __ice_split(s: string, sep: string, limit: f64): Array<string> {
  const lim = __ice_u32(limit);
  const r = new Array<string>();
  if (lim == 0) return r;
  if (sep.length == 0) {
    for (let k = 0; k < s.length && <f64>r.length < lim; k++) r.push(s.charAt(k));
    return r;
  }
  let from = 0;
  while (<f64>r.length < lim) {
    const at = s.indexOf(sep, from);
    if (at < 0) { r.push(s.substring(from)); break; }
    r.push(s.substring(from, at));
    from = at + sep.length;
  }
  return r;
}
function __ice_substitute(matched: string, s: string, at: i32, rep: string): string {
  if (rep.indexOf("$") < 0) return rep;
  let out = "";
  for (let k = 0; k < rep.length; k++) {
    const c = rep.charCodeAt(k);
    if (c == 36 && k + 1 < rep.length) {
      const d = rep.charCodeAt(k + 1);
      if (d == 36) { out += "$"; k++; continue; }
      if (d == 38) { out += matched; k++; continue; }
      if (d == 96) { out += s.substring(0, at); k++; continue; }
      if (d == 39) { out += s.substring(at + matched.length); k++; continue; }
    }
    out += String.fromCharCode(c);
  }
  return out;
}
export function __ice_replace(s: string, search: string, rep: string): string {
  const at = __ice_s_index_of(s, search, 0);
  if (at < 0) return s;
  const k = <i32>at;
  return s.substring(0, k) + __ice_substitute(search, s, k, rep) + s.substring(k + search.length);
}
export function __ice_replace_all(s: string, search: string, rep: string): string {
  const step = max(1, search.length);
  let out = "";
  let last = 0;
  let at = <i32>__ice_s_index_of(s, search, 0);
  while (at >= 0) {
    out += s.substring(last, at) + __ice_substitute(search, s, at, rep);
    last = at + search.length;
    const next = at + step;
    at = next > s.length ? -1 : <i32>__ice_s_index_of(s, search, <f64>next);
  }
  return out + s.substring(last);
}
export function __ice_from_char_code(c: f64): string { return String.fromCharCode(<i32>(__ice_i32(c) & 0xffff)); }

export function __ice_find<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): T | null {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "find"); const x = unchecked(a[k]); if (f(e, x, <f64>k, a)) return x; }
  return null;
}
export function __ice_find_box<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): __ice_Box<T> | null {
  const len = a.length;
  for (let k = 0; k < len; k++) { __ice_check_len<T>(a, k, "find"); const x = unchecked(a[k]); if (f(e, x, <f64>k, a)) return new __ice_Box<T>(x); }
  return null;
}
export function __ice_find_last<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): T | null {
  for (let k = a.length - 1; k >= 0; k--) { __ice_check_len<T>(a, k, "findLast"); const x = unchecked(a[k]); if (f(e, x, <f64>k, a)) return x; }
  return null;
}
export function __ice_find_last_box<T, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => bool, e: E): __ice_Box<T> | null {
  for (let k = a.length - 1; k >= 0; k--) { __ice_check_len<T>(a, k, "findLast"); const x = unchecked(a[k]); if (f(e, x, <f64>k, a)) return new __ice_Box<T>(x); }
  return null;
}
export function __ice_is_integer(x: f64): bool { return isFinite(x) && Math.trunc(x) == x; }
export function __ice_is_safe_integer(x: f64): bool { return __ice_is_integer(x) && Math.abs(x) <= 9007199254740991.0; }
export function __ice_bool_num(b: bool): f64 { return b ? 1.0 : 0.0; }

// ---- maps and sets ------------------------------------------------------------------------
/** SameValueZero keys: -0 is 0. */
export function __ice_key<K>(k: K): K {
  if (isFloat<K>()) return <K>(<f64>k + 0.0);
  return k;
}
export function __ice_map_get<K, V>(m: Map<K, V>, k: K): V | null {
  const key = __ice_key<K>(k);
  return m.has(key) ? m.get(key) : null;
}
export function __ice_map_get_box<K, V>(m: Map<K, V>, k: K): __ice_Box<V> | null {
  const key = __ice_key<K>(k);
  return m.has(key) ? new __ice_Box<V>(m.get(key)) : null;
}
`;

/** The whole support library: the base above and every area of support/parts.ts. */
export const RUNTIME_LIB_SOURCE = [BASE_SOURCE, ...SUPPORT_PARTS].join("\n");
