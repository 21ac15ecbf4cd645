/**
 * @fileoverview The benchmark runner: compiles the workloads, runs the suites of the chosen part,
 * adds the ratio rows and judges the targets. `npm run bench` (bench/main.ts) runs every part;
 * `iceosc bench` (src/cli/commands/bench.ts) runs the sandbox part through this entry.
 */
import { cpus } from "node:os";
import { createContext } from "./harness/context.js";
import { FULL, QUICK, type MeasureConfig } from "./harness/measure.js";
import { formatMarkdown, formatTable, formatTargets, type Report, type TargetResult } from "./harness/report.js";
import { compileArtifacts } from "./sandbox/artifacts.js";
import { programFor, type Workload } from "./sandbox/units.js";
import { condition, kernels, smallNode, tinyNode } from "./sandbox/workloads.js";
import { buildScalingSuite } from "./suites/buildScaling.js";
import { buildTimeSuite } from "./suites/buildTime.js";
import { coldStartSuite, LIMITS as COLD_LIMITS } from "./suites/coldStart.js";
import { durableSuite } from "./suites/durable.js";
import { firstRunSuite } from "./suites/firstRun.js";
import { competitorSuite } from "./suites/competitors.js";
import { kernelLimits, kernelSuite } from "./suites/kernels.js";
import { memorySuite } from "./suites/memory.js";
import { moduleCallSuite } from "./suites/moduleCall.js";
import { orchestrationSuite } from "./suites/orchestration.js";
import { pluginSuite } from "./suites/plugins.js";
import { warmCallSuite } from "./suites/warmCall.js";
import { loadSmallFlows, workflowSuite } from "./suites/workflow.js";
import { addRatios, judgeTargets } from "./targets.js";

export { formatMarkdown, formatTable, formatTargets, type Report, type TargetResult };

/**
 * `sandbox`: cold start, warm call, kernels, competitors, memory per live sandbox. `kernels`: the
 * kernel suite alone (`npm run bench -- --only kernels`). `all`: everything.
 */
export type BenchPart = "sandbox" | "kernels" | "all";

export interface BenchOptions {
  readonly part: BenchPart;
  /** Fewer samples and smaller sizes (the smoke test; a quick look). */
  readonly quick?: boolean;
  /** Overrides the sampling settings. */
  readonly config?: MeasureConfig;
  /** Overrides the size factor (1 in a full run). */
  readonly scale?: number;
  /** Persistent cache of compiled benchmark units. */
  readonly cacheDir?: string;
  readonly log?: (message: string) => void;
}

export interface BenchOutcome {
  readonly report: Report;
  readonly targets: TargetResult[];
  /** `cpu model, cores, node version`. */
  readonly machine: string;
}

export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown cpu"} (${cpu.length} cores), Node ${process.version}, ${process.platform}-${process.arch}`;
}

export async function runBench(options: BenchOptions): Promise<BenchOutcome> {
  const quick = options.quick ?? false;
  const ctx = createContext({
    config: options.config ?? (quick ? QUICK : FULL),
    scale: options.scale ?? (quick ? 0.02 : 1),
    quick,
    ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }),
    ...(options.log && { log: options.log }),
  });
  const started = performance.now();
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const t = performance.now();
    ctx.log(`- ${name}`);
    await fn();
    ctx.log(`  ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    const kernelSet = kernels(ctx.scale);
    const artifacts = await compileArtifacts(ctx, [smallNode, condition, tinyNode, ...kernelSet], kernelSet);
    const ids = kernelSet.map((k) => k.id);
    if (options.part === "kernels") {
      await step("kernels", () => kernelSuite(ctx, artifacts, kernelSet));
      addRatios(ctx.report, ids, []);
      return { report: ctx.report, targets: judgeTargets(ctx.report, ids), machine: machineDescription() };
    }
    let engines: string[] = [];
    await step("cold start", () => coldStartSuite(ctx, artifacts));
    await step("first run", () => firstRunSuite(ctx, artifacts));
    await step("warm call", () => warmCallSuite(ctx, artifacts));
    await step("kernels", () => kernelSuite(ctx, artifacts, kernelSet));
    const ours = (w: Workload): (() => unknown) => {
      const program = programFor(w, artifacts.metered.get(w.id)!);
      const limits = w.id === smallNode.id ? COLD_LIMITS : kernelLimits(w);
      return () => program.run(w.value, limits);
    };
    await step("competitors", async () => (engines = await competitorSuite(ctx, kernelSet, ours)));
    if (options.part === "all") {
      const flows = await loadSmallFlows(ctx);
      await step("workflow end to end", () => workflowSuite(ctx, flows));
      await step("memory", () => memorySuite(ctx, artifacts, flows));
      await step("module call", () => moduleCallSuite(ctx));
      await step("orchestration", () => orchestrationSuite(ctx));
      await step("plugins", () => pluginSuite(ctx));
      if (!quick) await step("build time", () => buildTimeSuite(ctx));
      if (!quick) await step("build scaling", () => buildScalingSuite(ctx));
      await step("durable queue", () => durableSuite(ctx));
    } else {
      await step("memory", () => memorySuite(ctx, artifacts, undefined));
    }
    addRatios(ctx.report, ids, engines);
    const targets = judgeTargets(ctx.report, ids);
    ctx.report.note(`total benchmark time ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return { report: ctx.report, targets, machine: machineDescription() };
  } finally {
    ctx.dispose();
  }
}

/** The table, the notes and the targets, as printed. */
export function formatOutcome(outcome: BenchOutcome): string {
  return [
    `machine: ${outcome.machine}`,
    "",
    formatTable(outcome.report.rows),
    "",
    ...outcome.report.notes.map((n) => `note: ${n}`),
    "",
    "targets:",
    formatTargets(outcome.targets),
  ].join("\n");
}
