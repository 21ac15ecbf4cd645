/**
 * @fileoverview `URL` and `URLSearchParams` of code nodes, answered by the host's own classes
 * (through `ice.str_op`, hostText.ts): the WHATWG URL parser with its IDNA mapping, the
 * application/x-www-form-urlencoded parser and serializer and the params' sort are what
 * JavaScript computes on the same host, by definition. The sandbox keeps the state (a URL's href,
 * a params list) and asks for one step at a time; every request and result is text.
 *
 * A URL's result is its parts joined by U+0001, a code point no serialized URL holds (the parser
 * percent-encodes every C0 control): href, origin, protocol, username, password, host, hostname,
 * port, pathname, search, hash, then "1" when the href has a query (even an empty one), else "0".
 * An empty result is a failure (every href holds its scheme). A list of strings is written as
 * each string's length in two code units (low 16 bits, high 16 bits) followed by the string.
 */
import { IntrinsicError } from "./intrinsicError.js";

/** The str_op operations answered here, by name. */
export const HOST_URL_OPS = ["urlParse", "urlUpdate", "formParse", "formSerialize", "formSort"] as const;
export type HostUrlOp = (typeof HOST_URL_OPS)[number];

const SEPARATOR = "\u0001";

/** The result of `op` on `request`. */
export function hostUrl(op: HostUrlOp, request: string): string {
  switch (op) {
    case "urlParse":
      return urlParse(request);
    case "urlUpdate":
      return urlUpdate(request);
    case "formParse":
      return writeList(listOf(new URLSearchParams(request)));
    case "formSerialize":
      return new URLSearchParams(pairsOf(readList(request))).toString();
    case "formSort": {
      const params = new URLSearchParams(pairsOf(readList(request)));
      params.sort();
      return writeList(listOf(params));
    }
  }
}

/**
 * `new URL(input)` of the request "0" and the input, or `new URL(input, base)` of "1", the base's
 * length in decimal, NUL, the base and the input; "" where the constructor throws.
 */
function urlParse(request: string): string {
  let url: URL;
  try {
    if (request[0] === "0") url = new URL(request.slice(1));
    else {
      const nul = request.indexOf("\0");
      const n = Number(request.slice(1, nul));
      if (nul < 0 || !Number.isInteger(n)) throw new IntrinsicError("str_op: malformed urlParse request");
      url = new URL(request.slice(nul + 1 + n), request.slice(nul + 1, nul + 1 + n));
    }
  } catch (error) {
    if (error instanceof IntrinsicError) throw error;
    return "";
  }
  return partsOf(url);
}

/**
 * The setter `which` ("s" search, "h" hash, "p" pathname, "-" none) applied to `new URL(href)`, of
 * the request `which`, the href's length in decimal, NUL, the href and the value. A serialized URL
 * parses back to itself, so this is the step the host's own URL takes on its href.
 */
function urlUpdate(request: string): string {
  const nul = request.indexOf("\0");
  const n = Number(request.slice(1, nul));
  if (nul < 0 || !Number.isInteger(n)) throw new IntrinsicError("str_op: malformed urlUpdate request");
  const url = new URL(request.slice(nul + 1, nul + 1 + n));
  const value = request.slice(nul + 1 + n);
  switch (request[0]) {
    case "s":
      url.search = value;
      break;
    case "h":
      url.hash = value;
      break;
    case "p":
      url.pathname = value;
      break;
    default:
      break;
  }
  return partsOf(url);
}

function partsOf(url: URL): string {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
  const hasQuery = href.split("#")[0]!.includes("?") ? "1" : "0";
  return [href, origin, protocol, username, password, host, hostname, port, pathname, search, hash, hasQuery].join(
    SEPARATOR,
  );
}

function listOf(params: URLSearchParams): string[] {
  const list: string[] = [];
  for (const [name, value] of params) list.push(name, value);
  return list;
}

function pairsOf(list: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  return pairs;
}

function writeList(list: readonly string[]): string {
  let text = "";
  for (const s of list) text += String.fromCharCode(s.length & 0xffff, s.length >>> 16) + s;
  return text;
}

function readList(text: string): string[] {
  const list: string[] = [];
  let at = 0;
  while (at + 2 <= text.length) {
    const n = text.charCodeAt(at) + text.charCodeAt(at + 1) * 0x10000;
    if (at + 2 + n > text.length) throw new IntrinsicError("str_op: malformed list");
    list.push(text.slice(at + 2, at + 2 + n));
    at += 2 + n;
  }
  if (at !== text.length) throw new IntrinsicError("str_op: malformed list");
  return list;
}
