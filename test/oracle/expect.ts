/**
 * @fileoverview The oracle in vitest. `oracleBatch(cases)` builds every case of a test file in one
 * compile (in `beforeAll`); `expectSameAsJs(result)` passes when every input gives what the same
 * body gives as JavaScript (SAME, or both throw), fails with a readable difference on WRONG and
 * CRASH, and on REFUSED fails unless the case says `refused` (then the diagnostics must be
 * located, `file:line:col - error ICEnnnn`, and free of AssemblyScript internals).
 *
 *   const batch = oracleBatch(CASES);
 *   for (const c of CASES) it(c.name, () => expectSameAsJs(batch.get(c.name)));
 */
import { rmSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { type CaseResult, type OracleCase, runOracle } from "./oracle.js";
import { formatCase } from "./report.js";

/** The results of a batch, available once its `beforeAll` has run. */
export interface OracleBatch {
  get(name: string): CaseResult;
  all(): readonly CaseResult[];
}

/** The compile cache of this test run (from test/globalSetup.ts), or a private one. */
function cacheDir(): string {
  try {
    const dir = inject("oracleCacheDir");
    if (dir) return dir;
  } catch {
    // not provided: run outside the project's vitest config
  }
  return mkdtempSync(join(tmpdir(), "iceosc-oracle-cache-"));
}

/** Registers hooks that build and run `cases` once, before the tests of the enclosing suite. */
export function oracleBatch(cases: readonly OracleCase[]): OracleBatch {
  let results: CaseResult[] | undefined;
  const workDir = mkdtempSync(join(tmpdir(), "iceosc-oracle-"));
  // Compiling ~600 bodies cold takes minutes on 2 free cores and far longer on a loaded machine:
  // the bound is only there to end a hung run, well inside CI's own limit.
  beforeAll(async () => {
    results = await runOracle(cases, { cacheDir: cacheDir(), workDir });
  }, 3_600_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  const all = () => {
    if (!results)
      throw new Error("oracle: the batch has not run (call oracleBatch inside describe, use results in it)");
    return results;
  };
  return {
    all,
    get(name) {
      const found = all().find((r) => r.case.name === name);
      if (!found) throw new Error(`oracle: no case named '${name}'`);
      return found;
    },
  };
}

/** Asserts the oracle's verdict on one case (see the file comment). */
export function expectSameAsJs(result: CaseResult): void {
  const expected = result.case.refused;
  const report = formatCase(result) ?? "";
  if (expected !== undefined) {
    expect(result.verdict, `expected '${result.case.name}' to be refused at compile time\n${report}`).toBe("REFUSED");
    expect(result.refusalProblems, `diagnostics of '${result.case.name}'\n${report}`).toEqual([]);
    if (expected instanceof RegExp) expect(result.refusal?.diagnostics.map((d) => d.text).join("\n")).toMatch(expected);
    return;
  }
  expect(["SAME", "BOTH_THROW"], `oracle verdict on '${result.case.name}'\n${report}`).toContain(result.verdict);
}
