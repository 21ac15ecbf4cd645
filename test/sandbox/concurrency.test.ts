/**
 * 10,000 runs of a generated module with a sandboxed code node in flight at once, in one
 * process: every one succeeds with its own result (a sandbox instance is taken per run and given
 * back, so concurrent runs never share state and never exhaust the engine's memories).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

type Module = { run: (input: unknown, options?: object) => Promise<Record<string, unknown>> };

const WORKFLOW = `name: many_runs
input_schema: { n: integer, word: string }
nodes:
  - id: tally
    type: code
    inputs: { n: "{{ inputs.n }}", word: "{{ inputs.word }}" }
    output_schema: { total: integer, label: string }
    code: |
      let total = 0;
      for (let i = 0; i <= inputs.n; i++) total += i;
      return { total: total, label: inputs.word + "#" + inputs.n };
outputs: { total: "{{ tally.total }}", label: "{{ tally.label }}" }
`;

let module: Module;

beforeAll(async () => {
  const dir = writeFiles({ "many_runs.yaml": WORKFLOW });
  const out = tempDir();
  const result = await iceosc(["build", join(dir, "many_runs.yaml"), "--out-dir", out]);
  expect(result.stderr).toContain("built 1 workflow");
  module = (await import(pathToFileURL(join(out, "many_runs.js")).href)) as Module;
}, 120_000);

describe("concurrent sandboxed runs", () => {
  it("runs 10,000 calls of run() at once, each with its own correct result", async () => {
    const count = 10_000;
    const runs = Array.from({ length: count }, (_, i) => module.run({ n: i % 500, word: `w${i}` }));
    const results = await Promise.allSettled(runs);
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.slice(0, 3)).toEqual([]);
    results.forEach((r, i) => {
      const n = i % 500;
      expect((r as PromiseFulfilledResult<Record<string, unknown>>).value).toEqual({
        total: (n * (n + 1)) / 2,
        label: `w${i}#${n}`,
      });
    });
  }, 300_000);
});
