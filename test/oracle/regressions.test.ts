/**
 * @fileoverview Programs the fuzzer found (test/oracle/regressions/*.json), shrunk, kept as
 * regression tests: each must give JavaScript's answer, except those marked `knownDefect`, which
 * must still be wrong (delete the field once fixed).
 */
import { describe, expect, it } from "vitest";
import { expectSameAsJs, oracleBatch } from "./expect.js";
import { formatCase } from "./report.js";
import { loadRegressions } from "./regressions.js";

const REGRESSIONS = loadRegressions();

describe("fuzz regressions", () => {
  const batch = oracleBatch(REGRESSIONS);
  for (const r of REGRESSIONS) {
    it(r.file, () => {
      const result = batch.get(r.name);
      if (r.knownDefect === undefined) expectSameAsJs(result);
      else
        expect(
          result.verdict,
          `${r.file} is fixed (${formatCase(result) ?? result.verdict}): delete its knownDefect`,
        ).toMatch(/^(WRONG|CRASH)$/);
    });
  }
});
