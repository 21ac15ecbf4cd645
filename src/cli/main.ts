/**
 * @fileoverview The `iceosc` command line (README "Command line"): finds the command in the
 * command table (suggesting the nearest name for a typo), prints help and the version. `main`
 * takes its streams, working directory and environment as a `CliIo` and returns the exit code (it
 * never exits the process), so tests run it in-process and `bin.ts` only sets `process.exitCode`.
 * Usage mistakes exit 2. A bug in iceosc itself (an exception that is neither a diagnostic nor a
 * usage mistake: the front ends are bounded and fuzzed so that none is ever found) is the last
 * resort: one clean line and exit 3; the stack only with ICEOSC_DEBUG=1.
 */
import { didYouMean } from "../diagnostics/index.js";
import { COMMANDS } from "./commandTable.js";
import { type CliIo, processIo } from "./io.js";
import { UsageError } from "./report.js";
import { compilerVersion } from "./version.js";

function usage(): string {
  const commands = COMMANDS.map((c) => `  ${c.help}`).join("\n");
  return `usage: iceosc <command> [options]

commands:
${commands}

options:
  --format json      (build, check, run, convert) diagnostics as JSON on stderr
  --strict           (build, check) a tool neither declared in 'tools:' nor built in is an error
  --no-cache         do not reuse or store compiled WASM
  --runtime <spec>   (build) module specifier generated code imports the runtime from
  -h, --help         show this help (iceosc <command> --help: that command's)
  -v, --version      print the version
`;
}

/** Runs `iceosc <argv>`; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`iceosc: ${(error as Error).message}\nrun 'iceosc --help' for usage\n`);
      return 2;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const stack = io.env.ICEOSC_DEBUG === "1" && error instanceof Error ? `${error.stack}\n` : "";
    io.stderr(
      `iceosc: internal error: ${message.split("\n")[0]!.slice(0, 300)}\n${stack}please report this with the workflow that caused it (ICEOSC_DEBUG=1 shows the stack)\n`,
    );
    return 3;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "-v" || name === "--version" || name === "version") {
    io.stdout(`${compilerVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const names = COMMANDS.map((c) => c.name);
    const hint = didYouMean(name, name.startsWith("-") ? ["--help", "--version"] : names);
    throw new UsageError(
      name.startsWith("-")
        ? `unknown option '${name}' before a command${hint}; commands are ${names.join(", ")}`
        : `unknown command '${name}'${hint || `; commands are ${names.join(", ")}`}`,
    );
  }
  return command.execute(rest, io);
}
