/**
 * @fileoverview Workflows that call themselves through `workflow` nodes are refused before
 * anything runs (ICE2027, at the `workflow_ref` closing the cycle): such a run never ended (it
 * recursed until the process ran out of memory). Sub-workflows called many times without a
 * cycle (a diamond) stay fine.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc } from "../helpers/cli.js";

/** Writes the files into a fresh folder; returns the path of each. */
function files(contents: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "iceosc-cycles-"));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(contents)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name]!, text);
  }
  return paths;
}

const caller = (name: string, ref: string): string =>
  [
    `name: ${name}`,
    "input_schema: { t: string }",
    "nodes:",
    "  - id: call",
    "    type: workflow",
    `    workflow_ref: ${ref}`,
    "    inputs: { t: '{{ inputs.t }}' }",
    "outputs: { r: '{{ call.r }}' }",
  ].join("\n");

const leaf = [
  "name: leaf",
  "input_schema: { t: string }",
  "nodes:",
  "  - id: up",
  "    type: code",
  "    inputs: { t: '{{ inputs.t }}' }",
  "    output_schema: { r: string }",
  '    code: "return { r: inputs.t.toUpperCase() };"',
  "outputs: { r: '{{ up.r }}' }",
].join("\n");

describe("sub-workflow cycles", () => {
  it("refuses a workflow calling itself by path, and `run` stops at once", async () => {
    const { "self.yaml": self } = files({ "self.yaml": caller("self", "./self.yaml") });
    for (const command of ["check", "run"]) {
      const result = await iceosc(command === "run" ? ["run", self!, "--input", '{"t":"x"}'] : [command, self!]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("self.yaml:6:19 - error ICE2027: sub-workflow cycle: 'self' -> 'self'");
    }
  });
  it("refuses a cycle through other workflows, by path and by name, once, where it closes", async () => {
    const paths = files({
      "a.yaml": caller("a", "./b.yaml"),
      "b.yaml": caller("b", "./c.yaml"),
      "c.yaml": caller("c", "a"),
    });
    const result = await iceosc(["check", paths["a.yaml"]!]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ICE2027/g)).toHaveLength(1);
    expect(result.stderr).toContain("c.yaml:6:19 - error ICE2027: sub-workflow cycle: 'a' -> 'b' -> 'c' -> 'a'");
    expect(result.stderr).toContain("note: 'a' calls 'b' here");
    expect(result.stderr).toContain("note: 'b' calls 'c' here");
  });
  it("refuses a cycle among .ice files", async () => {
    const ice = (name: string, ref: string): string =>
      `workflow ${name}(t: string) {\n  workflow call = ${ref}(t: inputs.t)\n  output r = call.r\n}\n`;
    const paths = files({ "p.ice": ice("p", '"./q.ice"'), "q.ice": ice("q", '"./p.ice"') });
    const result = await iceosc(["check", paths["p.ice"]!]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error ICE2027: sub-workflow cycle: 'p' -> 'q' -> 'p'");
  });
  it("runs a sub-workflow called from two places and two levels (no cycle)", async () => {
    const paths = files({
      "top.yaml": [
        "name: top",
        "input_schema: { t: string }",
        "nodes:",
        "  - { id: one, type: workflow, workflow_ref: ./mid.yaml, inputs: { t: '{{ inputs.t }}' } }",
        "  - { id: two, type: workflow, workflow_ref: ./leaf.yaml, inputs: { t: '{{ one.r }}!' } }",
        "outputs: { r: '{{ two.r }}' }",
      ].join("\n"),
      "mid.yaml": caller("mid", "./leaf.yaml"),
      "leaf.yaml": leaf,
    });
    const result = await iceosc(["run", paths["top.yaml"]!, "--input", '{"t":"hi"}']);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ r: "HI!" });
  });
});
