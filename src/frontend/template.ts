/**
 * @fileoverview String values with references, shared by both front ends. A string that is
 * exactly `{{ a.b }}` (whitespace allowed) is a typed reference, text with `{{ }}` among other
 * text is a template, text without `{{` is a literal. Positions map back into the workflow file
 * through a `StringSource`, so diagnostics and reference spans point inside the string.
 *
 * A reference may carry defaults for when its value is absent (iceOS templates are Jinja). A
 * default is a constant or another reference, so `{{ approve.text or reject.text }}` joins the two
 * branches of a condition (the checker proves one of them ran on every path):
 *
 *   Inner    : Path Fallback*
 *   Fallback : (`or` | `??`) Operand  |  `|` `default` `(` Operand `)`
 *   Operand  : Path | Literal                       (a Literal ends the chain)
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

/** Most characters of a reference quoted in a message (a 550 KB template made a 550 KB message). */
const MAX_QUOTED = 80;

/**
 * `text` as a message quotes it: whole when short, else `MAX_QUOTED` characters from a little
 * before index `near` (where the problem is), with `...` where it was cut. The diagnostic's span
 * still covers the whole reference.
 */
function excerpt(text: string, near = 0): string {
  if (text.length <= MAX_QUOTED) return text;
  const low = (i: number): boolean => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  let from = Math.max(0, Math.min(near - 20, text.length - MAX_QUOTED));
  let to = from + MAX_QUOTED;
  // Never half a surrogate pair.
  if (low(from)) from++;
  if (to < text.length && low(to)) to--;
  return `${from > 0 ? "..." : ""}${text.slice(from, to)}${to < text.length ? "..." : ""}`;
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
  let at = 0;
  for (const [i, segment] of segments.entries()) {
    if (segment === "") return `'${excerpt(text, at)}' has an empty path segment`;
    if (!IDENTIFIER.test(segment) && (i === 0 || !INDEX.test(segment))) {
      return `'${excerpt(text, at)}' is not a reference path: use names separated by '.' (e.g. node.field)`;
    }
    at += segment.length + 1;
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
      parts.push(chainValue(parsed, (start, end) => at(base + start, base + end)));
    }
    index = close + 2;
  }
  if (literal !== "" || parts.length === 0) parts.push(literal);
  return { value: { kind: "template", parts, span: source.span }, diagnostics };
}

/** One operand of what is between `{{` and `}}`, with offsets into the text between them. */
type Operand =
  | { readonly kind: "path"; readonly path: readonly string[]; readonly start: number; readonly end: number }
  | { readonly kind: "literal"; readonly value: JsonValue; readonly start: number; readonly end: number };

/** The reference and its defaults, in order: a path first, a literal only last. */
type Chain = readonly [Operand & { kind: "path" }, ...Operand[]];

/** The message for `inner` that is no reference chain, quoting it around offset `near` (where it stopped parsing). */
const NOT_A_REFERENCE = (inner: string, near: number): string =>
  `'${excerpt(inner.trim(), near - (inner.length - inner.trimStart().length))}' is not a reference: write a path, optionally with a default ('{{ inputs.x or "a" }}' or '{{ inputs.x | default("a") }}')`;
const OR = /^\s*(?:or\b|\?\?)\s*/;
const DEFAULT_OPEN = /^\s*\|\s*default\s*\(\s*/;
const DEFAULT_CLOSE = /^\s*\)/;
const BARE = /^[^\s|?()]+/;

/**
 * Parses `path`, `path or 'x'`, `path ?? 1`, `path | default(true)`, `a.x or b.x or "none"`; a
 * message when it is none of these.
 */
function parseInner(inner: string): Chain | string {
  const headStart = inner.length - inner.trimStart().length;
  const headText = BARE.exec(inner.slice(headStart))?.[0] ?? "";
  const head = parseReferencePath(headText);
  if (typeof head === "string") return inner.trim() === headText ? head : NOT_A_REFERENCE(inner, headStart);
  const chain: [Operand & { kind: "path" }, ...Operand[]] = [
    { kind: "path", path: head, start: headStart, end: headStart + headText.length },
  ];
  let at = headStart + headText.length;
  while (inner.slice(at).trim() !== "") {
    const or = OR.exec(inner.slice(at));
    const call = or ? undefined : DEFAULT_OPEN.exec(inner.slice(at));
    if (!or && !call) return NOT_A_REFERENCE(inner, at);
    at += (or ?? call)![0].length;
    const written = operandText(inner.slice(at));
    if (written === undefined) return NOT_A_REFERENCE(inner, at);
    const operand = parseOperand(written, at);
    if (typeof operand === "string") return operand;
    const last = chain[chain.length - 1]!;
    if (last.kind === "literal")
      return `the default '${excerpt(inner.slice(last.start, last.end))}' is a constant, so the default after it is never used`;
    chain.push(operand);
    at += written.length;
    if (call) {
      const close = DEFAULT_CLOSE.exec(inner.slice(at));
      if (!close) return NOT_A_REFERENCE(inner, at);
      at += close[0].length;
    }
  }
  return chain;
}

/** The text of the operand `rest` starts with: a quoted string (to its closing quote) or a bare word. */
function operandText(rest: string): string | undefined {
  const quote = rest[0];
  if (quote !== "'" && quote !== '"') return BARE.exec(rest)?.[0];
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === "\\") i++;
    else if (rest[i] === quote) return rest.slice(0, i + 1);
  }
  return undefined;
}

function parseOperand(written: string, start: number): Operand | string {
  const end = start + written.length;
  const literal = parseFallbackLiteral(written);
  if (literal !== undefined) return { kind: "literal", value: literal.value, start, end };
  const path = /^[A-Za-z_]/.test(written) ? parseReferencePath(written) : undefined;
  if (path !== undefined && typeof path !== "string") return { kind: "path", path, start, end };
  return `the default '${excerpt(written)}' must be a constant (a quoted string, a number, true, false or null) or a reference (node.field)`;
}

/** The RefValue of a parsed chain: each default nested in the `fallback` of the one before. */
function chainValue(chain: Chain, at: (start: number, end: number) => Span): RefValue {
  let fallback: RefValue | LiteralValue | undefined;
  for (const operand of [...chain.slice(1)].reverse()) {
    const where = at(operand.start, operand.end);
    fallback =
      operand.kind === "literal"
        ? { kind: "literal", value: operand.value, span: where }
        : { kind: "ref", path: operand.path, span: where, ...(fallback && { fallback }) };
  }
  const [head] = chain;
  return { kind: "ref", path: head.path, span: at(head.start, head.end), ...(fallback && { fallback }) };
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
  const value = ref.fallback.kind === "ref" ? referenceText(ref.fallback, style) : JSON.stringify(ref.fallback.value);
  return style === "ice"
    ? `${path} ?? ${value}`
    : ref.fallback.kind === "ref"
      ? `${path} or ${value}`
      : `${path} | default(${value})`;
}

/** A StringSource for text that sits verbatim in the file from `start` (no escapes). */
export function verbatimSource(file: Span["file"], start: number, text: string, whole?: Span): StringSource {
  return { text, span: whole ?? span(file, start, start + text.length), offsetAt: (index) => start + index };
}
