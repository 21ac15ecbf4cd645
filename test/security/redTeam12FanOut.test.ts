/**
 * @fileoverview Red team 12: a run's fan-out had no bound on what it holds at once. A parallel
 * node starts all its branches together and sub-workflows nest them, so a tree of `workflow_ref`
 * calls, each level a parallel node calling the next level twice, held every waiting node and
 * sub-run of the tree at once: 16 levels grew `iceosc run` to 1.1 GB, 18 levels exhausted the
 * host's heap (V8 "heap out of memory", exit 134), far within `maxRunNodes` and `maxRunMs`. Now
 * the operator's `maxNodesInFlight` (`--max-nodes-in-flight`, default 10,000) counts the nodes of a
 * whole run in flight at once, sub-workflows included: the attempt past it fails with
 * ICE_POLICY_DENIED naming the flag and ends the run.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

/** Level `i` of `levels`: a parallel node calling level i+1 twice; the last calls the tool `leaf`. */
function level(i: number, levels: number): string {
  if (i === levels - 1)
    return `name: w${i}
input_schema: { x: number }
nodes:
  - id: t
    type: tool
    tool_name: leaf
    tool_args: { x: "{{ inputs.x }}" }
outputs: { y: "{{ inputs.x }}" }
`;
  const call = (id: string) => `      - - id: ${id}
          type: workflow
          workflow_ref: ./w${i + 1}.yaml
          inputs: { x: "{{ inputs.x }}" }
`;
  return `name: w${i}
input_schema: { x: number }
nodes:
  - id: p
    type: parallel
    branches:
${call("a")}${call("b")}outputs: { y: "{{ inputs.x }}" }
`;
}

/** A loop of 64 tool calls, 16 at once: 17 nodes in flight (the loop and 16 calls). */
const LOOP = `name: many
input_schema: { items: "number[]" }
nodes:
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    max_parallel: 16
    body:
      - id: call
        type: tool
        tool_name: leaf
        tool_args: { x: "{{ item }}" }
outputs: { done: "{{ each }}" }
`;

/** A tool that waits a little, so that every branch started is in flight together. */
const TOOLS = `let calls = 0;
export default { leaf: async ({ x }) => { calls++; await new Promise((r) => setTimeout(r, 5)); return { x }; } };
export function callCount() { return calls; }
`;

interface Module {
  run(input: unknown, options: unknown): Promise<unknown>;
}

async function built(files: Record<string, string>, name: string) {
  const dir = writeFiles(files);
  writeFileSync(join(dir, "tools.mjs"), TOOLS);
  const out = tempDir();
  const result = await iceosc(["build", join(dir, name), "--out-dir", out]);
  expect(result.code, result.stderr).toBe(0);
  const module = (await import(pathToFileURL(join(out, name.replace(".yaml", ".js"))).href)) as Module;
  const tools = (await import(pathToFileURL(join(dir, "tools.mjs")).href)) as {
    default: unknown;
    callCount(): number;
  };
  return { dir, module, tools: tools.default, calls: tools.callCount };
}

function tree(levels: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: levels }, (_, i) => [`w${i}.yaml`, level(i, levels)]));
}

const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("a whole run's nodes in flight are bounded by the operator's maxNodesInFlight", () => {
  it("a 14-level tree of parallel sub-workflow calls stops at the default ceiling", async () => {
    // 8,192 leaves: about 40,000 nodes would wait at once (no ceiling: all of them did).
    const { module, tools, calls } = await built(tree(14), "w0.yaml");
    const error = await settle(module.run({ x: 1 }, { tools }));
    expect(error).toMatchObject({
      code: "ICE_POLICY_DENIED",
      message: expect.stringContaining("--max-nodes-in-flight"),
    });
    expect(calls()).toBeLessThan(8_192);
  }, 180_000);

  it("counts nodes at once, not in total: a loop 16 wide needs 17", async () => {
    const { module, tools, calls } = await built({ "many.yaml": LOOP }, "many.yaml");
    const items = Array.from({ length: 64 }, (_, i) => i);
    const ok = (await module.run({ items }, { tools, policy: { maxNodesInFlight: 17 } })) as {
      done: { results: unknown[] };
    };
    expect(ok.done.results).toHaveLength(64);
    expect(calls()).toBe(64);
    const error = await settle(module.run({ items }, { tools, policy: { maxNodesInFlight: 16 } }));
    expect(error).toMatchObject({ code: "ICE_POLICY_DENIED", nodeId: "call" });
  }, 180_000);

  it("iceosc run --max-nodes-in-flight names the flag; 0 or a fraction is a usage error", async () => {
    const { dir } = await built(tree(4), "w0.yaml");
    const args = ["run", join(dir, "w0.yaml"), "--tools", join(dir, "tools.mjs"), "--input", '{"x":1}'];
    const stopped = await iceosc([...args, "--max-nodes-in-flight", "5"]);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stderr).toMatch(/ICE_POLICY_DENIED.*--max-nodes-in-flight/);
    const ok = await iceosc([...args, "--max-nodes-in-flight", "100"]);
    expect(ok.code, ok.stderr).toBe(0);
    for (const bad of ["0", "1.5"]) {
      const refused = await iceosc([...args, "--max-nodes-in-flight", bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toContain("--max-nodes-in-flight must be an integer");
    }
  }, 180_000);
});
