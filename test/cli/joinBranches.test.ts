/**
 * Joining a condition's two branches in one value (`{{ approve.text or reject.text }}`), end to
 * end: the YAML and its `.ice` conversion check, build (the generated output type is not
 * nullable: one branch ran) and run, taking whichever branch ran, on both sides of the condition.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";

const WORKFLOW = `name: triage
input_schema: { score: number }
nodes:
  - id: gate
    type: condition
    expression: inputs.score > 5
    true_path: [approve]
    false_path: [reject]
  - id: approve
    type: code
    inputs: { score: "{{ inputs.score }}" }
    input_schema: { score: number }
    output_schema: { text: string }
    code: 'return { text: "approved at " + inputs.score };'
  - id: reject
    type: code
    output_schema: { text: string }
    code: 'return { text: "rejected" };'
  - id: notify
    type: tool
    tool_name: echo
    tool_args: { text: "verdict: {{ approve.text or reject.text }}" }
outputs:
  verdict: "{{ approve.text or reject.text }}"
  approved: "{{ approve.text | default('no') }}"
  notified: "{{ notify.text }}"
`;

const TOOLS = "export default { echo: async (args) => ({ text: args.text }) };\n";

describe("a value joining a condition's two branches", () => {
  it("runs from YAML and from its .ice form, taking the branch that ran", async () => {
    const dir = writeFiles({ "triage.yaml": WORKFLOW, "tools.js": TOOLS });
    const converted = await iceosc(["convert", join(dir, "triage.yaml"), "--to", "ice"]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toContain("`${approve.text ?? reject.text}`");
    writeFileSync(join(dir, "triage.ice"), converted.stdout);
    for (const file of ["triage.yaml", "triage.ice"]) {
      const high = await iceosc(["run", join(dir, file), "--tools", join(dir, "tools.js"), "--input", '{"score":7}']);
      expect(high.stderr).toBe("");
      expect(JSON.parse(high.stdout)).toEqual({
        verdict: "approved at 7",
        approved: "approved at 7",
        notified: "verdict: approved at 7",
      });
      const low = await iceosc(["run", join(dir, file), "--tools", join(dir, "tools.js"), "--input", '{"score":2}']);
      expect(low.stderr).toBe("");
      expect(JSON.parse(low.stdout)).toEqual({ verdict: "rejected", approved: "no", notified: "verdict: rejected" });
    }
  });

  it("types the joined output as the branches' type, not nullable", async () => {
    const dir = writeFiles({ "triage.yaml": WORKFLOW });
    const built = await iceosc(["build", join(dir, "triage.yaml"), "--out-dir", join(dir, "gen")]);
    expect(built.code).toBe(0);
    const declarations = readFileSync(join(dir, "gen", "triage.d.ts"), "utf8");
    expect(declarations).toMatch(/"verdict": string;/);
    expect(declarations).toMatch(/"approved": string;/);
  });

  it("refuses a join that misses a path, naming each link's condition", async () => {
    const dir = writeFiles({
      "half.yaml": WORKFLOW.replace("[approve]\n    false_path: [reject]", "[approve, reject]"),
    });
    const checked = await iceosc(["check", join(dir, "half.yaml")]);
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toContain("ICE2003");
    expect(checked.stdout + checked.stderr).toContain("'approve' runs only when 'gate' is true");
  });
});
