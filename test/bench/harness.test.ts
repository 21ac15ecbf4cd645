// Smoke test of the benchmark harness: the sandbox part at the smallest sizes and sample counts
// runs, and the report has the bench/README.md shape. No timing is asserted here: the targets are
// judged by `npm run bench` on one machine, not by unit tests.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatOutcome, runBench } from "../../bench/index.js";

const dir = mkdtempSync(join(tmpdir(), "iceosc-bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench harness", () => {
  it("runs a tiny configuration and writes rows in the contract shape", async () => {
    const outcome = await runBench({
      part: "sandbox",
      quick: true,
      config: { maxTime: 0.005, minSamples: 1 },
      scale: 0.005,
      log: () => undefined,
    });
    const path = join(dir, "latest.json");
    outcome.report.writeJson(path);
    const rows = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>[];

    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const keys = Object.keys(row).sort();
      if ("ratio" in row) {
        expect(keys).toEqual(["name", "ratio"]);
        expect(typeof row.ratio).toBe("number");
      } else {
        expect(keys).toEqual(["mean_us", "name", "ops_per_sec", "rme_pct"]);
        for (const k of ["mean_us", "ops_per_sec", "rme_pct"]) expect(Number.isFinite(row[k])).toBe(true);
      }
      expect(typeof row.name).toBe("string");
    }
    const names = rows.map((r) => r.name as string);
    expect(names.some((n) => n.startsWith("cold start, not the production path: code node"))).toBe(true);
    expect(names.some((n) => n.startsWith("first run: code node"))).toBe(true);
    expect(names).toContain("sandboxed / direct JS, paired median: kernel json_roundtrip");
    expect(names).toContain("sandboxed / direct JS, paired median: kernel word_count");
    expect(names).toContain("fuel / no fuel, paired median: kernel int_loop");
    expect(names).toContain("sandboxed / direct JS: kernel float_reduce");
    expect(new Set(names).size).toBe(names.length);

    const printed = formatOutcome(outcome);
    expect(printed).toContain("targets:");
    expect(outcome.targets.some((t) => t.target.startsWith("<= 64 KiB per live instance"))).toBe(true);
    expect(outcome.targets.some((t) => t.target.startsWith("first run <= 25 us"))).toBe(true);
  }, 240_000);
});
