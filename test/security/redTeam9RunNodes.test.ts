/**
 * @fileoverview Red team 9: a run's node count had no ceiling. The time ceiling (`maxRunMs`, an
 * hour) was the only bound on a whole run, and a loop over input data starts a node per item
 * (200,000 tool calls of a cheap tool ran in seconds: millions fit in the hour, each the
 * operator's tool quota). Now the operator's `maxRunNodes` (`--max-run-nodes`, default 1,000,000)
 * counts every node attempt of the run, sub-workflows included (they share the top run's count,
 * not a fresh one each): the attempt past it fails with ICE_POLICY_DENIED naming the flag, and
 * neither a node's `retries` nor `on_failure: continue` carries the run past it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

/** A loop over `inputs.items` calling the tool `bump` once per item. */
const LOOP = `name: many
input_schema: { items: "integer[]" }
tools:
  bump:
    input_schema: { n: integer }
    output_schema: { n: integer }
nodes:
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    max_parallel: 16
    body:
      - id: call
        type: tool
        tool_name: bump
        tool_args: { n: "{{ item }}" }
        retries: 3
        on_failure: continue
outputs: { done: "{{ each }}" }
`;

/** The loop run as a sub-workflow, twice: both runs draw on one count. */
const PARENT = `name: parent
input_schema: { items: "integer[]" }
nodes:
  - id: first
    type: workflow
    workflow_ref: many.yaml
    inputs: { items: "{{ inputs.items }}" }
  - id: second
    type: workflow
    workflow_ref: many.yaml
    inputs: { items: "{{ inputs.items }}" }
outputs: { a: "{{ first.done }}", b: "{{ second.done }}" }
`;

const TOOLS = `let calls = 0;
export default { bump: async ({ n }) => { calls++; return { n: n + 1 }; } };
export function callCount() { return calls; }
`;

interface Module {
  run(input: unknown, options: unknown): Promise<unknown>;
}

async function built(name: string): Promise<{ module: Module; tools: unknown; calls: () => number }> {
  const dir = writeFiles({ "many.yaml": LOOP, "parent.yaml": PARENT });
  writeFileSync(join(dir, "tools.mjs"), TOOLS);
  const out = tempDir();
  const result = await iceosc(["build", join(dir, name), "--out-dir", out]);
  expect(result.code, result.stderr).toBe(0);
  const module = (await import(pathToFileURL(join(out, name.replace(".yaml", ".js"))).href)) as Module;
  const tools = (await import(pathToFileURL(join(dir, "tools.mjs")).href)) as {
    default: unknown;
    callCount(): number;
  };
  return { module, tools: tools.default, calls: tools.callCount };
}

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("a whole run is bounded by the operator's maxRunNodes", () => {
  it("a loop over input data stops at the ceiling with ICE_POLICY_DENIED, no retry, no continue", async () => {
    const { module, tools, calls } = await built("many.yaml");
    const events: { type: string; continued?: boolean }[] = [];
    const error = await module
      .run({ items: items(5_000) }, { tools, policy: { maxRunNodes: 1_000 }, onEvent: (e: never) => events.push(e) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: "ICE_POLICY_DENIED", message: expect.stringContaining("--max-run-nodes") });
    // The loop node itself is one attempt: at most 999 tool calls ran (16 in flight at once).
    expect(calls()).toBeLessThan(1_000);
    expect(events.filter((e) => e.type === "node_retrying")).toEqual([]);
    expect(events.some((e) => e.type === "node_failed" && e.continued)).toBe(false);
  }, 180_000);

  it("sub-workflows share the top run's count; a run within the ceiling is unchanged", async () => {
    const { module, tools, calls } = await built("parent.yaml");
    // 2 workflow nodes + 2 loops + 2 x 400 calls = 804 attempts: each sub-workflow (401) is
    // within 700 on a count of its own.
    const error = await module.run({ items: items(400) }, { tools, policy: { maxRunNodes: 700 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "ICE_POLICY_DENIED" });
    expect(calls()).toBeLessThan(700);
    const ok = (await module.run({ items: items(400) }, { tools, policy: { maxRunNodes: 804 } })) as {
      a: { results: unknown[] };
      b: { results: unknown[] };
    };
    expect(ok.a.results).toHaveLength(400);
    expect(ok.b.results).toHaveLength(400);
  }, 180_000);

  it("iceosc run --max-run-nodes names the flag; 0 or a fraction is a usage error", async () => {
    const dir = writeFiles({ "many.yaml": LOOP });
    writeFileSync(join(dir, "tools.mjs"), TOOLS);
    const args = ["run", join(dir, "many.yaml"), "--tools", join(dir, "tools.mjs"), "--input"];
    const stopped = await iceosc([...args, JSON.stringify({ items: items(50) }), "--max-run-nodes", "20"]);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stderr).toMatch(/ICE_POLICY_DENIED.*--max-run-nodes/);
    for (const bad of ["0", "1.5", "x"]) {
      const refused = await iceosc([...args, '{"items":[1]}', "--max-run-nodes", bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toContain("--max-run-nodes must be an integer");
    }
  }, 180_000);
});
