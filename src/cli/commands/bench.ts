/**
 * @fileoverview `iceosc bench [--quick] [--out <file.json>]`: the sandbox part of the benchmarks
 * (cold start, warm call, kernels direct / WASM / WASM with fuel, competitors, memory per live
 * sandbox) on this machine; prints the table and the targets. The suites live in `bench/`,
 * reached through its one entry and loaded only when this command runs; `npm run bench` runs every
 * part and writes the published report. The suites need iceosc's development dependencies
 * (benchmark.js, quickjs-emscripten), which an installed iceosc does not bring: without them the
 * command says how to get them instead of failing on a missing module.
 */
import { writeFileSync } from "node:fs";
import type { CliIo } from "../io.js";
import { UsageError } from "../report.js";

export interface BenchArgs {
  readonly quick: boolean;
  /** Where to write the rows as JSON (bench/README.md shape); nothing written when absent. */
  readonly out?: string;
}

export async function benchCommand(io: CliIo, args: BenchArgs): Promise<number> {
  const { formatOutcome, runBench } = await loadBench();
  const outcome = await runBench({ part: "sandbox", quick: args.quick });
  if (args.out !== undefined) writeFileSync(args.out, `${JSON.stringify(outcome.report.rows, null, 2)}\n`);
  io.stdout(`${formatOutcome(outcome)}\n`);
  return 0;
}

async function loadBench(): Promise<typeof import("../../../bench/index.js")> {
  try {
    return await import("../../../bench/index.js");
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new UsageError(
      `bench needs iceosc's development dependencies (${(error as Error).message.split("\n")[0]}); run it from a clone of iceosc after 'npm install' (or 'npm install --no-save benchmark@2.1.4 quickjs-emscripten@0.32.0' here)`,
    );
  }
}
