/**
 * @fileoverview Source text with a line index: turns offsets into line and column for
 * diagnostics, and spans into the text they cover.
 */
import { visiblePath } from "../util/visibleText.js";

/** One workflow file as read from disk (or given in memory). */
export class SourceFile {
  /** Offset of the first character of each line. */
  private readonly lineStarts: readonly number[];

  constructor(
    /** Path as given by the user; diagnostics print it as is. */
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
    return this.text.slice(start, next).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** A range of a source file, as offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

/** A span covering `[start, end)` of `file`. */
export function span(file: SourceFile, start: number, end: number = start): Span {
  return { file, start, end: Math.max(start, end) };
}

/** `file:line:col` of a span's start. */
export function formatLocation(at: Span): string {
  const { line, column } = at.file.position(at.start);
  return `${visiblePath(at.file.path)}:${line}:${column}`;
}
