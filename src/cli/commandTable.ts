/**
 * @fileoverview The table of `iceosc` commands: each one's synopsis, its options and how its
 * parsed arguments map onto the command's implementation in commands/. Adding a command or an
 * option is one entry here; help, "did you mean" and per-command option checking follow from it.
 * Implementations load on first use, so `--version`, help and usage errors answer at once.
 */
import { defineCommand, type Command } from "./command.js";
import { PLUGIN_FLAG_OPTIONS, pluginFlags } from "./plugins.js";
import { directoryFlag, POLICY_FLAG_OPTIONS, policyFromFlags } from "./policyFlags.js";
import { UsageError, type DiagnosticFormat } from "./report.js";

const FORMAT = { format: { type: "string" } } as const;
const NO_CACHE = { "no-cache": { type: "boolean" } } as const;
const STRICT = { strict: { type: "boolean" } } as const;
const DURABLE = { durable: { type: "boolean" }, db: { type: "string" }, "run-id": { type: "string" } } as const;

/** Where `build` writes when no --out-dir is given. */
export const DEFAULT_OUT_DIR = "gen";

const build = defineCommand({
  name: "build",
  help: `build <files or dirs> [--out-dir <dir>] [--report] [--watch] [--plugins <dir>]
      compile workflows to <dir>/W.js, W.d.ts and sandbox modules (<dir> defaults to ${DEFAULT_OUT_DIR});
      --report prints each sandboxed node's worst-case fuel; --watch rebuilds on every change;
      --plugins compiles the plugin modules (.ts) of a folder into <dir>/plugins/`,
  options: {
    "out-dir": { type: "string", short: "o" },
    plugins: { type: "string" },
    runtime: { type: "string" },
    report: { type: "boolean" },
    watch: { type: "boolean", short: "w" },
    ...FORMAT,
    ...NO_CACHE,
    ...STRICT,
  },
  run: async (values, positionals, { io, path }) => {
    requirePaths(positionals, "build");
    return (await import("./commands/build.js")).buildCommand(io, {
      paths: positionals.map(path),
      outDir: path(values["out-dir"] ?? DEFAULT_OUT_DIR),
      cache: !values["no-cache"],
      strict: values.strict ?? false,
      format: diagnosticFormat(values.format),
      report: values.report ?? false,
      watch: values.watch ?? false,
      ...(values.runtime !== undefined && { runtime: values.runtime }),
      ...(values.plugins !== undefined && { plugins: path(values.plugins) }),
    });
  },
});

const check = defineCommand({
  name: "check",
  help: `check <files or dirs>
      report diagnostics only; exit 1 on any error`,
  options: { ...FORMAT, ...NO_CACHE, ...STRICT },
  run: async (values, positionals, { io, path }) => {
    requirePaths(positionals, "check");
    return (await import("./commands/check.js")).checkCommand(io, {
      paths: positionals.map(path),
      cache: !values["no-cache"],
      strict: values.strict ?? false,
      format: diagnosticFormat(values.format),
    });
  },
});

