/**
 * @fileoverview Red team 8: a whole run had no end. Every node is bounded (fuel, its timeout, its
 * retries, its model calls), but a workflow of sub-workflows fans out: level k calls level k-1
 * twice, one after the other, so 12 levels are 4,096 leaf calls of a 20 ms tool (80 s); 23
 * levels, 4 M calls and hours of the operator's machine and tool quota, and `iceosc run` had no
 * flag to stop it. Now the operator's `maxRunMs` (`--max-run-seconds`, default an hour) bounds the
 * whole run, sub-workflows included (they share the top run's deadline, not a fresh one each):
 * past it the node in flight fails with ICE_TIMEOUT naming the flag, and neither a node's
 * `retries` nor `on_failure: continue` carries the run past it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const LEAF = `name: level0
input_schema: { n: integer }
tools:
  wait:
    input_schema: { n: integer }
    output_schema: { n: integer }
nodes:
  - id: leaf
    type: tool
    tool_name: wait
    tool_args: { n: "{{ inputs.n }}" }
outputs: { n: "{{ leaf.n }}" }
`;

/** Level k: two calls of level k-1, the second after the first; retried and continued past if they fail. */
function level(k: number): string {
  return `name: level${k}
input_schema: { n: integer }
nodes:
  - id: first
    type: workflow
    workflow_ref: level${k - 1}.yaml
    inputs: { n: "{{ inputs.n }}" }
    retries: 3
    on_failure: continue
  - id: second
    type: workflow
    workflow_ref: level${k - 1}.yaml
    inputs: { n: "{{ first.n }}" }
    retries: 3
    on_failure: continue
outputs: { n: "{{ second.n }}" }
`;
}

const WAIT_TOOLS = `export default {
  wait: async ({ n }) => { await new Promise((r) => setTimeout(r, 20)); return { n: (n ?? 0) + 1 }; },
};
`;

function fanOut(levels: number): string {
  const files: Record<string, string> = { "level0.yaml": LEAF };
  for (let k = 1; k <= levels; k++) files[`level${k}.yaml`] = level(k);
  const dir = writeFiles(files);
  writeFileSync(join(dir, "tools.mjs"), WAIT_TOOLS);
  return dir;
}

describe("a whole run is bounded by the operator's maxRunMs", () => {
  it("iceosc run --max-run-seconds 1 ends a 4,096-call fan-out of sub-workflows with ICE_TIMEOUT", async () => {
    const dir = fanOut(12);
    const started = performance.now();
    const result = await iceosc([
      "run",
      join(dir, "level12.yaml"),
      "--tools",
      join(dir, "tools.mjs"),
      "--input",
      '{"n":0}',
      "--max-run-seconds",
      "1",
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("ICE_TIMEOUT");
    expect(result.stderr).toContain("--max-run-seconds");
    // Compiling 13 workflows takes most of this; the run alone would take 80 s.
    expect(seconds).toBeLessThan(60);
  }, 180_000);

  it("a generated module's run() with options.policy.maxRunMs: sub-workflows share the deadline", async () => {
    const dir = fanOut(10);
    const out = tempDir();
    const built = await iceosc(["build", join(dir, "level10.yaml"), "--out-dir", out]);
    expect(built.code, built.stderr).toBe(0);
    const module = (await import(pathToFileURL(join(out, "level10.js")).href)) as {
      run(input: unknown, options: unknown): Promise<unknown>;
    };
    const { default: tools } = (await import(pathToFileURL(join(dir, "tools.mjs")).href)) as { default: unknown };
    const events: { type: string; code?: string }[] = [];
    const started = performance.now();
    const error = await module
      .run({ n: 0 }, { tools, policy: { maxRunMs: 300 }, onEvent: (e: { type: string }) => events.push(e) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const ms = performance.now() - started;
    expect(error).toMatchObject({ code: "ICE_TIMEOUT", message: expect.stringContaining("maxRunMs") });
    // 1,024 calls of 20 ms (20 s) stopped near 300 ms; no retry of a node past the deadline.
    expect(ms).toBeLessThan(5_000);
    expect(events.filter((e) => e.type === "node_retrying")).toEqual([]);
    expect(events.some((e) => e.type === "node_failed" && (e as { continued?: boolean }).continued)).toBe(false);
  }, 180_000);

  it("a run within the ceiling is unchanged, and 0 or a fraction is refused", async () => {
    const dir = fanOut(2);
    const args = ["run", join(dir, "level2.yaml"), "--tools", join(dir, "tools.mjs"), "--input", '{"n":0}'];
    const ok = await iceosc([...args, "--max-run-seconds", "60"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ n: 4 });
    for (const bad of ["0", "1.5", "x"]) {
      const refused = await iceosc([...args, "--max-run-seconds", bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toContain("--max-run-seconds must be an integer");
    }
  }, 180_000);
});
