/**
 * @fileoverview The support library's `localeCompare` and `normalize`: the host's own
 * String.prototype functions through the pure intrinsic `ice.str_op`
 * (runtime/sandbox/intrinsics.ts), so exactly what JavaScript computes on the same host. Plain
 * ASCII text compares in the sandbox by runtime/sandbox/collation.ts's table when the host says
 * (once per run) that the table is its own order; anything else goes to the host.
 */
import { ASCII_COLLATION_CLASSES } from "../../../runtime/sandbox/collation.js";
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

/** Primary weight (1..) per ASCII code unit; 0 for the characters the host compares. */
function primaryWeights(): number[] {
  const weights = new Array<number>(128).fill(0);
  ASCII_COLLATION_CLASSES.forEach((chars, i) => {
    for (const c of chars) weights[c.charCodeAt(0)] = i + 1;
  });
  return weights;
}

/** AssemblyScript source: localeCompare and normalize. */
export const LOCALE_SUPPORT = `

// ---- localeCompare, normalize ----
@external("ice", "str_op") declare function __ice_str_op_raw(op: i32, a: usize, al: i32, b: usize, bl: i32, out: usize, cap: i32): i32;
const __ice_coll_l1: StaticArray<u8> = [${primaryWeights().join(",")}];
// 0: not asked yet this run; 1: the table is the host's order; 2: it is not.
let __ice_coll_state: i32 = 0;
// The primary weight of code unit c, 0 when the table does not give it.
@inline function __ice_coll_w(c: i32): i32 { return c < 128 ? <i32>load<u8>(changetype<usize>(__ice_coll_l1) + <usize>c) : 0; }
@inline function __ice_unit(s: string, i: i32): i32 { return <i32>load<u16>(changetype<usize>(s) + (<usize>i << 1)); }
// -1/0/1 as the host's localeCompare, or 2 when the host must say. Decided in the sandbox: a
// difference of primary weights (characters of the table up to it) when the characters after it
// are ASCII (no combining mark can change it); else equal primaries up to the shorter length
// and the longer one's rest of table characters (it has more primaries); else equal lengths of
// table characters only, where the first difference of case decides, lowercase first.
function __ice_ascii_collate(a: string, b: string): i32 {
  const la = a.length;
  const lb = b.length;
  const n = la < lb ? la : lb;
  let third = 0;
  for (let i = 0; i < n; i++) {
    const ca = __ice_unit(a, i);
    const cb = __ice_unit(b, i);
    const wa = __ice_coll_w(ca);
    const wb = __ice_coll_w(cb);
    if (wa == 0 || wb == 0) return 2;
    if (wa != wb) {
      if (i + 1 < la && __ice_unit(a, i + 1) >= 128) return 2;
      if (i + 1 < lb && __ice_unit(b, i + 1) >= 128) return 2;
      return wa < wb ? -1 : 1;
    }
    if (third == 0 && ca != cb) third = ca > cb ? -1 : 1;
  }
  if (la == lb) return third;
  const longer = la < lb ? b : a;
  const end = la < lb ? lb : la;
  for (let i = n; i < end; i++) if (__ice_coll_w(__ice_unit(longer, i)) == 0) return 2;
  return la < lb ? -1 : 1;
}
export function __ice_locale_compare(a: string, b: string): f64 {
  if (__ice_coll_state == 0) __ice_coll_state = __ice_str_op_raw(${STR_OPS.indexOf("asciiCollation")}, 0, 0, 0, 0, 0, 0) == 1 ? 1 : 2;
  if (__ice_coll_state == 1) {
    const r = __ice_ascii_collate(a, b);
    if (r != 2) return <f64>r;
  }
  return <f64>__ice_str_op_raw(${STR_OPS.indexOf("localeCompare")}, changetype<usize>(a), a.length, changetype<usize>(b), b.length, 0, 0);
}
export function __ice_normalize(s: string, form: string): string {
  let op = -1;
  if (form == "NFC") op = ${STR_OPS.indexOf("NFC")};
  else if (form == "NFD") op = ${STR_OPS.indexOf("NFD")};
  else if (form == "NFKC") op = ${STR_OPS.indexOf("NFKC")};
  else if (form == "NFKD") op = ${STR_OPS.indexOf("NFKD")};
  else abort("RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  return __ice_str_op_text(op, s);
}
/** x.toLocaleString(locale, options): the host's own; locale null is its default, options JSON text or "". */
export function __ice_num_locale(x: f64, locale: string | null, options: string): string {
  const number = x == 0 && 1 / x < 0 ? "-0" : __ice_num_str(x);
  const which = locale === null ? "0" : "1" + locale;
  return __ice_str_op_text(${STR_OPS.indexOf("numberLocale")}, number + "\\0" + which + "\\0" + options);
}
/** An Intl.NumberFormat: formats as x.toLocaleString(locale, options) does. */
export class __ice_NumFmt {
  constructor(public locale: string | null, public options: string) {}
}
/** new Intl.NumberFormat(locale, options): a locale or options the host refuses throw here, as in JavaScript. */
export function __ice_num_fmt_new(locale: string | null, options: string): __ice_NumFmt {
  __ice_num_locale(0, locale, options);
  return new __ice_NumFmt(locale, options);
}
export function __ice_num_fmt_format(f: __ice_NumFmt, x: f64): string {
  return __ice_num_locale(x, f.locale, f.options);
}
/** A text function of the host (runtime/sandbox/hostText.ts): encodeURIComponent, btoa, ... */
export function __ice_host_text(op: i32, s: string): string { return __ice_str_op_text(op, s); }
/** a.localeCompare(b, locale, options): the host's own; locale null is its default, options JSON text or "". */
export function __ice_locale_compare_with(a: string, b: string, locale: string | null, options: string): f64 {
  const request = b.length.toString() + "\\0" + b + (locale === null ? "0" : "1" + locale) + "\\0" + options;
  return <f64>__ice_str_op_raw(${STR_OPS.indexOf("localeCompareWith")}, changetype<usize>(a), a.length, changetype<usize>(request), request.length, 0, 0);
}
/** The text the host's str_op \`op\` writes for s (a second call when the first buffer was short). */
function __ice_str_op_text(op: i32, s: string): string {
  let cap = s.length * 3 + 16;
  let buffer = new ArrayBuffer(cap << 1);
  let n = __ice_str_op_raw(op, changetype<usize>(s), s.length, 0, 0, changetype<usize>(buffer), cap);
  if (n > cap) {
    cap = n;
    buffer = new ArrayBuffer(cap << 1);
    n = __ice_str_op_raw(op, changetype<usize>(s), s.length, 0, 0, changetype<usize>(buffer), cap);
  }
  return String.UTF16.decodeUnsafe(changetype<usize>(buffer), (<usize>n) << 1);
}
`;
