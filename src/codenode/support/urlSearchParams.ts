/**
 * @fileoverview `URLSearchParams` in the sandbox (print/urlSearchParams.ts prints the calls): the
 * list of name-value pairs lives here, flat as the host engine keeps it ([name, value, name,
 * value, ...]), and is changed here as the engine changes it (every name and value made well
 * formed: a lone surrogate becomes U+FFFD). Parsing a query, serializing the list and sorting it
 * are the host's own (runtime/sandbox/hostUrl.ts), so escapes, `+`, invalid UTF-8 and the sort's
 * order are JavaScript's by definition. A params object a URL owns (`url.searchParams`) tells it
 * of each change, as the engine does (support/url.ts).
 */
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

const op = (name: (typeof STR_OPS)[number]): number => STR_OPS.indexOf(name);

/** AssemblyScript source (compiled into ~lib/__ice_js.ts). */
export const URL_SEARCH_PARAMS_SUPPORT = `
export class __ice_USP {
  /** [name, value, name, value, ...] */
  l: Array<string> = new Array<string>();
  /** The URL whose searchParams this is. */
  url: __ice_URL | null = null;
}
/** String.prototype.toWellFormed: each lone surrogate as U+FFFD. */
export function __ice_well_formed(s: string): string {
  const n = s.length;
  let k = 0;
  for (; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && k + 1 < n) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { k++; continue; }
    }
    break;
  }
  if (k >= n) return s;
  let out = s.substring(0, k);
  for (; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && k + 1 < n) {
        const d = s.charCodeAt(k + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { out += s.substring(k, k + 2); k++; continue; }
      }
      out += "\\uFFFD";
    } else out += String.fromCharCode(c);
  }
  return out;
}
/** A list as the host reads and writes it: each string after its length in two code units. */
export function __ice_usp_write(l: Array<string>): string {
  let out = "";
  for (let i = 0; i < l.length; i++) {
    const s = unchecked(l[i]);
    out += String.fromCharCode(s.length & 0xffff) + String.fromCharCode(s.length >>> 16) + s;
  }
  return out;
}
export function __ice_usp_read(t: string): Array<string> {
  const l = new Array<string>();
  let at = 0;
  while (at + 2 <= t.length) {
    const n = t.charCodeAt(at) + (t.charCodeAt(at + 1) << 16);
    l.push(t.substring(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return l;
}
/** \`new URLSearchParams(text)\` (a leading "?" is skipped). */
export function __ice_usp_parse(s: string): __ice_USP {
  const p = new __ice_USP();
  if (s.length > 0) p.l = __ice_usp_read(__ice_host_text(${op("formParse")}, s));
  return p;
}
/** \`new URLSearchParams(other)\`: a copy of its list. */
export function __ice_usp_copy(o: __ice_USP): __ice_USP {
  const p = new __ice_USP();
  p.l = o.l.slice(0);
  return p;
}
/** \`new URLSearchParams([[name, value], ...])\` of typed pairs. */
export function __ice_usp_pairs<E>(a: Array<E>): __ice_USP {
  const p = new __ice_USP();
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    p.l.push(__ice_well_formed(e._0));
    p.l.push(__ice_well_formed(e._1));
  }
  return p;
}
/** \`new URLSearchParams(rows)\` of string[][]: each row must hold two strings (else a TypeError). */
export function __ice_usp_rows(a: Array<Array<string>>): __ice_USP {
  const p = new __ice_USP();
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    if (e.length != 2) abort("TypeError: Each query pair must be an iterable [name, value] tuple");
    p.l.push(__ice_well_formed(e[0]));
    p.l.push(__ice_well_formed(e[1]));
  }
  return p;
}
/** \`new URLSearchParams(record)\`: own keys in order; two keys the same once well formed keep the first place, the last value. */
export function __ice_usp_dict(d: __ice_Dict<string>): __ice_USP {
  const p = new __ice_USP();
  const keys = d.keys();
  const values = d.values();
  for (let i = 0; i < keys.length; i++) __ice_usp_put(p, __ice_well_formed(keys[i]), __ice_well_formed(values[i]));
  return p;
}
/** One field of an object literal (__ice_usp_dict's rule). */
export function __ice_usp_put(p: __ice_USP, k: string, v: string): __ice_USP {
  const l = p.l;
  for (let i = 0; i < l.length; i += 2) if (l[i] == k) { l[i + 1] = v; return p; }
  l.push(k);
  l.push(v);
  return p;
}
/** What a change does to the URL owning the params (support/url.ts). */
@inline function __ice_usp_changed(p: __ice_USP): void {
  const u = p.url;
  if (u !== null) __ice_url_params_changed(u);
}
export function __ice_usp_append(p: __ice_USP, k: string, v: string): void {
  p.l.push(__ice_well_formed(k));
  p.l.push(__ice_well_formed(v));
  __ice_usp_changed(p);
}
export function __ice_usp_delete(p: __ice_USP, k0: string, v0: string | null): void {
  const k = __ice_well_formed(k0);
  const v: string | null = v0 === null ? null : __ice_well_formed(v0!);
  const l = p.l;
  const out = new Array<string>();
  for (let i = 0; i < l.length; i += 2) {
    if (l[i] == k && (v === null || l[i + 1] == v)) continue;
    out.push(l[i]);
    out.push(l[i + 1]);
  }
  // In place: an iteration going on reads the same list.
  l.length = 0;
  for (let i = 0; i < out.length; i++) l.push(out[i]);
  __ice_usp_changed(p);
}
export function __ice_usp_get(p: __ice_USP, k0: string): string | null {
  const k = __ice_well_formed(k0);
  const l = p.l;
  for (let i = 0; i < l.length; i += 2) if (l[i] == k) return l[i + 1];
  return null;
}
export function __ice_usp_get_all(p: __ice_USP, k0: string): Array<string> {
  const k = __ice_well_formed(k0);
  const l = p.l;
  const out = new Array<string>();
  for (let i = 0; i < l.length; i += 2) if (l[i] == k) out.push(l[i + 1]);
  return out;
}
export function __ice_usp_has(p: __ice_USP, k0: string, v0: string | null): bool {
  const k = __ice_well_formed(k0);
  const v: string | null = v0 === null ? null : __ice_well_formed(v0!);
  const l = p.l;
  for (let i = 0; i < l.length; i += 2) if (l[i] == k && (v === null || l[i + 1] == v)) return true;
  return false;
}
export function __ice_usp_set(p: __ice_USP, k0: string, v0: string): void {
  const k = __ice_well_formed(k0);
  const v = __ice_well_formed(v0);
  const l = p.l;
  const out = new Array<string>();
  let found = false;
  for (let i = 0; i < l.length; i += 2) {
    if (l[i] == k) {
      if (found) continue;
      found = true;
      out.push(k);
      out.push(v);
    } else {
      out.push(l[i]);
      out.push(l[i + 1]);
    }
  }
  if (!found) { out.push(k); out.push(v); }
  l.length = 0;
  for (let i = 0; i < out.length; i++) l.push(out[i]);
  __ice_usp_changed(p);
}
export function __ice_usp_sort(p: __ice_USP): void {
  if (p.l.length > 2) {
    const sorted = __ice_usp_read(__ice_host_text(${op("formSort")}, __ice_usp_write(p.l)));
    for (let i = 0; i < sorted.length; i++) p.l[i] = sorted[i];
  }
  __ice_usp_changed(p);
}
export function __ice_usp_str(p: __ice_USP): string {
  if (p.l.length == 0) return "";
  return __ice_host_text(${op("formSerialize")}, __ice_usp_write(p.l));
}
@inline export function __ice_usp_size(p: __ice_USP): f64 { return <f64>(p.l.length >> 1); }
/** Object.fromEntries(params): a later value of a name wins, in the first one's place. */
export function __ice_usp_object(p: __ice_USP): __ice_Dict<string> {
  const d = new __ice_Dict<string>();
  const l = p.l;
  for (let i = 0; i < l.length; i += 2) d.put(l[i], l[i + 1]);
  return d;
}
`;
