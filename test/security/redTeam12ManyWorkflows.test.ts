/**
 * @fileoverview Red team 12: checking many workflows together was quadratic in their number. Each
 * workflow's check got a copy of every workflow's name and input schema, and each `workflow_ref`
 * was looked up by scanning every workflow loaded, so a repository of 12,000 small files, each
 * calling the next, held `iceosc check` for 60 s (26 s of CPU; 3,000 files: 3.5 s): the time grew
 * with the square of the files. Now the check sees the names and schemas through views and a
 * reference is a map lookup (src/build/compile.ts, src/build/workflowSet.ts): four times the files
 * cost about four times the CPU. The measure is CPU time of this process, as a ratio.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../../src/index.js";
import { tempDir } from "../helpers/cli.js";

/** `n` workflows in a fresh folder, each calling the next by path; returns the first's path. */
function chain(n: number): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) {
    const call = `  - id: a
    type: workflow
    workflow_ref: ./w${i + 1}.yaml
    inputs: { x: "{{ inputs.x }}" }
outputs: { y: "{{ a.y }}" }
`;
    writeFileSync(
      join(dir, `w${i}.yaml`),
      `name: w${i}
input_schema: { x: number }
nodes:
${i < n - 1 ? call : `  []\noutputs: { y: "{{ inputs.x }}" }\n`}`,
    );
  }
  return join(dir, "w0.yaml");
}

/** CPU milliseconds to check the chain at `path`, which must have no diagnostics. */
async function checkMs(path: string): Promise<number> {
  const start = process.cpuUsage();
  const result = await compileFiles([path], { checkOnly: true, cacheDir: false });
  const used = process.cpuUsage(start);
  expect(result.diagnostics).toEqual([]);
  return (used.user + used.system) / 1000;
}

describe("checking many workflows together", () => {
  it("costs about linear CPU in the number of workflows", async () => {
    const small = chain(1_500);
    const large = chain(6_000);
    await checkMs(small); // warm up the parser and the checker
    const smallMs = await checkMs(small);
    const largeMs = await checkMs(large);
    // Linear: about 4x; the copies per workflow made it 9x and more.
    expect(largeMs / Math.max(smallMs, 1)).toBeLessThan(5.5);
  }, 300_000);
});
