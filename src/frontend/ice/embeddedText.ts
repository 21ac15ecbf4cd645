/**
 * @fileoverview Text the .ice parser captures as balanced groups: a condition's expression (the
 * text between its parentheses, as written) and a code node's body (the text between its braces,
 * dedented like a YAML block scalar: the rest of the `{` line and the indentation of the `}` line
 * are dropped, then the indentation common to the lines). Each line keeps its file offset.
 */
import type { IToken } from "chevrotain";
import { span, type SourceFile } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/index.js";

/** The text between two tokens, verbatim. */
export function groupText(file: SourceFile, open: IToken, close: IToken): EmbeddedSource {
  const start = open.endOffset! + 1;
  const text = file.text.slice(start, close.startOffset);
  const lineOrigins = [start];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineOrigins.push(start + i + 1);
  return { text, lineOrigins, span: span(file, start, close.startOffset) };
}

interface Line {
  readonly text: string;
  readonly offset: number;
}

const leading = (text: string): number => text.length - text.replace(/^[ \t]+/, "").length;
const blank = (text: string): boolean => text.trim() === "";

/** A code body between `{` and `}`, dedented. */
export function codeBodyText(file: SourceFile, open: IToken, close: IToken): EmbeddedSource {
  const start = open.endOffset! + 1;
  const end = close.startOffset;
  const raw = file.text.slice(start, end);
  const whole = span(file, start, end);
  if (!raw.includes("\n")) {
    const text = raw.trim();
    return { text, lineOrigins: [start + (text === "" ? 0 : raw.indexOf(text))], span: whole };
  }
  let lines: Line[] = [];
  let offset = start;
  for (const text of raw.split("\n")) {
    lines.push({ text, offset });
    offset += text.length + 1;
  }
  const inline = !blank(lines[0]!.text);
  const trailingNewline = blank(lines.at(-1)!.text);
  lines = lines.slice(inline ? 0 : 1, trailingNewline ? -1 : undefined);
  if (lines.length === 0) return { text: "", lineOrigins: [start], span: whole };
  const indented = lines.filter((l, i) => !(inline && i === 0) && !blank(l.text));
  const indent = indented.length === 0 ? 0 : Math.min(...indented.map((l) => leading(l.text)));
  const out = lines.map((l, i) => {
    const cut = inline && i === 0 ? leading(l.text) : Math.min(indent, leading(l.text));
    return { text: l.text.slice(cut), offset: l.offset + cut };
  });
  if (!trailingNewline) {
    const last = out.at(-1)!;
    out[out.length - 1] = { text: last.text.trimEnd(), offset: last.offset };
  }
  const text = out.map((l) => l.text).join("\n") + (trailingNewline ? "\n" : "");
  return { text, lineOrigins: out.map((l) => l.offset), span: whole };
}
