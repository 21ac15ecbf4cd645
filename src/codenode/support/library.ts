/**
 * @fileoverview The support library for the rest of the standard library (print/library.ts):
 * `flat`, `flatMap`, `with`, `copyWithin`, `join` of nested arrays, `String.fromCodePoint`,
 * `Math.clz32`, `Math.imul` and `Math.hypot` of n values (V8's algorithm: scaled by the largest
 * magnitude, Kahan-compensated sum).
 */

/** AssemblyScript source: library helpers. */
export const LIBRARY_SUPPORT = `

// ---- more of the standard library ---------------------------------------------------------------
export function __ice_flat<U>(a: Array<Array<U>>): Array<U> {
  const r = new Array<U>();
  for (let k = 0; k < a.length; k++) { const inner = unchecked(a[k]); for (let j = 0; j < inner.length; j++) r.push(unchecked(inner[j])); }
  return r;
}
export function __ice_flat_map<T, U, E>(a: Array<T>, f: (e: E, x: T, i: f64, a: Array<T>) => Array<U>, e: E): Array<U> {
  const len = a.length;
  const r = new Array<U>();
  for (let k = 0; k < len; k++) {
    if (k >= a.length) break; // JavaScript skips the indexes the callback removed
    const part = f(e, unchecked(a[k]), <f64>k, a);
    for (let j = 0; j < part.length; j++) r.push(unchecked(part[j]));
  }
  return r;
}
export function __ice_with<T>(a: Array<T>, index: f64, v: T): Array<T> {
  const len = a.length;
  let k = __ice_idx(index);
  if (k < 0) k += len;
  if (k < 0 || k >= len) abort("RangeError: Invalid index : " + __ice_num_str(index));
  const r = a.slice(0);
  unchecked(r[k] = v);
  return r;
}
export function __ice_copy_within<T>(a: Array<T>, target: f64, start: f64, end: f64): Array<T> {
  const len = a.length;
  let to = __ice_rel(target, len);
  let from = __ice_rel(start, len);
  const fin = end != end ? 0 : __ice_rel(end, len);
  let count = min(fin - from, len - to);
  if (from < to && to < from + count) {
    from += count - 1; to += count - 1;
    while (count > 0) { unchecked(a[to] = a[from]); from--; to--; count--; }
  } else {
    while (count > 0) { unchecked(a[to] = a[from]); from++; to++; count--; }
  }
  return a;
}
/** String(v) of a string, number, boolean or (recursively) an array of them. */
export function __ice_text<T>(v: T): string {
  if (isArray<T>()) return __ice_join_text<valueof<T>>(changetype<Array<valueof<T>>>(v), ",");
  return __ice_str<T>(v);
}
export function __ice_join_text<T>(a: Array<T>, sep: string): string {
  if (!isArray<T>()) return __ice_join<T>(a, sep);
  const w = new __ice_Tw(a.length * (sep.length + 4));
  for (let k = 0; k < a.length; k++) {
    if (k > 0) w.str(sep);
    w.str(__ice_text<T>(unchecked(a[k])));
  }
  return w.finish();
}
export function __ice_from_code_point(x: f64): string {
  if (!(x >= 0 && x <= 1114111.0 && Math.trunc(x) == x)) abort("RangeError: Invalid code point " + __ice_num_str(x));
  return String.fromCodePoint(<i32>x);
}
export function __ice_from_code_points(a: Array<f64>): string {
  const w = new __ice_Tw(a.length);
  for (let k = 0; k < a.length; k++) w.str(__ice_from_code_point(unchecked(a[k])));
  return w.finish();
}
/** substr(start, length): start from the end when negative, length clamped. */
export function __ice_substr(s: string, start: f64, length: f64): string {
  const len = s.length;
  const from = __ice_rel(start, len);
  const n = length != length ? 0 : min(max(__ice_idx(length), 0), len - from);
  return n <= 0 ? "" : s.substring(from, from + n);
}
export function __ice_clz32(x: f64): f64 { return <f64>clz<u32>(<u32>__ice_i32(x)); }
export function __ice_imul(a: f64, b: f64): f64 { return <f64>(__ice_i32(a) * __ice_i32(b)); }
export function __ice_hypot(values: Array<f64>): f64 {
  const n = values.length;
  if (n == 0) return 0;
  let nan = false;
  let max: f64 = 0;
  const abs = new Array<f64>(n);
  for (let k = 0; k < n; k++) {
    const v = unchecked(values[k]);
    if (v != v) { nan = true; continue; }
    const a = Math.abs(v);
    unchecked(abs[k] = a);
    if (a > max) max = a;
  }
  if (max == Infinity) return Infinity;
  if (nan) return NaN;
  if (max == 0) return 0;
  let sum: f64 = 0;
  let compensation: f64 = 0;
  for (let k = 0; k < n; k++) {
    const x = unchecked(abs[k]) / max;
    const summand = x * x - compensation;
    const preliminary = sum + summand;
    compensation = (preliminary - sum) - summand;
    sum = preliminary;
  }
  return Math.sqrt(sum) * max;
}
`;
