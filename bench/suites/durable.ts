/**
 * @fileoverview Throughput of durable runs through the shared queue (README "Durable and distributed runs"): a workflow of
 * a 50 ms tool and a fast one, N runs enqueued at once, served by 1, 2 and 4 `iceosc worker`
 * processes (per-worker concurrency 8) on one PostgreSQL database; runs per second from the first
 * enqueue until every run succeeded. Runs only when `ICEOSC_DATABASE_URL` names a server (each
 * worker count gets a fresh database on it); otherwise a note says it was skipped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DBOSClient } from "@dbos-inc/dbos-sdk";
import type { BenchContext } from "../harness/context.js";
import { compileFiles } from "../../src/build/compile.js";
import { QUEUE, WORKER_VERSION, WORKFLOW_NAME } from "../../runtime/durable/engine.js";
import { jobFor } from "../../runtime/durable/module.js";

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_COUNTS = [1, 2, 4] as const;

export const rowName = (workers: number): string =>
  `durable queue: runs/s, ${workers} worker${workers === 1 ? "" : "s"} (50 ms tool + 1 fast tool, concurrency 8 each)`;

const WORKFLOW = `name: durable_bench
input_schema: { n: integer }
nodes:
  - id: work
    type: tool
    tool_name: work
    tool_args: { n: "{{ inputs.n }}" }
  - id: finish
    type: tool
    tool_name: finish
    tool_args: { n: "{{ work.n }}" }
outputs:
  n: "{{ finish.n }}"
`;

const TOOLS = `export default {
  work: async (args) => { await new Promise((r) => setTimeout(r, 50)); return { n: args.n }; },
  finish: async (args) => ({ n: args.n + 1 }),
};
`;

export async function durableSuite(ctx: BenchContext): Promise<void> {
  const server = process.env.ICEOSC_DATABASE_URL;
  const cli = join(here, "..", "..", "src", "cli", "bin.js");
  if (!server) {
    ctx.report.note("durable queue: no ICEOSC_DATABASE_URL: skipped (scripts/pg-test-cluster.sh exec npm run bench)");
    return;
  }
  if (!existsSync(cli)) {
    ctx.report.note("durable queue: dist/src/cli/bin.js not built: skipped");
    return;
  }
  const runtime = pathToFileURL(join(here, "..", "..", "runtime", "index.js")).href;
  const compiled = await compileFiles([writeFile(ctx, "durable_bench.yaml", WORKFLOW)], {
    runtimeSpecifier: runtime,
    cacheDir: ctx.cacheDir,
  });
  const main = compiled.workflows.find((w) => w.requested);
  if (!main) throw new Error(`durable bench workflow did not compile: ${JSON.stringify(compiled.diagnostics)}`);
  const module = writeFile(ctx, "durable_bench.js", main.js);
  const tools = writeFile(ctx, "durable_tools.mjs", TOOLS);
  const runs = ctx.quick ? 16 : 120;
  for (const count of WORKER_COUNTS) {
    const url = new URL(server);
    url.pathname = `/iceosc_bench_${randomUUID().slice(0, 8)}`;
    const db = url.toString();
    // Workers first (the first one creates the database), then one client enqueues every run.
    const workers = [await startWorker(cli, db, tools)];
    workers.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startWorker(cli, db, tools)))));
    const client = await DBOSClient.create({ systemDatabaseUrl: db });
    try {
      const started = performance.now();
      const ids = await Promise.all(
        Array.from({ length: runs }, async (_, n) => {
          const options = { queueName: QUEUE, workflowName: WORKFLOW_NAME, appVersion: WORKER_VERSION };
          return (await client.enqueue(options, jobFor(module, { n }))).workflowID;
        }),
      );
      for (;;) {
        const rows = await client.listWorkflows({ workflowIDs: ids, loadInput: false, loadOutput: false });
        const failed = rows.find((r) => r.status !== "SUCCESS" && r.status !== "PENDING" && r.status !== "ENQUEUED");
        if (failed) throw new Error(`durable bench run ${failed.workflowID} ended ${failed.status}`);
        if (rows.filter((r) => r.status === "SUCCESS").length === runs) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = (performance.now() - started) / 1000;
      ctx.report.add({
        name: rowName(count),
        ops_per_sec: runs / seconds,
        mean_us: (seconds * 1e6) / runs,
        rme_pct: 0,
      });
      ctx.log(`  ${count} worker(s): ${runs} runs in ${seconds.toFixed(1)} s`);
    } finally {
      await client.destroy();
      await Promise.all(workers.map(stop));
    }
  }
  ctx.report.note(
    `durable queue: ${runs} runs enqueued at once, timed from the first enqueue (status polled every 50 ms) to the last success; one sample per row`,
  );
}

function writeFile(ctx: BenchContext, name: string, text: string): string {
  const path = join(ctx.workDir, name);
  writeFileSync(path, text);
  return path;
}

/** An `iceosc worker` process, once it says it serves the queue. */
function startWorker(cli: string, db: string, tools: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, "worker", "--db", db, "--tools", tools, "--concurrency", "8"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (stderr.includes("serving the run queue")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`iceosc worker exited (${code}): ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
