/**
 * @fileoverview The same code-node work in the sandboxes a user would otherwise pick
 * (bench/sandbox/competitors.ts): the small node end to end and every kernel, each checked to
 * give the direct result before it is timed.
 */
import { measureSync, pairedRatio } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import {
  isolatedVmEngine,
  loadIsolatedVm,
  loadQuickJs,
  nodeVmEngine,
  quickJsEngine,
  quickJsSharedRuntimeEngine,
  type Engine,
} from "../sandbox/competitors.js";
import { directFunction, type Workload } from "../sandbox/units.js";
import { smallNode } from "../sandbox/workloads.js";

export const pairedEngineName = (engine: string, id: string): string =>
  `${engine} / sandboxed, paired median: ${id === smallNode.id ? "small node end to end" : `kernel ${id}`}`;

export const engineRow = (engine: string, id: string): string =>
  id === smallNode.id ? `small node end to end: ${engine}` : `kernel ${id}: ${engine}`;

/** Engine names measured in this run (for the ratio rows). */
/** `ours(w)`: the same workload through SandboxProgram.run, for the paired ratios. */
export async function competitorSuite(
  ctx: BenchContext,
  kernels: readonly Workload[],
  ours: (w: Workload) => () => unknown,
): Promise<string[]> {
  const engines: Engine[] = [];
  const disposers: (() => void)[] = [];
  const quickjs = await loadQuickJs();
  if (quickjs) {
    engines.push(quickJsEngine(quickjs.module));
    const shared = quickJsSharedRuntimeEngine(quickjs.module);
    engines.push(shared);
    disposers.push(shared.dispose);
    ctx.report.note(
      `quickjs-emscripten ${quickjs.version}: fresh runtime + context per run, 16 MiB memory limit, 512 KiB stack, interrupt handler (deadline)`,
    );
  } else {
    ctx.report.note("quickjs-emscripten not installed: skipped");
  }
  engines.push(nodeVmEngine);
  const ivm = await loadIsolatedVm();
  if (ivm) engines.push(isolatedVmEngine(ivm));
  else ctx.report.note("isolated-vm not installed (optional dependency): skipped");

  try {
    for (const engine of engines) {
      const shared = engine.name.includes("shared");
      for (const w of shared ? [smallNode] : [smallNode, ...kernels]) {
        const run = engine.prepare(w);
        const expected = JSON.stringify(directFunction(w.body)(w.value));
        const got = JSON.stringify(run(w.value));
        if (got !== expected) throw new Error(`${engine.name} ${w.id}: result ${got} differs from direct ${expected}`);
        ctx.report.add(await measureSync(engineRow(engine.name, w.id), () => run(w.value), ctx.config));
        if (engine.name === "quickjs")
          ctx.report.add({
            name: pairedEngineName(engine.name, w.id),
            ratio: pairedRatio(() => run(w.value), ours(w), ctx.config),
          });
      }
    }
  } finally {
    for (const dispose of disposers) dispose();
  }
  return engines.map((e) => e.name);
}
