/**
 * @fileoverview The support library's regular-expression engine: a Pike VM running the programs
 * that src/codenode/regex/compile.ts builds (threads in priority order, so the match is the one
 * JavaScript's backtracking finds, in time linear in the input and metered by fuel like any
 * loop), with JavaScript's assertions (`^`, `$`, `\b`, `\B`, with and without the m, i and u
 * flags) and lookarounds (their tables are in regexLook.ts). `RegExp` objects, match arrays and
 * the string methods are in regexMethods.ts.
 */
import { ASSERT, OP } from "../regex/compile.js";

/** AssemblyScript source: regular expressions. */
export const REGEX_SUPPORT = `

// ---- regular expressions ----
// s.charCodeAt(i) inlined (-1 out of range, as AssemblyScript's; asc leaves the method a call).
@inline function __ice_re_cu(s: string, i: i32): i32 {
  return <u32>i < <u32>s.length ? <i32>load<u16>(changetype<usize>(s) + (<usize>i << 1)) : -1;
}
export class __ice_ReVM {
  n: i32;
  slots: i32;
  cpcs: StaticArray<i32>;
  ccaps: StaticArray<i32>;
  ccount: i32 = 0;
  npcs: StaticArray<i32>;
  ncaps: StaticArray<i32>;
  ncount: i32 = 0;
  marks: StaticArray<i32>;
  gen: i32 = 0;
  work: StaticArray<i32>;
  best: StaticArray<i32>;
  /**
   * add's work stack: pc entries (pc, 0) and capture restores (-1 - slot, value). Every
   * instruction is expanded at most once per add, so its size is bounded by what all of them
   * push together (__ice_re_stack_bound), plus the first entry: writes need no bounds check (the
   * corpus and fuzz rounds ran with checked writes first, and none ever went past the bound).
   */
  stack: StaticArray<i32>;
  /**
   * The characters a match can start with, one bit per UTF-16 code unit, or null when any
   * position may start one (the program can reach an assertion other than a lookaround, or the
   * match, before reading, or
   * the set is so large that looking it up costs more than it saves). An unanchored search skips
   * positions whose character is not in it instead of starting threads there.
   */
  first: StaticArray<u32> | null = null;
  /** The set has a character beyond U+FFFF (unicode mode): every lead surrogate is a candidate. */
  firstAstral: bool = false;
  /** The lookarounds the program tests, or null. */
  looks: __ice_ReLooks | null;
  /** entry: where the program starts (a capturing lookahead's body runs in a VM of its own). */
  constructor(public prog: StaticArray<i32>, groups: i32, public entry: i32 = 0) {
    const n = prog.length;
    const slots = 2 * (groups + 1);
    this.n = n;
    this.slots = slots;
    this.cpcs = new StaticArray<i32>(n);
    this.npcs = new StaticArray<i32>(n);
    this.ccaps = new StaticArray<i32>(n * slots);
    this.ncaps = new StaticArray<i32>(n * slots);
    this.marks = new StaticArray<i32>(n);
    this.work = new StaticArray<i32>(slots);
    this.best = new StaticArray<i32>(slots);
    this.stack = new StaticArray<i32>(__ice_re_stack_bound(prog));
    this.looks = __ice_re_looks(prog);
    this.firstSet();
  }
  /** Fills first and firstAstral from the instructions reachable from pc 0 without reading. */
  firstSet(): void {
    const prog = this.prog;
    const seen = new StaticArray<bool>(this.n);
    const todo = new Array<i32>();
    const ranges = new Array<i32>();
    let size: i32 = 0;
    todo.push(this.entry);
    while (todo.length > 0) {
      const pc = todo.pop();
      if (unchecked(seen[pc])) continue;
      unchecked(seen[pc] = true);
      const op = unchecked(prog[pc]);
      if (op == ${OP.jmp}) todo.push(unchecked(prog[pc + 1]));
      else if (op == ${OP.split}) { todo.push(unchecked(prog[pc + 1])); todo.push(unchecked(prog[pc + 2])); }
      else if (op == ${OP.save}) todo.push(pc + 2);
      else if (op == ${OP.reset}) todo.push(pc + 3);
      // A lookaround reads nothing: a match starting here still reads its first character after it.
      else if (op == ${OP.look}) todo.push(pc + 7);
      else if (op == ${OP.char}) { const c = unchecked(prog[pc + 1]); ranges.push(c); ranges.push(c); size += 1; }
      else if (op == ${OP.set}) {
        const k = unchecked(prog[pc + 1]);
        for (let r = 0; r < k; r++) {
          const lo = unchecked(prog[pc + 2 + 2 * r]);
          const hi = unchecked(prog[pc + 3 + 2 * r]);
          ranges.push(lo); ranges.push(hi);
          size += hi - lo + 1;
        }
      } else return; // match or assertion: a match may start anywhere
    }
    if (size > 0x4000) return;
    const bits = new StaticArray<u32>(2048);
    for (let r = 0; r < ranges.length; r += 2) {
      const lo = unchecked(ranges[r]);
      const hi = min(unchecked(ranges[r + 1]), 0xffff);
      if (unchecked(ranges[r + 1]) > 0xffff) this.firstAstral = true;
      for (let c = lo; c <= hi; c++) unchecked(bits[c >>> 5] |= (<u32>1) << <u32>(c & 31));
    }
    this.first = bits;
  }
  /** The first position from pos on (stepping as the search does) whose character may start a match. */
  skip(s: string, pos: i32, unicode: bool): i32 {
    const bits = this.first!;
    const astral = this.firstAstral;
    const len = s.length;
    while (pos < len) {
      const c = <i32>__ice_re_cu(s, pos);
      if ((unchecked(bits[c >>> 5]) & ((<u32>1) << <u32>(c & 31))) != 0) return pos;
      if (unicode && c >= 0xd800 && c <= 0xdbff && pos + 1 < len) {
        const d = <i32>__ice_re_cu(s, pos + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (astral) return pos;
          pos += 2;
          continue;
        }
      }
      pos++;
    }
    return pos;
  }
  /** Adds the thread at pc (and everything it reaches without reading) to the next list, in priority order. */
  add(pc0: i32, pos: i32, s: string): void {
    const prog = this.prog;
    const stack = this.stack;
    const work = this.work;
    const gen = this.gen;
    let top = 0;
    __ice_re_st(stack, top++, pc0); __ice_re_st(stack, top++, 0);
    while (top > 0) {
      const value = unchecked(stack[--top]);
      const tag = unchecked(stack[--top]);
      if (tag < 0) { __ice_re_st(work, -1 - tag, value); continue; }
      const pc = tag;
      if (unchecked(this.marks[pc]) == gen) continue;
      __ice_re_st(this.marks, pc, gen);
      const op = unchecked(prog[pc]);
      if (op == ${OP.jmp}) { __ice_re_st(stack, top++, unchecked(prog[pc + 1])); __ice_re_st(stack, top++, 0); }
      else if (op == ${OP.split}) {
        __ice_re_st(stack, top++, unchecked(prog[pc + 2])); __ice_re_st(stack, top++, 0);
        __ice_re_st(stack, top++, unchecked(prog[pc + 1])); __ice_re_st(stack, top++, 0);
      } else if (op == ${OP.save}) {
        const k = unchecked(prog[pc + 1]);
        __ice_re_st(stack, top++, -1 - k); __ice_re_st(stack, top++, unchecked(work[k]));
        __ice_re_st(work, k, pos);
        __ice_re_st(stack, top++, pc + 2); __ice_re_st(stack, top++, 0);
      } else if (op == ${OP.reset}) {
        const hi = unchecked(prog[pc + 2]);
        for (let k = unchecked(prog[pc + 1]); k < hi; k++) {
          __ice_re_st(stack, top++, -1 - k); __ice_re_st(stack, top++, unchecked(work[k]));
          __ice_re_st(work, k, -1);
        }
        __ice_re_st(stack, top++, pc + 3); __ice_re_st(stack, top++, 0);
      } else if (op == ${OP.assert}) {
        if (__ice_re_assert(unchecked(prog[pc + 1]), s, pos)) { __ice_re_st(stack, top++, pc + 2); __ice_re_st(stack, top++, 0); }
      } else if (op == ${OP.look}) {
        const looks = this.looks!;
        if (looks.holds(prog, pc, pos)) {
          const hi = unchecked(prog[pc + 6]);
          if (hi > unchecked(prog[pc + 5])) {
            const caps = looks.captures(this, pc, s, pos);
            for (let k = unchecked(prog[pc + 5]); k < hi; k++) {
              __ice_re_st(stack, top++, -1 - k); __ice_re_st(stack, top++, unchecked(work[k]));
              __ice_re_st(work, k, unchecked(caps[k]));
            }
          }
          __ice_re_st(stack, top++, pc + 7); __ice_re_st(stack, top++, 0);
        }
      } else {
        const at = this.ncount++;
        __ice_re_st(this.npcs, at, pc);
        const base = at * this.slots;
        for (let k = 0; k < this.slots; k++) __ice_re_st(this.ncaps, base + k, unchecked(work[k]));
      }
    }
  }
  /**
   * The captures of the first match starting at start (sticky) or after it, or null; inside:
   * whether an unanchored u-mode search also tries the positions inside surrogate pairs (V8).
   */
  run(s: string, start: i32, sticky: bool, unicode: bool, inside: bool = true): StaticArray<i32> | null {
    const len = s.length;
    const slots = this.slots;
    const prog = this.prog;
    let matched = false;
    const looks = this.looks;
    if (looks != null) looks.prepare(this, s, unicode);
    this.gen++;
    this.ncount = 0;
    for (let k = 0; k < slots; k++) __ice_re_st(this.work, k, -1);
    let pos = start;
    if (!sticky && this.first != null) pos = this.skip(s, pos, unicode);
    this.add(this.entry, pos, s);
    while (true) {
      const tp = this.cpcs; this.cpcs = this.npcs; this.npcs = tp;
      const tc = this.ccaps; this.ccaps = this.ncaps; this.ncaps = tc;
      this.ccount = this.ncount;
      this.ncount = 0;
      this.gen++;
      if (this.ccount == 0 && (matched || sticky)) break;
      let c: i32 = -1;
      let w: i32 = 1;
      if (pos < len) {
        c = <i32>__ice_re_cu(s, pos);
        if (unicode && c >= 0xd800 && c <= 0xdbff && pos + 1 < len) {
          const d = <i32>__ice_re_cu(s, pos + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; w = 2; }
        } else if (unicode && c >= 0xdc00 && c <= 0xdfff && pos > 0) {
          // Inside a surrogate pair (V8 starts there too): no character can be read.
          const d = <i32>s.charCodeAt(pos - 1);
          if (d >= 0xd800 && d <= 0xdbff) c = -1;
        }
      }
      // In u mode V8 also tries a match starting inside a pair, where only an empty match (an
      // assertion or a lookaround) can succeed: its priority is below every thread alive and above
      // a start after the pair (not for a sticky expression's split: it steps over pairs). Found with a fresh mark generation, kept in best (unused before a
      // match), appended after this step's threads.
      let mid = false;
      let midPc = -1;
      if (w == 2 && !matched && !sticky && inside && this.first == null) {
        for (let k = 0; k < slots; k++) __ice_re_st(this.work, k, -1);
        this.add(this.entry, pos + 1, s);
        for (let i = 0; i < this.ncount; i++) {
          if (unchecked(prog[unchecked(this.npcs[i])]) != ${OP.match}) continue;
          for (let k = 0; k < slots; k++) __ice_re_st(this.best, k, unchecked(this.ncaps[i * slots + k]));
          midPc = unchecked(this.npcs[i]);
          mid = true;
          break;
        }
        this.ncount = 0;
        this.gen++;
      }
      for (let i = 0; i < this.ccount; i++) {
        const pc = unchecked(this.cpcs[i]);
        const op = unchecked(prog[pc]);
        const base = i * slots;
        if (op == ${OP.match}) {
          for (let k = 0; k < slots; k++) __ice_re_st(this.best, k, unchecked(this.ccaps[base + k]));
          matched = true;
          break;
        }
        if (c < 0) continue;
        const next = __ice_re_step(prog, pc, op, c);
        if (next >= 0) {
          for (let k = 0; k < slots; k++) __ice_re_st(this.work, k, unchecked(this.ccaps[base + k]));
          this.add(next, pos + w, s);
        }
      }
      if (mid && !matched) {
        const at = this.ncount++;
        __ice_re_st(this.npcs, at, midPc);
        for (let k = 0; k < slots; k++) __ice_re_st(this.ncaps, at * slots + k, unchecked(this.best[k]));
      }
      if (pos >= len) break;
      pos += w;
      if (!matched && !sticky && !mid) {
        // No thread alive: no match can start before the next position the first set allows.
        if (this.ncount == 0 && this.first != null) pos = this.skip(s, pos, unicode);
        for (let k = 0; k < slots; k++) __ice_re_st(this.work, k, -1);
        this.add(this.entry, pos, s);
      }
    }
    if (!matched) return null;
    const out = new StaticArray<i32>(slots);
    for (let k = 0; k < slots; k++) __ice_re_st(out, k, unchecked(this.best[k]));
    return out;
  }
}
// A store into one of the VM's i32 lists (asc leaves StaticArray's unchecked store a call; the
// VM does several per character and thread).
@inline function __ice_re_st(a: StaticArray<i32>, i: i32, v: i32): void {
  store<i32>(changetype<usize>(a) + (<usize>i << 2), v);
}
/**
 * The pc after the char or class instruction at pc when it takes code point c, or -1
 * (a class is sorted ranges: the search stops at the first range above c; a large class, such
 * as \\p{L} with hundreds of ranges, is searched by halves).
 */
// @ts-ignore: decorator
@inline function __ice_re_step(prog: StaticArray<i32>, pc: i32, op: i32, c: i32): i32 {
  if (op == ${OP.char}) return unchecked(prog[pc + 1]) == c ? pc + 2 : -1;
  const n = unchecked(prog[pc + 1]);
  if (n > 16) return __ice_re_in_large(prog, pc, n, c) ? pc + 2 + 2 * n : -1;
  for (let r = 0; r < n; r++) {
    const lo = unchecked(prog[pc + 2 + 2 * r]);
    if (c < lo) break;
    if (c <= unchecked(prog[pc + 3 + 2 * r])) return pc + 2 + 2 * n;
  }
  return -1;
}
function __ice_re_in_large(prog: StaticArray<i32>, pc: i32, n: i32, c: i32): bool {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (c < unchecked(prog[pc + 2 + 2 * mid])) hi = mid - 1;
    else if (c > unchecked(prog[pc + 3 + 2 * mid])) lo = mid + 1;
    else return true;
  }
  return false;
}
/** Entries add can push at most: 2 for the first, then what each instruction pushes when expanded. */
function __ice_re_stack_bound(prog: StaticArray<i32>): i32 {
  let bound = 2;
  let pc = 0;
  while (pc < prog.length) {
    const op = unchecked(prog[pc]);
    if (op == ${OP.match}) pc += 1;
    else if (op == ${OP.char}) pc += 2;
    else if (op == ${OP.set}) pc += 2 + 2 * unchecked(prog[pc + 1]);
    else if (op == ${OP.jmp}) { bound += 2; pc += 2; }
    else if (op == ${OP.split}) { bound += 4; pc += 3; }
    else if (op == ${OP.save}) { bound += 4; pc += 2; }
    else if (op == ${OP.reset}) { bound += 2 * (unchecked(prog[pc + 2]) - unchecked(prog[pc + 1])) + 2; pc += 3; }
    else if (op == ${OP.look}) { bound += 2 * (unchecked(prog[pc + 6]) - unchecked(prog[pc + 5])) + 2; pc += 7; }
    else { bound += 2; pc += 2; } // assert
  }
  return bound;
}
function __ice_re_lt(c: i32): bool { return c == 10 || c == 13 || c == 0x2028 || c == 0x2029; }
function __ice_re_word(c: i32, iu: bool): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c == 95 || (c >= 97 && c <= 122) || (iu && (c == 0x17f || c == 0x212a));
}
function __ice_re_assert(kind: i32, s: string, pos: i32): bool {
  const len = s.length;
  if (kind == ${ASSERT.bol}) return pos == 0;
  if (kind == ${ASSERT.eol}) return pos == len;
  if (kind == ${ASSERT.bolm}) return pos == 0 || __ice_re_lt(<i32>__ice_re_cu(s, pos - 1));
  if (kind == ${ASSERT.eolm}) return pos == len || __ice_re_lt(<i32>__ice_re_cu(s, pos));
  const iu = kind >= ${ASSERT.wordIu};
  const a = pos > 0 && __ice_re_word(<i32>__ice_re_cu(s, pos - 1), iu);
  const b = pos < len && __ice_re_word(<i32>__ice_re_cu(s, pos), iu);
  return (kind == ${ASSERT.word} || kind == ${ASSERT.wordIu}) ? a != b : a == b;
}`;
