/**
 * @fileoverview Compiles a regular expression literal (parse.ts) into the program of the sandbox's
 * Pike VM (support/regex.ts): a Thompson NFA with capture slots whose threads run in priority
 * order, so the match found is the one JavaScript's backtracking finds (leftmost, then the first
 * alternative, greedy or lazy quantifiers), in time linear in the input. Counted repetitions are
 * expanded; each iteration of a quantified group first clears the captures inside it (as
 * JavaScript does). A quantifier over something that can match the empty string is refused (its
 * empty-iteration rule is not linear-exact here). Case-insensitive sets are computed with the
 * compiling host's own regular expression engine over every character whose case can fold
 * (exact by construction; the rest of the characters fold only to themselves).
 */
import { type Look, lookIds, reversed } from "./lookaround.js";
import { type Node, parsePattern, RegexRefusal } from "./parse.js";
import { complement, contains, dotRanges, normalize, type Ranges } from "./ranges.js";

export { RegexRefusal };

/** Instruction codes, shared with support/regex.ts. */
export const OP = { match: 0, char: 1, set: 2, split: 3, jmp: 4, save: 5, reset: 6, assert: 7, look: 8 } as const;
/** Bits of a lookaround instruction's kind. */
export const LOOK = { negated: 1, behind: 2 } as const;
/** Assertion kinds. */
export const ASSERT = { bol: 0, eol: 1, bolm: 2, eolm: 3, word: 4, notWord: 5, wordIu: 6, notWordIu: 7 } as const;
/** Flag bits. */
export const FLAG = { g: 1, i: 2, m: 4, s: 8, u: 16, y: 32 } as const;

/** Largest program (in 32-bit words) after expanding counted repetitions. */
const MAX_PROGRAM = 40_000;

export interface CompiledRegex {
  readonly program: readonly number[];
  readonly groups: number;
  readonly names: readonly (string | undefined)[];
  readonly flags: number;
  /** Capture groups that may not take part in a match (their value is then undefined). */
  readonly optional: readonly number[];
}

export function flagBits(flags: string): number {
  let bits = 0;
  for (const f of flags) {
    const bit = (FLAG as Record<string, number>)[f];
    if (bit === undefined)
      throw new RegexRefusal(
        `the regular expression flag '${f}'`,
        "use the flags g, i, m, s, u and y (match indices 'd' and set notation 'v' are not supported)",
      );
    if (bits & bit) throw new RegexRefusal(`the flag '${f}' given twice`, "give each flag once");
    bits |= bit;
  }
  return bits;
}

export function compileRegex(pattern: string, flags: string): CompiledRegex {
  const bits = flagBits(flags);
  const unicode = (bits & FLAG.u) !== 0;
  const parsed = parsePattern(pattern, unicode);
  const out = new Emitter(bits, lookIds(parsed.root));
  out.emit(OP.save, 0);
  out.node(parsed.root);
  out.emit(OP.save, 1);
  out.emit(OP.match);
  out.lookBodies();
  const optional: number[] = [];
  optionalGroups(parsed.root, false, optional);
  return { program: out.code, groups: parsed.groups, names: parsed.names, flags: bits, optional };
}

/** Groups under an alternative or a quantifier that may run zero times. */
function optionalGroups(node: Node, maybe: boolean, out: number[]): void {
  switch (node.kind) {
    case "group":
      if (maybe) out.push(node.index);
      optionalGroups(node.body, maybe, out);
      return;
    case "seq":
      for (const item of node.items) optionalGroups(item, maybe, out);
      return;
    case "alt":
      for (const option of node.options) optionalGroups(option, true, out);
      return;
    case "repeat":
      optionalGroups(node.body, maybe || node.min === 0, out);
      return;
    case "look":
      // A negative lookahead never leaves a value in its groups.
      optionalGroups(node.body, maybe || node.negated, out);
      return;
    default:
      return;
  }
}

/** Can the node match the empty string? */
function nullable(node: Node): boolean {
  switch (node.kind) {
    case "empty":
    case "assert":
    case "look":
      return true;
    case "char":
      return false;
    case "seq":
      return node.items.every(nullable);
    case "alt":
      return node.options.some(nullable);
    case "group":
      return nullable(node.body);
    case "repeat":
      return node.min === 0 || nullable(node.body);
  }
}

