/**
 * @fileoverview A generated module's `run()` per call, warm: the smallest workflow (one sandboxed
 * code node, `return { y: inputs.x + 1 }`, default options), against the same body as an async
 * JavaScript function. Their difference is what a caller of a generated module pays per run beyond
 * the sandbox's own warm call (the warm-call suite): the policy check, input validation, the
 * node's attempt and the output.
 */
import { join } from "node:path";
import { measureAsync } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import { compileFlows, fixturesDir } from "../harness/flows.js";

export const ROWS = {
  module: "warm call: one-node workflow through the generated module's run()",
  direct: "warm call: the same body as an async JavaScript function",
} as const;

export async function moduleCallSuite(ctx: BenchContext): Promise<void> {
  const runs = await compileFlows(ctx, [join(fixturesDir(), "tiny_flow.yaml")], "tiny_flow");
  const run = runs.get("tiny_flow")!;
  const direct = async (inputs: { x: number }): Promise<{ y: number }> => ({ y: inputs.x + 1 });
  let sink = 0;
  let x = 0;
  const got = await run({ x: 41 });
  if (got.y !== 42) throw new Error(`tiny flow gave ${JSON.stringify(got)}`);
  for (let i = 0; i < (ctx.quick ? 10 : 2_000); i++) {
    sink += (await run({ x: i })).y as number;
    sink += (await direct({ x: i })).y;
  }
  const module = await measureAsync(
    ROWS.module,
    async () => (sink += (await run({ x: x++ & 1023 })).y as number),
    ctx.config,
  );
  const plain = await measureAsync(ROWS.direct, async () => (sink += (await direct({ x: x++ & 1023 })).y), ctx.config);
  ctx.report.add(module);
  ctx.report.add(plain);
  ctx.report.note(
    `per-run overhead of a generated module's run() (one tiny code node): ${(module.mean_us - plain.mean_us).toFixed(2)} us (checksum ${sink > 0 ? "ok" : "?"})`,
  );
}
