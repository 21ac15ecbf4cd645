/**
 * @fileoverview Text functions code nodes take from the host as they are (through the intrinsic
 * `ice.str_op`, intrinsics.ts): what JavaScript computes on the same host, by definition. Each
 * maps one request text to one result text; JavaScript's own errors (URIError, RangeError, a
 * DOMException) become IntrinsicErrors, so the run traps where JavaScript would throw.
 * Requests that carry several parts separate them with NUL characters, placed so that every part
 * that may itself hold a NUL is found unambiguously: a count first, or the one part in the middle.
 */
import { HOST_URL_OPS, type HostUrlOp, hostUrl } from "./hostUrl.js";
import { IntrinsicError } from "./intrinsicError.js";

/** The str_op operations answered here, by name. */
export const HOST_TEXT_OPS = [
  "numberLocale",
  "encodeURIComponent",
  "encodeURI",
  "decodeURIComponent",
  "decodeURI",
  "btoa",
  "atob",
  "jsonParseError",
  ...HOST_URL_OPS,
  "atobTry",
  "btoaTry",
] as const;

/**
 * The longest text whose JSON.parse error message the host works out (jsonParseError): V8 builds
 * the valid part's values before it meets the error, so a longer one could cost the host many
 * times the sandbox's memory; past it the run stops (README "Where a run fails").
 */
export const JSON_ERROR_TEXT_LIMIT = 1 << 20;
export type HostTextOp = (typeof HOST_TEXT_OPS)[number];

/** The result of `op` on `request`; throws IntrinsicError where JavaScript throws. */
export function hostText(op: HostTextOp, request: string): string {
  try {
    switch (op) {
      case "numberLocale":
        return numberLocale(request);
      case "encodeURIComponent":
        return encodeURIComponent(request);
      case "encodeURI":
        return encodeURI(request);
      case "decodeURIComponent":
        return decodeURIComponent(request);
      case "decodeURI":
        return decodeURI(request);
      case "btoa":
        return btoa(request);
      case "atob":
        return atob(request);
      case "jsonParseError":
        return jsonParseError(request);
      case "atobTry":
      case "btoaTry":
        return base64Try(op, request);
      default:
        return hostUrl(op as HostUrlOp, request);
    }
  } catch (error) {
    if (error instanceof IntrinsicError) throw error;
    throw new IntrinsicError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/**
 * `atob` / `btoa` inside a `try` (print/catchableUri.ts): "1" and the result, or "0", the error's
 * name, NUL and its message (the DOMException JavaScript throws, for the body's `catch`).
 */
function base64Try(op: "atobTry" | "btoaTry", request: string): string {
  try {
    return `1${op === "atobTry" ? atob(request) : btoa(request)}`;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return `0${error.name}\0${error.message}`;
  }
}

/** The message of the SyntaxError JSON.parse throws for `text` (the sandbox found it invalid). */
function jsonParseError(text: string): string {
  if (text.length > JSON_ERROR_TEXT_LIMIT)
    throw new IntrinsicError(
      `the message of JSON.parse's error for a text over ${JSON_ERROR_TEXT_LIMIT} characters is not worked out in the sandbox`,
    );
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return error.message;
    throw error;
  }
  throw new IntrinsicError("str_op: jsonParseError of a valid JSON text");
}

/**
 * `x.toLocaleString(locale, options)` of the request `String(x)`, NUL, "1" and the locale (or "0":
 * the host's default), NUL, the options as JSON (empty: none).
 */
function numberLocale(request: string): string {
  const first = request.indexOf("\0");
  const last = request.lastIndexOf("\0");
  if (first < 0 || last === first) throw new IntrinsicError("str_op: malformed numberLocale request");
  const x = Number(request.slice(0, first));
  const locale = request[first + 1] === "1" ? request.slice(first + 2, last) : undefined;
  const options = request.slice(last + 1);
  return x.toLocaleString(locale, options === "" ? undefined : JSON.parse(options));
}

/**
 * `a.localeCompare(b, locale, options)` of the request: the length of `b` in decimal, NUL, `b`,
 * "1" and the locale (or "0"), NUL, the options as JSON (empty: none); `a` is the first operand.
 */
export function localeCompareWith(a: string, request: string): number {
  try {
    const count = request.indexOf("\0");
    const n = Number(request.slice(0, count));
    const b = request.slice(count + 1, count + 1 + n);
    const rest = request.slice(count + 1 + n);
    const last = rest.lastIndexOf("\0");
    if (count < 0 || last < 0 || !Number.isInteger(n))
      throw new IntrinsicError("str_op: malformed localeCompare request");
    const locale = rest[0] === "1" ? rest.slice(1, last) : undefined;
    const options = rest.slice(last + 1);
    return a.localeCompare(b, locale, options === "" ? undefined : JSON.parse(options));
  } catch (error) {
    if (error instanceof IntrinsicError) throw error;
    throw new IntrinsicError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}
