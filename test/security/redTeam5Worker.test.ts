/**
 * @fileoverview Red team 5: a queued durable run names its module by path, checked against a
 * content hash stored in the same database row. Whoever can write the run database (enqueue
 * through `iceosc/runtime`'s `enqueue`, or an INSERT) could make every `iceosc worker` import a
 * JavaScript file of their choosing: the hash is just SHA-256 of that file. Before the fix the
 * worker imported `evil.js` (its top level wrote a marker file: host code, no sandbox, no
 * `--allow-trusted`) and the run ended SUCCESS. Now a worker imports only modules under its
 * cache's durable-run folder (where `iceosc enqueue` compiles) or a folder the operator names with
 * `--allow-modules`; a run naming anything else (also through `..`) fails with ICE_POLICY_DENIED
 * naming the flag, and nothing of it runs.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, startServer, type TestServer } from "../durable/database.js";
import { start } from "../durable/processes.js";
import { CACHE_DIR, RUNTIME_URL, tempDir } from "../helpers/cli.js";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

describe("iceosc worker: which modules a queued run may name", () => {
  let server: TestServer;
  const workers: ReturnType<typeof start>[] = [];
  beforeAll(() => {
    server = startServer();
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.result));
    server.stop();
  });

  it("imports no module outside its own durable folder and --allow-modules", { timeout: 300_000 }, async (context) => {
    if (!server.url || !CACHE_DIR) return context.skip();
    const dir = tempDir("iceosc-forged-");
    const marker = join(dir, "pwned");
    const evil = join(dir, "evil.js");
    writeFileSync(
      evil,
      `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "host code ran");\n` +
        "export async function run() { return { pwned: true }; }\n",
    );
    const databaseUrl = freshDatabase(server.url);
    workers.push(start(["worker", "--db", databaseUrl], {}));
    // The same file named through the worker's own durable folder and `..`.
    mkdirSync(join(CACHE_DIR, "durable"), { recursive: true });
    const sneaky = `${CACHE_DIR}/durable/${"../".repeat(64)}${evil.slice(1)}`;
    for (const module of [evil, sneaky]) {
      const id = await runtime.enqueue(module, {}, { databaseUrl });
      const outcome = await runtime.status(id, { databaseUrl, waitMs: 120_000 });
      expect(existsSync(marker), module).toBe(false);
      expect(outcome?.state, module).toBe("ERROR");
      expect(outcome?.error?.code, module).toBe("ICE_POLICY_DENIED");
      expect(outcome?.error?.message, module).toContain("--allow-modules");
    }
  });
});
