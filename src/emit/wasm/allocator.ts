/**
 * @fileoverview The sandbox's memory manager: a bump allocator with 8-byte headers, compiled in
 * place of AssemblyScript's `--runtime stub` (the compile worker serves this text as the library
 * file `rt/stub`, so asc still compiles for its stub runtime: no collector, no shadow stack, no
 * write barriers).
 *
 * Why not the stock stub: it gives every block a 4-byte size word plus a 16-byte object header
 * (two words only a collector uses) and aligns blocks to 16 bytes, so a 24-byte object takes 48
 * bytes, a one-character string 32 and a boxed number 32. Every run starts from a reset memory
 * and nothing is ever freed, so bytes allocated are memory touched and zeroed; object-heavy nodes
 * allocate a few MiB per run. Here a block is its payload, rounded up to 8 bytes, after an 8-byte
 * header: 32, 16 and 16 bytes for those three.
 *
 * Layout: the standard library reads only the two last header words of an object (`rtId` at
 * ptr-8, `rtSize` at ptr-4: string and buffer lengths, `instanceof`), so those keep their place;
 * the words before them (`mmInfo`, `gcInfo`, `gcInfo2` of rt/common.ts) belong to the previous
 * block. A raw block (`heap.alloc`, sort buffers) keeps its size at ptr-4 too. Payloads are
 * 8-byte aligned (f64 fields stay aligned; nothing in a sandbox uses v128). A block's capacity is
 * its size rounded up to 8, so growing the last block in place, shrinking it and freeing it need
 * no other bookkeeping. Memory grows as the stub grows it (at least doubling), so where a run
 * runs out of memory depends only on what it allocates.
 *
 * High-water mark: once a run has written its output (`__ice_out_end` settles it), `high` is the
 * furthest the heap's end has been since the instance's state was last put back (`__ice_reset`
 * sets it to its initial value like every global). Everything a run writes to memory lies below
 * it (blocks, the data area below `__heap_base`), so the host zeroes only up to it before the
 * next run instead of the whole memory (runtime/sandbox/program.ts; a 64 KiB memory's zeroing was
 * most of a tiny node's warm call). It is raised only where `offset` is about to move back
 * (freeing or shrinking the last block, `__reset`) and when the run ends, not on every
 * allocation: a test in `__new` made it cost more than the metering's folding bound (meter.ts
 * MAX_FOLDED_COST), and a per-allocation charge on allocation-heavy kernels. The entry exports
 * `__ice_heap_end` returning it; metering turns that into an exported global the host reads
 * without running module code (meterHeapEnd.ts).
 */

/** The `rt/stub` library file's name, as asc's `libraryFiles` keys it. */
export const ALLOCATOR_LIBRARY_KEY = "rt/stub";

/** AssemblyScript source of the allocator (replaces ~lib/rt/stub.ts). */
export const ALLOCATOR_SOURCE = `// iceosc sandbox allocator (src/emit/wasm/allocator.ts)
import { BLOCK_MAXSIZE, OBJECT_MAXSIZE } from "./common";
import { E_ALLOCATION_TOO_LARGE } from "../util/error";

// @ts-ignore: decorator
@inline const HEADER: usize = 8;
// @ts-ignore: decorator
@inline const MASK: usize = 7;

// @ts-ignore: decorator
@lazy let startOffset: usize = (__heap_base + MASK) & ~MASK;
// @ts-ignore: decorator
@lazy let offset: usize = startOffset;
// @ts-ignore: decorator
@lazy let high: usize = startOffset;

/** The high-water mark of the heap's end (see the file comment). */
// @ts-ignore: decorator
@global @inline export function __ice_heap_high(): usize {
  return high;
}

/** Raises the high-water mark to the heap's end: before it moves back, and when a run ends. */
// @ts-ignore: decorator
@global @inline export function __ice_heap_settle(): void {
  if (offset > high) high = offset;
}

/** Moves the end of the heap to newOffset (8-aligned), growing the memory when it must. */
function moveEnd(newOffset: usize): void {
  let pagesBefore = memory.size();
  let maxOffset = <usize>pagesBefore << 16;
  if (newOffset > maxOffset) {
    let pagesNeeded = <i32>(((newOffset - maxOffset + 0xffff) & ~0xffff) >>> 16);
    let pagesWanted = max(pagesBefore, pagesNeeded); // double memory
    if (memory.grow(pagesWanted) < 0) {
      if (memory.grow(pagesNeeded) < 0) unreachable(); // out of memory
    }
  }
  offset = newOffset;
}

/** The end of a block of size bytes at ptr; past the 32-bit address space, out of memory. */
// @ts-ignore: decorator
@inline function blockEnd(ptr: usize, size: usize): usize {
  let end = (ptr + size + MASK) & ~MASK;
  if (end < ptr) outOfMemory();
  return end;
}

/** Fails the way a failed grow fails (the host reports the memory limit). */
function outOfMemory(): void {
  memory.grow(0x10000);
  unreachable();
}

// @ts-ignore: decorator
@unsafe @global
export function __alloc(size: usize): usize {
  if (size > BLOCK_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  let ptr = offset + HEADER;
  moveEnd(blockEnd(ptr, size));
  store<u32>(ptr - 8, 0);
  store<u32>(ptr - 4, <u32>size);
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __realloc(ptr: usize, size: usize): usize {
  if (size > BLOCK_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  let oldSize = <usize>load<u32>(ptr - 4);
  if (blockEnd(ptr, oldSize) == offset) { // last block: grow or shrink in place
    __ice_heap_settle();
    moveEnd(blockEnd(ptr, size));
  } else if (size > ((oldSize + MASK) & ~MASK)) { // copy to a new block
    let newPtr = __alloc(size);
    memory.copy(newPtr, ptr, oldSize);
    store<u32>(newPtr - 8, load<u32>(ptr - 8));
    ptr = newPtr;
  }
  store<u32>(ptr - 4, <u32>size);
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __free(ptr: usize): void {
  if (blockEnd(ptr, <usize>load<u32>(ptr - 4)) == offset) { // last block: discard
    __ice_heap_settle();
    offset = ptr - HEADER;
  }
}

// @ts-ignore: decorator
@unsafe @global
export function __reset(): void { // special
  __ice_heap_settle();
  offset = startOffset;
}

// @ts-ignore: decorator
@unsafe @global
export function __new(size: usize, id: u32): usize {
  if (size > OBJECT_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  let ptr = offset + HEADER;
  moveEnd(blockEnd(ptr, size));
  store<u32>(ptr - 8, id);
  store<u32>(ptr - 4, <u32>size);
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __renew(oldPtr: usize, size: usize): usize {
  if (size > OBJECT_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  return __realloc(oldPtr, size);
}

// @ts-ignore: decorator
@global @unsafe
export function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {
  // nop
}

// @ts-ignore: decorator
@global @unsafe
export function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
export function __unpin(ptr: usize): void {
  // nop
}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void { // eslint-disable-line @typescript-eslint/no-unused-vars
  // nop
}

// @ts-ignore: decorator
@global @unsafe
export function __collect(): void {
  // nop
}
`;
