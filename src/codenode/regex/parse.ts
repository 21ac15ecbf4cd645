/**
 * @fileoverview Parses the pattern of a regular expression literal (JavaScript's syntax, with the
 * web-compatibility leniencies of Annex B outside `u` mode) into a small tree for compile.ts.
 * What a linear-time engine cannot run exactly is refused with a reason and what to write
 * instead: backreferences, capture groups inside lookbehind assertions, the `v` and `d` flags.
 * Unicode property escapes are the host engine's sets (unicodeProperty.ts). Characters are code units outside `u` mode and code points in it.
 */

import { complement, DIGIT, normalize, type Ranges, single, SPACE, WORD } from "./ranges.js";
import { type Node, type Parsed, RegexRefusal } from "./tree.js";
import { propertyRanges } from "./unicodeProperty.js";

export { type Node, type Parsed, RegexRefusal };

const SYNTAX = "^$\\.*+?()[]{}|/";

export function parsePattern(pattern: string, unicode: boolean): Parsed {
  return new Parser(pattern, unicode).parse();
}

class Parser {
  private pos = 0;
  private groupCount = 0;
  private readonly names: (string | undefined)[] = [undefined];
  private readonly max: number;

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {
    this.max = unicode ? 0x10ffff : 0xffff;
  }

  parse(): Parsed {
    const root = this.disjunction();
    if (this.pos < this.src.length) throw this.syntax();
    return { root, groups: this.groupCount, names: this.names };
  }

