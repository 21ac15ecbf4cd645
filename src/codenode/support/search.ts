/**
 * @fileoverview The support library's substring search (`indexOf`, `includes`): AssemblyScript's
 * `String#indexOf` compares the whole needle at every position through a call; this scans for the
 * needle's first code unit in a tight loop and compares the rest only where it occurs (JavaScript
 * engines do the same), which is what a search through text mostly costs.
 */

/** AssemblyScript source: substring search. */
export const SEARCH_SUPPORT = `

// ---- substring search ----
/** The first index >= start (0 <= start <= s.length) of a non-empty search in s, or -1. */
export function __ice_index(s: string, search: string, start: i32): i32 {
  const m = search.length;
  const last = s.length - m;
  const p = changetype<usize>(s);
  const q = changetype<usize>(search);
  const first = load<u16>(q);
  for (let i = start; i <= last; i++) {
    if (load<u16>(p + (<usize>i << 1)) != first) continue;
    let j = 1;
    while (j < m && load<u16>(p + (<usize>(i + j) << 1)) == load<u16>(q + (<usize>j << 1))) j++;
    if (j == m) return i;
  }
  return -1;
}
`;
