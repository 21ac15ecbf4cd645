/**
 * iceOS blueprints in the shapes of its wire model and its older files, as JSON (YAML's subset):
 * `blueprint_id` (the wire Blueprint's id) is kept and printed back; `metadata` is free-form in
 * iceOS ("arbitrary metadata for documentation"), so a key this compiler does not keep is a
 * warning, not an error; node types iceOS renamed (`skill` -> `tool`, `ai` -> `llm`) are read as
 * the new names with a warning (ICE1033) and run.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";

const WIRE = JSON.stringify(
  {
    blueprint_id: "bp_5f3a9c21",
    schema_version: "1.1.0",
    nodes: [{ id: "add", type: "tool", tool_name: "sum", tool_args: { a: 2, b: 3 }, dependencies: [] }],
    metadata: { draft_name: "adder", note: "experimental", author: "someone", descripton: "typo" },
  },
  null,
  2,
);

const RENAMED = JSON.stringify({
  version: "1.0.0",
  name: "hello-sum",
  nodes: [
    { id: "sum1", type: "skill", name: "add_numbers", tool_name: "sum", tool_args: { a: 2, b: 3 } },
    { id: "say", type: "ai", model: "gpt-4o", prompt: "The sum is {{ sum1.total }}", dependencies: ["sum1"] },
  ],
  outputs: { total: "{{ sum1.total }}" },
});

const TOOLS = "export default { sum: async ({ a, b }) => ({ total: a + b }) };\n";

describe("iceOS blueprints of the wire model and older files", () => {
  it("keeps blueprint_id, warns on free-form metadata keys (suggesting for typos), and prints both forms back", async () => {
    const dir = writeFiles({ "adder.json": WIRE });
    const checked = await iceosc(["check", join(dir, "adder.json")]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain("warning ICE1031: metadata field 'note'");
    expect(checked.stderr).toContain("warning ICE1031: metadata field 'author'");
    expect(checked.stderr).toMatch(/metadata field 'descripton' .*; did you mean 'description'\?/);
    expect(checked.stderr).not.toContain(" - error ");
    const ice = await iceosc(["convert", join(dir, "adder.json"), "--to", "ice"]);
    expect(ice.stdout).toContain('meta blueprint_id = "bp_5f3a9c21"');
    writeFileSync(join(dir, "adder.ice"), ice.stdout);
    const yaml = await iceosc(["convert", join(dir, "adder.ice"), "--to", "yaml"]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain("blueprint_id: bp_5f3a9c21");
  });

  it("reads skill as tool and ai as llm, with a warning each, and runs them", async () => {
    const dir = writeFiles({ "hello-sum.json": RENAMED, "tools.js": TOOLS });
    const checked = await iceosc(["check", join(dir, "hello-sum.json")]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(
      "warning ICE1033: node type 'skill' is iceOS's old name for 'tool': read as 'tool'",
    );
    expect(checked.stderr).toContain("warning ICE1033: node type 'ai' is iceOS's old name for 'llm': read as 'llm'");
    const ice = await iceosc(["convert", join(dir, "hello-sum.json"), "--to", "ice"]);
    expect(ice.stdout).toContain("tool sum1 = sum(");
    expect(ice.stdout).toContain("llm say");
  });

  it("runs the renamed tool node (the llm node is left out: it needs a model)", async () => {
    const noModel = JSON.parse(RENAMED) as { nodes: unknown[] };
    noModel.nodes = noModel.nodes.slice(0, 1);
    const dir = writeFiles({ "hello-sum.json": JSON.stringify(noModel), "tools.js": TOOLS });
    const run = await iceosc(["run", join(dir, "hello-sum.json"), "--tools", join(dir, "tools.js")]);
    expect(run.stderr).toContain("ICE1033");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ total: 5 });
  });

  it("still refuses iceOS's removed composites with a suggestion", async () => {
    const dir = writeFiles({
      "old.json": JSON.stringify({ nodes: [{ id: "u", type: "unit" }] }),
    });
    const checked = await iceosc(["check", join(dir, "old.json")]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("error ICE1007: unknown node type 'unit'");
  });
});
