/**
 * @fileoverview `iceosc bench [--quick] [--out <file.json>]`: the sandbox part of the benchmarks
 * (cold start, warm call, kernels direct / WASM / WASM with fuel, competitors, memory per live
 * sandbox) on this machine; prints the table and the targets. The suites live in `bench/`,
 * reached through its one entry; `npm run bench` runs every part and writes the published report.
 */
import { writeFileSync } from "node:fs";
import type { CliIo } from "../io.js";

export interface BenchArgs {
  readonly quick: boolean;
  /** Where to write the rows as JSON (SPEC section 7 shape); nothing written when absent. */
  readonly out?: string;
}

export async function benchCommand(io: CliIo, args: BenchArgs): Promise<number> {
  const { formatOutcome, runBench } = await import("../../../bench/index.js");
  const outcome = await runBench({ part: "sandbox", quick: args.quick });
  if (args.out !== undefined) writeFileSync(args.out, `${JSON.stringify(outcome.report.rows, null, 2)}\n`);
  io.stdout(`${formatOutcome(outcome)}\n`);
  return 0;
}
