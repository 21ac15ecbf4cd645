/**
 * `iceosc build --report`: the static risk report of every sandboxed node, on stdout.
 */
import { describe, expect, it } from "vitest";
import { iceosc, tempDir } from "../helpers/cli.js";

describe("iceosc build --report", () => {
  it("prints worst-case fuel for bounded nodes and flags loops with their lines", async () => {
    const result = await iceosc([
      "build",
      "examples/sales_alert.yaml",
      "examples/word_stats.yaml",
      "--out-dir",
      tempDir(),
      "--report",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /sales_alert\.over_budget \(condition\) examples\/sales_alert\.yaml:\d+\n {2}bounded: worst case \d+ fuel per run/,
    );
    expect(result.stdout).toMatch(
      /word_stats\.stats \(code\) examples\/word_stats\.yaml:12\n {2}unbounded statically.*\n {2}loop: for at line 15/,
    );
  });
});
