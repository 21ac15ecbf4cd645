/**
 * @fileoverview The printers through which anything a workflow says reaches generated code.
 * Each one is closed: whatever the text, its output is exactly one token of its kind (a string
 * literal, a template literal chunk, a property key, a comment's text) and reads back as the same
 * data. Nothing else in src/emit/ts prints workflow text; identifiers come from NameTable.
 *
 * - strings: JSON escaping, plus U+2028/U+2029 (line terminators to older tools); lone surrogates
 *   are escaped by JSON.stringify, so they survive a UTF-8 file;
 * - template chunks: `\`, backtick and `${` escaped, and every character that the file, the
 *   template or the code writer would change written as an escape: line breaks (ts-morph
 *   re-indents lines it takes for code; templates turn CR into LF), control characters, lone
 *   surrogates, U+2028/U+2029;
 * - property keys: bare only for plain identifiers; `__proto__` as a computed key
 *   (`["__proto__"]`), which defines an own property where `__proto__:` would set the prototype;
 * - data: JSON values as object and array literals built from the above;
 * - comments: no line terminator (ends a `//` comment) and no `*` + `/` (ends a block comment).
 */
import type { JsonValue } from "../../plan/index.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal reading back as exactly `text`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Text for the inside of a template literal (between backticks, outside `${}`). */
export function templateChunk(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = text.charCodeAt(i);
    if (c === "\\" || c === "`") out += `\\${c}`;
    else if (c === "$" && text[i + 1] === "{") out += "\\$";
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += c;
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += unicodeEscape(code);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += c + text[i + 1]!;
        i++;
      } else out += unicodeEscape(code);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += unicodeEscape(code);
    else out += c;
  }
  return out;
}

/** A key in an object literal: `key`, `"some key"`, or `["__proto__"]` (an own property). */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A key in a type literal (no prototype semantics there): bare identifiers, else quoted. */
export function typeKey(key: string): string {
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A JSON value as an expression that evaluates to an equal value (own properties only). */
export function dataLiteral(value: JsonValue): string {
  if (value === null || typeof value !== "object")
    return typeof value === "string" ? stringLiteral(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(dataLiteral).join(", ")}]`;
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v)}`).join(", ")} }`;
}

/**
 * A JSON-serialisable value as an indented literal, for large constants such as the manifest.
 * JSON text is a JavaScript expression except for one thing: a `"__proto__":` key sets the
 * prototype. In indented JSON every key starts its line, so those keys are found exactly.
 */
export function prettyDataLiteral(value: unknown): string {
  return stringifyPretty(value).replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:');
}

function stringifyPretty(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Text safe inside a `//` or `/* *\/` comment: one line, never closing the comment. */
export function commentText(text: string): string {
  return templateChunk(text).replace(/\*\//g, "*\\/");
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
