/**
 * @fileoverview The support library's linear text building: a copy of UTF-16 code units, a
 * substring, `join` of strings in one allocation, and a text writer (a growable buffer made a
 * string once at the end). Why: the runtime is `stub` (a bump allocator that never frees), so
 * `s += x` in a loop copies and keeps every intermediate string (quadratic in time and memory);
 * AssemblyScript's own `Array<string>#join` does exactly that under `--shrinkLevel 1`; and
 * `memory.copy` was a byte loop when source and destination alignments differ (the common case
 * for strings at odd offsets) while bulk memory was disabled for metering. It is one instruction
 * now (charged by length: src/emit/wasm/meterBulk.ts); `__ice_copy16` was not measured against it
 * since and stays.
 */

/** AssemblyScript source: text copies, substrings, joins and the text writer. */
export const TEXT_SUPPORT = `

// ---- linear text building -----------------------------------------------------------------
/** Copies n code units (non-overlapping), 8 bytes at a time (unaligned access is allowed). */
@inline export function __ice_copy16(dst: usize, src: usize, n: i32): void {
  let b = <usize>n << 1;
  while (b >= 16) {
    store<u64>(dst, load<u64>(src));
    store<u64>(dst, load<u64>(src, 8), 8);
    dst += 16; src += 16; b -= 16;
  }
  if (b >= 8) { store<u64>(dst, load<u64>(src)); dst += 8; src += 8; b -= 8; }
  if (b >= 4) { store<u32>(dst, load<u32>(src)); dst += 4; src += 4; b -= 4; }
  if (b >= 2) store<u16>(dst, load<u16>(src));
}
/** A new string of n code units, to be filled by the caller. */
@inline export function __ice_new_text(n: i32): usize {
  if (n > 536870888) abort("RangeError: Invalid string length");
  return __new(<usize>n << 1, idof<string>());
}
/** s.substring(from, to) for 0 <= from <= to <= s.length: the same string when whole, "" when empty. */
export function __ice_sub(s: string, from: i32, to: i32): string {
  const n = to - from;
  if (n <= 0) return "";
  if (n == s.length) return s;
  const out = __ice_new_text(n);
  __ice_copy16(out, changetype<usize>(s) + (<usize>from << 1), n);
  return changetype<string>(out);
}
/** a.join(sep) of strings: total length first, one allocation, one copy of each part. */
export function __ice_join_strs(a: Array<string>, sep: string): string {
  const n = a.length;
  if (n == 0) return "";
  const first = unchecked(a[0]);
  if (n == 1) return changetype<usize>(first) == 0 ? "" : first;
  const m = sep.length;
  let total: i64 = <i64>m * <i64>(n - 1);
  for (let k = 0; k < n; k++) {
    const s = unchecked(a[k]);
    if (changetype<usize>(s) != 0) total += <i64>s.length;
  }
  if (total > 536870888) abort("RangeError: Invalid string length");
  if (total == 0) return "";
  const out = __ice_new_text(<i32>total);
  let p = out;
  for (let k = 0; k < n; k++) {
    if (k > 0 && m > 0) {
      __ice_copy16(p, changetype<usize>(sep), m);
      p += <usize>m << 1;
    }
    const s = unchecked(a[k]);
    if (changetype<usize>(s) == 0) continue;
    const len = s.length;
    __ice_copy16(p, changetype<usize>(s), len);
    p += <usize>len << 1;
  }
  return changetype<string>(out);
}
/**
 * a + b (the \`+\` of two strings): AssemblyScript's concat copies through memory.copy, a byte loop
 * at odd offsets; this copies 8 bytes at a time (object keys such as "k" + i: 2 loop passes, not ~10).
 */
export function __ice_cat2(a: string, b: string): string {
  const la = a.length;
  const n = la + b.length;
  if (n == 0) return "";
  const out = __ice_new_text(n);
  __ice_copy16(out, changetype<usize>(a), la);
  __ice_copy16(out + (<usize>la << 1), changetype<usize>(b), n - la);
  return changetype<string>(out);
}
/** a + b + c in one allocation (template literals). */
export function __ice_cat3(a: string, b: string, c: string): string {
  const la = a.length;
  const lb = b.length;
  const n = la + lb + c.length;
  if (n == 0) return "";
  const out = __ice_new_text(n);
  __ice_copy16(out, changetype<usize>(a), la);
  __ice_copy16(out + (<usize>la << 1), changetype<usize>(b), lb);
  __ice_copy16(out + (<usize>(la + lb) << 1), changetype<usize>(c), c.length);
  return changetype<string>(out);
}
/** a + b + c + d in one allocation (template literals). */
export function __ice_cat4(a: string, b: string, c: string, d: string): string {
  const la = a.length;
  const lb = b.length;
  const lc = c.length;
  const n = la + lb + lc + d.length;
  if (n == 0) return "";
  const out = __ice_new_text(n);
  __ice_copy16(out, changetype<usize>(a), la);
  __ice_copy16(out + (<usize>la << 1), changetype<usize>(b), lb);
  __ice_copy16(out + (<usize>(la + lb) << 1), changetype<usize>(c), lc);
  __ice_copy16(out + (<usize>(la + lb + lc) << 1), changetype<usize>(d), d.length);
  return changetype<string>(out);
}
/** A text being written: code units in a growable buffer, made a string once by finish(). */
export class __ice_Tw {
  ptr: usize;
  cap: i32;
  len: i32 = 0;
  constructor(cap: i32) {
    this.cap = max(cap, 16);
    this.ptr = heap.alloc(<usize>this.cap << 1);
  }
  /** Makes room for n more code units; returns where they go. */
  @inline room(n: i32): usize {
    const need = this.len + n;
    if (need > this.cap) this.grow(need);
    return this.ptr + (<usize>this.len << 1);
  }
  grow(need: i32): void {
    if (need > 536870888 || need < 0) abort("RangeError: Invalid string length");
    let cap = this.cap << 1;
    while (cap < need) cap <<= 1;
    // The stub runtime grows the last block in place; otherwise it copies (aligned: 8 bytes at a time).
    this.ptr = heap.realloc(this.ptr, <usize>cap << 1);
    this.cap = cap;
  }
  /** Appends one code unit. */
  @inline unit(c: i32): void {
    store<u16>(this.room(1), <u16>c);
    this.len++;
  }
  /** Appends a string. */
  str(s: string): void {
    const n = s.length;
    if (n == 0) return;
    __ice_copy16(this.room(n), changetype<usize>(s), n);
    this.len += n;
  }
  /** Appends s.substring(from, to) (0 <= from <= to <= s.length). */
  range(s: string, from: i32, to: i32): void {
    const n = to - from;
    if (n <= 0) return;
    __ice_copy16(this.room(n), changetype<usize>(s) + (<usize>from << 1), n);
    this.len += n;
  }
  /** Appends the decimal digits of a non-negative integer below 2^31. */
  digits(v: i32): void {
    let n = 1;
    for (let t = v; t >= 10; t = t / 10) n++;
    const at = this.room(n);
    let p = at + (<usize>n << 1);
    let t = v;
    do { p -= 2; store<u16>(p, <u16>(48 + t % 10)); t = t / 10; } while (t != 0);
    this.len += n;
  }
  /** Appends String(x) of a number. */
  num(x: f64): void {
    if (x >= 0 && x < 2147483648.0 && x == <f64>(<i32>x)) {
      this.digits(<i32>x);
      return;
    }
    this.str(__ice_num_str(x));
  }
  finish(): string {
    const n = this.len;
    if (n == 0) return "";
    const out = __ice_new_text(n);
    __ice_copy16(out, this.ptr, n);
    return changetype<string>(out);
  }
}
`;
