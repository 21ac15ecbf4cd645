/**
 * @fileoverview The support library's `JSON.stringify` of JSON values (`__ice_J`, json.ts) and the
 * parts the writers of typed values use (print/jsonWrite.ts): numbers as JavaScript prints them,
 * JavaScript's string escaping (lone surrogates as `\udxxx`), indentation, and the TypeError of a
 * cycle. `JSON.parse` is in jsonText.ts. Errors go through `__ice_j_throw`.
 */

/** AssemblyScript source: JSON.stringify. */
export const JSON_STRINGIFY_SUPPORT = `
// ---- JSON.stringify -----------------------------------------------------------------------
const __ice_hexdigits = "0123456789abcdef";
/** The "u" and four hex digits of an escape (the backslash is written already). */
function __ice_js_u(w: __ice_Tw, c: i32): void {
  w.unit(117);
  w.unit(__ice_hexdigits.charCodeAt((c >> 12) & 15));
  w.unit(__ice_hexdigits.charCodeAt((c >> 8) & 15));
  w.unit(__ice_hexdigits.charCodeAt((c >> 4) & 15));
  w.unit(__ice_hexdigits.charCodeAt(c & 15));
}
/** QuoteJSONString: runs without escapes copied whole. */
export function __ice_js_quote(w: __ice_Tw, s: string): void {
  w.unit(34);
  const n = s.length;
  const sp = changetype<usize>(s);
  let start = 0;
  let i = 0;
  while (i < n) {
    i = __ice_plain_until(sp, i, n);
    // Fewer than four left: the last four at once (those before them were plain).
    if (i < n && n >= 4 && i + 4 > n && __ice_special4(load<u64>(sp + (<usize>(n - 4) << 1))) == 0) i = n;
    if (i >= n) break;
    const c = <i32>load<u16>(sp + (<usize>i << 1));
    if (c >= 32 && c != 34 && c != 92 && (c < 0xd800 || c > 0xdfff)) { i++; continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = <i32>load<u16>(sp + (<usize>(i + 1) << 1));
      if (d >= 0xdc00 && d <= 0xdfff) { i += 2; continue; }
    }
    w.range(s, start, i);
    start = i + 1;
    w.unit(92);
    if (c == 34) w.unit(34);
    else if (c == 92) w.unit(92);
    else if (c == 8) w.unit(98);
    else if (c == 12) w.unit(102);
    else if (c == 10) w.unit(110);
    else if (c == 13) w.unit(114);
    else if (c == 9) w.unit(116);
    else __ice_js_u(w, c);
    i++;
  }
  w.range(s, start, n);
  w.unit(34);
}
/** A line break and the indentation, between members when a gap is given. */
function __ice_js_break(w: __ice_Tw, gap: string, indent: string): void {
  if (gap.length == 0) return;
  w.unit(10);
  w.str(indent);
}
/**
 * Appends the text of v (not undefined). An array or object being printed has 16 added to its
 * kind until it is done: meeting it again inside itself is the cycle JavaScript reports (a
 * cycle through an array wrapped more than once is met again at its second wrapper, before
 * anything else could be printed differently).
 */
function __ice_js_value(w: __ice_Tw, v: __ice_J, gap: string, indent: string): void {
  const k = v.k;
  switch (k) {
    case 1: w.str("null"); return;
    case 2: w.str(v.b ? "true" : "false"); return;
    case 3: if (isFinite(v.n)) w.num(v.n); else w.str("null"); return;
    case 4: __ice_js_quote(w, v.s); return;
    default: break;
  }
  if (k >= 16) __ice_j_throw("TypeError", "Converting circular structure to JSON");
  v.k = k | 16;
  const inner = gap.length > 0 ? indent + gap : indent;
  if (k == 5) {
    const a = v.a!;
    w.unit(91);
    if (a.length > 0) {
      for (let i = 0; i < a.length; i++) {
        if (i > 0) w.unit(44);
        __ice_js_break(w, gap, inner);
        const e = unchecked(a[i]);
        if (e.k == 0) w.str("null"); else __ice_js_value(w, e, gap, inner);
      }
      __ice_js_break(w, gap, indent);
    }
    w.unit(93);
  } else {
    const f = v.o;
    let first = true;
    w.unit(123);
    for (let i = 0; i < f.n; i++) {
      const key = f.key(i);
      const e = f.val(i);
      if (e.k == 0) continue;
      if (!first) w.unit(44);
      first = false;
      __ice_js_break(w, gap, inner);
      __ice_js_quote(w, key);
      w.unit(58);
      if (gap.length > 0) w.unit(32);
      __ice_js_value(w, e, gap, inner);
    }
    if (!first) __ice_js_break(w, gap, indent);
    w.unit(125);
  }
  v.k = k;
}
const __ice_digit_pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
/** Parts of the writers of typed values (print/jsonWrite.ts). */
export function __ice_jw_num(w: __ice_Tw, x: f64): void {
  if (x >= 0 && x < 2147483648.0 && x == <f64>(<i32>x)) {
    // A non-negative integer (-0 prints as 0): its digits, counted without a loop.
    const v = <i32>x;
    const n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5
      : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    let p = w.room(n) + (<usize>n << 1);
    let t = v;
    // Two digits at a time from "00".."99".
    const pairs = changetype<usize>(__ice_digit_pairs);
    while (t >= 10) {
      p -= 4;
      store<u32>(p, load<u32>(pairs + (<usize>(t % 100) << 2)));
      t = t / 100;
    }
    if (t > 0 || v == 0) { p -= 2; store<u16>(p, <u16>(48 + t)); }
    w.len += n;
    return;
  }
  if (isFinite(x)) w.num(x); else w.str("null");
}
export function __ice_jw_break(w: __ice_Tw, gap: string, indent: string): void { __ice_js_break(w, gap, indent); }
/** A JSON value inside a typed one: its cycles are its own (a JSON value never holds a typed one). */
export function __ice_jw_json(w: __ice_Tw, v: __ice_J, gap: string, indent: string): void {
  __ice_js_value(w, v, gap, indent);
}
export function __ice_jw_at<T>(a: Array<T>, i: i32): T { return unchecked(a[i]); }
/** JSON.stringify(v, null, gap); undefined has no text (JavaScript returns undefined). */
export function __ice_j_stringify(v: __ice_J, gap: string): string {
  if (v.k == 0) abort("JSON.stringify(undefined) gives undefined, which a string cannot hold; check the value first");
  const w = new __ice_Tw(256);
  __ice_js_value(w, v, gap, "");
  return __ice_tw_take(w);
}
/**
 * The text written as a string, without a copy when the writer's buffer is the heap's last block
 * (the allocator, src/emit/wasm/allocator.ts, shrinks it in place and the block becomes the
 * string: a raw block and a string differ only in the header's type id). The writer is spent.
 */
export function __ice_tw_take(w: __ice_Tw): string {
  const n = w.len;
  if (n == 0) return "";
  const p = heap.realloc(w.ptr, <usize>n << 1);
  store<u32>(p - 8, idof<string>());
  return changetype<string>(p);
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
}`;
