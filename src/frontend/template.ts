/**
 * @fileoverview String values with references, shared by both front ends. A string that is
 * exactly `{{ a.b }}` (whitespace allowed) is a typed reference, text with `{{ }}` among other
 * text is a template, text without `{{` is a literal. Positions map back into the workflow file
 * through a `StringSource`, so diagnostics and reference spans point inside the string.
 *
 * A reference may carry a default for when its value is absent (iceOS templates are Jinja):
 *
 *   Inner    : Path (Fallback)?
 *   Fallback : (`or` | `??`) Literal  |  `|` `default` `(` Literal `)`
 *   Literal  : 'text' | "text" | number | true | false | null   (Python's True, False, None too)
 */
import { createDiagnostic, Diagnostics, span, type Diagnostic, type Span } from "../diagnostics/index.js";
import type { JsonValue, LiteralValue, RefValue, TemplateValue } from "../plan/index.js";

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
    const parsed = parseInner(inner);
    if (typeof parsed === "string") {
      diagnostics.push(createDiagnostic(Diagnostics.BadTemplate, at(open, close + 2), [parsed]));
    } else {
      if (literal !== "") parts.push(literal);
      literal = "";
      const base = open + 2;
      const ref: RefValue = {
        kind: "ref",
        path: parsed.path,
        span: at(base + parsed.pathStart, base + parsed.pathEnd),
        ...(parsed.fallback && {
          fallback: {
            kind: "literal" as const,
            value: parsed.fallback.value,
            span: at(base + parsed.fallback.start, base + parsed.fallback.end),
          },
        }),
      };
      parts.push(ref);
    }
    index = close + 2;
  }
  if (literal !== "" || parts.length === 0) parts.push(literal);
  return { value: { kind: "template", parts, span: source.span }, diagnostics };
}

/** What is between `{{` and `}}`: a path and maybe a default, with offsets into `inner`. */
interface Inner {
  readonly path: readonly string[];
  readonly pathStart: number;
  readonly pathEnd: number;
  readonly fallback?: { readonly value: JsonValue; readonly start: number; readonly end: number };
}

const FALLBACK = /^\s*(?:(?:or\b|\?\?)\s*(?<bare>.*?)|\|\s*default\s*\(\s*(?<call>.*?)\s*\))\s*$/s;

/** Parses `path`, `path or 'x'`, `path ?? 1`, `path | default(true)`; a message when it is none of these. */
function parseInner(inner: string): Inner | string {
  const pathStart = inner.length - inner.trimStart().length;
  const pathMatch = /^[^\s|?]*/.exec(inner.slice(pathStart))!;
  const pathText = pathMatch[0];
  const pathEnd = pathStart + pathText.length;
  const rest = inner.slice(pathEnd);
  if (rest.trim() === "") {
    const path = parseReferencePath(pathText);
    return typeof path === "string" ? path : { path, pathStart, pathEnd };
  }
  const path = parseReferencePath(pathText);
  if (typeof path === "string") return path;
  const match = FALLBACK.exec(rest);
  const written = match?.groups?.["bare"] ?? match?.groups?.["call"];
  if (written === undefined)
    return `'${inner.trim()}' is not a reference: write a path, optionally with a default ('{{ inputs.x or "a" }}' or '{{ inputs.x | default("a") }}')`;
  const value = parseFallbackLiteral(written);
  if (value === undefined)
    return `the default '${written}' must be a constant: a quoted string, a number, true, false or null`;
  const start = pathEnd + rest.indexOf(written);
  return { path, pathStart, pathEnd, fallback: { value: value.value, start, end: start + written.length } };
}

/** A default as written: quoted strings, numbers, booleans, null (Python spellings too). */
function parseFallbackLiteral(text: string): { value: JsonValue } | undefined {
  const quote = text[0];
  if ((quote === "'" || quote === '"') && text.length >= 2 && text.endsWith(quote)) {
    const body = text.slice(1, -1);
    if (quote === '"') {
      try {
        return { value: JSON.parse(text) as string };
      } catch {
        return undefined;
      }
    }
    return body.includes("'") && !body.includes("\\'") ? undefined : { value: body.replace(/\\'/g, "'") };
  }
  if (text === "true" || text === "True") return { value: true };
  if (text === "false" || text === "False") return { value: false };
  if (text === "null" || text === "None" || text === "none") return { value: null };
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
  return undefined;
}

/** A reference as written in `{{ }}`: its path and default, as `parseTemplate` reads them back. */
export function referenceText(ref: RefValue, style: "jinja" | "ice" = "jinja"): string {
  const path = ref.path.join(".");
  if (!ref.fallback) return path;
  const value = JSON.stringify(ref.fallback.value);
  return style === "ice" ? `${path} ?? ${value}` : `${path} | default(${value})`;
}

/** A StringSource for text that sits verbatim in the file from `start` (no escapes). */
export function verbatimSource(file: Span["file"], start: number, text: string, whole?: Span): StringSource {
  return { text, span: whole ?? span(file, start, start + text.length), offsetAt: (index) => start + index };
}