/** Capture groups inside a node: [first, last] (empty when last < first). */
function groupSpan(node: Node): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (n: Node): void => {
    switch (n.kind) {
      case "group":
        lo = Math.min(lo, n.index);
        hi = Math.max(hi, n.index);
        visit(n.body);
        break;
      case "seq":
        n.items.forEach(visit);
        break;
      case "alt":
        n.options.forEach(visit);
        break;
      case "repeat":
      case "look":
        visit(n.body);
        break;
      default:
        break;
    }
  };
  visit(node);
  return [lo, hi];
}

class Emitter {
  readonly code: number[] = [];
  private readonly flags: number;
  /** Lookaround instructions emitted, to point at their bodies (emitted after the program). */
  private readonly sites: { node: Look; at: number }[] = [];
  private readonly placed = new Map<Look, { table: number; capture: number }>();
  /** False while emitting the body a lookaround's table runs (it records no captures). */
  private captures = true;

  constructor(
    flags: number,
    private readonly ids: Map<Look, number>,
  ) {
    this.flags = flags;
  }

  /**
   * After the program: each lookaround's table body (the body for a lookbehind, the reversed
   * body for a lookahead) and, for a positive lookahead with capture groups, its forward body
   * with the captures; each ends with a match. Instruction: look, id, kind, table body,
   * capture body (-1 when none), first and end capture slot it sets.
   */
  lookBodies(): void {
    for (let i = 0; i < this.sites.length; i++) {
      const { node, at } = this.sites[i]!;
      let placed = this.placed.get(node);
      if (!placed) {
        this.captures = false;
        const table = this.code.length;
        this.node(node.behind ? node.body : reversed(node.body));
        this.emit(OP.match);
        this.captures = true;
        let capture = -1;
        if (this.code[at + 6]! > this.code[at + 5]!) {
          capture = this.code.length;
          this.node(node.body);
          this.emit(OP.match);
        }
        placed = { table, capture };
        this.placed.set(node, placed);
      }
      this.code[at + 3] = placed.table;
      this.code[at + 4] = placed.capture;
    }
  }

  private look(n: Look): void {
    const [first, last] = n.groups;
    const kind = (n.negated ? LOOK.negated : 0) | (n.behind ? LOOK.behind : 0);
    const captures = last >= first && !n.negated;
    const at = this.emit(
      OP.look,
      this.ids.get(n)!,
      kind,
      -1,
      -1,
      captures ? 2 * first : 0,
      captures ? 2 * last + 2 : 0,
    );
    this.sites.push({ node: n, at });
  }

  emit(...words: number[]): number {
    const at = this.code.length;
    this.code.push(...words);
    if (this.code.length > MAX_PROGRAM)
      throw new RegexRefusal(
        "a regular expression this large (after expanding its {n,m} repetitions)",
        "use smaller repetition counts, or check lengths in code",
      );
    return at;
  }

  node(n: Node): void {
    switch (n.kind) {
      case "empty":
        return;
      case "char":
        this.char(n);
        return;
      case "assert":
        this.assert(n.what);
        return;
      case "seq":
        for (const item of n.items) this.node(item);
        return;
      case "look":
        this.look(n);
        return;
      case "group":
        if (!this.captures) {
          this.node(n.body);
          return;
        }
        this.emit(OP.save, 2 * n.index);
        this.node(n.body);
        this.emit(OP.save, 2 * n.index + 1);
        return;
      case "alt": {
        const jumps: number[] = [];
        n.options.forEach((option, i) => {
          if (i < n.options.length - 1) {
            const split = this.emit(OP.split, 0, 0);
            this.code[split + 1] = this.code.length;
            this.node(option);
            jumps.push(this.emit(OP.jmp, 0));
            this.code[split + 2] = this.code.length;
          } else this.node(option);
        });
        for (const j of jumps) this.code[j + 1] = this.code.length;
        return;
      }
      case "repeat":
        this.repeat(n);
        return;
    }
  }

