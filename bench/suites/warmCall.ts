/**
 * @fileoverview Warm per-call overhead: the smallest node (`return { y: inputs.x + 1 }`) through
 * the sandbox (fresh instance, validation, marshalling, fuel) against the same body called
 * directly as JavaScript, both after JIT warm-up. Their difference is the fixed cost per call.
 */
import { measureSync } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { directFunction, programFor } from "../sandbox/units.js";
import { tinyNode } from "../sandbox/workloads.js";
import { LIMITS } from "./coldStart.js";

export const ROWS = {
  sandboxed: "warm call: tiny node, sandboxed",
  direct: "warm call: tiny node, direct JS",
} as const;

export async function warmCallSuite(ctx: BenchContext, artifacts: Artifacts): Promise<void> {
  const program = programFor(tinyNode, artifacts.metered.get(tinyNode.id)!);
  const direct = directFunction(tinyNode.body);
  const input = tinyNode.value;
  let sink = 0;
  const sandboxed = await measureSync(
    ROWS.sandboxed,
    () => (sink += program.run(input, LIMITS).output.y as number),
    ctx.config,
  );
  const plain = await measureSync(ROWS.direct, () => (sink += direct(input).y as number), ctx.config);
  ctx.report.add(sandboxed);
  ctx.report.add(plain);
  ctx.report.note(
    `warm per-call overhead of the sandbox: ${(sandboxed.mean_us - plain.mean_us).toFixed(2)} us (checksum ${sink > 0 ? "ok" : "?"})`,
  );
}
