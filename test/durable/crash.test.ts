/**
 * Durable runs survive SIGKILL (README "Durable and distributed runs"): `iceosc run --durable` is killed the moment a
 * slow tool starts (sequentially, in a loop with max_parallel, in a parallel block, inside a
 * sub-workflow); the same command again resumes the run. Every node checkpointed before the kill
 * never runs again, every node runs to completion, and the output equals an uninterrupted
 * (non-durable) run's. Running a finished run id again runs nothing and prints the same output.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DBOSClient } from "@dbos-inc/dbos-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "./database.js";
import { readLog, run, start, waitForLog, type Call } from "./processes.js";

const SUB = `name: sub
input_schema: { tag: string }
nodes:
  - id: sub_first
    type: tool
    tool_name: step
    tool_args: { name: "sub_first", value: "{{ inputs.tag }}" }
  - id: sub_slow
    type: tool
    tool_name: slow
    tool_args: { name: "sub_slow", value: "{{ sub_first.value }}" }
  - id: sub_last
    type: tool
    tool_name: step
    tool_args: { name: "sub_last", value: "{{ sub_slow.value }}" }
outputs:
  tag: "{{ sub_last.value }}"
`;

/** Workflows whose slow call is named `slow` (or `sub_slow`); the test kills when it starts. */
const WORKFLOWS: Record<string, { file: string; input: object; slow: string }> = {
  sequence: {
    input: { n: 3 },
    slow: "slow",
    file: `name: sequence
input_schema: { n: integer }
nodes:
  - id: a
    type: tool
    tool_name: step
    tool_args: { name: "a", value: "{{ inputs.n }}" }
  - id: b
    type: tool
    tool_name: step
    tool_args: { name: "b", value: "{{ a.value }}" }
  - id: slow
    type: tool
    tool_name: slow
    tool_args: { name: "slow", value: "{{ b.value }}" }
  - id: c
    type: tool
    tool_name: step
    tool_args: { name: "c", value: "{{ slow.value }}" }
  - id: d
    type: code
    inputs: { x: "{{ c.value }}" }
    input_schema: { x: integer }
    output_schema: { y: integer }
    code: |
      return { y: inputs.x * 7 };
outputs:
  c: "{{ c }}"
  d: "{{ d.y }}"
`,
  },
  loop: {
    input: { items: ["p", "q", "slow", "r", "s", "t"] },
    slow: "slow",
    file: `name: loop
input_schema: { items: "string[]" }
nodes:
  - id: before
    type: tool
    tool_name: step
    tool_args: { name: "before", value: 1 }
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    max_parallel: 2
    dependencies: [before]
    body:
      - id: pick
        type: condition
        expression: item == "slow"
        true_path: [wait]
        false_path: [fast]
      - id: wait
        type: tool
        tool_name: slow
        tool_args: { name: "slow", value: "{{ item }}" }
      - id: fast
        type: tool
        tool_name: step
        tool_args: { name: "{{ item }}", value: "{{ item }}" }
  - id: after
    type: tool
    tool_name: step
    tool_args: { name: "after", value: "{{ each.results }}" }
outputs:
  results: "{{ each.results }}"
  after: "{{ after.value }}"
`,
  },
  parallel: {
    input: { n: 2 },
    slow: "slow",
    file: `name: par
input_schema: { n: integer }
nodes:
  - id: before
    type: tool
    tool_name: step
    tool_args: { name: "before", value: "{{ inputs.n }}" }
  - id: fan
    type: parallel
    dependencies: [before]
    branches:
      - - id: x1
          type: tool
          tool_name: step
          tool_args: { name: "x1", value: "{{ inputs.n }}" }
        - id: x2
          type: tool
          tool_name: step
          tool_args: { name: "x2", value: "{{ x1.value }}" }
      - - id: y0
          type: tool
          tool_name: step
          tool_args: { name: "y0", value: 3 }
        - id: y1
          type: tool
          tool_name: slow
          tool_args: { name: "slow", value: "{{ y0.value }}" }
      - - id: z1
          type: tool
          tool_name: step
          tool_args: { name: "z1", value: 9 }
  - id: join
    type: tool
    tool_name: step
    tool_args: { name: "join", value: "{{ fan.branches }}" }
outputs:
  join: "{{ join.value }}"
`,
  },
  subworkflow: {
    input: { tag: "t" },
    slow: "sub_slow",
    file: `name: parent
input_schema: { tag: string }
nodes:
  - id: first
    type: tool
    tool_name: step
    tool_args: { name: "first", value: "{{ inputs.tag }}" }
  - id: child
    type: workflow
    workflow_ref: sub
    inputs: { tag: "{{ first.value }}" }
  - id: last
    type: tool
    tool_name: step
    tool_args: { name: "last", value: "{{ child.tag }}" }
outputs:
  child: "{{ child }}"
  last: "{{ last.value }}"
`,
  },
};

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server?.stop());

