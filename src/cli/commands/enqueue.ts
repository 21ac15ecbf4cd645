/**
 * @fileoverview `iceosc enqueue W.yaml [--db URL] [--run-id ID] [--input ...]`: compiles the
 * workflow into its content-addressed folder and submits a durable run of it to the worker queue
 * (README "Durable and distributed runs"); prints the run id. Workers find the module by its path, so they must see the
 * same files (the same machine, or ICEOSC_CACHE_DIR on a shared filesystem).
 */
import type { DiagnosticFormat } from "../report.js";
import { compileDurable, databaseUrl, withDatabase } from "../durable.js";
import type { CliIo } from "../io.js";
import { parseInput } from "./run.js";

export interface EnqueueArgs {
  readonly path: string;
  readonly databaseUrl: string | undefined;
  readonly runId: string | undefined;
  readonly input: string | undefined;
  readonly cache: boolean;
  readonly format: DiagnosticFormat;
}

export async function enqueueCommand(io: CliIo, args: EnqueueArgs): Promise<number> {
  const url = databaseUrl(io, args.databaseUrl);
  const input = parseInput(args.input);
  const compiled = await compileDurable(io, args.path, args.cache, args.format);
  if ("status" in compiled) return compiled.status;
  const { enqueue } = await import("../../../runtime/durable/index.js");
  return withDatabase(io, url, async () => {
    const runId = await enqueue(compiled.module, input, {
      databaseUrl: url,
      ...(args.runId !== undefined && { runId: args.runId }),
    });
    io.stdout(`${runId}\n`);
    return 0;
  });
}