const run = defineCommand({
  name: "run",
  help: `run <file> [--input <json|@file>] [--tools <module.js>] [--trace] [--seed <n>]
      [--record <file> | --replay <file>] [policy flags] [--agents <module.js>] [--redis-url <url>]
      [--durable --run-id <id> [--db <postgres url>]]
      compile and run; print the output as JSON; --durable checkpoints every node in PostgreSQL,
      and the same --run-id again resumes the run (or prints its recorded output).
      Policy flags (the operator's; safe by default):
      --allow-trusted         let code nodes marked 'trust: trusted' run as host JavaScript
      --max-fuel <n>          ceiling of a sandboxed node's fuel (default 1000000000)
      --max-memory-mb <n>     ceiling of a sandboxed node's memory in MiB (default 64)
      --max-timeout-ms <n>    ceiling of a sandboxed node's timeout in ms (default 10000)
      --max-retries <n>       ceiling of a node's retries (default 10)
      --max-parallel <n>      most loop iterations at once (default 16)
      --max-model-calls <n>   most model calls of one llm/agent/recursive node's attempt (default 100)
      --max-run-seconds <n>   most seconds a whole run may take, sub-workflows included (default 3600)
      --max-run-nodes <n>     most node attempts a whole run may start, sub-workflows included (default 1000000)
      --max-nodes-in-flight <n>  most node attempts of a whole run at once, sub-workflows included (default 10000)
      --allow-read <dir>...   a directory file tools may read besides the workflow's own
      --allow-host <host>...  a host http_request and llm_config.base_url may reach
      --allow-env <name>...   an environment variable a workflow may read ({{ env.NAME }}, llm_config.api_key_env)
      Plugins (the operator's sandboxed tools):
      --plugin <file|dir>...  a plugin module (.ts) or built plugin (.plugin.json); its exports are tools
      --grant <p>=<caps>...   capabilities of plugin p: http:<host>, kv, log, time, random (comma-separated)
      --plugin-limits <p>=... limits of each call of plugin p: fuel:<n>, memory-mb:<n>, timeout-ms:<n>
      --kv-dir <dir>          keep plugins' kv stores in <dir> instead of in memory`,

  options: {
    input: { type: "string", short: "i" },
    tools: { type: "string", short: "t" },
    trace: { type: "boolean" },
    seed: { type: "string" },
    record: { type: "string" },
    replay: { type: "string" },
    ...POLICY_FLAG_OPTIONS,
    ...PLUGIN_FLAG_OPTIONS,
    agents: { type: "string" },
    "redis-url": { type: "string" },
    ...DURABLE,
    ...FORMAT,
    ...NO_CACHE,
  },
  run: async (values, positionals, { io, path }) => {
    if (positionals.length !== 1) throw new UsageError("run takes exactly one workflow file");
    if ((values["run-id"] !== undefined || values.db !== undefined) && !values.durable)
      throw new UsageError("--run-id and --db go with --durable");
    if (values.durable && values["run-id"] === undefined) throw new UsageError("--durable needs --run-id <id>");
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError("--seed must be an integer");
    return (await import("./commands/run.js")).runCommand(io, {
      path: path(positionals[0]!),
      cache: !values["no-cache"],
      trace: values.trace ?? false,
      format: diagnosticFormat(values.format),
      ...(values.input !== undefined && { input: inputArgument(values.input, path) }),
      ...(values.tools !== undefined && { tools: path(values.tools) }),
      ...(seed !== undefined && { seed }),
      ...(values.record !== undefined && { record: path(values.record) }),
      ...(values.replay !== undefined && { replay: path(values.replay) }),
      policy: policyFromFlags(values, io.cwd),
      ...plugins(values, path),
      ...(values.agents !== undefined && { agents: path(values.agents) }),
      ...(values["redis-url"] !== undefined && { redisUrl: values["redis-url"] }),
      ...(values.durable && { durable: { runId: values["run-id"]!, databaseUrl: values.db } }),
    });
  },
});

const worker = defineCommand({
  name: "worker",
  help: `worker [--db <postgres url>] [--concurrency <n>] [--queue-concurrency <n>] [--tools <module.js>]
      [--allow-modules <dir>]... [policy flags, as for run]
      serve the durable run queue until interrupted; recover the runs of workers that died; runs
      only modules compiled into its cache (by iceosc enqueue) or under an --allow-modules folder`,
  options: {
    db: { type: "string" },
    "allow-modules": { type: "string", multiple: true },
    concurrency: { type: "string" },
    "queue-concurrency": { type: "string" },
    tools: { type: "string", short: "t" },
    ...POLICY_FLAG_OPTIONS,
  },
  run: async (values, positionals, { io, path }) => {
    if (positionals.length > 0) throw new UsageError("worker takes no files: enqueue names the workflow of each run");
    return (await import("./commands/worker.js")).workerCommand(io, {
      databaseUrl: values.db,
      concurrency: count(values.concurrency, "--concurrency"),
      queueConcurrency: count(values["queue-concurrency"], "--queue-concurrency"),
      tools: values.tools === undefined ? undefined : path(values.tools),
      moduleDirs: (values["allow-modules"] ?? []).map((dir) => directoryFlag(io.cwd, dir, "--allow-modules")),
      policy: policyFromFlags(values, io.cwd),
    });
  },
});

const enqueue = defineCommand({
  name: "enqueue",
  help: `enqueue <file> [--db <postgres url>] [--run-id <id>] [--input <json|@file>]
      compile and submit a durable run to the worker queue; print its run id`,
  options: {
    db: { type: "string" },
    "run-id": { type: "string" },
    input: { type: "string", short: "i" },
    ...FORMAT,
    ...NO_CACHE,
  },
  run: async (values, positionals, { io, path }) => {
    if (positionals.length !== 1) throw new UsageError("enqueue takes exactly one workflow file");
    return (await import("./commands/enqueue.js")).enqueueCommand(io, {
      path: path(positionals[0]!),
      databaseUrl: values.db,
      runId: values["run-id"],
      input: values.input === undefined ? undefined : inputArgument(values.input, path),
      cache: !values["no-cache"],
      format: diagnosticFormat(values.format),
    });
  },
});

