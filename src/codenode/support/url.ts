/**
 * @fileoverview `URL` in the sandbox (print/urls.ts prints the calls). Parsing (the WHATWG basic
 * URL parser with IDNA, as the host engine implements it) and each setter are the host's own
 * (runtime/sandbox/hostUrl.ts): the sandbox keeps the URL's parts as the host last gave them and
 * its `searchParams` (support/urlSearchParams.ts). A change to those params reaches the URL as it
 * does in Node: at once when the URL has a query, else at the next read of `href`, `search`,
 * `toString()` or `toJSON()`, or the next setter.
 */
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

const op = (name: (typeof STR_OPS)[number]): number => STR_OPS.indexOf(name);

/** Indexes of the parts in `__ice_URL.p` (the host's order). */
export const URL_PARTS = {
  href: 0,
  origin: 1,
  protocol: 2,
  username: 3,
  password: 4,
  host: 5,
  hostname: 6,
  port: 7,
  pathname: 8,
  search: 9,
  hash: 10,
} as const;

/** AssemblyScript source (compiled into ~lib/__ice_js.ts). */
export const URL_SUPPORT = `
export class __ice_URL {
  /** href, origin, protocol, username, password, host, hostname, port, pathname, search, hash, "1" when it has a query */
  p: Array<string>;
  sp: __ice_USP | null = null;
  /** The params changed since the href was last written from them. */
  modified: bool = false;
  constructor(p: Array<string>) { this.p = p; }
}
/** The parts of the host's answer, or null for a failure. */
function __ice_url_parts(answer: string): Array<string> | null {
  if (answer.length == 0) return null;
  return answer.split("\\u0001");
}
function __ice_url_request(input: string, base: string | null): string {
  return base === null ? "0" + input : "1" + base.length.toString() + "\\0" + base + input;
}
/** \`new URL(input, base)\` where nothing catches: an invalid URL stops the node (JavaScript's TypeError). */
export function __ice_url_new(input: string, base: string | null): __ice_URL {
  const p = __ice_url_parts(__ice_host_text(${op("urlParse")}, __ice_url_request(input, base)));
  if (p === null) abort("TypeError: Invalid URL");
  return new __ice_URL(p!);
}
/** \`new URL(input, base)\` in a body that catches: a pending TypeError ("Invalid URL") for the catch. */
export function __ice_url_try(input: string, base: string | null, line: i32): __ice_URL {
  const p = __ice_url_parts(__ice_host_text(${op("urlParse")}, __ice_url_request(input, base)));
  if (p === null) {
    __ice_throw_obj<Error>(new TypeError("Invalid URL"), line);
    return new __ice_URL(["", "", "", "", "", "", "", "", "", "", "", "0"]);
  }
  return new __ice_URL(p!);
}
export function __ice_url_can_parse(input: string, base: string | null): bool {
  return __ice_host_text(${op("urlParse")}, __ice_url_request(input, base)).length > 0;
}
/** The host's setter \`which\` ("s", "h", "p") of value on the URL's href. */
function __ice_url_update(u: __ice_URL, which: string, value: string): void {
  const href = unchecked(u.p[0]);
  const p = __ice_url_parts(__ice_host_text(${op("urlUpdate")}, which + href.length.toString() + "\\0" + href + value));
  if (p !== null) u.p = p;
}
/** The query the params write: "" for none. */
function __ice_url_query_of(sp: __ice_USP): string {
  return sp.l.length == 0 ? "" : "?" + __ice_usp_str(sp);
}
/**
 * The params changed: a URL with a query drops it and writes theirs at once (Node's order: the
 * query emptied first, which trims an opaque path's trailing spaces), one without a query writes
 * theirs at the next read.
 */
export function __ice_url_params_changed(u: __ice_URL): void {
  u.modified = true;
  if (unchecked(u.p[11]) == "1") {
    __ice_url_update(u, "s", "");
    __ice_url_sync(u);
  }
}
function __ice_url_sync(u: __ice_URL): void {
  if (!u.modified) return;
  u.modified = false;
  __ice_url_update(u, "s", __ice_url_query_of(u.sp!));
}
/** A part read as it is (origin, protocol, host, pathname, ...). */
@inline export function __ice_url_part(u: __ice_URL, i: i32): string { return unchecked(u.p[i]); }
/** \`href\`, \`toString()\`, \`toJSON()\`. */
export function __ice_url_href(u: __ice_URL): string { __ice_url_sync(u); return unchecked(u.p[0]); }
export function __ice_url_search(u: __ice_URL): string { __ice_url_sync(u); return unchecked(u.p[9]); }
export function __ice_url_params(u: __ice_URL): __ice_USP {
  let sp = u.sp;
  if (sp === null) {
    sp = __ice_usp_parse(unchecked(u.p[9]));
    sp.url = u;
    u.sp = sp;
    u.modified = false;
  }
  return sp;
}
/** \`url.search = value\`: the params are read again from the new query when it differs. */
export function __ice_url_set_search(u: __ice_URL, value: string): string {
  const sp = u.sp;
  const previous = sp === null ? "" : u.modified ? __ice_url_query_of(sp) : unchecked(u.p[9]);
  __ice_url_update(u, "s", value);
  if (sp !== null) {
    const current = unchecked(u.p[9]);
    if (previous != current) {
      sp.l = current.length == 0 ? new Array<string>() : __ice_usp_parse(current).l;
      u.modified = false;
    }
    __ice_url_sync(u);
  }
  return value;
}
/** \`url.hash = value\` ("h"), \`url.pathname = value\` ("p"). */
export function __ice_url_set(u: __ice_URL, which: string, value: string): string {
  __ice_url_update(u, which, value);
  if (u.sp !== null) __ice_url_sync(u);
  return value;
}
`;
