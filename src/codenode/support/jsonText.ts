/**
 * @fileoverview The support library's `JSON.parse` and `JSON.stringify` over JSON values
 * (`__ice_J`, json.ts): numbers as JavaScript reads and prints them, duplicate keys (last value at
 * the first position), `__proto__` as data, JavaScript's string escaping (lone surrogates as
 * `\udxxx`), indentation, and the TypeError of a cycle. Errors go through `__ice_j_throw`.
 */

/** AssemblyScript source: JSON.parse and JSON.stringify. */
export const JSON_TEXT_SUPPORT = `
// ---- JSON.parse ---------------------------------------------------------------------------
class __ice_JP {
  i: i32 = 0;
  depth: i32 = 0;
  /** Property names met so far (up to 32): a name seen before is the same string again. */
  names: Array<string> = new Array<string>(0);
  /**
   * Values (and an object's keys) being read, on a stack of pointers: an array or object is made
   * once its end is met, at its size, from the top of the stack.
   */
  stack: usize = 0;
  top: i32 = 0;
  cap: i32 = 0;
  s: string;
  /** Where s's code units start, and how many. */
  sp: usize;
  n: i32;
  constructor(s: string) {
    this.s = s;
    this.sp = changetype<usize>(s);
    this.n = s.length;
  }
  /** The code unit at i (< n). */
  @inline at(i: i32): i32 { return <i32>load<u16>(this.sp + (<usize>i << 1)); }
  push(v: usize): void {
    if (this.top == this.cap) {
      const cap = max(64, this.cap << 1);
      this.stack = this.stack == 0 ? heap.alloc(<usize>cap << 2) : heap.realloc(this.stack, <usize>cap << 2);
      this.cap = cap;
    }
    store<u32>(this.stack + (<usize>this.top << 2), <u32>v);
    this.top++;
  }
  @inline item(i: i32): usize { return <usize>load<u32>(this.stack + (<usize>i << 2)); }
}
/**
 * A property name: one seen before in this text is returned again (no allocation, and the same
 * string makes lookups in __ice_JO a pointer comparison); names with escapes are decoded.
 */
function __ice_jp_name(p: __ice_JP): string {
  const s = p.s;
  const n = p.n;
  const sp = p.sp;
  const start = p.i + 1;
  let i = start;
  while (i < n) {
    const c = p.at(i);
    if (c == 34 || c == 92 || c < 32) break;
    i++;
  }
  if (i >= n || p.at(i) != 34) return __ice_jp_string(p);
  const len = i - start;
  const names = p.names;
  const from = sp + (<usize>start << 1);
  for (let k = 0; k < names.length; k++) {
    const name = unchecked(names[k]);
    if (name.length != len) continue;
    const q = changetype<usize>(name);
    let j = 0;
    while (j < len && load<u16>(q + (<usize>j << 1)) == load<u16>(from + (<usize>j << 1))) j++;
    if (j == len) { p.i = i + 1; return name; }
  }
  const name = __ice_sub(s, start, i);
  if (names.length < 32) names.push(name);
  p.i = i + 1;
  return name;
}
function __ice_jp_fail(p: __ice_JP): void {
  if (p.i >= p.n) __ice_j_throw("SyntaxError", "Unexpected end of JSON input");
  __ice_j_throw("SyntaxError", "Unexpected token in JSON at position " + p.i.toString());
}
/** Skips white space; the code unit after it, or -1 at the end. */
function __ice_jp_ws(p: __ice_JP): i32 {
  const n = p.n;
  let i = p.i;
  while (i < n) {
    const c = p.at(i);
    if (c != 32 && c != 9 && c != 10 && c != 13) { p.i = i; return c; }
    i++;
  }
  p.i = i;
  return -1;
}
function __ice_hex(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
function __ice_jp_string(p: __ice_JP): string {
  const s = p.s;
  const n = p.n;
  let i = p.i + 1;
  let start = i;
  // The text with its escapes decoded, once the first escape is met.
  let w: __ice_Tw | null = null;
  while (true) {
    if (i >= n) { p.i = i; __ice_jp_fail(p); }
    const c = p.at(i);
    if (c == 34) break;
    if (c < 32) { p.i = i; __ice_jp_fail(p); }
    if (c != 92) { i++; continue; }
    if (w === null) w = new __ice_Tw(i - start + 16);
    w.range(s, start, i);
    if (i + 1 >= n) { p.i = i + 1; __ice_jp_fail(p); }
    const e = p.at(i + 1);
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
        const h = i + 2 + j < n ? __ice_hex(p.at(i + 2 + j)) : -1;
        if (h < 0) { p.i = i + 2 + j; __ice_jp_fail(p); }
        unit = (unit << 4) | h;
      }
      i += 4;
    } else { p.i = i + 1; __ice_jp_fail(p); }
    w.unit(unit);
    i += 2;
    start = i;
  }
  p.i = i + 1;
  if (w === null) return __ice_sub(s, start, i);
  w.range(s, start, i);
  return w.finish();
}
function __ice_jp_digits(p: __ice_JP): i32 {
  const n = p.n;
  let i = p.i;
  while (i < n) { const c = p.at(i); if (c < 48 || c > 57) break; i++; }
  const count = i - p.i;
  p.i = i;
  return count;
}
function __ice_jp_number(p: __ice_JP): f64 {
  const n = p.n;
  const start = p.i;
  let negative = false;
  if (p.at(p.i) == 45) { negative = true; p.i++; }
  if (p.i >= n) __ice_jp_fail(p);
  const first = p.at(p.i);
  if (first == 48) p.i++;
  else if (first >= 49 && first <= 57) __ice_jp_digits(p);
  else __ice_jp_fail(p);
  let simple = p.i - start - (negative ? 1 : 0) <= 15;
  if (p.i < n && p.at(p.i) == 46) {
    p.i++;
    if (__ice_jp_digits(p) == 0) __ice_jp_fail(p);
    simple = false;
  }
  if (p.i < n && (p.at(p.i) | 32) == 101) {
    p.i++;
    if (p.i < n && (p.at(p.i) == 43 || p.at(p.i) == 45)) p.i++;
    if (__ice_jp_digits(p) == 0) __ice_jp_fail(p);
    simple = false;
  }
  if (simple) {
    // Up to 15 digits: exact in a double.
    let v: f64 = 0;
    for (let i = start + (negative ? 1 : 0); i < p.i; i++) v = v * 10 + <f64>(p.at(i) - 48);
    return negative ? -v : v;
  }
  return __ice_str_num(p.s.substring(start, p.i), 0, NaN);
}
function __ice_jp_literal(p: __ice_JP, word: string): void {
  for (let j = 0; j < word.length; j++) {
    if (p.i >= p.n || p.at(p.i) != word.charCodeAt(j)) __ice_jp_fail(p);
    p.i++;
  }
}
function __ice_jp_value(p: __ice_JP): __ice_J {
  const c = __ice_jp_ws(p);
  if (c < 0) __ice_jp_fail(p);
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
  const base = p.top;
  if (__ice_jp_ws(p) == 93) { p.i++; return __ice_jv_arr(new Array<__ice_J>()); }
  while (true) {
    p.push(changetype<usize>(__ice_jp_value(p)));
    const c = __ice_jp_ws(p);
    if (c < 0) __ice_jp_fail(p);
    p.i++;
    if (c == 93) break;
    if (c != 44) { p.i--; __ice_jp_fail(p); }
  }
  const count = p.top - base;
  const out = new Array<__ice_J>(count);
  const to = out.dataStart;
  const from = p.stack + (<usize>base << 2);
  for (let i = 0; i < count; i++) store<u32>(to + (<usize>i << 2), load<u32>(from + (<usize>i << 2)));
  p.top = base;
  return __ice_jv_arr(out);
}
function __ice_jp_object(p: __ice_JP): __ice_J {
  p.i++;
  const base = p.top;
  if (__ice_jp_ws(p) == 125) { p.i++; return __ice_j_newobj_cap(0); }
  // In order, new and not integer-like: the pairs go in as they are.
  let plain = true;
  while (true) {
    if (__ice_jp_ws(p) != 34) __ice_jp_fail(p);
    const key = __ice_jp_name(p);
    if (plain) {
      const len = key.length;
      if (len > 0 && <u32>(load<u16>(changetype<usize>(key)) - 48) < 10) plain = false;
      else if (p.top - base >= __ICE_JO_SMALL << 1) plain = false;
      else
        for (let j = base; j < p.top; j += 2) {
          const other = changetype<string>(p.item(j));
          if (other.length == len && __ice_same_text(other, key)) { plain = false; break; }
        }
    }
    if (__ice_jp_ws(p) != 58) __ice_jp_fail(p);
    p.i++;
    p.push(changetype<usize>(key));
    p.push(changetype<usize>(__ice_jp_value(p)));
    const c = __ice_jp_ws(p);
    if (c < 0) __ice_jp_fail(p);
    p.i++;
    if (c == 125) break;
    if (c != 44) { p.i--; __ice_jp_fail(p); }
  }
  const count = (p.top - base) >> 1;
  const out = __ice_j_newobj_cap(count);
  const f = out.o;
  if (plain) {
    const to = f.data;
    const from = p.stack + (<usize>base << 2);
    for (let i = 0; i < count; i++) store<u64>(to + (<usize>i << 3), load<u64>(from + (<usize>i << 3)));
    f.n = count;
  } else {
    for (let j = base; j < p.top; j += 2)
      __ice_j_put(out, changetype<string>(p.item(j)), changetype<__ice_J>(p.item(j + 1)));
  }
  p.top = base;
  return out;
}
export function __ice_j_parse(text: string): __ice_J {
  const p = new __ice_JP(text);
  const v = __ice_jp_value(p);
  if (__ice_jp_ws(p) >= 0) __ice_jp_fail(p);
  return v;
}

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
  for (let i = 0; i < n; i++) {
    const c = <i32>load<u16>(sp + (<usize>i << 1));
    if (c >= 32 && c != 34 && c != 92 && (c < 0xd800 || c > 0xdfff)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = <i32>load<u16>(sp + (<usize>(i + 1) << 1));
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
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
function __ice_js_value(w: __ice_Tw, v: __ice_J, gap: string, indent: string, stack: Array<usize>): void {
  switch (v.k) {
    case 1: w.str("null"); return;
    case 2: w.str(v.b ? "true" : "false"); return;
    case 3: if (isFinite(v.n)) w.num(v.n); else w.str("null"); return;
    case 4: __ice_js_quote(w, v.s); return;
    default: break;
  }
  const id = __ice_j_id(v);
  for (let i = 0; i < stack.length; i++)
    if (stack[i] == id) __ice_j_throw("TypeError", "Converting circular structure to JSON");
  stack.push(id);
  const inner = gap.length > 0 ? indent + gap : indent;
  if (v.k == 5) {
    const a = v.a!;
    w.unit(91);
    if (a.length > 0) {
      for (let i = 0; i < a.length; i++) {
        if (i > 0) w.unit(44);
        __ice_js_break(w, gap, inner);
        const e = unchecked(a[i]);
        if (e.k == 0) w.str("null"); else __ice_js_value(w, e, gap, inner, stack);
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
      __ice_js_value(w, e, gap, inner, stack);
    }
    if (!first) __ice_js_break(w, gap, indent);
    w.unit(125);
  }
  stack.pop();
}
/** Parts of the writers of typed values (print/jsonWrite.ts). */
export function __ice_jw_num(w: __ice_Tw, x: f64): void { if (isFinite(x)) w.num(x); else w.str("null"); }
export function __ice_jw_break(w: __ice_Tw, gap: string, indent: string): void { __ice_js_break(w, gap, indent); }
/** A JSON value inside a typed one: its cycles are its own (a JSON value never holds a typed one). */
export function __ice_jw_json(w: __ice_Tw, v: __ice_J, gap: string, indent: string): void {
  __ice_js_value(w, v, gap, indent, new Array<usize>());
}
export function __ice_jw_at<T>(a: Array<T>, i: i32): T { return unchecked(a[i]); }
/** JSON.stringify(v, null, gap); undefined has no text (JavaScript returns undefined). */
export function __ice_j_stringify(v: __ice_J, gap: string): string {
  if (v.k == 0) abort("JSON.stringify(undefined) gives undefined, which a string cannot hold; check the value first");
  const w = new __ice_Tw(256);
  __ice_js_value(w, v, gap, "", new Array<usize>());
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
