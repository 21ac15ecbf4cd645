/**
 * @fileoverview `toLowerCase` / `toUpperCase` of ASCII text four code units at a time (the
 * support library's `__ice_lower` and `__ice_upper` try it first). AssemblyScript's own loop
 * looks at one code unit per pass, and every pass of a metered loop pays a fuel check whose
 * counter lives in memory: in the records kernel (a Set of lowercased words) that loop and the
 * scan for a final sigma were a third of the fuel checks a run passed. Here a string of up to 8
 * code units takes no loop at all, a longer one a pass per 4 units; a string with a non-ASCII
 * code unit goes the general way (null), where Unicode's case mapping applies.
 *
 * Each 16-bit lane x < 0x80: x + (0x80 - lo) has bit 7 set when x >= lo, and x + (0x80 - hi - 1)
 * when x > hi; a letter in [lo, hi] gets bit 5 (0x20 = 0x80 >> 2) set (to lower) or cleared (to upper).
 */

/** AssemblyScript source: ASCII case mapping. */
export const ASCII_CASE_SUPPORT = `

// ---- ASCII case mapping ----
const __ICE_NON_ASCII: u64 = 0xff80ff80ff80ff80;
@inline function __ice_case4(x: u64, upper: bool): u64 {
  // Letters: A..Z (0x41..0x5a) to lower, a..z (0x61..0x7a) to upper.
  const letters = upper
    ? (x + 0x001f001f001f001f) & ~(x + 0x0005000500050005) & 0x0080008000800080
    : (x + 0x003f003f003f003f) & ~(x + 0x0025002500250025) & 0x0080008000800080;
  return upper ? x & ~(letters >> 2) : x | (letters >> 2);
}
@inline function __ice_ascii_case(s: string, upper: bool): string | null {
  const p = changetype<usize>(s);
  const n = <usize>load<u32>(p - 4); // bytes
  const out = __new(n, idof<string>());
  let i: usize = 0;
  let x: u64 = 0;
  // up to 8 code units without a loop (a metered loop pays a fuel check per pass)
  if (n > 16) {
    while (i + 8 <= n) {
      x = load<u64>(p + i);
      if (x & __ICE_NON_ASCII) return null;
      store<u64>(out + i, __ice_case4(x, upper));
      i += 8;
    }
  } else if (n >= 8) {
    x = load<u64>(p);
    if (n == 16) {
      const y = load<u64>(p + 8);
      if ((x | y) & __ICE_NON_ASCII) return null;
      store<u64>(out + 8, __ice_case4(y, upper));
    } else if (x & __ICE_NON_ASCII) return null;
    store<u64>(out, __ice_case4(x, upper));
    i = n == 16 ? 16 : 8;
  }
  if (i + 4 <= n) {
    x = <u64>load<u32>(p + i);
    if (x & __ICE_NON_ASCII) return null;
    store<u32>(out + i, <u32>__ice_case4(x, upper));
    i += 4;
  }
  if (i < n) {
    x = <u64>load<u16>(p + i);
    if (x & __ICE_NON_ASCII) return null;
    store<u16>(out + i, <u16>__ice_case4(x, upper));
  }
  return changetype<string>(out);
}
@inline function __ice_ascii_lower(s: string): string | null { return __ice_ascii_case(s, false); }
/** s.toUpperCase() (AssemblyScript's for text beyond ASCII: special casings included). */
export function __ice_upper(s: string): string {
  const fast = __ice_ascii_case(s, true);
  return fast !== null ? fast : s.toUpperCase();
}
`;
