/**
 * @fileoverview Memory: per live sandbox instance (instances of the small node's module, each
 * with its own memory, each run once and kept alive), against a live quickjs runtime + context;
 * and 1,000 workflow runs in flight at once (held at their last tool), per run and in total time.
 * Figures are deltas after a full GC divided by the count: resident set size for live sandboxes
 * (their memories live outside the V8 heap), V8 heap + external for runs in flight (RSS moves in
 * whole heap pages there). They go in the report as ratio rows "..., KiB each" (the value in KiB).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { measureSamples } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { loadQuickJs } from "../sandbox/competitors.js";
import { BIG_FUEL, importsFor, RawRunner, toUnit } from "../sandbox/units.js";
import { makeEncoder, WireWriter } from "../../runtime/sandbox/codec.js";
import { smallNode } from "../sandbox/workloads.js";
import type { SmallFlows } from "./workflow.js";

export const ROWS = {
  liveSandbox: "memory: live sandbox instance (code node, after a run), KiB each",
  liveQuickJs: "memory: live quickjs runtime+context, KiB each",
  inFlightSandboxed: "memory: workflow run in flight (1,000 concurrent, code sandboxed), heap KiB each",
  inFlightTrusted: "memory: workflow run in flight (1,000 concurrent, code trusted), heap KiB each",
  batchSandboxed: "1,000 concurrent workflow runs, code sandboxed (whole batch)",
  batchTrusted: "1,000 concurrent workflow runs, code trusted (whole batch)",
} as const;

let gcFunction: (() => void) | undefined;

/** A full garbage collection (exposes `gc` at run time when node was started without it). */
export function fullGc(): void {
  if (!gcFunction) {
    setFlagsFromString("--expose-gc");
    gcFunction = runInNewContext("gc") as () => void;
  }
  gcFunction();
  gcFunction();
}

function rss(): number {
  fullGc();
  return process.memoryUsage.rss();
}

/** JS heap plus memory V8 accounts outside it (array buffers, WebAssembly memories). */
function heapAndExternal(): number {
  fullGc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Resident KiB per item after `create` made `count` of them (kept alive until measured). */
async function perItemKiB(count: number, create: (i: number) => unknown): Promise<{ rss: number; heap: number }> {
  const keep: unknown[] = [];
  const before = { rss: rss(), heap: heapAndExternal() };
  for (let i = 0; i < count; i++) keep.push(await create(i));
  const after = { rss: rss(), heap: heapAndExternal() };
  keep.length = 0;
  return { rss: (after.rss - before.rss) / 1024 / count, heap: (after.heap - before.heap) / 1024 / count };
}

export async function memorySuite(ctx: BenchContext, artifacts: Artifacts, flows: SmallFlows | undefined): Promise<void> {
  const live = Math.max(20, Math.round(1000 * ctx.scale));
  const wasm = artifacts.metered.get(smallNode.id)!;
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  const minPages = new RawRunner(smallNode, wasm).pages;
  const writer = new WireWriter();
  makeEncoder(toUnit(smallNode).inputType)(writer, smallNode.value);
  const input = writer.bytes.slice(0, writer.pos);
  const sandboxKiB = await perItemKiB(live, () => {
    const memory = new WebAssembly.Memory({ initial: minPages, maximum: 32 });
    const exports = new WebAssembly.Instance(module, importsFor(module, () => memory)).exports as Record<string, unknown>;
    (exports.__ice_fuel as WebAssembly.Global).value = BIG_FUEL;
    (exports._start as () => void)();
    const at = (exports.__ice_alloc as (n: number) => number)(input.length) >>> 0;
    new Uint8Array(memory.buffer, at, input.length).set(input);
    (exports.__ice_run as () => number)();
    return { memory, exports };
  });
  ctx.report.add({ name: ROWS.liveSandbox, ratio: sandboxKiB.rss });
  ctx.report.note(
    `live sandboxes: ${live} instances of a ${wasm.length}-byte module, memory ${minPages} page(s) of 64 KiB each; ` +
      `RSS ${sandboxKiB.rss.toFixed(1)} KiB each, V8 heap+external ${sandboxKiB.heap.toFixed(1)} KiB each`,
  );

  const quickjs = await loadQuickJs();
  if (quickjs) {
    const contexts: { dispose(): void }[] = [];
    const kib = await perItemKiB(Math.max(20, Math.round(200 * ctx.scale)), () => {
      const runtime = quickjs.module.newRuntime();
      runtime.setMemoryLimit(16 * 1024 * 1024);
      const context = runtime.newContext();
      contexts.push({ dispose: () => (context.dispose(), runtime.dispose()) });
      return context;
    });
    for (const c of contexts) c.dispose();
    ctx.report.add({ name: ROWS.liveQuickJs, ratio: kib.rss });
  }

  if (!flows) return;
  const concurrent = Math.max(20, Math.round(1000 * ctx.scale));
  for (const [run, memoryRow, timeRow] of [
    [flows.sandboxed, ROWS.inFlightSandboxed, ROWS.batchSandboxed],
    [flows.trusted, ROWS.inFlightTrusted, ROWS.batchTrusted],
  ] as const) {
    // Memory: every run parked in its last tool, then released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let parked = 0;
    let allParked!: () => void;
    const parkedAll = new Promise<void>((resolve) => (allParked = resolve));
    const options = {
      tools: flows.tools(() => {
        if (++parked === concurrent) allParked();
        return gate;
      }),
    };
    const before = { rss: rss(), heap: heapAndExternal() };
    const runs = Array.from({ length: concurrent }, () => run(flows.input, options));
    await parkedAll;
    const during = { rss: rss(), heap: heapAndExternal() };
    release();
    await Promise.all(runs);
    ctx.report.add({ name: memoryRow, ratio: (during.heap - before.heap) / 1024 / concurrent });
    ctx.report.note(`${memoryRow}: V8 heap+external ${((during.heap - before.heap) / 1024 / concurrent).toFixed(1)} KiB, RSS ${((during.rss - before.rss) / 1024 / concurrent).toFixed(1)} KiB`);

    // Time: the whole batch started at once, to the last result.
    const free = { tools: flows.tools() };
    ctx.report.add(await measureSamples(timeRow, () => Promise.all(Array.from({ length: concurrent }, () => run(flows.input, free))), ctx.quick ? 2 : 5, 1));
  }
  ctx.report.note(`concurrent runs: ${concurrent} per batch`);
}
