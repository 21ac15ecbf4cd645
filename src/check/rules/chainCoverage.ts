/**
 * @fileoverview Whether a chain of references (`{{ a.x or b.x }}`) always finds a node that ran:
 * decided exactly over every outcome of the conditions its links hang on (ICE2003's chains,
 * referencesRunOnEveryPath.ts). At most 2^MAX_CONDITIONS outcomes, each tested with integer
 * masks, so a file of thousands of joins is checked in milliseconds.
 */
import type { ConditionNode } from "../../plan/index.js";
import type { Guard } from "../context.js";

/** Chains whose nodes hang on more conditions than this are refused rather than enumerated. */
export const MAX_CONDITIONS = 12;

/**
 * Whether every outcome of the conditions involved that lets the owner run (its own branches
 * fixed) runs some link. Guards include their conditions' own branches, so an outcome that gives
 * a value to a condition which does not run never makes a link under it count as run.
 */
export function covered(links: readonly { guards: Guard[] }[], have: readonly Guard[]): boolean {
  const fixed = new Map<ConditionNode, boolean>(have.map((h) => [h.condition, h.branch]));
  const free = [...new Set(links.flatMap((l) => l.guards.map((g) => g.condition)))].filter((c) => !fixed.has(c));
  if (free.length > MAX_CONDITIONS) return false;
  // Each link as a test on an outcome's bits: the free conditions it needs (mask) and their
  // branches (want); a link needing a fixed condition on the other branch never runs. Integer
  // tests, not a map per outcome: a file of thousands of joins is checked in milliseconds.
  const index = new Map(free.map((c, i) => [c, i]));
  const tests: { mask: number; want: number }[] = [];
  for (const link of links) {
    let mask = 0;
    let want = 0;
    let possible = true;
    for (const g of link.guards) {
      const i = index.get(g.condition);
      if (i === undefined) possible &&= fixed.get(g.condition) === g.branch;
      else {
        if ((mask >> i) & 1 && ((want >> i) & 1) !== Number(g.branch)) possible = false;
        mask |= 1 << i;
        if (g.branch) want |= 1 << i;
      }
    }
    if (possible) tests.push({ mask, want });
  }
  for (let outcome = 0; outcome < 2 ** free.length; outcome++) {
    if (!tests.some((t) => (outcome & t.mask) === t.want)) return false;
  }
  return true;
}
