/** `iceosc convert` end to end (the built CLI): both directions, --out, and errors. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
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

describe("iceosc convert keeps what a workflow says about itself", () => {
  const described = `name: described
description: "Says what it is: quotes \\" and \\u2713"
version: 2
input_schema: { q: string }
nodes:
  - id: fetch
    name: Fetch the thing
    description: |
      Calls the search tool.
      Two lines.
    type: tool
    tool_name: search
    tool_args: { q: "{{ inputs.q }}" }
  - { id: ask, type: llm, description: asks, prompt: "Say {{ fetch.x }}" }
`;

  it("through .ice and back: descriptions, display names and version, and the module's doc", async () => {
    const dir = tempDir();
    const yaml = join(dir, "described.yaml");
    writeFileSync(yaml, described);
    const ice = join(dir, "described.ice");
    expect((await iceosc(["convert", yaml, "--to", "ice", "--out", ice])).code).toBe(0);
    expect(readFileSync(ice, "utf8")).toContain('description "Calls the search tool.\\nTwo lines.\\n"');
    const back = await iceosc(["convert", ice, "--to", "yaml"]);
    expect(back.code).toBe(0);
    const original = parse(described) as { nodes: Record<string, unknown>[] };
    const again = parse(back.stdout) as typeof original & Record<string, unknown>;
    expect(again.description).toBe('Says what it is: quotes " and \u2713');
    expect(again.version).toBe("2");
    expect(again.nodes.map((n) => [n.name, n.description])).toEqual(original.nodes.map((n) => [n.name, n.description]));
    const out = join(dir, "gen");
    expect((await iceosc(["build", ice, "--out-dir", out])).code).toBe(0);
    expect(readFileSync(join(out, "described.d.ts"), "utf8")).toContain(
      'Runs workflow described: Says what it is: quotes " and \u2713.',
    );
  });
});
