/**
 * @fileoverview What the durable commands share (README "Durable and distributed runs"): the database URL (`--db`, else
 * `ICEOSC_DATABASE_URL`), compiling a workflow into a content-addressed folder that outlives the
 * process (a run records its module's path, so a resumed run or a worker finds the same files),
 * and `iceosc run --durable`.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { compileFiles } from "../build/compile.js";
import { openPrivateFolder } from "../util/privateFolder.js";
import { defaultCacheDir } from "./cache.js";
import type { CliIo } from "./io.js";
import { printRunOutput, reportDiagnostics, reportRunError, UsageError, type DiagnosticFormat } from "./report.js";
import { bundledRuntimeUrl } from "./runtimeLocation.js";
import { openSession } from "./providers.js";
import { printTrace } from "./trace.js";
import { loadTools, parseInput, type RunArgs } from "./commands/run.js";

/**
 * `--db`, else `ICEOSC_DATABASE_URL`. Durable commands also mute Node's deprecation warnings: the
 * pg pool inside DBOS triggers one (`client.query()` while busy) that users can do nothing about.
 */
export function databaseUrl(io: CliIo, flag: string | undefined): string {
  (process as { noDeprecation?: boolean }).noDeprecation = true;
  const url = flag ?? io.env.ICEOSC_DATABASE_URL;
  if (!url) throw new UsageError("durable runs need a PostgreSQL URL: --db <url> or ICEOSC_DATABASE_URL");
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UsageError(`--db must be a postgres:// or postgresql:// URL, got '${url}'`);
  return url;
}

/**
 * Compiles `path` into `<cache>/durable/<content hash>/` (written once, rewritten if its content differs) and returns
 * the main module's path, or the exit code of the diagnostics.
 */
export async function compileDurable(
  io: CliIo,
  path: string,
  cache: boolean,
  format: DiagnosticFormat,
): Promise<{ module: string } | { status: number }> {
  const root = defaultCacheDir(io);
  const durable = durableFolder(io);
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
  const dir = join(durable, hash.digest("hex").slice(0, 32));
  // An existing folder is used only if it holds exactly these files: its name is a plain hash
  // anyone can compute, so it proves nothing about what is inside (host JavaScript, imported).
  if (!holdsExactly(dir, files)) {
    const staging = `${dir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    if (existsSync(dir)) {
      const old = `${dir}.${process.pid}.old`;
      renameSync(dir, old);
      rmSync(old, { recursive: true, force: true });
    }
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process wrote the same folder first
    }
    if (!holdsExactly(dir, files)) throw new Error(`cannot write the durable run's module folder ${dir}`);
  }
  return { module: join(dir, `${main.name}.js`) };
}

/**
 * `<cache>/durable`, if it and the cache folder are private (openPrivateFolder): its JavaScript is
 * imported by this process after it is checked, and by workers that trust the folder, so another
 * user who can write either could swap a module in between (or plant one for a forged run).
 */
export function durableFolder(io: CliIo): string {
  for (const dir of [defaultCacheDir(io), join(defaultCacheDir(io), "durable")]) {
    const folder = openPrivateFolder(dir);
    if (folder.kind === "unusable")
      throw new UsageError(
        `durable runs compile into the cache folder, and '${dir}' cannot be used: ${folder.reason} (set ICEOSC_CACHE_DIR to a private folder)`,
      );
  }
  return join(defaultCacheDir(io), "durable");
}

/** `dir` is a real directory (no symlink) holding exactly `files`, byte for byte. */
function holdsExactly(dir: string, files: ReadonlyMap<string, Uint8Array | string>): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
    const names = readdirSync(dir);
    if (names.length !== files.size) return false;
    return names.every((name) => {
      const expected = files.get(name);
      const path = join(dir, name);
      return expected !== undefined && lstatSync(path).isFile() && readFileSync(path).equals(Buffer.from(expected));
    });
  } catch {
    return false;
  }
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
  return withDatabase(io, url, async () => {
    try {
      const output = await runDurable(compiled.module, input, {
        ...session.options,
        env: io.env,
        policy: args.policy ?? {},
        ...(args.trace && { onEvent: printTrace(io, performance.now()) }),
        databaseUrl: url,
        runId: durable.runId,
      });
      return printRunOutput(io, output);
    } catch (error) {
      return reportRunError(io, error);
    }
  });
}

/**
 * Runs a durable command against `url`: a database that cannot be reached or used ends it with
 * exit 1 and one line naming the database (password masked), not an internal error.
 */
export async function withDatabase(io: CliIo, url: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    const masked = url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
    io.stderr(`error: cannot use the database ${masked}: ${describe(error)}\n`);
    return 1;
  }
}

const NETWORK = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "EHOSTUNREACH"]);

function isDatabaseError(error: unknown, depth = 0): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (typeof e?.code === "string" && (NETWORK.has(e.code) || /^[0-9A-Z]{5}$/.test(e.code))) return true;
  if (typeof e?.name === "string" && e.name.startsWith("DBOS")) return true;
  if (
    typeof e?.message === "string" &&
    /connect to system database|ECONNREFUSED|database .* does not exist/.test(e.message)
  )
    return true;
  return depth < 3 && e?.cause !== undefined && isDatabaseError(e.cause, depth + 1);
}

function describe(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; errors?: { message?: unknown }[] };
  const message = String(e.message || e.errors?.[0]?.message || e.code || error);
  return message.split("\n")[0]!;
}
