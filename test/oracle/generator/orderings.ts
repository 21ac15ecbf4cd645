/**
 * @fileoverview Generated sorts whose comparator is not a total order (found fragile by the
 * redteam3 corpus: only V8's own TimSort, step for step, gives JavaScript's result for these):
 * tolerances (`Math.abs(p - q) < t ? 0 : p - q`), comparators that never answer 0 or answer by
 * a threshold, and ones that answer by the sum of the two values. Sorted copies of three arrays
 * joined (`[...A, ...B.map(...), ...C]`).
 */
import { type Expr, expr } from "./ast.js";
import type { Random } from "./random.js";

/** A number array: a copy of `A` sorted by a comparator that is not a total order. */
export function oddlySorted(r: Random, sub: (ty: "nums") => Expr): Expr {
  const t = r.pick(["0.5", "1", "3"]);
  const comparator = r.pick([
    `(p, q) => (Math.abs(p - q) < ${t} ? 0 : p - q)`,
    `(p, q) => (p - q > ${t} ? 1 : -1)`,
    "(p, q) => (p < q ? -1 : 1)",
    `(p, q) => ((p + q) % 3) - 1`,
    `(p, q) => (Math.abs(p - q) < ${t} ? q - p : p - q)`,
  ]);
  // Three arrays in one, so that the sort has enough elements for the order of its comparisons to matter.
  return expr(
    "nums",
    ["[...", ", ...", ".map((z) => (z * 7) % 5), ...", `].${r.pick(["sort", "toSorted"])}(${comparator})`],
    [sub("nums"), sub("nums"), sub("nums")],
  );
}
