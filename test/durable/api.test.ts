/**
 * Durable runs for apps through `iceosc/runtime` (README "Durable and distributed runs"): `runDurable` on a generated
 * module's path (again with the same run id: the recorded output, no tool called), and `enqueue`
 * + `startWorker` + `status` in one process, with tools given as functions.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFiles } from "../../src/index.js";
import { enqueue, runDurable, startWorker, status } from "../../runtime/index.js";
import { CACHE_DIR, RUNTIME_URL, tempDir } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "./database.js";

const FLOW = `name: flow
input_schema: { n: integer }
nodes:
  - id: double
    type: tool
    tool_name: double
    tool_args: { n: "{{ inputs.n }}" }
  - id: plus
    type: code
    inputs: { x: "{{ double.n }}" }
    input_schema: { x: integer }
    output_schema: { y: integer }
    code: |
      return { y: inputs.x + 1 };
outputs:
  y: "{{ plus.y }}"
`;

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server?.stop());

async function compiled(): Promise<string> {
  const dir = tempDir("iceosc-durable-api-");
  writeFileSync(join(dir, "flow.yaml"), FLOW);
  const result = await compileFiles([join(dir, "flow.yaml")], {
    runtimeSpecifier: RUNTIME_URL,
    ...(CACHE_DIR !== undefined && { cacheDir: CACHE_DIR }),
  });
  const out = join(dir, "out");
  mkdirSync(out);
  for (const workflow of result.workflows) {
    writeFileSync(join(out, `${workflow.name}.js`), workflow.js);
    for (const wasm of workflow.wasm) writeFileSync(join(out, wasm.fileName), wasm.bytes);
  }
  return join(out, "flow.js");
}

describe("durable runs from iceosc/runtime", () => {
  it("runDurable, enqueue, startWorker and status", { timeout: 300_000 }, async (context) => {
    if (!server.url) return context.skip();
    const databaseUrl = freshDatabase(server.url);
    const module = await compiled();
    const keys: string[] = [];
    const tools = {
      double: async (args: Record<string, unknown>, ctx: { idempotencyKey?: string }) => {
        keys.push(ctx.idempotencyKey ?? "");
        return { n: Number(args.n) * 2 };
      },
    };
    expect(await runDurable(module, { n: 4 }, { databaseUrl, runId: "app-1", tools })).toEqual({ y: 9 });
    expect(keys).toEqual(["app-1/double#1"]);
    expect(await runDurable(module, { n: 4 }, { databaseUrl, runId: "app-1", tools })).toEqual({ y: 9 });
    expect(keys).toHaveLength(1);

    const id = await enqueue(module, { n: 10 }, { databaseUrl });
    expect(await status(id, { databaseUrl })).toMatchObject({ runId: id, state: "ENQUEUED" });
    const worker = await startWorker({ databaseUrl, runOptions: { tools }, moduleDirs: [dirname(module)] });
    try {
      expect(await status(id, { databaseUrl, waitMs: 120_000 })).toEqual({
        runId: id,
        state: "SUCCESS",
        output: { y: 21 },
      });
    } finally {
      await worker.stop();
    }
    expect(keys).toEqual(["app-1/double#1", `${id}/double#1`]);
    expect(await status("nope", { databaseUrl })).toBeUndefined();
  });
});
