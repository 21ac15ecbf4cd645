/**
 * @fileoverview The support library's `localeCompare` and `normalize`: the host's own
 * String.prototype functions through the pure intrinsic `ice.str_op`
 * (runtime/sandbox/intrinsics.ts), so exactly what JavaScript computes on the same host.
 */
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

/** AssemblyScript source: localeCompare and normalize. */
export const LOCALE_SUPPORT = `

// ---- localeCompare, normalize ----
@external("ice", "str_op") declare function __ice_str_op_raw(op: i32, a: usize, al: i32, b: usize, bl: i32, out: usize, cap: i32): i32;
export function __ice_locale_compare(a: string, b: string): f64 {
  return <f64>__ice_str_op_raw(${STR_OPS.indexOf("localeCompare")}, changetype<usize>(a), a.length, changetype<usize>(b), b.length, 0, 0);
}
export function __ice_normalize(s: string, form: string): string {
  let op = -1;
  if (form == "NFC") op = ${STR_OPS.indexOf("NFC")};
  else if (form == "NFD") op = ${STR_OPS.indexOf("NFD")};
  else if (form == "NFKC") op = ${STR_OPS.indexOf("NFKC")};
  else if (form == "NFKD") op = ${STR_OPS.indexOf("NFKD")};
  else abort("RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.");
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
