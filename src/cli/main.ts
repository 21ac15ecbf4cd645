/**
 * @fileoverview The `iceosc` command line: build, check, run, graph (SPEC section 5).
 */
import { parseArgs } from "node:util";
import { benchCommand } from "./commands/bench.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { convertCommand } from "./commands/convert.js";
import { graphCommand } from "./commands/graph.js";
import { runCommand } from "./commands/run.js";
import { UsageError, type DiagnosticFormat } from "./report.js";

const USAGE = `usage: iceosc <command> [options]

commands:
  build <files or dirs> --out-dir <dir> [--report]
                                          compile workflows to <dir>/W.js, W.d.ts and sandbox modules;
                                          --report prints each sandboxed node's worst-case fuel
  check <files or dirs>                   report diagnostics only; exit 1 on any error
  run <file> [--input <json|@file>] [--tools <module.js>] [--trace] [--seed <n>]
      [--record <file> | --replay <file>] [--allow-host <host>]...
                                          compile and run; print the output as JSON
  graph <file> [--format mermaid|dot]     print the workflow as a Mermaid flowchart or DOT
  convert <file> [--to ice|yaml] [--out <file>]
                                          print the workflow in the other form (stdout by default)
  bench [--quick] [--out <file.json>]     measure the sandbox on this machine; print the table

options:
  --format json      (build, check, run) diagnostics as JSON on stderr
  --strict           (build, check) a tool neither declared in 'tools:' nor built in is an error
  --no-cache         do not reuse or store compiled WASM
  --runtime <spec>   (build) module specifier generated code imports the runtime from
  -h, --help         show this help
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    strict: true,
    options: {
      "out-dir": { type: "string", short: "o" },
      input: { type: "string", short: "i" },
      tools: { type: "string", short: "t" },
      format: { type: "string" },
      runtime: { type: "string" },
      "no-cache": { type: "boolean" },
      trace: { type: "boolean" },
      seed: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
      record: { type: "string" },
      replay: { type: "string" },
      "allow-host": { type: "string", multiple: true },
      quick: { type: "boolean" },
      report: { type: "boolean" },
      strict: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const cache = !values["no-cache"];
  const strict = values.strict ?? false;
  const format = values.format ?? "text";
  switch (command) {
    case "build":
      if (!values["out-dir"]) throw new UsageError("build needs --out-dir <dir>");
      requirePaths(positionals, "build");
      return buildCommand({
        paths: positionals,
        outDir: values["out-dir"],
        cache,
        strict,
        format: diagnosticFormat(format),
        report: values.report ?? false,
        ...(values.runtime !== undefined && { runtime: values.runtime }),
      });
    case "check":
      requirePaths(positionals, "check");
      return checkCommand({ paths: positionals, cache, strict, format: diagnosticFormat(format) });
    case "run": {
      if (positionals.length !== 1) throw new UsageError("run takes exactly one workflow file");
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError("--seed must be an integer");
      return runCommand({
        path: positionals[0]!,
        cache,
        trace: values.trace ?? false,
        format: diagnosticFormat(format),
        ...(values.input !== undefined && { input: values.input }),
        ...(values.tools !== undefined && { tools: values.tools }),
        ...(seed !== undefined && { seed }),
        ...(values.record !== undefined && { record: values.record }),
        ...(values.replay !== undefined && { replay: values.replay }),
        ...(values["allow-host"] !== undefined && { allowHosts: values["allow-host"] }),
      });
    }
    case "graph":
      if (positionals.length !== 1) throw new UsageError("graph takes exactly one workflow file");
      if (format !== "text" && format !== "mermaid" && format !== "dot")
        throw new UsageError("graph --format is mermaid or dot");
      return graphCommand({ path: positionals[0]!, format: format === "dot" ? "dot" : "mermaid" });
    case "convert":
      if (positionals.length !== 1) throw new UsageError("convert takes exactly one workflow file");
      return convertCommand({
        path: positionals[0]!,
        format: diagnosticFormat(format),
        ...(values.to !== undefined && { to: values.to }),
        ...(values.out !== undefined && { out: values.out }),
      });
    case "bench":
      return benchCommand({ quick: values.quick ?? false, ...(values.out !== undefined && { out: values.out }) });
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

function requirePaths(paths: readonly string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one workflow file or directory`);
}

function diagnosticFormat(format: string): DiagnosticFormat {
  if (format === "text" || format === "json") return format;
  throw new UsageError(`--format must be text or json, got '${format}'`);
}