describe("durable runs killed with SIGKILL resume without redoing finished nodes", () => {
  for (const [name, workflow] of Object.entries(WORKFLOWS)) {
    it(`killed in a ${name}`, { timeout: 300_000 }, async (context) => {
      if (!server.url) return context.skip();
      const db = freshDatabase(server.url);
      const dir = tempDir("iceosc-durable-");
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, workflow.file);
      writeFileSync(join(dir, "sub.yaml"), SUB);
      copyFileSync(join(import.meta.dirname, "tools.mjs"), join(dir, "tools.mjs"));
      const log = join(dir, "calls.log");
      const runId = `crash-${name}`;
      const args = [
        "run",
        file,
        "--durable",
        "--db",
        db,
        "--run-id",
        runId,
        "--tools",
        join(dir, "tools.mjs"),
        "--input",
        JSON.stringify(workflow.input),
      ];

      // The oracle: the same workflow run uninterrupted, not durable.
      const plain = await run(
        ["run", file, "--tools", join(dir, "tools.mjs"), "--input", JSON.stringify(workflow.input)],
        { TOOL_LOG: join(dir, "plain.log") },
      );
      expect(plain.stderr).toBe("");
      expect(plain.code).toBe(0);

      const doomed = start(args, { TOOL_LOG: log, SLOW_MS: "600000" });
      await waitForLog(log, (calls) => calls.some((c) => c.event === "start" && c.name === workflow.slow), doomed);
      doomed.kill("SIGKILL");
      await doomed.result;
      const checkpointed = await checkpointedKeys(db, runId);
      const before = readLog(log);

      // Resumed with another compile cache: the run's module is found by content, not by path.
      const resumed = await run(args, { TOOL_LOG: log, SLOW_MS: "20", ICEOSC_CACHE_DIR: tempDir("iceosc-cache-") });
      expect(resumed.stderr).not.toMatch(/error/i);
      expect(resumed.code).toBe(0);
      expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(plain.stdout));

      const after = readLog(log).slice(before.length);
      const startedAgain = after.filter((c) => c.event === "start").map((c) => keyOf(c, runId));
      // Nodes checkpointed before the kill (at least the ones before the slow call) never run again.
      expect(checkpointed.length).toBeGreaterThan(0);
      for (const key of checkpointed) expect(startedAgain).not.toContain(key);
      // Every tool call of the run completed once in the end, and nothing ran twice after the resume.
      const done = readLog(log)
        .filter((c) => c.event === "done")
        .map((c) => keyOf(c, runId));
      expect(new Set(done).size).toBe(readLog(join(dir, "plain.log")).filter((c) => c.event === "done").length);
      expect(new Set(startedAgain).size).toBe(startedAgain.length);

      // A finished run id: the recorded output, and no tool runs.
      const again = await run(args, { TOOL_LOG: log });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual(JSON.parse(plain.stdout));
      expect(readLog(log).length).toBe(before.length + after.length);
    });
  }
});

/** The idempotency key of a call without the run id: the node's path and attempt. */
function keyOf(call: Call, runId: string): string {
  expect(call.key.startsWith(`${runId}/`)).toBe(true);
  return call.key.slice(runId.length + 1);
}

/** Keys of the node steps DBOS recorded for the run (what a resume must not run again). */
async function checkpointedKeys(db: string, runId: string): Promise<string[]> {
  const client = await DBOSClient.create({ systemDatabaseUrl: db });
  try {
    const steps = (await client.listWorkflowSteps(runId)) ?? [];
    return steps
      .map((s) => s.name)
      .filter((n) => n.startsWith("node:"))
      .map((n) => n.slice("node:".length));
  } finally {
    await client.destroy();
  }
}
