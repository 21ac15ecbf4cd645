/**
 * @fileoverview String values with references, shared by both front ends. A string that is
 * exactly `{{ a.b }}` (whitespace allowed) is a typed reference, text with `{{ }}` among other
 * text is a template, text without `{{` is a literal. Positions map back into the workflow file
 * through a `StringSource`, so diagnostics and reference spans point inside the string.
 */
import { createDiagnostic, Diagnostics, span, type Diagnostic, type Span } from "../diagnostics/index.js";
import type { LiteralValue, RefValue, TemplateValue } from "../plan/index.js";

/** A string as written in a workflow file. */
export interface StringSource {
  /** The string's value (escapes resolved). */
  readonly text: string;
  /** The whole string as written, quotes included. */
  readonly span: Span;
  /** File offset of character `index` of `text` (`index` may equal `text.length`). */
  offsetAt(index: number): number;
}

/** The result of parsing a string: a value, and what was wrong with it. */
export interface ParsedString<V> {
  readonly value: V;
  readonly diagnostics: Diagnostic[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INDEX = /^[0-9]+$/;

/**
 * Splits a reference path (`classify.label`, `rows.0.name`). The root is an identifier; later
 * segments are identifiers or list indexes. Returns a message when the text is not a path.
 */
export function parseReferencePath(text: string): readonly string[] | string {
  if (text === "") return "empty reference: write a path such as '{{ inputs.x }}'";
  const segments = text.split(".");
  for (const [i, segment] of segments.entries()) {
    if (segment === "") return `'${text}' has an empty path segment`;
    if (!IDENTIFIER.test(segment) && (i === 0 || !INDEX.test(segment))) {
      return `'${text}' is not a reference path: use names separated by '.' (e.g. node.field)`;
    }
  }
  return segments;
}

/** Parses a string value: reference, template or literal. */
export function parseStringValue(source: StringSource): ParsedString<RefValue | TemplateValue | LiteralValue> {
  if (!source.text.includes("{{"))
    return { value: { kind: "literal", value: source.text, span: source.span }, diagnostics: [] };
  const parsed = parseTemplate(source);
  const [only] = parsed.value.parts;
  if (parsed.value.parts.length === 1 && only !== undefined && typeof only !== "string")
    return { value: only, diagnostics: parsed.diagnostics };
  return parsed;
}

/** Parses a string as a template (prompts): always a TemplateValue, even with no references. */
export function parseTemplate(source: StringSource): ParsedString<TemplateValue> {
  const { text } = source;
  const diagnostics: Diagnostic[] = [];
  const parts: (string | RefValue)[] = [];
  const at = (start: number, end: number): Span =>
    span(source.span.file, source.offsetAt(start), end > start ? source.offsetAt(end - 1) + 1 : source.offsetAt(start));
  let literal = "";
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf("{{", index);
    if (open < 0) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, open);
    const close = text.indexOf("}}", open + 2);
    if (close < 0) {
      diagnostics.push(
        createDiagnostic(Diagnostics.BadTemplate, at(open, text.length), ["'{{' is never closed with '}}'"]),
      );
      literal += text.slice(open);
      break;
    }
    const inner = text.slice(open + 2, close);
    const leading = inner.length - inner.trimStart().length;
    const trimmed = inner.trim();
    const path = parseReferencePath(trimmed);
    if (typeof path === "string") {
      diagnostics.push(createDiagnostic(Diagnostics.BadTemplate, at(open, close + 2), [path]));
    } else {
      if (literal !== "") parts.push(literal);
      literal = "";
      const start = open + 2 + leading;
      parts.push({ kind: "ref", path, span: at(start, start + trimmed.length) });
    }
    index = close + 2;
  }
  if (literal !== "" || parts.length === 0) parts.push(literal);
  return { value: { kind: "template", parts, span: source.span }, diagnostics };
}

/** A StringSource for text that sits verbatim in the file from `start` (no escapes). */
export function verbatimSource(file: Span["file"], start: number, text: string, whole?: Span): StringSource {
  return { text, span: whole ?? span(file, start, start + text.length), offsetAt: (index) => start + index };
}
