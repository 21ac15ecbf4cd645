/**
 * @fileoverview The support library's string helpers with JavaScript's behaviour: code points,
 * `toLowerCase` (final sigma), index clamping, `indexOf("")`, `trim`'s whitespace, `padStart`,
 * `repeat`, `split` with a limit, `replace` patterns (`$&`, `$1`...).
 */

/** AssemblyScript source: string helpers. */
export const STRINGS_SUPPORT = `

// ---- strings ----
// s.charCodeAt(i) inlined (-1 out of range, as AssemblyScript's; asc leaves the method a call).
@inline function __ice_s_cu(s: string, i: i32): i32 {
  return <u32>i < <u32>s.length ? <i32>load<u16>(changetype<usize>(s) + (<usize>i << 1)) : -1;
}
function __ice_cp_before(s: string, i: i32): i32 {
  const c = __ice_s_cu(s, i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = __ice_s_cu(s, i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}
function __ice_cp_at(s: string, i: i32): i32 {
  const c = __ice_s_cu(s, i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = __ice_s_cu(s, i + 1);
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
  const ascii = __ice_ascii_lower(s); // support/asciiCase.ts
  if (ascii !== null) return ascii;
  if (s.indexOf("\u03a3") < 0) return s.toLowerCase();
  const w = new __ice_Tw(s.length);
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (__ice_s_cu(s, i) != 0x03a3) continue;
    w.str(s.substring(from, i).toLowerCase());
    w.unit(__ice_final_sigma(s, i) ? 0x03c2 : 0x03c3);
    from = i + 1;
  }
  w.str(s.substring(from).toLowerCase());
  return w.finish();
}
/**
 * A string's hash for Map/Set/dictionary keys: 8 bytes at a time, multiply-rotate, the top 32
 * bits of the last product (which depend on every byte). Equal strings hash alike.
 */
export function __ice_str_hash(s: string): u32 {
  const p = changetype<usize>(s);
  const n = <usize>load<u32>(p - 4);
  let h: u64 = <u64>n * 0x9e3779b97f4a7c15;
  let i: usize = 0;
  // up to 8 code units without a loop (a metered loop pays a fuel check per pass)
  if (n > 16) {
    while (i + 8 <= n) { h = (rotl<u64>(h, 23) ^ load<u64>(p + i)) * 0x517cc1b727220a95; i += 8; }
  } else if (n >= 8) {
    h = (rotl<u64>(h, 23) ^ load<u64>(p)) * 0x517cc1b727220a95;
    i = 8;
    if (n == 16) { h = (rotl<u64>(h, 23) ^ load<u64>(p + 8)) * 0x517cc1b727220a95; i = 16; }
  }
  if (i + 4 <= n) { h = (rotl<u64>(h, 23) ^ <u64>load<u32>(p + i)) * 0x517cc1b727220a95; i += 4; }
  if (i < n) h = (rotl<u64>(h, 23) ^ <u64>load<u16>(p + i)) * 0x517cc1b727220a95;
  h ^= h >> 29;
  h *= 0x9e3779b97f4a7c15;
  return <u32>(h >> 32);
}
/** Equal strings: the same object, or the same length and code units (8 bytes at a time). */
export function __ice_str_eq(a: string, b: string): bool {
  const pa = changetype<usize>(a);
  const pb = changetype<usize>(b);
  if (pa == pb) return true;
  const n = <usize>load<u32>(pa - 4);
  if (n != <usize>load<u32>(pb - 4)) return false;
  let i: usize = 0;
  if (n > 16) {
    while (i + 8 <= n) { if (load<u64>(pa + i) != load<u64>(pb + i)) return false; i += 8; }
  } else if (n >= 8) {
    if (load<u64>(pa) != load<u64>(pb)) return false;
    i = 8;
    if (n == 16) { if (load<u64>(pa + 8) != load<u64>(pb + 8)) return false; i = 16; }
  }
  if (i + 4 <= n) { if (load<u32>(pa + i) != load<u32>(pb + i)) return false; i += 4; }
  return i == n || load<u16>(pa + i) == load<u16>(pb + i);
}
// --------------------------------------------------------------------------
@inline export function __ice_char(s: string, i: f64): string {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < s.length)) __ice_index_fail("string", i, s.length, false);
  return s.charAt(k);
}
@inline export function __ice_char_code(s: string, i: f64): f64 {
  const k = __ice_idx(i);
  return k < 0 || k >= s.length ? NaN : <f64>load<u16>(changetype<usize>(s) + (<usize>k << 1));
}
/** charCodeAt(k) for an index k the printer proved an integer (int32). */
@inline export function __ice_char_code_i(s: string, k: i32): f64 {
  return <u32>k >= <u32>s.length ? NaN : <f64>load<u16>(changetype<usize>(s) + (<usize>k << 1));
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
  const c = __ice_s_cu(s, i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = __ice_s_cu(s, i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
function __ice_clamp(i: f64, len: i32): i32 { return min(max(__ice_idx(i), 0), len); }
export function __ice_s_index_of(s: string, search: string, from: f64): f64 {
  const start = __ice_clamp(from, s.length);
  const m = search.length;
  if (m == 0) return <f64>start;
  const sp = changetype<usize>(s);
  const qp = changetype<usize>(search);
  const first = load<u16>(qp);
  const end = s.length - m + 1;
  let i = start;
  while (true) {
    i = __ice_unit_at(sp, i, end, first);
    if (i < 0) return -1;
    let j = 1;
    while (j < m && load<u16>(sp + (<usize>(i + j) << 1)) == load<u16>(qp + (<usize>j << 1))) j++;
    if (j == m) return <f64>i;
    i++;
  }
}
export function __ice_s_last_index_of(s: string, search: string, from: f64): f64 {
  const start = from != from ? s.length : __ice_clamp(from, s.length);
  const n = search.length;
  for (let k = min(start, s.length - n); k >= 0; k--) {
    let ok = true;
    for (let j = 0; j < n; j++) if (__ice_s_cu(s, k + j) != __ice_s_cu(search, j)) { ok = false; break; }
    if (ok) return <f64>k;
  }
  return -1;
}
export function __ice_s_starts_with(s: string, search: string, from: f64): bool {
  const start = __ice_clamp(from, s.length);
  if (start + search.length > s.length) return false;
  return __ice_same_units(changetype<usize>(s) + (<usize>start << 1), changetype<usize>(search), <usize>search.length << 1);
}
export function __ice_s_ends_with(s: string, search: string, end: f64): bool {
  const stop = end != end ? 0 : __ice_clamp(end, s.length);
  const start = stop - search.length;
  if (start < 0) return false;
  return __ice_same_units(changetype<usize>(s) + (<usize>start << 1), changetype<usize>(search), <usize>search.length << 1);
}
export function __ice_s_slice(s: string, start: f64, end: f64): string {
  const len = s.length;
  const from = __ice_rel(start, len);
  const to = end != end ? 0 : __ice_rel(end, len);
  return from >= to ? "" : __ice_sub(s, from, to);
}
export function __ice_s_substring(s: string, start: f64, end: f64): string {
  const len = s.length;
  const a = __ice_clamp(start, len);
  const b = __ice_clamp(end, len);
  return __ice_sub(s, min(a, b), max(a, b));
}
function __ice_is_space(c: i32): bool {
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32 || c == 0xa0 || c == 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}
export function __ice_trim(s: string, start: bool, end: bool): string {
  let a = 0;
  let b = s.length;
  if (start) while (a < b && __ice_is_space(__ice_s_cu(s, a))) a++;
  if (end) while (b > a && __ice_is_space(__ice_s_cu(s, b - 1))) b--;
  return __ice_sub(s, a, b);
}
export function __ice_pad(s: string, length: f64, fill: string, start: bool): string {
  const target = length != length ? 0 : length;
  if (target <= <f64>s.length || fill.length == 0) return s;
  if (target > 268435456.0) abort("RangeError: Invalid string length");
  const n = <i32>target - s.length;
  const w = new __ice_Tw(<i32>target);
  if (!start) w.str(s);
  const f = fill.length;
  for (let k = 0; k < n; k += f) w.range(fill, 0, min(f, n - k));
  if (start) w.str(s);
  return w.finish();
}
export function __ice_repeat(s: string, count: f64): string {
  const n = count != count ? 0.0 : Math.trunc(count);
  if (n < 0 || n == Infinity) abort("RangeError: Invalid count value: " + __ice_num_str(count));
  if (s.length == 0 || n == 0) return "";
  if (n * <f64>s.length > 268435456.0) abort("RangeError: Invalid string length");
  return s.repeat(<i32>n);
}
/** The first index in [i, end) of the code unit c in the text at p, or -1: four units per 8-byte load. */
function __ice_unit_at(p: usize, i: i32, end: i32, c: u16): i32 {
  const lanes: u64 = 0x0001000100010001;
  const pattern = <u64>c * lanes;
  while (i + 4 <= end) {
    const x = load<u64>(p + (<usize>i << 1)) ^ pattern;
    // the lowest 0x8000 bit marks the first lane of x that is zero (lanes above it may be false positives)
    const z = (x - lanes) & ~x & 0x8000800080008000;
    if (z != 0) return i + <i32>(ctz<u64>(z) >> 4);
    i += 4;
  }
  while (i < end) { if (load<u16>(p + (<usize>i << 1)) == c) return i; i++; }
  return -1;
}
export function __ice_split(s: string, sep: string, limit: f64): Array<string> {
  const lim = __ice_u32(limit);
  const r = new Array<string>();
  if (lim == 0) return r;
  const n = s.length;
  const m = sep.length;
  if (m == 0) {
    for (let k = 0; k < n && <f64>r.length < lim; k++) r.push(s.charAt(k));
    return r;
  }
  // A direct scan for the separator's first code unit (four at a time), then the rest compared in place.
  const sp = changetype<usize>(s);
  const qp = changetype<usize>(sep);
  const first = load<u16>(qp);
  const last = n - m;
  let from = 0;
  let i = 0;
  while (true) {
    i = __ice_unit_at(sp, i, last + 1, first);
    if (i < 0) break;
    let j = 1;
    while (j < m && load<u16>(sp + (<usize>(i + j) << 1)) == load<u16>(qp + (<usize>j << 1))) j++;
    if (j < m) { i++; continue; }
    r.push(__ice_sub(s, from, i));
    if (<f64>r.length >= lim) return r;
    from = i + m;
    i = from;
  }
  r.push(__ice_sub(s, from, n));
  return r;
}
function __ice_substitute(matched: string, s: string, at: i32, rep: string): string {
  if (rep.indexOf("$") < 0) return rep;
  const w = new __ice_Tw(rep.length);
  for (let k = 0; k < rep.length; k++) {
    const c = __ice_s_cu(rep, k);
    if (c == 36 && k + 1 < rep.length) {
      const d = __ice_s_cu(rep, k + 1);
      if (d == 36) { w.unit(36); k++; continue; }
      if (d == 38) { w.str(matched); k++; continue; }
      if (d == 96) { w.range(s, 0, at); k++; continue; }
      if (d == 39) { w.range(s, at + matched.length, s.length); k++; continue; }
    }
    w.unit(c);
  }
  return w.finish();
}
export function __ice_replace(s: string, search: string, rep: string): string {
  const at = __ice_s_index_of(s, search, 0);
  if (at < 0) return s;
  const k = <i32>at;
  return s.substring(0, k) + __ice_substitute(search, s, k, rep) + s.substring(k + search.length);
}
export function __ice_replace_all(s: string, search: string, rep: string): string {
  const step = max(1, search.length);
  let at = <i32>__ice_s_index_of(s, search, 0);
  if (at < 0) return s;
  const w = new __ice_Tw(s.length);
  let last = 0;
  while (at >= 0) {
    w.range(s, last, at);
    w.str(__ice_substitute(search, s, at, rep));
    last = at + search.length;
    const next = at + step;
    at = next > s.length ? -1 : <i32>__ice_s_index_of(s, search, <f64>next);
  }
  w.range(s, last, s.length);
  return w.finish();
}
`;
