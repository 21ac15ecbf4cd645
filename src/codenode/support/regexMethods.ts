/**
 * @fileoverview The support library's `RegExp` objects (with `lastIndex`, compiled once per pattern
 * into regex.ts's Pike VM), match arrays with captures, `index` and `groups`, and the
 * regular-expression methods of strings with JavaScript's algorithms: `exec`, `test`, `match`,
 * `matchAll`, `replace`/`replaceAll` (with `$&`, `$1`, `$<name>`, `$$`, `` $` ``, `$'` and replacer
 * functions), `split` (captures and limit) and `search`.
 */
import { FLAG } from "../regex/compile.js";

/** AssemblyScript source: RegExp objects, match arrays and the regular-expression methods of strings. */
export const REGEX_METHODS_SUPPORT = `
const __ice_re_vms = new Map<usize, __ice_ReVM>();
export class __ice_RegExp {
  lastIndex: f64 = 0;
  vm: __ice_ReVM | null = null;
  constructor(
    public prog: StaticArray<i32>,
    public groups: i32,
    public flags: i32,
    public source: string,
    public flagText: string,
    /** Name of each group (index 1..), "" when unnamed; null when no group has a name. */
    public names: Array<string> | null,
  ) {}
  run(s: string, start: i32, sticky: bool): StaticArray<i32> | null {
    let vm = this.vm;
    if (vm == null) {
      // One VM (its scratch lists) per program: a literal evaluated in a loop allocates it once.
      // Runs never overlap (no body code runs inside one).
      const key = changetype<usize>(this.prog);
      if (__ice_re_vms.has(key)) vm = __ice_re_vms.get(key);
      else { vm = new __ice_ReVM(this.prog, this.groups); __ice_re_vms.set(key, vm); }
      this.vm = vm;
    }
    // A sticky expression searched unanchored (split) steps over pairs, as the spec: V8 too.
    return vm.run(s, start, sticky, (this.flags & ${FLAG.u}) != 0, (this.flags & ${FLAG.y}) == 0);
  }
  get global(): bool { return (this.flags & ${FLAG.g}) != 0; }
  get sticky(): bool { return (this.flags & ${FLAG.y}) != 0; }
  get unicode(): bool { return (this.flags & ${FLAG.u}) != 0; }
}

/** A match array: the matched text, then each capture ("" with its flag when undefined). */
export class __ice_Match {
  constructor(
    public items: Array<string>,
    public undef: StaticArray<bool> | null,
    /** -1 for the plain arrays of a global match. */
    public at: f64,
    public input: string,
    public names: Array<string> | null,
  ) {}
}

function __ice_to_length(x: f64): f64 {
  if (x != x || x <= 0) return 0;
  return Math.min(Math.trunc(x), 9007199254740991.0);
}
function __ice_advance(s: string, i: i32, unicode: bool): i32 {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
function __ice_match_of(re: __ice_RegExp, s: string, caps: StaticArray<i32>): __ice_Match {
  const n = re.groups + 1;
  const items = new Array<string>(n);
  let undef: StaticArray<bool> | null = null;
  for (let k = 0; k < n; k++) {
    const a = caps[2 * k];
    const b = caps[2 * k + 1];
    if (a < 0 || b < 0) {
      if (undef == null) undef = new StaticArray<bool>(n);
      undef[k] = true;
      items[k] = "";
    } else items[k] = s.substring(a, b);
  }
  return new __ice_Match(items, undef, <f64>caps[0], s, re.names);
}
/** RegExpBuiltinExec: the raw captures, with lastIndex read and written as JavaScript does. */
function __ice_re_exec_raw(re: __ice_RegExp, s: string): StaticArray<i32> | null {
  const gs = (re.flags & (${FLAG.g} | ${FLAG.y})) != 0;
  let last = 0.0;
  if (gs) last = __ice_to_length(re.lastIndex);
  if (last > <f64>s.length) { if (gs) re.lastIndex = 0; return null; }
  let start = <i32>last;
  // In u mode a lastIndex inside a surrogate pair starts at the pair (as V8 does).
  if (re.unicode && start > 0 && start < s.length) {
    const lo = s.charCodeAt(start);
    const hi = s.charCodeAt(start - 1);
    if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) start--;
  }
  let caps = re.run(s, start, re.sticky);
  // V8 tries the pair first, then (sticky) the position inside it, where only an empty match can be.
  if (caps == null && re.sticky && <f64>start != last) caps = re.run(s, <i32>last, true);
  if (caps == null) { if (gs) re.lastIndex = 0; return null; }
  if (gs) re.lastIndex = <f64>caps[1];
  return caps;
}
export function __ice_re_exec(re: __ice_RegExp, s: string): __ice_Match | null {
  const caps = __ice_re_exec_raw(re, s);
  return caps == null ? null : __ice_match_of(re, s, caps);
}
export function __ice_re_test(re: __ice_RegExp, s: string): bool {
  return __ice_re_exec_raw(re, s) != null;
}
/** Every match of a global expression (from lastIndex 0), stepping past empty matches. */
function __ice_re_all(re: __ice_RegExp, s: string): Array<StaticArray<i32>> {
  re.lastIndex = 0;
  const out = new Array<StaticArray<i32>>();
  while (true) {
    const caps = __ice_re_exec_raw(re, s);
    if (caps == null) break;
    out.push(caps);
    if (caps[1] == caps[0]) re.lastIndex = <f64>__ice_advance(s, <i32>__ice_to_length(re.lastIndex), re.unicode);
  }
  return out;
}
export function __ice_s_match(s: string, re: __ice_RegExp): __ice_Match | null {
  if (!re.global) return __ice_re_exec(re, s);
  const all = __ice_re_all(re, s);
  if (all.length == 0) return null;
  const items = new Array<string>(all.length);
  for (let k = 0; k < all.length; k++) items[k] = s.substring(all[k][0], all[k][1]);
  return new __ice_Match(items, null, -1, s, null);
}
export function __ice_s_match_all(s: string, re: __ice_RegExp): Array<__ice_Match> {
  if (!re.global) abort("TypeError: String.prototype.matchAll called with a non-global RegExp argument");
  const copy = new __ice_RegExp(re.prog, re.groups, re.flags, re.source, re.flagText, re.names);
  copy.lastIndex = __ice_to_length(re.lastIndex);
  const out = new Array<__ice_Match>();
  while (true) {
    const caps = __ice_re_exec_raw(copy, s);
    if (caps == null) break;
    out.push(__ice_match_of(copy, s, caps));
    if (caps[1] == caps[0]) copy.lastIndex = <f64>__ice_advance(s, <i32>__ice_to_length(copy.lastIndex), copy.unicode);
  }
  return out;
}
export function __ice_s_search(s: string, re: __ice_RegExp): f64 {
  const previous = re.lastIndex;
  re.lastIndex = 0;
  const caps = __ice_re_exec_raw(re, s);
  re.lastIndex = previous;
  return caps == null ? -1.0 : <f64>caps[0];
}
/** The matches replace and replaceAll replace: all of a global expression, else the first. */
function __ice_re_targets(re: __ice_RegExp, s: string): Array<StaticArray<i32>> {
  if (re.global) return __ice_re_all(re, s);
  const out = new Array<StaticArray<i32>>();
  const caps = __ice_re_exec_raw(re, s);
  if (caps != null) out.push(caps);
  return out;
}
function __ice_cap(s: string, caps: StaticArray<i32>, k: i32): string {
  const a = caps[2 * k];
  const b = caps[2 * k + 1];
  return a < 0 || b < 0 ? "" : s.substring(a, b);
}
/** GetSubstitution for a match of a regular expression. */
function __ice_re_substitute(re: __ice_RegExp, s: string, caps: StaticArray<i32>, rep: string): string {
  if (rep.indexOf("$") < 0) return rep;
  const m = re.groups;
  const at = caps[0];
  const end = caps[1];
  const w = new __ice_Tw(rep.length);
  const n = rep.length;
  for (let k = 0; k < n; k++) {
    const c = rep.charCodeAt(k);
    if (c != 36 || k + 1 >= n) { w.unit(c); continue; }
    const d = rep.charCodeAt(k + 1);
    if (d == 36) { w.unit(36); k++; continue; }
    if (d == 38) { w.str(s.substring(at, end)); k++; continue; }
    if (d == 96) { w.str(s.substring(0, at)); k++; continue; }
    if (d == 39) { w.str(s.substring(min(end, s.length))); k++; continue; }
    if (d >= 48 && d <= 57) {
      let digits = 1;
      let index = d - 48;
      if (k + 2 < n) {
        const e = rep.charCodeAt(k + 2);
        if (e >= 48 && e <= 57) { digits = 2; index = index * 10 + (e - 48); }
      }
      if (index > m && digits == 2) { digits = 1; index = d - 48; }
      if (index >= 1 && index <= m) w.str(__ice_cap(s, caps, index));
      else w.str(rep.substring(k, k + 1 + digits));
      k += digits;
      continue;
    }
    if (d == 60) {
      const names = re.names;
      if (names == null) { w.unit(36); w.unit(60); k++; continue; }
      const close = rep.indexOf(">", k + 2);
      if (close < 0) { w.unit(36); w.unit(60); k++; continue; }
      const name = rep.substring(k + 2, close);
      for (let g = 1; g <= m; g++) if (names[g] == name) { w.str(__ice_cap(s, caps, g)); break; }
      k = close;
      continue;
    }
    w.unit(36);
  }
  return w.finish();
}
export function __ice_re_replace(s: string, re: __ice_RegExp, rep: string, all: bool): string {
  if (all && !re.global) abort("TypeError: replaceAll must be called with a global RegExp");
  const targets = __ice_re_targets(re, s);
  const w = new __ice_Tw(s.length);
  const len = s.length;
  let next = 0;
  for (let t = 0; t < targets.length; t++) {
    const caps = targets[t];
    const at = caps[0];
    if (at >= next) {
      w.range(s, min(next, len), min(at, len));
      w.str(__ice_re_substitute(re, s, caps, rep));
      next = caps[1];
    }
  }
  if (next < len) w.range(s, next, len);
  return w.finish();
}
export function __ice_re_replace_fn<E>(s: string, re: __ice_RegExp, f: (e: E, m: __ice_Match) => string, e: E, all: bool): string {
  if (all && !re.global) abort("TypeError: replaceAll must be called with a global RegExp");
  const targets = __ice_re_targets(re, s);
  const w = new __ice_Tw(s.length);
  const len = s.length;
  let next = 0;
  for (let t = 0; t < targets.length; t++) {
    const caps = targets[t];
    const at = caps[0];
    const replacement = f(e, __ice_match_of(re, s, caps));
    if (at >= next) {
      w.range(s, min(next, len), min(at, len));
      w.str(replacement);
      next = caps[1];
    }
  }
  if (next < len) w.range(s, next, len);
  return w.finish();
}
export function __ice_re_split(s: string, re: __ice_RegExp, limit: f64): Array<string> {
  const lim = __ice_u32(limit);
  const out = new Array<string>();
  if (lim == 0) return out;
  const size = s.length;
  if (size == 0) {
    if (re.run(s, 0, true) == null) out.push(s);
    return out;
  }
  const unicode = re.unicode;
  let p = 0;
  let q = 0;
  while (q < size) {
    const caps = re.run(s, q, false);
    if (caps == null) break;
    const start = caps[0];
    if (start >= size) break;
    const e = min(caps[1], size);
    if (e == p) { q = __ice_advance(s, start, unicode); continue; }
    out.push(s.substring(p, start));
    if (<f64>out.length == lim) return out;
    p = e;
    for (let g = 1; g <= re.groups; g++) {
      if (caps[2 * g] < 0) abort("split: capture group " + g.toString() + " did not participate in the match, so JavaScript would put undefined in the array of strings; make the group match always, or use (?:...)");
      out.push(s.substring(caps[2 * g], caps[2 * g + 1]));
      if (<f64>out.length == lim) return out;
    }
    q = p;
  }
  out.push(s.substring(p));
  return out;
}
/** m[i] where the value must be defined. */
export function __ice_m_get(m: __ice_Match, i: f64): string {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < m.items.length)) abort("match index " + __ice_num_str(i) + " is out of range (length " + m.items.length.toString() + ")");
  const undef = m.undef;
  if (undef != null && k < undef.length && undef[k]) abort("capture group " + k.toString() + " did not participate in the match (its value is undefined): test it with ?? or a condition first");
  return m.items[k];
}
/** The \`[]\` of \`s.match(re) ?? []\`. */
export function __ice_m_empty(): __ice_Match { return new __ice_Match(new Array<string>(), null, -1, "", null); }
/** join of a match: an undefined capture joins as "" (as JavaScript's join). */
export function __ice_m_join(m: __ice_Match, sep: string): string {
  return __ice_join_strs(m.items, sep);
}
/** m[i] as string | undefined. */
export function __ice_m_opt(m: __ice_Match, i: f64): string | null {
  const k = <i32>i;
  if (!(i >= 0 && <f64>k == i && k < m.items.length)) return null;
  const undef = m.undef;
  if (undef != null && k < undef.length && undef[k]) return null;
  return m.items[k];
}
/** A match used as an array of strings (every element must be defined). */
export function __ice_m_arr(m: __ice_Match): Array<string> {
  const undef = m.undef;
  if (undef != null)
    for (let k = 0; k < min(undef.length, m.items.length); k++)
      if (undef[k]) abort("capture group " + k.toString() + " did not participate in the match (its value is undefined), so the match is not an array of strings");
  return m.items;
}
export function __ice_m_index(m: __ice_Match): __ice_Box<f64> | null {
  return m.at < 0 ? null : new __ice_Box<f64>(m.at);
}
export function __ice_m_group(m: __ice_Match, name: string): string | null {
  const names = m.names;
  if (names == null) return null;
  for (let g = 1; g < names.length; g++) if (names[g] == name) return __ice_m_opt(m, <f64>g);
  return null;
}
export function __ice_m_group_get(m: __ice_Match, name: string): string {
  const v = __ice_m_group(m, name);
  if (v == null) abort("the named group '" + name + "' did not participate in the match (its value is undefined): test it with ?? or a condition first");
  return v!;
}
export function __ice_m_input(m: __ice_Match): string | null { return m.at < 0 ? null : m.input; }
/** Argument i of a replacer: the match, then each capture. */
export function __ice_m_arg(m: __ice_Match, i: i32): string {
  if (i >= m.items.length) abort("the replacer has more parameters than the regular expression has capture groups (JavaScript passes the offset and the whole string there): use exec in a loop to know offsets");
  const undef = m.undef;
  if (undef != null && undef[i]) abort("capture group " + i.toString() + " did not participate in the match, so JavaScript passes undefined to the replacer: make the group match always, or use exec and test it");
  return m.items[i];
}
/** Argument i of a replacer declared \`string | undefined\`. */
export function __ice_m_arg_opt(m: __ice_Match, i: i32): string | null {
  if (i >= m.items.length) abort("the replacer has more parameters than the regular expression has capture groups (JavaScript passes the offset and the whole string there): use exec in a loop to know offsets");
  return __ice_m_opt(m, <f64>i);
}
export function __ice_m_groups(m: __ice_Match): __ice_Match | null { return m.names != null ? m : null; }
`;