  private repeat(n: Extract<Node, { kind: "repeat" }>): void {
    if (n.max < n.min)
      throw new RegexRefusal("a repetition {n,m} with m < n", "write the smaller count first (JavaScript rejects it)");
    if (n.max > n.min && nullable(n.body))
      throw new RegexRefusal(
        "a repeated part that can match the empty string (like (a*)* or (x?)+)",
        "make the repeated part match at least one character, e.g. (a+)* or (x)*",
      );
    const [lo, hi] = groupSpan(n.body);
    const iteration = () => {
      if (hi >= lo && this.captures) this.emit(OP.reset, 2 * lo, 2 * hi + 2);
      this.node(n.body);
    };
    for (let k = 0; k < n.min; k++) iteration();
    if (n.max === Infinity) {
      const loop = this.emit(OP.split, 0, 0);
      const body = this.code.length;
      iteration();
      this.emit(OP.jmp, loop);
      const end = this.code.length;
      this.code[loop + 1] = n.greedy ? body : end;
      this.code[loop + 2] = n.greedy ? end : body;
      return;
    }
    const splits: number[] = [];
    for (let k = n.min; k < n.max; k++) {
      const split = this.emit(OP.split, 0, 0);
      splits.push(split);
      this.code[split + (n.greedy ? 1 : 2)] = this.code.length;
      iteration();
    }
    const end = this.code.length;
    for (const s of splits) this.code[s + (n.greedy ? 2 : 1)] = end;
  }

  private assert(what: "^" | "$" | "b" | "B"): void {
    const m = (this.flags & FLAG.m) !== 0;
    const iu = (this.flags & FLAG.i) !== 0 && (this.flags & FLAG.u) !== 0;
    const kind =
      what === "^"
        ? m
          ? ASSERT.bolm
          : ASSERT.bol
        : what === "$"
          ? m
            ? ASSERT.eolm
            : ASSERT.eol
          : what === "b"
            ? iu
              ? ASSERT.wordIu
              : ASSERT.word
            : iu
              ? ASSERT.notWordIu
              : ASSERT.notWord;
    this.emit(OP.assert, kind);
  }

  private char(n: Extract<Node, { kind: "char" }>): void {
    const unicode = (this.flags & FLAG.u) !== 0;
    let ranges: Ranges = n.source === "." ? dotRanges((this.flags & FLAG.s) !== 0, unicode) : n.ranges;
    if (this.flags & FLAG.i && n.source !== ".") ranges = caseClosed(n.source, ranges, this.flags);
    if (ranges.length === 1 && ranges[0]![0] === ranges[0]![1]) {
      this.emit(OP.char, ranges[0]![0]);
      return;
    }
    this.emit(OP.set, ranges.length, ...ranges.flat());
  }
}

/** Characters whose case may fold to another (a superset): every one with a case mapping, and its images. */
let foldable: { bmp: number[]; astral: number[] } | undefined;

function foldableCharacters(): { bmp: number[]; astral: number[] } {
  if (foldable) return foldable;
  const set = new Set<number>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const mapped of [s.toLowerCase(), s.toUpperCase()]) {
      if (mapped === s) continue;
      set.add(cp);
      const image = mapped.codePointAt(0)!;
      if (mapped.length === String.fromCodePoint(image).length) set.add(image);
    }
  }
  const all = [...set].sort((a, b) => a - b);
  foldable = { bmp: all.filter((c) => c <= 0xffff), astral: all.filter((c) => c > 0xffff) };
  return foldable;
}

const closedCache = new Map<string, Ranges>();

/**
 * The set a case-insensitive atom matches: outside the foldable characters, its own set; for each
 * foldable character, what the host's engine says for the atom alone with the same flags.
 */
function caseClosed(source: string, ranges: Ranges, flags: number): Ranges {
  const unicode = (flags & FLAG.u) !== 0;
  const key = `${unicode ? "u" : ""}${source}`;
  const cached = closedCache.get(key);
  if (cached) return cached;
  const host = new RegExp(`^(?:${source})$`, unicode ? "iu" : "i");
  const { bmp, astral } = foldableCharacters();
  const add: [number, number][] = [];
  const remove: number[] = [];
  for (const c of unicode ? [...bmp, ...astral] : bmp) {
    const wanted = host.test(unicode ? String.fromCodePoint(c) : String.fromCharCode(c));
    const has = contains(ranges, c);
    if (wanted && !has) add.push([c, c]);
    if (!wanted && has) remove.push(c);
  }
  let result = normalize([...ranges, ...add]);
  if (remove.length > 0) {
    const max = unicode ? 0x10ffff : 0xffff;
    result = complement(normalize([...complement(result, max), ...remove.map((c) => [c, c] as const)]), max);
  }
  closedCache.set(key, result);
  return result;
}
