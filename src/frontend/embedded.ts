/**
 * @fileoverview Positions inside embedded text (code bodies, condition expressions): maps an
 * index in the embedded text back to an offset, and a span, in the workflow file.
 */
import { span, type Span } from "../diagnostics/index.js";
import type { EmbeddedSource } from "../plan/index.js";

/** File offset of character `index` of `source.text`. */
export function embeddedOffset(source: EmbeddedSource, index: number): number {
  const clamped = Math.max(0, Math.min(index, source.text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = source.text.indexOf("\n"); i >= 0 && i < clamped; i = source.text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const origin = source.lineOrigins[Math.min(line, source.lineOrigins.length - 1)] ?? source.span.start;
  return origin + (clamped - lineStart);
}

/** The span in the workflow file of `[start, end)` of `source.text`. */
export function embeddedSpan(source: EmbeddedSource, start: number, end: number): Span {
  const from = embeddedOffset(source, start);
  const to = end > start ? embeddedOffset(source, end - 1) + 1 : from;
  return span(source.span.file, from, to);
}
