/**
 * @fileoverview Equality of two runs of UTF-16 code units, 8 bytes at a time and without a loop
 * up to 8 units (`startsWith` / `endsWith` use it: their search strings are short, and a loop
 * pass per code unit paid a fuel check each, whose counter lives in memory).
 */

/** AssemblyScript source: code-unit comparison. */
export const SAME_UNITS_SUPPORT = `

// ---- code-unit runs ----
/** True when the n bytes at a and at b are equal (n even: whole code units). */
function __ice_same_units(a: usize, b: usize, n: usize): bool {
  let i: usize = 0;
  if (n > 16) {
    while (i + 8 <= n) { if (load<u64>(a + i) != load<u64>(b + i)) return false; i += 8; }
  } else if (n >= 8) {
    if (load<u64>(a) != load<u64>(b)) return false;
    i = 8;
    if (n == 16) { if (load<u64>(a + 8) != load<u64>(b + 8)) return false; i = 16; }
  }
  if (i + 4 <= n) { if (load<u32>(a + i) != load<u32>(b + i)) return false; i += 4; }
  return i == n || load<u16>(a + i) == load<u16>(b + i);
}
`;
