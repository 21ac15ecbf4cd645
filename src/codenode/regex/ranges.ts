/**
 * @fileoverview Sets of characters as sorted, disjoint, inclusive ranges of code units (code
 * points in `u` mode): the sets of `\d`, `\w`, `\s` and `.`, and the set operations the
 * pattern parser (parse.ts) and the compiler (compile.ts) use.
 */

/** A set of characters as sorted, disjoint, inclusive ranges. */
export type Ranges = readonly (readonly [number, number])[];

const LINE_TERMINATORS: Ranges = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];
export const DIGIT: Ranges = [[0x30, 0x39]];
export const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** JavaScript's WhiteSpace and LineTerminator (what `\s` and `trim` match). */
export const SPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** The same characters as sorted, disjoint ranges (overlapping and adjacent ones merged). */
export function normalize(ranges: readonly (readonly [number, number])[]): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The characters from 0 to `max` not in `ranges`. */
export function complement(ranges: Ranges, max: number): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

/** True when `c` is in the set. */
export function contains(ranges: Ranges, c: number): boolean {
  return ranges.some(([lo, hi]) => c >= lo && c <= hi);
}

/** The one character a set holds, or undefined when it holds more or none. */
export function single(r: Ranges): number | undefined {
  return r.length === 1 && r[0]![0] === r[0]![1] ? r[0]![0] : undefined;
}

/** The set `.` matches. */
export function dotRanges(dotAll: boolean, unicode: boolean): Ranges {
  const max = unicode ? 0x10ffff : 0xffff;
  return dotAll ? [[0, max]] : complement(LINE_TERMINATORS, max);
}
