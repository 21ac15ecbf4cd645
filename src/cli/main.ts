/**
 * @fileoverview The `iceosc` command line (SPEC sections 5 and 10): finds the command in the
 * command table (suggesting the nearest name for a typo), prints help and the version.
 */
import { didYouMean } from "../diagnostics/index.js";
import { COMMANDS } from "./commandTable.js";
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

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "-v" || name === "--version" || name === "version") {
    process.stdout.write(`${compilerVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const names = COMMANDS.map((c) => c.name);
    const hint = didYouMean(name, names);
    throw new UsageError(
      name.startsWith("-")
        ? `unknown option '${name}' before a command${hint}; commands are ${names.join(", ")}`
        : `unknown command '${name}'${hint || `; commands are ${names.join(", ")}`}`,
    );
  }
  return command.execute(rest);
}
