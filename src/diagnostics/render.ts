/**
 * @fileoverview The one renderer of diagnostics: a `file:line:col - error CODE: message` header
 * (one line, easy to grep: a line feed in a message, e.g. in a YAML key the workflow chose, is
 * escaped) followed by a caret snippet and notes, Rust style; or JSON (raw text, JSON escapes it).
 */
import type { Diagnostic } from "./diagnostic.js";
import { formatLocation, type Span } from "./sourceFile.js";
import { visibleLine } from "../util/visibleText.js";

/** Renders one diagnostic for a terminal. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { span: at } = diagnostic;
  const head = `${diagnostic.severity} ${diagnostic.code}: ${visibleLine(diagnostic.message)}`;
  const lines = [at ? `${formatLocation(at)} - ${head}` : head];
  if (at) lines.push(...snippet(at));
  for (const note of diagnostic.notes) {
    lines.push(`note: ${visibleLine(note.message)}${note.span ? ` (${formatLocation(note.span)})` : ""}`);
  }
  return lines.join("\n");
}

/** Renders many diagnostics, separated by blank lines, with a closing count. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return "";
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const summary = [errors && plural(errors, "error"), warnings && plural(warnings, "warning")]
    .filter(Boolean)
    .join(", ");
  return `${diagnostics.map(formatDiagnostic).join("\n\n")}\n\n${summary}\n`;
}

/** The machine form (`--format json`): one object per diagnostic. */
export function diagnosticToJson(diagnostic: Diagnostic): object {
  const at = diagnostic.span;
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...(at && location(at)),
    notes: diagnostic.notes.map((n) => ({ message: n.message, ...(n.span && location(n.span)) })),
  };
}

function location(at: Span): object {
  const start = at.file.position(at.start);
  const end = at.file.position(at.end);
  return { file: at.file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function snippet(at: Span): string[] {
  const start = at.file.position(at.start);
  const end = at.file.position(at.end);
  const line = at.file.lineText(start.line);
  const gutter = String(start.line).length;
  const pad = " ".repeat(gutter);
  // A long line (a minified or hostile file) is shown as a window around the column.
  const from = line.length > MAX_SNIPPET ? Math.max(0, start.column - 1 - 40) : 0;
  const to = Math.min(line.length, from + MAX_SNIPPET);
  const cut = (from > 0 ? "..." : "") + line.slice(from, to) + (to < line.length ? "..." : "");
  const text = cut.replace(CONTROL, "?");
  const column = start.column - from + (from > 0 ? 3 : 0);
  const width = Math.min(
    end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, line.length - start.column + 1),
    Math.max(1, text.length - column + 1),
  );
  const caretPrefix = text.slice(0, column - 1).replace(/[^\t]/g, " ");
  return [`${pad} |`, `${start.line} | ${text}`, `${pad} | ${caretPrefix}${"^".repeat(width)}`];
}

/** Widest source snippet shown, in characters. */
const MAX_SNIPPET = 160;

/** Control characters (but tab) in a snippet's line, shown as `?` so the caret stays aligned. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
