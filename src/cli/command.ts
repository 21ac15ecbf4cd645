/**
 * @fileoverview One CLI command: its name, help lines, the options it accepts and what it runs.
 * Parsing is strict per command, and every mistake is a UsageError a person can act on: an
 * unknown option names the nearest option of that command ("did you mean '--out-dir'?"), a
 * missing value names the option, instead of Node's raw argument-parser message.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../diagnostics/index.js";
import { type CliIo, cliPath } from "./io.js";
import { UsageError } from "./report.js";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** The parsed values of a command with options `O` (as node:util parseArgs types them). */
export type OptionValues<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>["values"];

/** Options every command accepts. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

export interface Command {
  readonly name: string;
  /** Help lines: the synopsis first, then what it does. */
  readonly help: string;
  /** The options this command accepts (without the leading dashes). */
  readonly optionNames: readonly string[];
  /** Parses `args` (after the command name) and runs; a usage mistake throws UsageError. */
  execute(args: readonly string[], io: CliIo): Promise<number>;
}

export interface CommandDefinition<O extends OptionsConfig> {
  readonly name: string;
  readonly help: string;
  readonly options: O;
  run(values: OptionValues<O>, positionals: string[], context: CommandContext): Promise<number>;
}

/** What a command's `run` gets besides its arguments. */
export interface CommandContext {
  readonly io: CliIo;
  /** A path from the command line as the compiler opens it (see `cliPath` in io.ts). */
  path(path: string): string;
}

/** A command whose `run` sees its options typed from their declarations. */
export function defineCommand<const O extends OptionsConfig>(definition: CommandDefinition<O>): Command {
  const options = { ...definition.options, ...HELP_OPTION };
  return {
    name: definition.name,
    help: definition.help,
    optionNames: Object.keys(options),
    async execute(args, io) {
      const parsed = parseCommandLine(definition.name, args, options);
      if (parsed.values.help === true) {
        io.stdout(`usage: iceosc ${definition.help}\n`);
        return 0;
      }
      const path = (p: string) => cliPath(io, p);
      return definition.run(parsed.values as OptionValues<O>, parsed.positionals, { io, path });
    },
  };
}

function parseCommandLine(
  command: string,
  args: readonly string[],
  options: OptionsConfig,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFor(command, args, options, error);
  }
}

/** Turns a node:util parseArgs error into a message naming the option and what to do. */
function usageErrorFor(command: string, args: readonly string[], options: OptionsConfig, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === undefined || !code.startsWith("ERR_PARSE_ARGS")) return error;
  const known = Object.keys(options).map((name) => `--${name}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const unknown = firstUnknownOption(args, options);
    if (unknown !== undefined) {
      const hint = didYouMean(unknown, known);
      return new UsageError(
        `${command}: unknown option '${unknown}'${hint || `; ${command} accepts ${known.join(", ")}`}`,
      );
    }
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const message = (error as Error).message;
    const name = /--[\w-]+/.exec(message)?.[0] ?? "an option";
    return new UsageError(
      message.includes("does not take an argument")
        ? `${command}: option '${name}' takes no value`
        : `${command}: option '${name}' needs a value (${name} <value>)`,
    );
  }
  return new UsageError(`${command}: ${(error as Error).message.split(". ")[0]}`);
}

function firstUnknownOption(args: readonly string[], options: OptionsConfig): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (!(token.name in options)) return token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
  }
  return undefined;
}
