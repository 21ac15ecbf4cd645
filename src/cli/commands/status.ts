/**
 * @fileoverview `iceosc status ID [--db URL] [--wait S]`: prints where a durable run stands as JSON
 * (README "Durable and distributed runs"): `{ "runId", "state" }`, plus `output` once it succeeded or `error` (code,
 * message, node) once it failed. `--wait` waits up to S seconds for the run to finish. Exit 0 for
 * any known run, 1 for an unknown id.
 */
import { databaseUrl, withDatabase } from "../durable.js";
import type { CliIo } from "../io.js";

export interface StatusArgs {
  readonly runId: string;
  readonly databaseUrl: string | undefined;
  readonly waitSeconds: number;
}

export async function statusCommand(io: CliIo, args: StatusArgs): Promise<number> {
  const url = databaseUrl(io, args.databaseUrl);
  const { status } = await import("../../../runtime/durable/index.js");
  return withDatabase(io, url, async () => {
    const found = await status(args.runId, { databaseUrl: url, waitMs: args.waitSeconds * 1000 });
    if (!found) {
      io.stderr(`error: no run '${args.runId}' in this database\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  });
}