const status = defineCommand({
  name: "status",
  help: `status <run id> [--db <postgres url>] [--wait <seconds>]
      print a durable run's state and, once done, its output (or error) as JSON`,
  options: { db: { type: "string" }, wait: { type: "string" } },
  run: async (values, positionals, { io }) => {
    if (positionals.length !== 1) throw new UsageError("status takes exactly one run id");
    const wait = values.wait === undefined ? undefined : Number(values.wait);
    if (wait !== undefined && !(wait >= 0)) throw new UsageError("--wait takes a number of seconds");
    return (await import("./commands/status.js")).statusCommand(io, {
      runId: positionals[0]!,
      databaseUrl: values.db,
      waitSeconds: wait ?? 0,
    });
  },
});

const graph = defineCommand({
  name: "graph",
  help: `graph <file> [--format mermaid|dot]
      print the workflow as a Mermaid flowchart or DOT`,
  options: { ...FORMAT },
  run: async (values, positionals, { io, path }) => {
    if (positionals.length !== 1) throw new UsageError("graph takes exactly one workflow file");
    const format = values.format ?? "mermaid";
    if (format !== "mermaid" && format !== "dot") throw new UsageError("graph --format is mermaid or dot");
    return (await import("./commands/graph.js")).graphCommand(io, { path: path(positionals[0]!), format });
  },
});

const convert = defineCommand({
  name: "convert",
  help: `convert <file> [--to ice|yaml] [--out <file>]
      print the workflow in the other form (stdout by default)`,
  options: { to: { type: "string" }, out: { type: "string" }, ...FORMAT },
  run: async (values, positionals, { io, path }) => {
    if (positionals.length !== 1) throw new UsageError("convert takes exactly one workflow file");
    return (await import("./commands/convert.js")).convertCommand(io, {
      path: path(positionals[0]!),
      format: diagnosticFormat(values.format),
      ...(values.to !== undefined && { to: values.to }),
      ...(values.out !== undefined && { out: path(values.out) }),
    });
  },
});

const bench = defineCommand({
  name: "bench",
  help: `bench [--quick] [--out <file.json>]
      measure the sandbox on this machine; print the table`,
  options: { quick: { type: "boolean" }, out: { type: "string" } },
  run: async (values, _positionals, { io, path }) =>
    (await import("./commands/bench.js")).benchCommand(io, {
      quick: values.quick ?? false,
      ...(values.out !== undefined && { out: path(values.out) }),
    }),
});

const fmt = defineCommand({
  name: "fmt",
  help: `fmt <.ice files or dirs> [--check]
      rewrite .ice files in canonical form, comments kept; --check lists files that would change (exit 1)`,
  options: { check: { type: "boolean" }, ...FORMAT },
  run: async (values, positionals, { io, path }) => {
    requirePaths(positionals, "fmt");
    return (await import("./commands/fmt.js")).fmtCommand(io, {
      paths: positionals.map(path),
      check: values.check ?? false,
      format: diagnosticFormat(values.format),
    });
  },
});

const lsp = defineCommand({
  name: "lsp",
  help: `lsp [--stdio]
      the language server for .ice and workflow YAML files, over stdin/stdout (for editors)`,
  options: { stdio: { type: "boolean" } },
  run: async () => {
    const { serveStdio } = await import("../lsp/server.js");
    const { compilerVersion } = await import("./version.js");
    serveStdio(compilerVersion());
    return new Promise<number>(() => {});
  },
});

const schema = defineCommand({
  name: "schema",
  help: `schema [--out <file>]
      print the JSON Schema (draft-07) of the YAML form, for editors and validators`,
  options: { out: { type: "string" } },
  run: async (values, _positionals, { io, path }) => {
    const { workflowJsonSchema } = await import("../schema/yamlSchema.js");
    const text = `${JSON.stringify(workflowJsonSchema(), null, 2)}\n`;
    if (values.out === undefined) io.stdout(text);
    else (await import("node:fs")).writeFileSync(path(values.out), text);
    return 0;
  },
});

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  build,
  check,
  run,
  worker,
  enqueue,
  status,
  graph,
  convert,
  fmt,
  schema,
  lsp,
  bench,
];

/** `--input`: inline JSON as given, or `@file` with the file resolved like any other path. */
function inputArgument(input: string, path: (p: string) => string): string {
  return input.startsWith("@") ? `@${path(input.slice(1))}` : input;
}

function requirePaths(paths: readonly string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one workflow file or directory`);
}

/** A positive integer option. */
function count(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a positive integer, got '${text}'`);
  return n;
}

function diagnosticFormat(format: string | undefined): DiagnosticFormat {
  if (format === undefined || format === "text" || format === "json") return format ?? "text";
  throw new UsageError(`--format must be text or json, got '${format}'`);
}

/** `run`'s plugin flags as RunArgs (none when no --plugin is given). */
function plugins(values: Parameters<typeof pluginFlags>[0], path: (p: string) => string) {
  const flags = pluginFlags(values, path);
  return flags ? { plugins: flags } : {};
}
