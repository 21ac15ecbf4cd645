/**
 * @fileoverview Compute kernels three ways: the same source as direct JavaScript (types erased),
 * WASM without fuel and WASM with fuel (both through the same minimal host, so they differ only
 * in the metering), plus the production path (SandboxProgram.run: verification-time checks,
 * input validation, error classification) that the competitor comparisons use.
 */
import type { SandboxLimits } from "../../runtime/profiles.js";
import { measureSync, pairedRatio } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { directFunction, programFor, RawRunner, type Workload } from "../sandbox/units.js";

export const KERNEL_LIMITS: SandboxLimits = { fuel: 1e12, memoryBytes: 16 * 1024 * 1024, timeoutMs: 10_000 };

/** KERNEL_LIMITS with the workload's own memory cap, when it sets one. */
export function kernelLimits(w: Workload): SandboxLimits {
  return w.memoryBytes === undefined ? KERNEL_LIMITS : { ...KERNEL_LIMITS, memoryBytes: w.memoryBytes };
}

export const kernelRow = (id: string, way: "direct" | "unmetered" | "metered" | "sandboxed"): string =>
  ({
    direct: `kernel ${id}: direct JS`,
    unmetered: `kernel ${id}: WASM, no fuel`,
    metered: `kernel ${id}: WASM, fuel`,
    sandboxed: `kernel ${id}: sandboxed (SandboxProgram.run)`,
  })[way];

/** Ratio rows measured paired (bench/harness/measure.ts pairedRatio); the targets are judged on these. */
export const pairedName = {
  fuel: (id: string) => `fuel / no fuel, paired median: kernel ${id}`,
  vsDirect: (id: string) => `sandboxed / direct JS, paired median: kernel ${id}`,
};

export async function kernelSuite(
  ctx: BenchContext,
  artifacts: Artifacts,
  kernels: readonly Workload[],
): Promise<void> {
  for (const k of kernels) {
    const limits = kernelLimits(k);
    const pages = limits.memoryBytes / 65_536;
    const direct = directFunction(k.body);
    const unmetered = new RawRunner(k, artifacts.unmetered.get(k.id)!, pages);
    const metered = new RawRunner(k, artifacts.metered.get(k.id)!, pages);
    const program = programFor(k, artifacts.metered.get(k.id)!);
    const expected = JSON.stringify(direct(k.value));
    for (const [way, out] of [
      ["unmetered", unmetered.run(k.value)],
      ["metered", metered.run(k.value)],
      ["sandboxed", program.run(k.value, limits).output],
    ] as const) {
      if (JSON.stringify(out) !== expected)
        throw new Error(`kernel ${k.id}: ${way} result ${JSON.stringify(out)} differs from direct ${expected}`);
    }
    ctx.report.add(await measureSync(kernelRow(k.id, "direct"), () => direct(k.value), ctx.config));
    ctx.report.add(await measureSync(kernelRow(k.id, "unmetered"), () => unmetered.run(k.value), ctx.config));
    ctx.report.add(await measureSync(kernelRow(k.id, "metered"), () => metered.run(k.value), ctx.config));
    ctx.report.add(await measureSync(kernelRow(k.id, "sandboxed"), () => program.run(k.value, limits), ctx.config));
    ctx.report.add({
      name: pairedName.fuel(k.id),
      ratio: pairedRatio(
        () => metered.run(k.value),
        () => unmetered.run(k.value),
        ctx.config,
      ),
    });
    ctx.report.add({
      name: pairedName.vsDirect(k.id),
      ratio: pairedRatio(
        () => program.run(k.value, limits),
        () => direct(k.value),
        ctx.config,
      ),
    });
    ctx.report.note(
      `kernel ${k.id}: fuel used per run ${program.run(k.value, limits).fuelUsed.toLocaleString("en-US")}`,
    );
  }
}
