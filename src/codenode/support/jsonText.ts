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
  constructor(public s: string) {}
}
/**
 * A property name: one seen before in this text is returned again (no allocation, and the same
 * string makes lookups in __ice_JFields a pointer comparison); names with escapes are decoded.
 */
function __ice_jp_name(p: __ice_JP): string {
  const s = p.s;
  const n = s.length;
  const sp = changetype<usize>(s);
  const start = p.i + 1;
  let i = start;
  while (i < n) {
    const c = <i32>load<u16>(sp + (<usize>i << 1));
    if (c == 34 || c == 92 || c < 32) break;
    i++;
  }
  if (i >= n || load<u16>(sp + (<usize>i << 1)) != 34) return __ice_jp_string(p);
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
  const sp = changetype<usize>(s);
  let i = p.i + 1;
  let start = i;
  // The text with its escapes decoded, once the first escape is met.
  let w: __ice_Tw | null = null;
  while (true) {
    if (i >= n) { p.i = i; __ice_jp_fail(p); }
    const c = <i32>load<u16>(sp + (<usize>i << 1));
    if (c == 34) break;
    if (c < 32) { p.i = i; __ice_jp_fail(p); }
    if (c != 92) { i++; continue; }
    if (w === null) w = new __ice_Tw(i - start + 16);
    w.range(s, start, i);
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
    const key = __ice_jp_name(p);
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
    const keys = v.keys!;
    const vals = v.vals!;
    let first = true;
    w.unit(123);
    for (let i = 0; i < keys.length; i++) {
      const key = unchecked(keys[i]);
      const e = vals.get(key);
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
/** JSON.stringify(v, null, gap); undefined has no text (JavaScript returns undefined). */
export function __ice_j_stringify(v: __ice_J, gap: string): string {
  if (v.k == 0) abort("JSON.stringify(undefined) gives undefined, which a string cannot hold; check the value first");
  const w = new __ice_Tw(64);
  __ice_js_value(w, v, gap, "", new Array<usize>());
  return w.finish();
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
