/**
 * @fileoverview The support library's store of a JSON object's own properties (`__ice_J.o`,
 * json.ts): keys and values in JavaScript's order (integer-like keys first, ascending, then the
 * others in insertion order; json.ts's `__ice_j_put` decides where a new key goes), as pairs in one
 * raw block sized to the object (JSON.parse knows the count: jsonText.ts). Why: JSON data is made
 * of many small objects, and an object was a value, an order array and a two-array map (8
 * allocations, ~300 bytes for 4 properties); it is now 3 allocations, 96 bytes. Up to 8
 * properties are searched in place (the same string first, then length and code units); from the
 * ninth, an open-addressing table of positions (FNV-1a of the code units) finds them.
 */

/** AssemblyScript source: `__ice_JO`. */
export const JSON_FIELDS_SUPPORT = `

// ---- properties of a JSON object ------------------------------------------------------------
/** Equal code units at a and b, bytes long (even): without a loop up to 16 bytes. */
// @ts-ignore: decorator
@inline function __ice_same_bytes(a: usize, b: usize, bytes: usize): bool {
  if (bytes >= 8) {
    if (load<u64>(a) != load<u64>(b)) return false;
    let i: usize = 8;
    while (i + 8 < bytes) { if (load<u64>(a + i) != load<u64>(b + i)) return false; i += 8; }
    // The last 8 bytes (overlapping the ones compared).
    return load<u64>(a + bytes - 8) == load<u64>(b + bytes - 8);
  }
  if (bytes >= 4) return load<u32>(a) == load<u32>(b) && load<u32>(a + bytes - 4) == load<u32>(b + bytes - 4);
  return bytes == 0 || load<u16>(a) == load<u16>(b);
}
/** Equal strings: the same object, or the same length and code units. */
@inline function __ice_same_text(a: string, b: string): bool {
  if (changetype<usize>(a) == changetype<usize>(b)) return true;
  const n = a.length;
  if (n != b.length) return false;
  return __ice_same_bytes(changetype<usize>(a), changetype<usize>(b), <usize>n << 1);
}
/** FNV-1a over a string's code units. */
function __ice_jo_hash(k: string): u32 {
  let h: u32 = 2166136261;
  const p = changetype<usize>(k);
  const n = k.length;
  for (let i = 0; i < n; i++) h = (h ^ <u32>load<u16>(p + (<usize>i << 1))) * 16777619;
  return h;
}
/** Properties up to which a search goes through the keys in place. */
// @ts-ignore: decorator
@inline const __ICE_JO_SMALL: i32 = 8;
/** The own properties of a JSON object, in JavaScript's order. */
@final export class __ice_JO {
  /** cap pairs: the key at 8 * i, the value at 8 * i + 4. */
  data: usize = 0;
  n: i32 = 0;
  cap: i32 = 0;
  /** How many keys at the front are integer-like. */
  ni: i32 = 0;
  /** From __ICE_JO_SMALL + 1 properties: a table of positions + 1 (0: empty), mask + 1 slots. */
  index: usize = 0;
  mask: i32 = 0;
  constructor(cap: i32) {
    this.cap = cap;
    if (cap > 0) this.data = heap.alloc(<usize>cap << 3);
  }
  @inline key(i: i32): string { return changetype<string>(<usize>load<u32>(this.data + (<usize>i << 3))); }
  @inline val(i: i32): __ice_J { return changetype<__ice_J>(<usize>load<u32>(this.data + (<usize>i << 3), 4)); }
  @inline setVal(i: i32, v: __ice_J): void { store<u32>(this.data + (<usize>i << 3), <u32>changetype<usize>(v), 4); }
  /** Appends a pair where the caller knows the key is new and not integer-like, within cap. */
  @inline append(k: string, v: __ice_J): void {
    const at = this.data + (<usize>this.n << 3);
    store<u32>(at, <u32>changetype<usize>(k));
    store<u32>(at, <u32>changetype<usize>(v), 4);
    this.n++;
  }
  /** The position of k, or -1. */
  find(k: string): i32 {
    const n = this.n;
    if (this.index == 0) {
      const data = this.data;
      for (let i = 0; i < n; i++)
        if (changetype<usize>(k) == <usize>load<u32>(data + (<usize>i << 3))) return i;
      const len = k.length;
      for (let i = 0; i < n; i++) {
        const key = changetype<string>(<usize>load<u32>(data + (<usize>i << 3)));
        if (key.length == len && __ice_same_text(key, k)) return i;
      }
      return -1;
    }
    const mask = <u32>this.mask;
    let h = __ice_jo_hash(k) & mask;
    while (true) {
      const slot = load<i32>(this.index + (<usize>h << 2));
      if (slot == 0) return -1;
      if (__ice_same_text(this.key(slot - 1), k)) return slot - 1;
      h = (h + 1) & mask;
    }
  }
  /** Puts position i in the table (room for it is known). */
  private indexAt(i: i32): void {
    const mask = <u32>this.mask;
    let h = __ice_jo_hash(this.key(i)) & mask;
    while (load<i32>(this.index + (<usize>h << 2)) != 0) h = (h + 1) & mask;
    store<i32>(this.index + (<usize>h << 2), i + 1);
  }
  /** A new table for the current keys, or none when they are few. */
  reindex(): void {
    const n = this.n;
    if (n <= __ICE_JO_SMALL) { this.index = 0; this.mask = 0; return; }
    let size = 32;
    while (size < n * 2) size <<= 1;
    const t = heap.alloc(<usize>size << 2);
    for (let i = 0; i < size; i += 2) store<u64>(t + (<usize>i << 2), 0);
    this.index = t;
    this.mask = size - 1;
    for (let i = 0; i < n; i++) this.indexAt(i);
  }
  /** Inserts the new key k at position at (0 <= at <= n), after the ones before it. */
  insert(at: i32, k: string, v: __ice_J): void {
    const n = this.n;
    if (n == this.cap) {
      const cap = max(4, this.cap << 1);
      this.data = this.data == 0 ? heap.alloc(<usize>cap << 3) : heap.realloc(this.data, <usize>cap << 3);
      this.cap = cap;
    }
    const data = this.data;
    for (let i = n; i > at; i--) store<u64>(data + (<usize>i << 3), load<u64>(data + (<usize>(i - 1) << 3)));
    store<u32>(data + (<usize>at << 3), <u32>changetype<usize>(k));
    store<u32>(data + (<usize>at << 3), <u32>changetype<usize>(v), 4);
    this.n = n + 1;
    if (this.index == 0) {
      if (n + 1 > __ICE_JO_SMALL) this.reindex();
    } else if ((n + 1) * 2 > this.mask + 1) {
      this.reindex();
    } else {
      if (at < n) {
        // Positions after at moved up by one.
        const size = this.mask + 1;
        for (let j = 0; j < size; j++) {
          const p = this.index + (<usize>j << 2);
          const slot = load<i32>(p);
          if (slot > at) store<i32>(p, slot + 1);
        }
      }
      this.indexAt(at);
    }
  }
  /** Removes the property at position at. */
  remove(at: i32): void {
    const n = this.n - 1;
    const data = this.data;
    for (let i = at; i < n; i++) store<u64>(data + (<usize>i << 3), load<u64>(data + (<usize>(i + 1) << 3)));
    this.n = n;
    if (at < this.ni) this.ni--;
    if (this.index != 0) this.reindex();
  }
}
`;
