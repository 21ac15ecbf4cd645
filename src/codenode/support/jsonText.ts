/**
 * @fileoverview The support library's `JSON.parse` into JSON values (`__ice_J`, json.ts): numbers
 * as JavaScript reads them, duplicate keys (last value at the first position), `__proto__` as
 * data, lone surrogates kept; errors through `__ice_j_throw`. `JSON.stringify`: jsonStringify.ts.
 */

/** AssemblyScript source: JSON.parse. */
export const JSON_TEXT_SUPPORT = `
// ---- JSON.parse ---------------------------------------------------------------------------
/**
 * Of four code units (a u64 load), the ones JSON text and JSON.stringify do not pass through as
 * they are: bit 7 of a lane is set when its unit is below the space, a quote, a backslash or not
 * ASCII (then a surrogate may need care). Each lane's sums stay below 0x10000: no carries.
 */
// @ts-ignore: decorator
@inline function __ice_special4(x: u64): u64 {
  const lanes: u64 = 0x0080008000800080;
  const low = x & 0x007f007f007f007f;
  const high = (((x >> 7) & 0x01ff01ff01ff01ff) + 0x01ff01ff01ff01ff) & 0x0200020002000200;
  return ((~(low + 0x0060006000600060) |
    ~((low ^ 0x0022002200220022) + 0x007f007f007f007f) |
    ~((low ^ 0x005c005c005c005c) + 0x007f007f007f007f)) & lanes) | (high >> 2);
}
/** The position of the first unit from i that is special (see __ice_special4), or n, looking 4 at a time. */
// @ts-ignore: decorator
@inline function __ice_plain_until(sp: usize, i: i32, n: i32): i32 {
  while (i + 4 <= n) {
    const bad = __ice_special4(load<u64>(sp + (<usize>i << 1)));
    if (bad != 0) return i + <i32>(ctz(bad) >> 4);
    i += 4;
  }
  return i;
}
class __ice_JP {
  i: i32 = 0;
  /** The open arrays and objects: 12 bytes each (where their values start, flags, keys seen). */
  frames: usize = 0;
  ftop: i32 = 0;
  fcap: i32 = 0;
  /** Property names met so far (up to 32): a name seen before is the same string again. */
  names: Array<string> = new Array<string>(0);
  /** Where in names the next name is looked for first (records repeat their keys in order). */
  hint: i32 = 0;
  /** The position in names of the last name read, or -1 when it is not one of them. */
  interned: i32 = -1;
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
  @inline push(v: usize): void {
    if (this.top == this.cap) this.grow();
    store<u32>(this.stack + (<usize>this.top << 2), <u32>v);
    this.top++;
  }
  grow(): void {
    const cap = max(64, this.cap << 1);
    this.stack = this.stack == 0 ? heap.alloc(<usize>cap << 2) : heap.realloc(this.stack, <usize>cap << 2);
    this.cap = cap;
  }
  @inline item(i: i32): usize { return <usize>load<u32>(this.stack + (<usize>i << 2)); }
}
/** True when the text at from holds name's code units and then a quote. */
// @ts-ignore: decorator
@inline function __ice_jp_is(p: __ice_JP, from: i32, name: string): bool {
  const len = name.length;
  if (from + len >= p.n || p.at(from + len) != 34) return false;
  return __ice_same_bytes(p.sp + (<usize>from << 1), changetype<usize>(name), <usize>len << 1);
}
/**
 * A property name: one seen before in this text is returned again (no allocation, and the same
 * string makes lookups in __ice_JO a pointer comparison), tried first where the last one was
 * followed; names with escapes are decoded. A remembered name has no quote, backslash or control
 * character, so the text holding its units and then a quote is that name.
 */
function __ice_jp_name(p: __ice_JP): string {
  const start = p.i + 1;
  const names = p.names;
  const count = names.length;
  if (count > 0) {
    let k = p.hint;
    if (k >= count) k = 0;
    for (let tries = 0; tries < count; tries++) {
      const name = unchecked(names[k]);
      if (__ice_jp_is(p, start, name)) {
        p.i = start + name.length + 1;
        p.hint = k + 1;
        p.interned = k;
        return name;
      }
      if (++k == count) k = 0;
    }
  }
  const n = p.n;
  let i = start;
  while (i < n) {
    const c = p.at(i);
    if (c == 34 || c == 92 || c < 32) break;
    i++;
  }
  p.interned = -1;
  if (i >= n || p.at(i) != 34) return __ice_jp_string(p);
  const name = __ice_sub(p.s, start, i);
  if (count < 32) {
    names.push(name);
    p.hint = count + 1;
    p.interned = count;
  }
  p.i = i + 1;
  return name;
}
function __ice_jp_fail(p: __ice_JP): void {
  if (p.i >= p.n) __ice_j_throw("SyntaxError", "Unexpected end of JSON input");
  __ice_j_throw("SyntaxError", "Unexpected token in JSON at position " + p.i.toString());
}
/** Skips white space; the code unit after it, or -1 at the end. */
@inline function __ice_jp_ws(p: __ice_JP): i32 {
  const i = p.i;
  if (i < p.n) {
    const c = p.at(i);
    if (c > 32) return c;
  }
  return __ice_jp_ws_run(p);
}
function __ice_jp_ws_run(p: __ice_JP): i32 {
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
  const sp = p.sp;
  while (true) {
    i = __ice_plain_until(sp, i, n);
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
  let i = start;
  let negative = false;
  if (p.at(i) == 45) { negative = true; i++; }
  if (i >= n) { p.i = i; __ice_jp_fail(p); }
  const first = p.at(i);
  // The integer part's value as it is read: exact up to 15 digits.
  let v: f64 = 0;
  let digits = 0;
  if (first == 48) { i++; digits = 1; }
  else if (first >= 49 && first <= 57) {
    while (i < n) {
      const c = p.at(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + <f64>(c - 48);
      i++;
      digits++;
    }
  } else { p.i = i; __ice_jp_fail(p); }
  p.i = i;
  let simple = digits <= 15;
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
  if (simple) return negative ? -v : v;
  return __ice_str_num(p.s.substring(start, p.i), 0, NaN);
}
/** The literal word at p.i (true, false, null): its first four code units compared at once. */
function __ice_jp_literal(p: __ice_JP, word: string): void {
  const len = word.length;
  if (p.i + len <= p.n) {
    const at = p.sp + (<usize>p.i << 1);
    const w = changetype<usize>(word);
    if (load<u64>(at) == load<u64>(w) && (len == 4 || load<u16>(at, 8) == load<u16>(w, 8))) {
      p.i += len;
      return;
    }
  }
  for (let j = 0; j < word.length; j++) {
    if (p.i >= p.n || p.at(p.i) != word.charCodeAt(j)) __ice_jp_fail(p);
    p.i++;
  }
}
/** A value that is not an array or an object, starting with the code unit c (not recursive). */
function __ice_jp_scalar(p: __ice_JP, c: i32): __ice_J {
  if (c == 34) return __ice_jv_str(__ice_jp_string(p));
  if (c == 45 || (c >= 48 && c <= 57)) return __ice_jv_num(__ice_jp_number(p));
  if (c == 116) { __ice_jp_literal(p, "true"); return __ice_jv_bool(true); }
  if (c == 102) { __ice_jp_literal(p, "false"); return __ice_jv_bool(false); }
  if (c == 110) { __ice_jp_literal(p, "null"); return __ice_j_null(); }
  __ice_jp_fail(p);
  return __ice_j_undef();
}
/** Opens a container at its first value (or key); c is 91 ([) or 123 ({). */
function __ice_jp_open(p: __ice_JP, c: i32): void {
  if (p.ftop == p.fcap) {
    const cap = max(16, p.fcap << 1);
    p.frames = p.frames == 0 ? heap.alloc(<usize>cap * 12) : heap.realloc(p.frames, <usize>cap * 12);
    p.fcap = cap;
  }
  const f = p.frames + <usize>p.ftop * 12;
  store<i32>(f, p.top);
  // Flags: 1 an object, 2 its pairs may go in as they are, 4 every key so far is one of p.names.
  store<i32>(f, c == 123 ? 7 : 0, 4);
  store<u32>(f, 0, 8);
  p.ftop++;
}
/**
 * Reads an object's key and its colon, and pushes the key. Checks whether the object's pairs may
 * go in as they are (in order, new, not integer-like, at most __ICE_JO_SMALL): while every key
 * is one of p.names (up to 32), a repeated key is a bit already set in the frame's set.
 */
function __ice_jp_key(p: __ice_JP): void {
  if (__ice_jp_ws(p) != 34) __ice_jp_fail(p);
  const key = __ice_jp_name(p);
  const f = p.frames + <usize>(p.ftop - 1) * 12;
  let flags = load<i32>(f, 4);
  if ((flags & 2) != 0) {
    const base = load<i32>(f);
    const len = key.length;
    if (p.interned < 0) flags &= ~4;
    if (len > 0 && <u32>(load<u16>(changetype<usize>(key)) - 48) < 10) flags &= ~2;
    else if (p.top - base >= __ICE_JO_SMALL << 1) flags &= ~2;
    else if ((flags & 4) != 0) {
      const bit: u32 = 1 << <u32>p.interned;
      const seen = load<u32>(f, 8);
      if ((seen & bit) != 0) flags &= ~2;
      store<u32>(f, seen | bit, 8);
    } else
      for (let j = base; j < p.top; j += 2) {
        const other = changetype<string>(p.item(j));
        if (other.length == len && __ice_same_text(other, key)) { flags &= ~2; break; }
      }
    store<i32>(f, flags, 4);
  }
  if (__ice_jp_ws(p) != 58) __ice_jp_fail(p);
  p.i++;
  p.push(changetype<usize>(key));
}
/** The array of the values pushed since base. */
function __ice_jp_array_of(p: __ice_JP, base: i32): __ice_J {
  const count = p.top - base;
  const out = new Array<__ice_J>(count);
  const to = out.dataStart;
  const from = p.stack + (<usize>base << 2);
  for (let i = 0; i < count; i++) store<u32>(to + (<usize>i << 2), load<u32>(from + (<usize>i << 2)));
  p.top = base;
  return __ice_jv_arr(out);
}
/** The object of the pairs pushed since base: copied as they are when plain, else put in order. */
function __ice_jp_object_of(p: __ice_JP, base: i32, plain: bool): __ice_J {
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
/**
 * JSON.parse without recursion: the open arrays and objects are frames (p.frames), their values
 * and keys wait on p's stack until the container ends. Nesting deeper than 5000 levels stops the
 * run with a message (as before; the text is then most likely not data).
 */
export function __ice_j_parse(text: string): __ice_J {
  const p = new __ice_JP(text);
  let c = __ice_jp_ws(p);
  let v: __ice_J;
  while (true) {
    // A value starting with c.
    if (c == 91 || c == 123) {
      if (p.ftop >= 5000) abort("JSON.parse: the text nests deeper than 5000 levels");
      p.i++;
      const d = __ice_jp_ws(p);
      if (d == c + 2) {
        // [] or {}
        p.i++;
        v = c == 91 ? __ice_jv_arr(new Array<__ice_J>()) : __ice_j_newobj_cap(0);
      } else {
        __ice_jp_open(p, c);
        if (c == 123) __ice_jp_key(p);
        c = __ice_jp_ws(p);
        continue;
      }
    } else {
      if (c < 0) __ice_jp_fail(p);
      v = __ice_jp_scalar(p, c);
    }
    // v is complete: it goes into the innermost open container, closing those that end here.
    while (true) {
      if (p.ftop == 0) {
        if (__ice_jp_ws(p) >= 0) __ice_jp_fail(p);
        return v;
      }
      p.push(changetype<usize>(v));
      const e = __ice_jp_ws(p);
      if (e < 0) __ice_jp_fail(p);
      p.i++;
      const f = p.frames + <usize>(p.ftop - 1) * 12;
      const flags = load<i32>(f, 4);
      const object = (flags & 1) != 0;
      if (e == 44) {
        if (object) __ice_jp_key(p);
        break;
      }
      if (e != (object ? 125 : 93)) { p.i--; __ice_jp_fail(p); }
      const base = load<i32>(f);
      v = object ? __ice_jp_object_of(p, base, (flags & 2) != 0) : __ice_jp_array_of(p, base);
      p.ftop--;
    }
    c = __ice_jp_ws(p);
  }
  return v;
}
`;
