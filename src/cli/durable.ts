/**
 * @fileoverview What the durable commands share (SPEC section 9): the database URL (`--db`, else
 * `ICEOSC_DATABASE_URL`), compiling a workflow into a content-addressed folder that outlives the
 * process (a run records its module's path, so a resumed run or a worker finds the same files),
 * and `iceosc run --durable`.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { compileFiles } from "../build/compile.js";
import { defaultCacheDir } from "./cache.js";
import type { CliIo } from "./io.js";
import { reportDiagnostics, UsageError, type DiagnosticFormat } from "./report.js";
import { bundledRuntimeUrl } from "./runtimeLocation.js";
import { openSession } from "./providers.js";
import { loadTools, parseInput, type RunArgs } from "./commands/run.js";

/** `--db`, else `ICEOSC_DATABASE_URL`. */
export function databaseUrl(io: CliIo, flag: string | undefined): string {
  const url = flag ?? io.env.ICEOSC_DATABASE_URL;
  if (!url) throw new UsageError("durable runs need a PostgreSQL URL: --db <url> or ICEOSC_DATABASE_URL");
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UsageError(`--db must be a postgres:// or postgresql:// URL, got '${url}'`);
  return url;
}

/**
 * Compiles `path` into `<cache>/durable/<content hash>/` (written once, never changed) and returns
 * the main module's path, or the exit code of the diagnostics.
 */
export async function compileDurable(
  io: CliIo,
  path: string,
  cache: boolean,
  format: DiagnosticFormat,
): Promise<{ module: string } | { status: number }> {
  const root = defaultCacheDir(io);
  const result = await compileFiles([path], { runtimeSpecifier: bundledRuntimeUrl(), cacheDir: cache ? root : false });
  const status = reportDiagnostics(io, result.diagnostics, format);
  if (status !== 0) return { status };
  const main = result.workflows.find((w) => w.requested);
  if (!main) throw new UsageError(`no workflow in ${path}`);
  const files = new Map<string, Uint8Array | string>();
  for (const workflow of result.workflows) {
    files.set(`${workflow.name}.js`, workflow.js);
    for (const wasm of workflow.wasm) files.set(wasm.fileName, wasm.bytes);
  }
  const hash = createHash("sha256");
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\0`).update(content).update("\0");
  const dir = join(root, "durable", hash.digest("hex").slice(0, 32));
  if (!existsSync(dir)) {
    const staging = `${dir}.${process.pid}.tmp`;
    mkdirSync(staging, { recursive: true });
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process wrote the same folder first
    }
  }
  return { module: join(dir, `${main.name}.js`) };
}

/** `iceosc run W --durable --run-id ID [--db URL]`: run, resume, or print the recorded output. */
export async function runDurableCommand(
  io: CliIo,
  args: RunArgs,
  durable: { readonly databaseUrl?: string; readonly runId: string },
): Promise<number> {
  if (args.record !== undefined || args.replay !== undefined)
    throw new UsageError("--durable cannot be combined with --record or --replay");
  if (args.seed !== undefined) throw new UsageError("--durable runs are seeded from their run id; drop --seed");
  const url = databaseUrl(io, durable.databaseUrl);
  const input = parseInput(args.input);
  const tools = args.tools ? await loadTools(args.tools) : { default: {} };
  const compiled = await compileDurable(io, args.path, args.cache, args.format);
  if ("status" in compiled) return compiled.status;
  const session = await openSession(io, {
    workflowPath: args.path,
    tools: tools.default,
    ...(tools.llm !== undefined && { llm: tools.llm }),
    policy: args.policy ?? {},
  });
  const { runDurable } = await import("../../runtime/durable/index.js");
  try {
    const output = await runDurable(compiled.module, input, {
      ...session.options,
      policy: args.policy ?? {},
      databaseUrl: url,
      runId: durable.runId,
    });
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    return reportRunError(io, error);
  }
}

/** A run's IceError as `error CODE: message` on stderr (exit 1); anything else is rethrown. */
export function reportRunError(io: CliIo, error: unknown): number {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === "string" && e.code.startsWith("ICE_")) {
    io.stderr(`error ${e.code}: ${String(e.message)}\n`);
    return 1;
  }
  throw error;
}