  private syntax(): RegexRefusal {
    return new RegexRefusal(
      `this regular expression syntax (at '${this.src.slice(this.pos, this.pos + 8)}')`,
      "write the pattern with the common syntax: classes, groups, quantifiers, anchors",
    );
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  private disjunction(): Node {
    const options = [this.alternative()];
    while (this.peek() === "|") {
      this.pos++;
      options.push(this.alternative());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const start = this.pos;
      const atom = this.term();
      items.push(this.quantified(atom, start));
    }
    if (items.length === 0) return { kind: "empty" };
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private quantified(atom: Node, start: number): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) {
        if (this.unicode) throw this.syntax();
        return atom;
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    let greedy = true;
    if (this.peek() === "?") {
      greedy = false;
      this.pos++;
    }
    // An assertion written bare (not in a group like '(?:^)*', which may be quantified):
    // Annex B lets a lookahead (and \b) be quantified outside u mode; a lookbehind never.
    const grouped = this.src.startsWith("(?:", start);
    if (atom.kind === "assert" && !grouped) {
      if (this.unicode || atom.what !== "b") throw this.syntax();
    }
    if (atom.kind === "look" && !grouped && (this.unicode || atom.behind)) throw this.syntax();
    return { kind: "repeat", body: atom, min, max, greedy, at: start };
  }

  private term(): Node {
    const c = this.peek();
    switch (c) {
      case "^":
      case "$":
        this.pos++;
        return { kind: "assert", what: c };
      case "(":
        return this.group();
      case ".": {
        this.pos++;
        return { kind: "char", ranges: [], source: "." };
      }
      case "[":
        return this.charClass();
      case "*":
      case "+":
      case "?":
        throw this.syntax();
      case "{":
        if (this.unicode || /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos))) throw this.syntax();
        return this.literal();
      case "}":
      case "]":
        if (this.unicode) throw this.syntax();
        return this.literal();
      case "\\":
        return this.atomEscape();
      default:
        return this.literal();
    }
  }

  private literal(): Node {
    const start = this.pos;
    const cp = this.readChar();
    return { kind: "char", ranges: [[cp, cp]], source: this.src.slice(start, this.pos) };
  }

  /** One source character: a code point in `u` mode, else a code unit. */
  private readChar(): number {
    const cp = this.unicode ? this.src.codePointAt(this.pos)! : this.src.charCodeAt(this.pos);
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private group(): Node {
    this.pos++;
    if (this.peek() === "?") {
      const next = this.peek(1);
      if (next === ":") {
        this.pos += 2;
        const body = this.disjunction();
        this.expect(")");
        return body;
      }
      if (next === "=" || next === "!" || (next === "<" && (this.peek(2) === "=" || this.peek(2) === "!")))
        return this.look(next === "<");
      if (next === "<") {
        const m = /^\?<([A-Za-z_$][A-Za-z0-9_$]*)>/.exec(this.src.slice(this.pos));
        if (!m) throw this.syntax();
        this.pos += m[0].length;
        const index = ++this.groupCount;
        this.names[index] = m[1];
        const body = this.disjunction();
        this.expect(")");
        return { kind: "group", index, body };
      }
      throw new RegexRefusal(
        "this group syntax '(?...)'",
        "use '(...)', '(?:...)' or '(?<name>...)'; modifiers like '(?i:...)' are not supported",
      );
    }
    const index = ++this.groupCount;
    this.names[index] = undefined;
    const body = this.disjunction();
    this.expect(")");
    return { kind: "group", index, body };
  }

  /** A lookaround assertion (after its '('); a capture group inside a lookbehind is refused. */
  private look(behind: boolean): Node {
    const negated = this.peek(behind ? 2 : 1) === "!";
    const text = `(?${behind ? "<" : ""}${negated ? "!" : "="}...)`;
    this.pos += behind ? 3 : 2;
    const first = this.groupCount + 1;
    const body = this.disjunction();
    this.expect(")");
    const last = this.groupCount;
    if (behind && last >= first)
      throw new RegexRefusal(
        `a capture group inside the lookbehind assertion '${text}' (JavaScript sets its value by matching right to left)`,
        "use a non-capturing group '(?:...)' inside the lookbehind, and capture the text outside it",
      );
    return { kind: "look", behind, negated, body, groups: [first, last] };
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw this.syntax();
    this.pos++;
  }

  private atomEscape(): Node {
    const start = this.pos;
    this.pos++;
    const c = this.peek();
    if (c === "b" || c === "B") {
      this.pos++;
      return { kind: "assert", what: c };
    }
    if (c >= "1" && c <= "9")
      throw new RegexRefusal(
        `a backreference '\\${c}'`,
        "a linear-time engine cannot match backreferences: capture the parts and compare them in code",
      );
    if (c === "k" && (this.unicode || this.src.includes("(?<")))
      throw new RegexRefusal(
        "a named backreference '\\k<...>'",
        "a linear-time engine cannot match backreferences: capture the parts and compare them in code",
      );
    const ranges = this.classEscape(false);
    return { kind: "char", ranges, source: this.src.slice(start, this.pos) };
  }

  /** After a backslash: the set the escape denotes (a single character is a one-element set). */
  private classEscape(inClass: boolean): Ranges {
    const c = this.peek();
    this.pos++;
    const one = (cp: number): Ranges => [[cp, cp]];
    switch (c) {
      case "d":
        return DIGIT;
      case "D":
        return complement(DIGIT, this.max);
      case "w":
        return WORD;
      case "W":
        return complement(WORD, this.max);
      case "s":
        return SPACE;
      case "S":
        return complement(SPACE, this.max);
      case "t":
        return one(9);
      case "n":
        return one(10);
      case "v":
        return one(11);
      case "f":
        return one(12);
      case "r":
        return one(13);
      case "b":
        if (inClass) return one(8);
        break;
      case "-":
        if (inClass && this.unicode) return one(0x2d);
        break;
      case "0":
        if (!(this.peek() >= "0" && this.peek() <= "9")) return one(0);
        break;
      case "c": {
        const letter = this.peek();
        if (/^[A-Za-z]$/.test(letter)) {
          this.pos++;
          return one(letter.charCodeAt(0) % 32);
        }
        break;
      }
      case "x": {
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (m) {
          this.pos += 2;
          return one(Number.parseInt(m[0], 16));
        }
        break;
      }
      case "u": {
        const braced = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
        if (braced && this.unicode) {
          const cp = Number.parseInt(braced[1]!, 16);
          if (cp > 0x10ffff) break;
          this.pos += braced[0].length;
          return one(cp);
        }
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
        if (m) {
          this.pos += 4;
          let cp = Number.parseInt(m[0], 16);
          // \uD83D\uDE00 is one code point in u mode.
          const low = /^\\u([0-9A-Fa-f]{4})/.exec(this.src.slice(this.pos));
          if (this.unicode && cp >= 0xd800 && cp <= 0xdbff && low) {
            const lo = Number.parseInt(low[1]!, 16);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              this.pos += 6;
              cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
            }
          }
          return one(cp);
        }
        break;
      }
      case "p":
      case "P": {
        if (!this.unicode) return one(c.charCodeAt(0));
        // \p{Name} / \P{Name}: the host engine's set (unicodeProperty.ts).
        const braced = /^\{([^}]*)\}/.exec(this.src.slice(this.pos));
        const ranges = braced ? propertyRanges(braced[1]!) : undefined;
        if (!braced || !ranges) throw this.syntax();
        this.pos += braced[0].length;
        return c === "p" ? ranges : complement(ranges, this.max);
      }
      case "":
        throw this.syntax();
      default:
        break;
    }
    this.pos--;
    const cp = this.unicode ? this.src.codePointAt(this.pos)! : this.src.charCodeAt(this.pos);
    if (this.unicode && !SYNTAX.includes(String.fromCodePoint(cp)) && !(inClass && cp === 0x2d)) throw this.syntax();
    if (!this.unicode && ((c >= "0" && c <= "9") || c === "k" || c === "c"))
      throw new RegexRefusal(`the escape '\\${c}' (an octal or legacy escape)`, "write \\xHH or \\uHHHH");
    this.pos += cp > 0xffff ? 2 : 1;
    return one(cp);
  }

  private charClass(): Node {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.pos++;
    }
    const items: (readonly [number, number])[] = [];
    while (this.peek() !== "]") {
      if (this.pos >= this.src.length) throw this.syntax();
      const first = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "") {
        this.pos++;
        const second = this.classAtom();
        const a = single(first);
        const b = single(second);
        if (a === undefined || b === undefined) {
          // Annex B: [\w-.] is \w, '-' and '.'.
          if (this.unicode) throw this.syntax();
          items.push(...first, [0x2d, 0x2d], ...second);
          continue;
        }
        if (a > b) throw this.syntax();
        items.push([a, b]);
      } else items.push(...first);
    }
    this.pos++;
    const positive = normalize(items);
    return {
      kind: "char",
      ranges: negated ? complement(positive, this.max) : positive,
      source: this.src.slice(start, this.pos),
    };
  }

  private classAtom(): Ranges {
    if (this.peek() === "\\") {
      this.pos++;
      return this.classEscape(true);
    }
    const cp = this.readChar();
    return [[cp, cp]];
  }
}
