/**
 * @fileoverview What `iceosc run` hands a workflow besides its input: the LLM provider (the
 * `--tools` module's `llm`, else the runtime's default provider configured from the environment),
 * built-in tool settings (`--allow-read`, `--allow-host`, paths relative to the workflow file), and recording to
 * or replaying from a file (`--record`, `--replay`).
 */
import { dirname, resolve } from "node:path";
import type { LlmProvider, RunOptions, ToolFunction } from "../../runtime/options.js";
import type { OperatorPolicy } from "../../runtime/policy/index.js";
import { defaultProvider } from "../../runtime/providers/index.js";
import { Recorder, Replayer } from "../../runtime/recording/index.js";
import { builtinToolFunctions } from "../../runtime/tools/index.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./report.js";

export interface SessionArgs {
  /** The workflow file: relative paths in built-in file tools resolve against its directory. */
  readonly workflowPath: string;
  readonly tools: Readonly<Record<string, unknown>>;
  readonly llm?: unknown;
  /** The operator's policy: `allowRead` and `allowHosts` become the built-in tools' grants. */
  readonly policy: OperatorPolicy;
  readonly record?: string;
  readonly replay?: string;
}

/** Run options for one CLI run, and what to do when it ends (save a recording). */
export interface Session {
  readonly options: Pick<RunOptions, "tools" | "llm" | "builtins">;
  finish(): Promise<void>;
}

export async function openSession(io: CliIo, args: SessionArgs): Promise<Session> {
  if (args.record && args.replay) throw new UsageError("--record and --replay cannot be used together");
  const builtins = {
    baseDir: dirname(resolve(args.workflowPath)),
    readableDirs: args.policy.allowRead ?? [],
    allowedHosts: args.policy.allowHosts ?? [],
  };
  const userTools = args.tools as Readonly<Record<string, ToolFunction>>;
  if (args.replay) {
    let replayer: Replayer;
    try {
      replayer = await Replayer.load(args.replay);
    } catch (error) {
      throw new UsageError(`cannot read recording '${args.replay}': ${(error as Error).message}`);
    }
    return {
      options: { tools: replayer.tools(), llm: replayer.provider(), builtins: false },
      finish: async () => undefined,
    };
  }
  const llm = (args.llm as LlmProvider | undefined) ?? defaultProvider({ env: io.env });
  if (args.record) {
    const recorder = new Recorder();
    const path = args.record;
    return {
      options: {
        tools: recorder.tools({ ...builtinToolFunctions(builtins), ...userTools }),
        llm: recorder.provider(llm),
        builtins,
      },
      finish: () => recorder.save(path),
    };
  }
  return { options: { tools: userTools, llm, builtins }, finish: async () => undefined };
}
