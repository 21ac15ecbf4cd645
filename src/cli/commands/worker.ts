/**
 * @fileoverview `iceosc worker [--db URL] [--concurrency N] [--queue-concurrency N] [--tools m.js]`:
 * serves the durable run queue (README "Durable and distributed runs") until SIGINT or SIGTERM. Each run names its
 * compiled module by path; the worker runs it (only from its cache's durable-run folder or an
 * `--allow-modules` folder) with the tools of its own `--tools` module. Runs of
 * workers that died are put back on the queue and resumed here or by another worker.
 */
import { defaultProvider } from "../../../runtime/providers/index.js";
import type { LlmProvider, ToolFunction } from "../../../runtime/options.js";
import type { OperatorPolicy } from "../../../runtime/policy/index.js";
import { databaseUrl, durableFolder, withDatabase } from "../durable.js";
import type { CliIo } from "../io.js";
import { UsageError } from "../report.js";
import { loadTools } from "./run.js";

export interface WorkerArgs {
  readonly databaseUrl: string | undefined;
  readonly concurrency: number | undefined;
  readonly queueConcurrency: number | undefined;
  readonly tools: string | undefined;
  /** `--allow-modules` folders: queued runs may name modules there, besides the cache's durable-run folder. */
  readonly moduleDirs: readonly string[];
  /** The operator's policy (the same flags as `iceosc run`), for every run this worker serves. */
  readonly policy: OperatorPolicy;
}

export async function workerCommand(io: CliIo, args: WorkerArgs): Promise<number> {
  const url = databaseUrl(io, args.databaseUrl);
  const tools = args.tools ? await loadTools(args.tools) : { default: {} };
  const { startWorker } = await import("../../../runtime/durable/index.js");
  return withDatabase(io, url, async () => {
    const worker = await startWorker({
      databaseUrl: url,
      ...(args.concurrency !== undefined && { concurrency: args.concurrency }),
      ...(args.queueConcurrency !== undefined && { queueConcurrency: args.queueConcurrency }),
      // A run's row names its module: only folders of compiled modules are imported from, never
      // a path whoever writes the database chose (iceosc enqueue compiles into the cache's folder).
      moduleDirs: [...ownFolder(io), ...args.moduleDirs],
      runOptions: {
        tools: tools.default as Record<string, ToolFunction>,
        llm: (tools.llm as LlmProvider | undefined) ?? defaultProvider({ env: io.env }),
        // A worker serves runs of workflows it never saw, from anyone who can enqueue: its working
        // directory (often a home folder) is where relative paths resolve, not a grant (--allow-read).
        builtins: { baseDir: io.cwd, baseDirReadable: false },
        policy: args.policy,
      },
    });
    io.stderr(`iceosc worker ${worker.executorId}: serving the run queue (Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await worker.stop();
    return 0;
  });
}

/** The cache's durable-run folder, unless it is not private (then only --allow-modules folders). */
function ownFolder(io: CliIo): string[] {
  try {
    return [durableFolder(io)];
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`iceosc worker: ${error.message}; serving only --allow-modules folders\n`);
    return [];
  }
}
