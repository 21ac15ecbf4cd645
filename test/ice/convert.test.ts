/** `iceosc convert` end to end (the built CLI): both directions, --out, and errors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir } from "../helpers/cli.js";

describe("iceosc convert", () => {
  it("prints a YAML workflow as .ice on stdout", async () => {
    const result = await iceosc(["convert", "examples/word_stats.yaml", "--to", "ice"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("workflow word_stats(text: string) {");
    expect(result.stdout).toContain("code stats(text: string = inputs.text): { words: integer, longest: integer }");
  });

  it("writes .ice as YAML to --out, and the result checks", async () => {
    const out = join(tempDir(), "sales_alert.yaml");
    const result = await iceosc(["convert", "examples/ice/sales_alert.ice", "--to", "yaml", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("tool_name: read_csv");
  });

  it("reports the diagnostics of a broken input and exits 1", async () => {
    const result = await iceosc(["convert", "test/fixtures/ice/invalid/two_bad_nodes.ice", "--to", "yaml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("two_bad_nodes.ice:3:26 - error ICE1501");
  });
});
