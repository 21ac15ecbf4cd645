/**
 * @fileoverview The URI functions in a body that catches (print/catchableUri.ts): where JavaScript
 * throws its URIError ("URI malformed": a `%` not followed by two hex digits, percent-escapes that
 * are not UTF-8, a lone surrogate to encode), the sandbox checks the text first, as ECMAScript's
 * Encode and Decode do, and throws a URIError the body's `catch` takes; valid text goes to the
 * host's own function (support/locale.ts `__ice_host_text`), exactly JavaScript's. `atob` and
 * `btoa` ask the host, which answers with the result or the name and message of its DOMException.
 */

/** AssemblyScript source (compiled into ~lib/__ice_js.ts). */
export const URI_ERRORS_SUPPORT = `
function __ice_uri_hex(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
/** True when decodeURI / decodeURIComponent accept s (ECMAScript Decode: escapes of valid UTF-8). */
export function __ice_uri_decodable(s: string): bool {
  const len = s.length;
  for (let k = 0; k < len; k++) {
    if (s.charCodeAt(k) != 37) continue;
    if (k + 2 >= len) return false;
    const h1 = __ice_uri_hex(s.charCodeAt(k + 1));
    const h2 = __ice_uri_hex(s.charCodeAt(k + 2));
    if (h1 < 0 || h2 < 0) return false;
    const b = (h1 << 4) | h2;
    k += 2;
    if ((b & 0x80) == 0) continue;
    let n = 0;
    if ((b & 0xe0) == 0xc0) n = 2;
    else if ((b & 0xf0) == 0xe0) n = 3;
    else if ((b & 0xf8) == 0xf0) n = 4;
    else return false;
    if (k + 3 * (n - 1) >= len) return false;
    let cp = b & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
    for (let j = 1; j < n; j++) {
      k++;
      if (s.charCodeAt(k) != 37) return false;
      const x1 = __ice_uri_hex(s.charCodeAt(k + 1));
      const x2 = __ice_uri_hex(s.charCodeAt(k + 2));
      if (x1 < 0 || x2 < 0) return false;
      const c = (x1 << 4) | x2;
      if ((c & 0xc0) != 0x80) return false;
      k += 2;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (n == 2 && cp < 0x80) return false;
    if (n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return false;
    if (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) return false;
  }
  return true;
}
/** True when encodeURI / encodeURIComponent accept s (ECMAScript Encode: no lone surrogate). */
export function __ice_uri_encodable(s: string): bool {
  const len = s.length;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(k);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c >= 0xdc00) return false;
    if (k + 1 >= len) return false;
    const d = s.charCodeAt(k + 1);
    if (d < 0xdc00 || d > 0xdfff) return false;
    k++;
  }
  return true;
}
/** atob / btoa of s through the host's op (atobTry, btoaTry), or a pending error as JavaScript's DOMException names it. */
export function __ice_b64_try(op: i32, s: string, line: i32): string {
  const r = __ice_host_text(op, s);
  if (r.charCodeAt(0) == 49) return r.substring(1);
  const cut = r.indexOf("\\0", 1);
  const e = new Error(r.substring(cut + 1));
  e.name = r.substring(1, cut);
  __ice_throw_obj<Error>(e, line);
  return "";
}
/** The host's URI function op on s, or a pending URIError (at line) where JavaScript throws one. */
export function __ice_uri_try(op: i32, s: string, decode: bool, line: i32): string {
  if (decode ? __ice_uri_decodable(s) : __ice_uri_encodable(s)) return __ice_host_text(op, s);
  __ice_throw_obj<Error>(new URIError("URI malformed"), line);
  return "";
}
`;
