/**
 * @fileoverview The coverage decision of reference chains (src/check/rules/chainCoverage.ts) against
 * the plain definition, on random chains: for every assignment of the conditions involved that
 * agrees with the owner's own branches, some link has all its guards satisfied.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConditionNode } from "../../src/plan/index.js";
import type { Guard } from "../../src/check/context.js";
import { covered, MAX_CONDITIONS } from "../../src/check/rules/chainCoverage.js";

const CONDITIONS = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}` }) as unknown as ConditionNode);

/** The definition, one map of condition values per outcome. */
function reference(links: readonly { guards: Guard[] }[], have: readonly Guard[]): boolean {
  const involved = [...new Set([...links.flatMap((l) => l.guards), ...have].map((g) => g.condition))];
  for (let outcome = 0; outcome < 2 ** involved.length; outcome++) {
    const value = new Map(involved.map((c, i) => [c, ((outcome >> i) & 1) === 1] as const));
    if (!have.every((g) => value.get(g.condition) === g.branch)) continue;
    if (!links.some((l) => l.guards.every((g) => value.get(g.condition) === g.branch))) return false;
  }
  return true;
}

const guard = fc.record({ condition: fc.constantFrom(...CONDITIONS), branch: fc.boolean() });

describe("reference chain coverage", () => {
  it("agrees with the definition on random chains", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ guards: fc.array(guard, { minLength: 1, maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(guard, { maxLength: 2 }),
        (links, rawHave) => {
          // The owner's own branches are consistent (one branch per condition).
          const have = rawHave.filter((g, i) => rawHave.findIndex((h) => h.condition === g.condition) === i);
          expect(covered(links, have)).toBe(reference(links, have));
        },
      ),
      { numRuns: 2_000 },
    );
  });
  it("decides the two branches of one condition, and refuses chains over too many conditions", () => {
    const [c] = CONDITIONS;
    expect(
      covered([{ guards: [{ condition: c!, branch: true }] }, { guards: [{ condition: c!, branch: false }] }], []),
    ).toBe(true);
    expect(covered([{ guards: [{ condition: c!, branch: true }] }], [])).toBe(false);
    const many = Array.from({ length: MAX_CONDITIONS + 1 }, (_, i) => ({ id: `m${i}` }) as unknown as ConditionNode);
    const both = many.flatMap((condition) => [
      { guards: [{ condition, branch: true }] },
      { guards: [{ condition, branch: false }] },
    ]);
    expect(covered(both, [])).toBe(false);
    expect(covered(both.slice(2), [])).toBe(true);
  });
});
