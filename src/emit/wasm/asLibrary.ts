/**
 * @fileoverview The AssemblyScript half of the wire codec (format: runtime/sandbox/codec.ts),
 * compiled in as the library file `~lib/__ice.ts` (via `--lib`): library files may use raw
 * `load`/`store` under `--noUnsafe`, user code may not. Per-schema readers and writers
 * (marshal.ts) call these primitives; there is no reflection.
 */

/** Directory name asc is given with `--lib`; served from memory. */
export const LIBRARY_DIR = "/__icelib";
/** The library file's name inside LIBRARY_DIR. */
export const LIBRARY_FILE = "__ice.ts";

export const LIBRARY_SOURCE = `// iceosc sandbox codec primitives (wire format: runtime/sandbox/codec.ts)
let __ice_rp: usize = 0;
let __ice_wb: usize = 0;
let __ice_wp: usize = 0;
let __ice_we: usize = 0;

export function __ice_in(length: i32): usize {
  const at = heap.alloc(<usize>(length > 0 ? length : 1));
  __ice_rp = at;
  return at;
}
export function __ice_rd_i32(): i32 { const v = load<i32>(__ice_rp); __ice_rp += 4; return v; }
export function __ice_rd_f64(): f64 { const v = load<f64>(__ice_rp); __ice_rp += 8; return v; }
export function __ice_rd_u8(): i32 { const v = load<u8>(__ice_rp); __ice_rp += 1; return <i32>v; }
export function __ice_rd_bool(): bool { const v = load<u8>(__ice_rp); __ice_rp += 1; return v != 0; }
// memory.copy without bulk memory copied byte by byte when source and destination alignments
// differ, as they do between the wire buffer and a string: 16 bytes at a time instead (unaligned
// loads and stores are allowed), a loop pass, and a fuel check, per 8 code units, not per byte.
// (Bulk memory is enabled now, memory.copy charged by length; this was not measured against it.)
@inline function __ice_copy_bytes(dst: usize, src: usize, b: usize): void {
  while (b >= 16) {
    store<u64>(dst, load<u64>(src));
    store<u64>(dst, load<u64>(src, 8), 8);
    dst += 16; src += 16; b -= 16;
  }
  if (b >= 8) { store<u64>(dst, load<u64>(src)); dst += 8; src += 8; b -= 8; }
  if (b >= 4) { store<u32>(dst, load<u32>(src)); dst += 4; src += 4; b -= 4; }
  if (b >= 2) store<u16>(dst, load<u16>(src));
}
export function __ice_rd_str(): string {
  const bytes = (<usize>load<u32>(__ice_rp)) << 1;
  __ice_rp += 4;
  const s = __new(bytes, idof<string>());
  __ice_copy_bytes(s, __ice_rp, bytes);
  __ice_rp += bytes;
  return changetype<string>(s);
}

function __ice_reserve(size: usize): void {
  if (__ice_wp + size <= __ice_we) return;
  const used = __ice_wp - __ice_wb;
  const capacity = max<usize>((__ice_we - __ice_wb) << 1, used + size);
  const next = heap.realloc(__ice_wb, capacity);
  __ice_wb = next;
  __ice_wp = next + used;
  __ice_we = next + capacity;
}
export function __ice_out_begin(capacity: i32): void {
  __ice_wb = heap.alloc(<usize>capacity + 4);
  __ice_wp = __ice_wb + 4;
  __ice_we = __ice_wp + <usize>capacity;
}
export function __ice_out_end(): usize {
  store<u32>(__ice_wb, <u32>(__ice_wp - __ice_wb - 4));
  __ice_heap_settle(); // the run's last allocation is behind it (src/emit/wasm/allocator.ts)
  return __ice_wb;
}
export function __ice_wr_i32(v: i32): void { __ice_reserve(4); store<i32>(__ice_wp, v); __ice_wp += 4; }
export function __ice_wr_f64(v: f64): void { __ice_reserve(8); store<f64>(__ice_wp, v); __ice_wp += 8; }
export function __ice_wr_u8(v: i32): void { __ice_reserve(1); store<u8>(__ice_wp, <u8>v); __ice_wp += 1; }
export function __ice_wr_bool(v: bool): void { __ice_reserve(1); store<u8>(__ice_wp, v ? 1 : 0); __ice_wp += 1; }
// Writers of fixed-size outputs (no strings or arrays): the buffer was allocated to the exact
// size, so they never grow it (and conditions reach no loop).
export function __ice_put_i32(v: i32): void { if (__ice_wp + 4 > __ice_we) unreachable(); store<i32>(__ice_wp, v); __ice_wp += 4; }
export function __ice_put_f64(v: f64): void { if (__ice_wp + 8 > __ice_we) unreachable(); store<f64>(__ice_wp, v); __ice_wp += 8; }
export function __ice_put_bool(v: bool): void { if (__ice_wp + 1 > __ice_we) unreachable(); store<u8>(__ice_wp, v ? 1 : 0); __ice_wp += 1; }
export function __ice_wr_str(s: string): void {
  const bytes = (<usize>s.length) << 1;
  __ice_reserve(4 + bytes);
  store<u32>(__ice_wp, <u32>s.length);
  __ice_copy_bytes(__ice_wp + 4, changetype<usize>(s), bytes);
  __ice_wp += 4 + bytes;
}
`;
