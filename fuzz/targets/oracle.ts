/**
 * @fileoverview Fuzz target `oracle`: random code-node bodies in the plain subset on random
 * inputs, each run in the sandbox and as JavaScript (test/oracle); a WRONG answer or a CRASH is a
 * failure, shrunk and saved as JSON in the form of test/oracle/regressions/ (copy it there to keep
 * it as a regression test).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fuzzPrograms } from "../../test/oracle/generator/fuzz.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "oracle",
  description: "random code-node bodies, sandbox vs JavaScript; WRONG or CRASH fails",
  defaultRuns: 1000,
  async run({ runs, seed, findingsDir, log }) {
    const cacheDir = mkdtempSync(join(tmpdir(), "iceosc-fuzz-cache-"));
    try {
      const { counts, findings, negativeZeroOnly } = await fuzzPrograms({ runs, seed, cacheDir, findingsDir, log });
      for (const f of findings)
        log(`${f.verdict} ${f.name}:\n${f.body.replace(/^/gm, "    | ")}\n    ${f.detail.replace(/\n/g, "\n    ")}`);
      const summary = Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      const zero = negativeZeroOnly > 0 ? ` (${negativeZeroOnly} WRONG only in -0 vs 0)` : "";
      return { runs, failures: counts.WRONG + counts.CRASH, summary: `programs: ${summary}${zero}` };
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  },
};

export default target;
