/**
 * @fileoverview The differential oracle over the corpus (test/oracle/corpus): every body runs in
 * the sandbox and as JavaScript on the same inputs (one build for the whole corpus). Prints the
 * counts per verdict and writes the full report to test/oracle/corpus.report.md (ignored by git).
 * WRONG and CRASH fail unless listed in knownDefects.ts; REFUSED only for the cases refused on
 * purpose (named so, or in EXPECTED_REFUSALS), so a construct that compiled cannot silently stop.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS } from "./corpus/index.js";
import { oracleBatch } from "./expect.js";
import type { OracleCase } from "./oracle.js";
import { EXPECTED_REFUSALS, KNOWN_BAD_DIAGNOSTICS, KNOWN_DEFECTS } from "./knownDefects.js";
import { formatCase, formatCounts, formatReport } from "./report.js";

const REPORT = new URL("corpus.report.md", import.meta.url);

/** `ORACLE_ONLY=regex,json npx vitest run test/oracle/corpus.test.ts` runs the cases whose names contain any of the words. */
const ONLY = process.env.ORACLE_ONLY?.split(",").filter((w) => w !== "");
const CASES = ONLY ? CORPUS.filter((c) => ONLY.some((w) => c.name.includes(w))) : CORPUS;

describe("the differential oracle over the corpus", () => {
  const batch = oracleBatch(CASES);

  it("reports the counts per verdict (and writes corpus.report.md)", () => {
    const results = batch.all();
    writeFileSync(REPORT, formatReport("Oracle over the corpus (npx vitest run test/oracle/corpus.test.ts)", results));
    process.stdout.write(`\noracle corpus: ${formatCounts(results)}\nreport: ${REPORT.pathname}\n`);
    expect(results.length).toBe(CASES.length);
  });

  it("gives no WRONG or CRASH outcome beyond the known defects", () => {
    const unexpected = batch
      .all()
      .filter((r) => (r.verdict === "WRONG" || r.verdict === "CRASH") && !(r.case.name in KNOWN_DEFECTS));
    expect(unexpected.map((r) => formatCase(r)).join("\n\n")).toBe("");
  });

  it("still shows every known defect (delete the entries of knownDefects.ts that are fixed)", () => {
    const fixed = Object.keys(KNOWN_DEFECTS).filter((name) => {
      if (!CASES.some((c) => c.name === name)) return false;
      const r = batch.get(name);
      return r.verdict !== "WRONG" && r.verdict !== "CRASH";
    });
    expect(fixed, "fixed: delete these from KNOWN_DEFECTS in test/oracle/knownDefects.ts").toEqual([]);
  });

  it("compiles every body but the ones refused on purpose (named so, or listed in EXPECTED_REFUSALS)", () => {
    const onPurpose = (c: OracleCase) =>
      c.name.includes("refused") || c.name in EXPECTED_REFUSALS || c.refused !== undefined;
    const lost = batch.all().filter((r) => r.verdict === "REFUSED" && !onPurpose(r.case));
    expect(lost.map((r) => formatCase(r)).join("\n\n"), "refused, but compiled before").toBe("");
    const compiled = batch.all().filter((r) => r.verdict !== "REFUSED" && onPurpose(r.case));
    expect(
      compiled.map((r) => r.case.name),
      "named or listed as refused, but compiled",
    ).toEqual([]);
  });

  it("refuses only with located diagnostics that speak TypeScript, beyond the known bad ones", () => {
    const bad = batch.all().filter((r) => r.refusalProblems.length > 0 && !KNOWN_BAD_DIAGNOSTICS.includes(r.case.name));
    expect(bad.map((r) => formatCase(r)).join("\n\n")).toBe("");
  });
});
