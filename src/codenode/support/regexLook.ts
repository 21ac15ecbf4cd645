/**
 * @fileoverview The support library's lookaround assertions for regex.ts's Pike VM (the compiler's
 * side and the reasoning are in src/codenode/regex/lookaround.ts). For a subject string, each
 * lookaround is decided at every position once, as a table, by a set simulation of its body (no
 * priorities, no captures) started at every position: a lookbehind's body forward from left to
 * right, a lookahead's reversed body from right to left. Inner lookarounds are numbered first, so
 * their tables are ready when an outer body tests them. The tables are kept for the last subject
 * (a global search or a split runs the VM many times over one string). A positive lookahead with
 * capture groups gets their values from a second VM running its forward body anchored there.
 */
import { LOOK, OP } from "../regex/compile.js";

/** AssemblyScript source: lookaround tables. */
export const REGEX_LOOK_SUPPORT = `
export class __ice_ReLooks {
  /** Table body of each lookaround (-1 when the program never tests it), and its kind bits. */
  starts: StaticArray<i32>;
  kinds: StaticArray<i32>;
  /** One byte per lookaround and position: 1 when its body matches there. */
  tables: StaticArray<u8> = new StaticArray<u8>(0);
  stride: i32 = 0;
  /** The string the tables are for (held, so no other string can take its address). */
  subject: string | null = null;
  unicode: bool = false;
  /** The VM of each capturing lookahead's forward body, made when first needed. */
  subs: StaticArray<__ice_ReVM | null>;
  hit: bool = false;
  constructor(public count: i32) {
    this.starts = new StaticArray<i32>(count);
    this.kinds = new StaticArray<i32>(count);
    this.subs = new StaticArray<__ice_ReVM | null>(count);
    for (let k = 0; k < count; k++) unchecked(this.starts[k] = -1);
  }
  /** Computes the tables for s (unless they are for s already). */
  prepare(vm: __ice_ReVM, s: string, unicode: bool): void {
    if (changetype<usize>(this.subject) == changetype<usize>(s) && this.unicode == unicode) return;
    const stride = s.length + 1;
    const size = this.count * stride;
    if (this.tables.length < size) this.tables = new StaticArray<u8>(size);
    else memory.fill(changetype<usize>(this.tables), 0, <usize>size);
    this.stride = stride;
    this.unicode = unicode;
    this.subject = null;
    for (let k = 0; k < this.count; k++) if (unchecked(this.starts[k]) >= 0) this.table(vm, k, s, unicode);
    this.subject = s;
  }
  /** Does the lookaround instruction at pc hold at pos? */
  holds(prog: StaticArray<i32>, pc: i32, pos: i32): bool {
    const found = unchecked(this.tables[unchecked(prog[pc + 1]) * this.stride + pos]) != 0;
    return found != ((unchecked(prog[pc + 2]) & ${LOOK.negated}) != 0);
  }
  /** The capture slots a positive lookahead that holds at pos sets (its body's first match there). */
  captures(vm: __ice_ReVM, pc: i32, s: string, pos: i32): StaticArray<i32> {
    const id = unchecked(vm.prog[pc + 1]);
    let sub = unchecked(this.subs[id]);
    if (sub == null) {
      sub = new __ice_ReVM(vm.prog, (vm.slots >> 1) - 1, unchecked(vm.prog[pc + 4]));
      unchecked(this.subs[id] = sub);
    }
    return sub.run(s, pos, true, this.unicode)!;
  }
  /** Fills lookaround k's table: a thread starts at every position; a match there sets the entry. */
  table(vm: __ice_ReVM, k: i32, s: string, unicode: bool): void {
    const prog = vm.prog;
    const start = unchecked(this.starts[k]);
    const behind = (unchecked(this.kinds[k]) & ${LOOK.behind}) != 0;
    const len = s.length;
    const base = k * this.stride;
    let cur = vm.cpcs;
    let nxt = vm.npcs;
    let pos = behind ? 0 : len;
    vm.gen++;
    this.hit = false;
    let count = this.close(vm, start, pos, s, cur, 0);
    if (this.hit) unchecked(this.tables[base + pos] = 1);
    while (behind ? pos < len : pos > 0) {
      let c: i32;
      let w: i32 = 1;
      if (behind) {
        c = <i32>s.charCodeAt(pos);
        if (unicode && c >= 0xd800 && c <= 0xdbff && pos + 1 < len) {
          const d = <i32>s.charCodeAt(pos + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; w = 2; }
        }
      } else {
        c = <i32>s.charCodeAt(pos - 1);
        if (unicode && c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
          const d = <i32>s.charCodeAt(pos - 2);
          if (d >= 0xd800 && d <= 0xdbff) { c = ((d - 0xd800) << 10) + (c - 0xdc00) + 0x10000; w = 2; }
        }
      }
      const npos = behind ? pos + w : pos - w;
      vm.gen++;
      this.hit = false;
      let ncount = 0;
      for (let i = 0; i < count; i++) {
        const pc = unchecked(cur[i]);
        const next = __ice_re_step(prog, pc, unchecked(prog[pc]), c);
        if (next >= 0) ncount = this.close(vm, next, npos, s, nxt, ncount);
      }
      ncount = this.close(vm, start, npos, s, nxt, ncount);
      if (this.hit) unchecked(this.tables[base + npos] = 1);
      const t = cur; cur = nxt; nxt = t;
      count = ncount;
      pos = npos;
    }
    // Inside a surrogate pair in u mode (where V8 may try a match) nothing can be read either
    // way: the body holds there when it matches the empty string there.
    if (unicode)
      for (let p = 1; p < len; p++) {
        const c = <i32>s.charCodeAt(p);
        if (c < 0xdc00 || c > 0xdfff) continue;
        const d = <i32>s.charCodeAt(p - 1);
        if (d < 0xd800 || d > 0xdbff) continue;
        vm.gen++;
        this.hit = false;
        this.close(vm, start, p, s, cur, 0);
        if (this.hit) unchecked(this.tables[base + p] = 1);
      }
  }
  /** Adds the reading instructions reachable from pc0 at pos (not yet in this step) to list. */
  close(vm: __ice_ReVM, pc0: i32, pos: i32, s: string, list: StaticArray<i32>, count: i32): i32 {
    const prog = vm.prog;
    const stack = vm.stack;
    const marks = vm.marks;
    const gen = vm.gen;
    let top = 0;
    unchecked(stack[top++] = pc0);
    while (top > 0) {
      const pc = unchecked(stack[--top]);
      if (unchecked(marks[pc]) == gen) continue;
      unchecked(marks[pc] = gen);
      const op = unchecked(prog[pc]);
      if (op == ${OP.jmp}) unchecked(stack[top++] = prog[pc + 1]);
      else if (op == ${OP.split}) { unchecked(stack[top++] = prog[pc + 2]); unchecked(stack[top++] = prog[pc + 1]); }
      else if (op == ${OP.save}) unchecked(stack[top++] = pc + 2);
      else if (op == ${OP.reset}) unchecked(stack[top++] = pc + 3);
      else if (op == ${OP.assert}) { if (__ice_re_assert(unchecked(prog[pc + 1]), s, pos)) unchecked(stack[top++] = pc + 2); }
      else if (op == ${OP.look}) { if (this.holds(prog, pc, pos)) unchecked(stack[top++] = pc + 7); }
      else if (op == ${OP.match}) this.hit = true;
      else unchecked(list[count++] = pc);
    }
    return count;
  }
}
/** The lookarounds a program tests (found by decoding it), or null when it tests none. */
function __ice_re_looks(prog: StaticArray<i32>): __ice_ReLooks | null {
  let count = 0;
  let pc = 0;
  while (pc < prog.length) {
    const op = unchecked(prog[pc]);
    if (op == ${OP.look}) count = max(count, unchecked(prog[pc + 1]) + 1);
    pc += __ice_re_width(prog, pc);
  }
  if (count == 0) return null;
  const looks = new __ice_ReLooks(count);
  pc = 0;
  while (pc < prog.length) {
    if (unchecked(prog[pc]) == ${OP.look}) {
      const id = unchecked(prog[pc + 1]);
      unchecked(looks.kinds[id] = prog[pc + 2]);
      unchecked(looks.starts[id] = prog[pc + 3]);
    }
    pc += __ice_re_width(prog, pc);
  }
  return looks;
}
/** The number of words of the instruction at pc. */
function __ice_re_width(prog: StaticArray<i32>, pc: i32): i32 {
  const op = unchecked(prog[pc]);
  if (op == ${OP.match}) return 1;
  if (op == ${OP.set}) return 2 + 2 * unchecked(prog[pc + 1]);
  if (op == ${OP.split} || op == ${OP.reset}) return 3;
  if (op == ${OP.look}) return 7;
  return 2; // char, jmp, save, assert
}
`;
