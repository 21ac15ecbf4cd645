/**
 * @fileoverview Memory: per live sandbox instance (instances of the small node's module, each
 * with its own memory, each run once and kept alive), against a live quickjs runtime + context;
 * and 1,000 workflow runs in flight at once (held at their last tool), per run and in total time.
 * Figures are deltas after a full GC divided by the count: for live instances, in a fresh child
 * process (bench/memoryProbe.ts), both resident set size (what the OS holds: only touched pages
 * of each 64 KiB memory) and V8 heap + external (what V8 accounts: whole memories); for runs in
 * flight, V8 heap + external in this process (RSS there moves in whole heap pages). They go in the report as ratio rows "..., KiB each" (the value in KiB).
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { measureSamples } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { loadQuickJs } from "../sandbox/competitors.js";
import { memoryMinFromBinary, toUnit } from "../sandbox/units.js";
import { makeEncoder, WireWriter } from "../../runtime/sandbox/codec.js";
import { smallNode } from "../sandbox/workloads.js";
import type { SmallFlows } from "./workflow.js";

export const ROWS = {
  liveSandbox: "memory: live sandbox instance (code node, after a run), RSS KiB each",
  liveSandboxHeap: "memory: live sandbox instance (code node, after a run), V8 heap+external KiB each",
  liveQuickJs: "memory: live quickjs runtime+context, RSS KiB each",
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

const here = dirname(fileURLToPath(import.meta.url));

/** The built probe (dist/bench/memoryProbe.js), also when this file runs from the sources. */
function probeScript(): string | undefined {
  return [join(here, "..", "memoryProbe.js"), join(here, "..", "..", "dist", "bench", "memoryProbe.js")].find((p) =>
    existsSync(p),
  );
}

/** Runs the memory probe (bench/memoryProbe.ts) in a fresh node process. */
function probe(script: string, args: readonly string[]): { rssKiB: number; heapKiB: number } {
  const result = spawnSync(process.execPath, ["--expose-gc", script, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`memory probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { rssKiB: number; heapKiB: number };
}

export async function memorySuite(
  ctx: BenchContext,
  artifacts: Artifacts,
  flows: SmallFlows | undefined,
): Promise<void> {
  const live = Math.max(20, Math.round(1000 * ctx.scale));
  const wasm = artifacts.metered.get(smallNode.id)!;
  const writer = new WireWriter();
  makeEncoder(toUnit(smallNode).inputType)(writer, smallNode.value);
  const wasmPath = join(ctx.workDir, "probe.wasm");
  const inputPath = join(ctx.workDir, "probe.bin");
  writeFileSync(wasmPath, wasm);
  writeFileSync(inputPath, writer.bytes.subarray(0, writer.pos));
  const script = probeScript();
  if (!script) {
    ctx.report.note("memory per live sandbox: dist/bench/memoryProbe.js not built: skipped");
    return;
  }
  const sandbox = probe(script, ["sandbox", wasmPath, inputPath, String(live)]);
  ctx.report.add({ name: ROWS.liveSandbox, ratio: sandbox.rssKiB });
  ctx.report.add({ name: ROWS.liveSandboxHeap, ratio: sandbox.heapKiB });
  ctx.report.note(
    `live sandboxes: ${live} instances of a ${wasm.length}-byte module in a fresh process, memory ${memoryMinFromBinary(wasm)} page(s) of 64 KiB each, each run once`,
  );

  if (await loadQuickJs()) {
    const quick = probe(script, ["quickjs", String(Math.max(20, Math.round(200 * ctx.scale)))]);
    ctx.report.add({ name: ROWS.liveQuickJs, ratio: quick.rssKiB });
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
    // The operator (this benchmark) allows the trusted flow's code node to run as host JavaScript.
    const options = {
      tools: flows.tools(() => {
        if (++parked === concurrent) allParked();
        return gate;
      }),
      policy: { allowTrusted: true },
    };
    const before = { rss: rss(), heap: heapAndExternal() };
    const runs = Array.from({ length: concurrent }, () => run(flows.input, options));
    await parkedAll;
    const during = { rss: rss(), heap: heapAndExternal() };
    release();
    await Promise.all(runs);
    ctx.report.add({ name: memoryRow, ratio: (during.heap - before.heap) / 1024 / concurrent });
    ctx.report.note(
      `${memoryRow}: V8 heap+external ${((during.heap - before.heap) / 1024 / concurrent).toFixed(1)} KiB, RSS ${((during.rss - before.rss) / 1024 / concurrent).toFixed(1)} KiB`,
    );

    // Time: the whole batch started at once, to the last result.
    const free = { tools: flows.tools(), policy: { allowTrusted: true } };
    ctx.report.add(
      await measureSamples(
        timeRow,
        () => Promise.all(Array.from({ length: concurrent }, () => run(flows.input, free))),
        ctx.quick ? 2 : 5,
        1,
      ),
    );
  }
  ctx.report.note(`concurrent runs: ${concurrent} per batch`);
}
