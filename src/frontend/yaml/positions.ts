/**
 * @fileoverview Source positions of YAML nodes: the span of a node, and the file offset of each
 * character of a scalar's value, so that references inside strings and positions inside code
 * bodies and expressions point at the right place in the file. Literal block scalars (`|`) map
 * exactly line by line; quoted and plain scalars are aligned character by character, resolving
 * escapes; folded block scalars are aligned approximately.
 */
import { Scalar, type Node } from "yaml";
import { span, type SourceFile, type Span } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/index.js";
import type { StringSource } from "../template.js";

/** The span of a node's value (without trailing comments), or of `fallback` if it has none. */
export function nodeSpan(file: SourceFile, node: Node | null | undefined, fallback?: Span): Span {
  const range = node?.range;
  if (!range) return fallback ?? span(file, 0);
  return span(file, range[0], range[1]);
}

/** A string scalar as a StringSource for template parsing. */
export function stringSource(file: SourceFile, scalar: Scalar): StringSource {
  const text = String(scalar.value);
  const offsets = scalarOffsets(file, scalar, text);
  return { text, span: nodeSpan(file, scalar), offsetAt: offsets };
}

/** A scalar as embedded text (a code body, an expression), with the file offset of each line. */
export function embeddedSource(file: SourceFile, scalar: Scalar): EmbeddedSource {
  const text = String(scalar.value);
  const offsetAt = scalarOffsets(file, scalar, text);
  const lineOrigins = [offsetAt(0)];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineOrigins.push(offsetAt(i + 1));
  return { text, lineOrigins, span: nodeSpan(file, scalar) };
}

/** A function from index in `value` to file offset. */
function scalarOffsets(file: SourceFile, scalar: Scalar, value: string): (index: number) => number {
  const range = scalar.range;
  if (!range) return () => 0;
  const [start, end] = range;
  if (scalar.type === Scalar.BLOCK_LITERAL) {
    const origins = literalLineOrigins(file.text, start, end, value, scalar);
    const lineStarts = [0];
    for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    return (index) => {
      let line = lineStarts.length - 1;
      while (line > 0 && lineStarts[line]! > index) line--;
      return origins[line]! + (index - lineStarts[line]!);
    };
  }
  let offsets: number[] | undefined;
  return (index) => {
    offsets ??= alignOffsets(file.text, start, end, value, scalar.type);
    if (index < offsets.length) return offsets[index]!;
    return offsets.length > 0
      ? Math.min(end, offsets[offsets.length - 1]! + 1 + (index - offsets.length))
      : contentStart(file.text, start, scalar.type);
  };
}

/** Offset where the characters of a scalar begin: after a quote or a block header line. */
function contentStart(text: string, start: number, type: Scalar["type"]): number {
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) return start + 1;
  if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL) {
    const newline = text.indexOf("\n", start);
    return newline < 0 ? text.length : newline + 1;
  }
  return start;
}

/**
 * File offset of the first content character of each line of a literal block scalar. The block
 * indentation is the explicit indicator (`|2`) or that of the first non-empty line.
 */
function literalLineOrigins(text: string, start: number, end: number, value: string, scalar: Scalar): number[] {
  const header = text.slice(start, text.indexOf("\n", start) < 0 ? end : text.indexOf("\n", start));
  const first = contentStart(text, start, Scalar.BLOCK_LITERAL);
  const lines: { start: number; spaces: number; blank: boolean }[] = [];
  for (let at = first; at < end; ) {
    const newline = text.indexOf("\n", at);
    const stop = newline < 0 || newline >= end ? end : newline;
    const line = text.slice(at, stop);
    lines.push({ start: at, spaces: line.length - line.replace(/^ +/, "").length, blank: line.trim() === "" });
    if (newline < 0 || newline >= end) break;
    at = newline + 1;
  }
  const explicit = /[1-9]/.exec(header);
  const parentIndent = (scalar.srcToken as { indent?: number } | undefined)?.indent ?? 0;
  const indent = explicit ? parentIndent + Number(explicit[0]) : (lines.find((l) => !l.blank)?.spaces ?? 0);
  const origins = lines.map((l) => l.start + Math.min(indent, l.spaces));
  const count = value.split("\n").length;
  while (origins.length < count) origins.push(end);
  return origins.slice(0, Math.max(count, 1));
}

/** Matches each character of `value` to the source character that produced it. */
function alignOffsets(text: string, start: number, end: number, value: string, type: Scalar["type"]): number[] {
  const offsets: number[] = [];
  const stop = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? end - 1 : end;
  let r = contentStart(text, start, type);
  for (const ch of value) {
    let found = -1;
    while (r < stop && found < 0) {
      if (type === Scalar.QUOTE_DOUBLE && text[r] === "\\") {
        const [produced, length] = decodeEscape(text, r);
        if (produced === ch) found = r;
        r += length;
      } else if (type === Scalar.QUOTE_SINGLE && text[r] === "'" && text[r + 1] === "'") {
        if (ch === "'") found = r;
        r += 2;
      } else {
        if (text[r] === ch) found = r;
        r++;
      }
    }
    for (let k = 0; k < ch.length; k++) offsets.push(found < 0 ? Math.max(start, stop - 1) : found);
  }
  return offsets;
}

const SIMPLE_ESCAPES: { readonly [c: string]: string } = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  v: "\v",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
  "\t": "\t",
};

/** The character a double-quoted escape at `at` produces, and its length in the source. */
function decodeEscape(text: string, at: number): [string, number] {
  const e = text[at + 1] ?? "";
  const hexLength = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
  if (hexLength > 0)
    return [String.fromCodePoint(parseInt(text.slice(at + 2, at + 2 + hexLength), 16) || 0), 2 + hexLength];
  if (e === "\n" || e === "\r") return ["", 2];
  return [SIMPLE_ESCAPES[e] ?? e, 2];
}
