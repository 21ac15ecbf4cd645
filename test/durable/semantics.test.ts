/**
 * What a durable run promises besides resuming (README "Durable and distributed runs", README "Durable and distributed
 * runs"): a finished failure is recorded like an output (the same error again, no tool called);
 * a workflow changed since the run started is refused with ICE_WORKFLOW_CHANGED instead of
 * resuming old checkpoints; bad usage and an unreachable database are one-line errors.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "./database.js";
import { readLog, run } from "./processes.js";
import { seedOf } from "../../runtime/durable/module.js";

const FLOW = (factor: number) => `name: flow
input_schema: { n: integer }
nodes:
  - id: first
    type: tool
    tool_name: step
    tool_args: { name: "first", value: "{{ inputs.n }}" }
  - id: times
    type: code
    inputs: { x: "{{ first.value }}" }
    input_schema: { x: integer }
    output_schema: { y: integer }
    code: |
      return { y: inputs.x * ${factor} };
outputs:
  y: "{{ times.y }}"
`;

const FAILING = `name: failing
input_schema: {}
nodes:
  - id: first
    type: tool
    tool_name: step
    tool_args: { name: "first" }
  - id: broken
    type: tool
    tool_name: missing_tool
    tool_args: {}
    dependencies: [first]
`;

const DICE = `name: dice
input_schema: {}
nodes:
  - id: roll
    type: code
    imports: [random, time]
    output_schema: { r: number, t: number }
    code: |
      return { r: Math.random(), t: Date.now() };
outputs:
  roll: "{{ roll }}"
`;

const FLAKY = `name: flaky
input_schema: {}
nodes:
  - id: shaky
    type: tool
    tool_name: flaky
    tool_args: { value: 7 }
    retries: 2
    retry_policy: { base_delay_ms: 10 }
outputs:
  value: "{{ shaky.value }}"
`;

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server?.stop());

function workspace(files: Record<string, string>): { dir: string; log: string; tools: string } {
  const dir = tempDir("iceosc-durable-sem-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  copyFileSync(join(import.meta.dirname, "tools.mjs"), join(dir, "tools.mjs"));
  return { dir, log: join(dir, "calls.log"), tools: join(dir, "tools.mjs") };
}

describe("durable run semantics", () => {
  it("refuses to resume a run whose workflow changed", { timeout: 300_000 }, async (context) => {
    if (!server.url) return context.skip();
    const db = freshDatabase(server.url);
    const { dir, log, tools } = workspace({ "flow.yaml": FLOW(2) });
    const args = [
      "run",
      join(dir, "flow.yaml"),
      "--durable",
      "--db",
      db,
      "--run-id",
      "r",
      "--tools",
      tools,
      "--input",
      '{"n":5}',
    ];
    const first = await run(args, { TOOL_LOG: log });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ y: 10 });
    writeFileSync(join(dir, "flow.yaml"), FLOW(3));
    const changed = await run(args, { TOOL_LOG: log });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain("ICE_WORKFLOW_CHANGED");
    expect(changed.stdout).toBe("");
    // A new run id runs the changed workflow.
    const fresh = await run([...args.slice(0, 6), "r2", ...args.slice(7)], { TOOL_LOG: log });
    expect(JSON.parse(fresh.stdout)).toEqual({ y: 15 });
  });

  it("records a failed run: the same id reports the same error and calls no tool", {
    timeout: 300_000,
  }, async (context) => {
    if (!server.url) return context.skip();
    const db = freshDatabase(server.url);
    const { dir, log, tools } = workspace({ "failing.yaml": FAILING });
    const args = ["run", join(dir, "failing.yaml"), "--durable", "--db", db, "--run-id", "f", "--tools", tools];
    const first = await run(args, { TOOL_LOG: log });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("ICE_TOOL_MISSING");
    expect(first.stderr).toContain("broken");
    const calls = readLog(log).length;
    expect(calls).toBe(2);
    const again = await run(args, { TOOL_LOG: log });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(first.stderr);
    expect(readLog(log).length).toBe(calls);
    const status = await run(["status", "f", "--db", db], {});
    expect(JSON.parse(status.stdout)).toMatchObject({
      runId: "f",
      state: "ERROR",
      error: { code: "ICE_TOOL_MISSING", nodeId: "broken" },
    });
  });

  it("checkpoints each attempt: a retried node's failed attempt is not repeated", {
    timeout: 300_000,
  }, async (context) => {
    if (!server.url) return context.skip();
    const db = freshDatabase(server.url);
    const { dir, log, tools } = workspace({ "flaky.yaml": FLAKY });
    const args = ["run", join(dir, "flaky.yaml"), "--durable", "--db", db, "--run-id", "k", "--tools", tools];
    const first = await run(args, { TOOL_LOG: log });
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toEqual({ value: 7 });
    expect(readLog(log).map((c) => `${c.event} ${c.key}`)).toEqual([
      "start k/shaky#1",
      "start k/shaky#2",
      "done k/shaky#2",
    ]);
    const again = await run(args, { TOOL_LOG: log });
    expect(JSON.parse(again.stdout)).toEqual({ value: 7 });
    expect(readLog(log)).toHaveLength(3);
  });

  it("seeds sandboxed randomness and clocks from the run id", { timeout: 300_000 }, async (context) => {
    if (!server.url) return context.skip();
    const db = freshDatabase(server.url);
    const { dir } = workspace({ "dice.yaml": DICE });
    const file = join(dir, "dice.yaml");
    const durable = await run(["run", file, "--durable", "--db", db, "--run-id", "dice-1"], {});
    expect(durable.code).toBe(0);
    const seeded = await run(["run", file, "--seed", String(seedOf("dice-1"))], {});
    expect(JSON.parse(durable.stdout)).toEqual(JSON.parse(seeded.stdout));
    const other = await run(["run", file, "--durable", "--db", db, "--run-id", "dice-2"], {});
    expect(JSON.parse(other.stdout).roll.r).not.toBe(JSON.parse(durable.stdout).roll.r);
  });

  it("reports usage mistakes and an unreachable database in one line", { timeout: 120_000 }, async () => {
    const { dir } = workspace({ "flow.yaml": FLOW(2) });
    const noId = await run(["run", join(dir, "flow.yaml"), "--durable", "--db", "postgresql://x@127.0.0.1:1/x"], {});
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain("--run-id");
    const noDb = await run(["status", "x"], { ICEOSC_DATABASE_URL: "" });
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain("ICEOSC_DATABASE_URL");
    const down = await run(["status", "x", "--db", "postgresql://x:secret@127.0.0.1:1/x"], {});
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("cannot use the database");
    expect(down.stderr).not.toContain("secret");
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
  });
});
