/**
 * @fileoverview The support library's array helpers: index conversion, `at`, `slice`, `indexOf`
 * (SameValueZero/strict equality as JavaScript), `join`, callbacks of `map`/`filter`/`reduce`/`find`
 * (with JavaScript's view of a mutated array), stable `sort` and the default string-order sort.
 */
import { libraryLoops } from "./callbackLoops.js";
import { mergeSortSource } from "./mergeSort.js";

/** AssemblyScript source: array helpers. */
export const ARRAYS_SUPPORT = `

// ---- arrays -------------------------------------------------------------------------------
// Element access: the in-range case inlined (loading directly: asc leaves Array#__uget a call,
// which V8 does not inline either), the message built out of line.
@inline export function __ice_at<T>(a: Array<T>, i: f64): T {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < a.length)) __ice_index_fail("array", i, a.length, false);
  return load<T>(a.dataStart + (<usize>k << alignof<T>()));
}
/** Stops the node: a tuple of length n read at index i, which is none of its elements (print/tupleIndex.ts). */
export function __ice_tuple_fail<T>(i: f64, n: i32): T {
  __ice_index_fail("tuple", i, n, false);
  return unreachable();
}
/**
 * a[i] of an array of 'any' values: JavaScript's undefined past the end (or at a negative or
 * fractional index), which an 'any' holds, instead of stopping the node.
 */
export function __ice_at_j(a: Array<__ice_J>, i: f64): __ice_J {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < a.length)) return __ice_j_undef();
  return unchecked(a[k]);
}
/** a[k] for an index k the printer proved an integer (int32). */
@inline export function __ice_at_i<T>(a: Array<T>, k: i32): T {
  if (<u32>k >= <u32>a.length) __ice_index_fail("array", <f64>k, a.length, false);
  return load<T>(a.dataStart + (<usize>k << alignof<T>()));
}
/** a[i] for an integer i whose saturating i32 shadow is k (k == i below 2^31-1). */
@inline export function __ice_at_s<T>(a: Array<T>, k: i32, i: f64): T {
  if (<u32>k >= <u32>a.length) __ice_index_fail("array", i, a.length, false);
  return load<T>(a.dataStart + (<usize>k << alignof<T>()));
}
@inline export function __ice_set<T>(a: Array<T>, i: f64, v: T): T {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k <= a.length)) __ice_index_fail("array", i, a.length, true);
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
/** a.at(i) of an array of 'any' values (or an element destructured from it): undefined past the end. */
export function __ice_a_at_j(a: Array<__ice_J>, i: f64): __ice_J {
  const v = __ice_a_at<__ice_J>(a, i);
  return v === null ? __ice_j_undef() : v;
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
  if (isString<T>()) return __ice_join_strs(changetype<Array<string>>(a), sep);
  const w = new __ice_Tw(a.length * (sep.length + 4));
  for (let k = 0; k < a.length; k++) {
    if (k > 0) w.str(sep);
    if (isFloat<T>()) w.num(<f64>unchecked(a[k]));
    else w.str(__ice_str<T>(unchecked(a[k])));
  }
  return w.finish();
}
@inline export function __ice_check_len<T>(a: Array<T>, k: i32, what: string): void {
  if (k >= a.length) __ice_shortened(what);
}
// a[k] in a callback loop (k >= 0): the check that the callback did not shorten the array
// before this element and the load, inlined; the message built out of line.
@inline export function __ice_cb_at<T>(a: Array<T>, k: i32, what: string): T {
  if (<u32>k >= <u32>a.length) __ice_shortened(what);
  return load<T>(a.dataStart + (<usize>k << alignof<T>()));
}
// a[k] in a callback loop that skips the elements the callback removed (filter, forEach, some,
// every, reduce, flatMap: JavaScript visits only the indexes still present, and the array is
// dense, so the loop stops at the first index past the new length); the caller checked k.
@inline export function __ice_cb_get<T>(a: Array<T>, k: i32): T {
  return load<T>(a.dataStart + (<usize>k << alignof<T>()));
}
function __ice_shortened(what: string): void {
  abort("the array was shortened during " + what);
}
// The callback loops (support/callbackLoops.ts).
${libraryLoops()}
/** Compares strings by UTF-16 code units, as JavaScript's < does. */
export function __ice_strcmp(a: string, b: string): i32 {
  const la = a.length;
  const lb = b.length;
  const n = min(la, lb);
  const pa = changetype<usize>(a);
  const pb = changetype<usize>(b);
  let i = 0;
  // Four code units at a time while they are equal, then one at a time.
  while (i + 4 <= n && load<u64>(pa + (<usize>i << 1)) == load<u64>(pb + (<usize>i << 1))) i += 4;
  for (; i < n; i++) {
    const x = load<u16>(pa + (<usize>i << 1));
    const y = load<u16>(pb + (<usize>i << 1));
    if (x != y) return x < y ? -1 : 1;
  }
  return la == lb ? 0 : la < lb ? -1 : 1;
}
/**
 * TimSort's moves (support/mergeSort.ts): count elements from src[from] to dst[to], the ranges
 * possibly overlapping in one array (memory.copy moves as memmove does).
 */
@inline export function __ice_sort_move<T>(src: Array<T>, from: i32, dst: Array<T>, to: i32, count: i32): void {
  if (count <= 0) return;
  if (<u32>from + <u32>count > <u32>src.length || <u32>to + <u32>count > <u32>dst.length) abort("sort: a run out of range");
  memory.copy(dst.dataStart + (<usize>to << alignof<T>()), src.dataStart + (<usize>from << alignof<T>()), <usize>count << alignof<T>());
}
/** V8's TimSort (support/mergeSort.ts), the comparator called through a function value. */
export ${mergeSortSource({
  name: "__ice_sort",
  typeParameters: "<T, E>",
  element: "T",
  parameters: "f: (e: E, x: T, y: T) => f64, e: E",
  before: (x, y) => `f(e, ${x}, ${y}) < 0`,
  unchecked: true,
})}
/** Indexes sorted by their texts in code unit order (support/mergeSort.ts, TimSort). */
${mergeSortSource({
  name: "__ice_sort_order",
  element: "i32",
  parameters: "keys: Array<string>",
  before: (x, y) => `__ice_strcmp(unchecked(keys[${x}]), unchecked(keys[${y}])) < 0`,
  unchecked: true,
})}
/** sort() without a comparator: stable, by String(x) in code unit order. */
export function __ice_sort_default<T>(a: Array<T>): Array<T> {
  const n = a.length;
  const order = new Array<i32>();
  const keys = new Array<string>();
  for (let k = 0; k < n; k++) { order.push(k); keys.push(__ice_str<T>(unchecked(a[k]))); }
  __ice_sort_order(order, keys);
  const copy = a.slice(0);
  for (let k = 0; k < n; k++) unchecked(a[k] = copy[unchecked(order[k])]);
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
/** The length of \`Array(n)\` / \`new Array(n)\`: an array index count, else JavaScript's RangeError. */
export function __ice_new_array_length(n: f64): i32 {
  const k = <i32>n;
  if (!(n >= 0 && <f64>k == n && n <= 268435456.0)) abort("RangeError: Invalid array length");
  return k;
}
export function __ice_filled<T>(n: f64, v: T): Array<T> {
  const k = __ice_new_array_length(n);
  const a = new Array<T>();
  for (let i = 0; i < k; i++) a.push(v);
  return a;
}
export function __ice_max_of(a: Array<f64>, min: bool): f64 {
  let r = min ? Infinity : -Infinity;
  for (let k = 0; k < a.length; k++) r = min ? Math.min(r, unchecked(a[k])) : Math.max(r, unchecked(a[k]));
  return r;
}
export function __ice_set_of<T>(a: Array<T>): __ice_Set<T> {
  const s = new __ice_Set<T>();
  for (let k = 0; k < a.length; k++) s.add(__ice_key<T>(unchecked(a[k])));
  return s;
}


`;
