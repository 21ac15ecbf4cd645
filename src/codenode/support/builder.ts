/**
 * @fileoverview The support library's string builder: a string local that a loop extends with
 * `s += x` (src/codenode/print/locals.ts decides which) lives in a growable buffer instead of
 * being copied whole at every step (the runtime never frees, so `+=` in a loop was quadratic in
 * time and memory). Reading the local gives an ordinary string, made once per change.
 */

/** AssemblyScript source: `__ice_Sb`. */
export const BUILDER_SUPPORT = `
// ---- string builder -----------------------------------------------------------------------
export class __ice_Sb {
  /** The value's code units while inBuf (room for cap code units). */
  ptr: usize = 0;
  cap: i32 = 0;
  len: i32 = 0;
  inBuf: bool = false;
  /** The value as a string, while ok. */
  s: string;
  ok: bool = true;
  constructor(s: string) {
    this.s = s;
    this.len = s.length;
  }
  set(s: string): string {
    this.s = s;
    this.ok = true;
    this.inBuf = false;
    this.len = s.length;
    return s;
  }
  append(t: string): void {
    const n = t.length;
    if (n == 0) return;
    const len = this.len;
    if (len + n > 536870888) abort("RangeError: Invalid string length");
    if (!this.inBuf && this.ptr != 0 && len + n <= this.cap) {
      // After set(), the buffer (private: get() decodes a copy) takes the new value again.
      memory.copy(this.ptr, changetype<usize>(this.s), <usize>len << 1);
      this.inBuf = true;
    } else if (!this.inBuf || len + n > this.cap) {
      // Doubling what the buffer held, not what it held before a set(): a local reset and
      // extended once per row (a CSV cell) must not double its allocation at every reset.
      let cap = this.inBuf ? this.cap << 1 : 32;
      while (cap < len + n) cap <<= 1;
      const p = heap.alloc(<usize>cap << 1);
      memory.copy(p, this.inBuf ? this.ptr : changetype<usize>(this.s), <usize>len << 1);
      this.ptr = p;
      this.cap = cap;
      this.inBuf = true;
    }
    __ice_copy16(this.ptr + (<usize>len << 1), changetype<usize>(t), n);
    this.len = len + n;
    this.ok = false;
  }
  get(): string {
    if (!this.ok) {
      this.s = String.UTF16.decodeUnsafe(this.ptr, <usize>this.len << 1);
      this.ok = true;
    }
    return this.s;
  }
}
`;
