/**
 * @fileoverview String and template literals of .ice as StringSources for the shared template
 * parser (src/frontend/template.ts): escapes are decoded and every character keeps its file
 * offset. A template's `${ path }` becomes `{{ path }}`, so both front ends read references
 * with the same code and `{{ path }}` inside an .ice string means what it means in YAML.
 */
import type { IToken } from "chevrotain";
import { span, type SourceFile } from "../../diagnostics/index.js";
import type { StringSource } from "../template.js";

const SIMPLE_ESCAPES: { readonly [c: string]: string } = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  b: "\b",
  f: "\f",
  v: "\v",
};

/** Text being decoded, with the file offset of each character. */
class Decoded {
  text = "";
  readonly offsets: number[] = [];

  push(chars: string, offset: number): void {
    this.text += chars;
    for (let i = 0; i < chars.length; i++) this.offsets.push(offset);
  }

  source(file: SourceFile, token: IToken): StringSource {
    const whole = span(file, token.startOffset, token.endOffset! + 1);
    const close = token.endOffset!;
    return { text: this.text, span: whole, offsetAt: (index) => this.offsets[index] ?? close };
  }
}

/** Decodes the escape at `at` (a backslash) into `out`; returns the index after it. */
function decodeEscape(raw: string, at: number, base: number, out: Decoded): number {
  const e = raw[at + 1] ?? "";
  if (e === "\n") return at + 2;
  if (e === "\r") return raw[at + 2] === "\n" ? at + 3 : at + 2;
  const hex =
    e === "x" ? /x([0-9a-fA-F]{2})/y : e === "u" ? /u(?:\{([0-9a-fA-F]{1,8})\}|([0-9a-fA-F]{4}))/y : undefined;
  if (hex) hex.lastIndex = at + 1;
  const match = hex?.exec(raw);
  if (match && parseInt(match[1] ?? match[2]!, 16) <= 0x10ffff) {
    out.push(String.fromCodePoint(parseInt(match[1] ?? match[2]!, 16)), base + at);
    return at + 1 + match[0].length;
  }
  out.push(SIMPLE_ESCAPES[e] ?? e, base + at);
  return at + 2;
}

/** A `"..."` or `'...'` token. */
export function stringSource(file: SourceFile, token: IToken): StringSource {
  const raw = token.image;
  const out = new Decoded();
  for (let i = 1; i < raw.length - 1; ) {
    if (raw[i] === "\\") i = decodeEscape(raw, i, token.startOffset, out);
    else {
      out.push(raw[i]!, token.startOffset + i);
      i++;
    }
  }
  return out.source(file, token);
}

/** A template token; `${ ... }` is handed on as `{{ ... }}`. */
export function templateSource(file: SourceFile, token: IToken): StringSource {
  const raw = token.image;
  const base = token.startOffset;
  const out = new Decoded();
  let i = 1;
  while (i < raw.length - 1) {
    const c = raw[i]!;
    if (c === "\\") {
      i = decodeEscape(raw, i, base, out);
    } else if (c === "$" && raw[i + 1] === "{") {
      out.push("{", base + i);
      out.push("{", base + i + 1);
      let depth = 1;
      let j = i + 2;
      for (; j < raw.length - 1; j++) {
        if (raw[j] === "{") depth++;
        else if (raw[j] === "}" && --depth === 0) break;
        out.push(raw[j]!, base + j);
      }
      out.push("}}", base + j);
      i = j + 1;
    } else {
      out.push(c, base + i);
      i++;
    }
  }
  return out.source(file, token);
}

/** The decoded text of a string or template token (for constants: no references). */
export function literalText(file: SourceFile, token: IToken): string {
  return token.tokenType.name === "Template" ? templateSource(file, token).text : stringSource(file, token).text;
}
