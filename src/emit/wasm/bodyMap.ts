/**
 * @fileoverview Maps positions inside an embedded code body (offsets, or line and column) back
 * to spans of the workflow file, through `EmbeddedSource.lineOrigins`.
 */
import { span, type Span } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/node.js";

/** Position mapping for one body. */
export class BodyMap {
  /** Offset in the body text of the first character of each line. */
  private readonly lineStarts: readonly number[];

  constructor(readonly body: EmbeddedSource) {
    const starts = [0];
    const { text } = body;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The whole body. */
  get whole(): Span {
    return this.body.span;
  }

  /** File offset of a body offset (clamped to the body). */
  fileOffset(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.body.text.length));
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= clamped) line++;
    return this.fileOffsetAt(line, clamped - this.lineStarts[line]!);
  }

  /** File offset of a 0-based line and column of the body. */
  fileOffsetAt(line: number, column: number): number {
    const origin = this.body.lineOrigins[line];
    if (origin === undefined || line >= this.lineStarts.length) return this.body.span.start;
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.body.text.length;
    return origin + Math.max(0, Math.min(column, lineEnd - this.lineStarts[line]!));
  }

  /** The file span of body offsets `[start, end)`. */
  spanOf(start: number, end: number = start): Span {
    const from = this.fileOffset(start);
    return span(this.body.span.file, from, Math.max(from, this.fileOffset(end)));
  }

  /** The file span of a whole 0-based body line (without indentation). */
  lineSpan(line: number): Span {
    const start = this.lineStarts[line] ?? 0;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.body.text.length;
    const text = this.body.text.slice(start, end);
    const indent = text.length - text.trimStart().length;
    return this.spanOf(start + indent, start + text.trimEnd().length);
  }

  /** The 0-based line of a body offset. */
  lineOf(offset: number): number {
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
    return line;
  }
}
