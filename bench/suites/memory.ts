/**
 * @fileoverview Memory: per live sandbox instance (instances of the small node's module, each
 * with its own memory, each run once and kept alive), against a live quickjs runtime + context;
 * and 1,000 workflow runs in flight at once (held at their last tool), per run and in total time;
 * 10,000 sandboxed runs in flight at once (every one must succeed; issue 13 item 5); how many
 * live SandboxPrograms with a prepared instance each one process holds.
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
import { TRUST_PROFILES } from "../../runtime/profiles.js";
import { WireWriter } from "../../runtime/sandbox/codec.js";
import { makeEncoder } from "../../runtime/sandbox/encoder.js";
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
  liveProgramsHeap: "memory: live SandboxProgram with a prepared instance (code node), V8 heap+external KiB each",
  liveProgramsRss: "memory: live SandboxProgram with a prepared instance (code node), RSS KiB each",
  inFlightTenThousand: "memory: workflow run in flight (10,000 concurrent, code sandboxed), heap KiB each",
  batchTenThousand: "10,000 concurrent workflow runs, code sandboxed (whole batch)",
  failedTenThousand: "10,000 concurrent workflow runs, code sandboxed: runs failed",
} as const;

/** Runs in flight for the 10,000-run check (issue 13 item 5); not scaled down by --quick. */
const TEN_THOUSAND = 10_000;

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
interface ProbeResult {
  readonly rssKiB: number;
  readonly heapKiB: number;
  readonly count: number;
  readonly ms?: number;
  readonly refused?: string;
}

function probe(script: string, args: readonly string[]): ProbeResult {
  const result = spawnSync(process.execPath, ["--expose-gc", script, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`memory probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ProbeResult;
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

  liveProgramsProbe(ctx, script, wasm);

  if (!flows) return;
  const concurrent = Math.max(20, Math.round(1000 * ctx.scale));
  for (const [run, memoryRow, timeRow] of [
    [flows.sandboxed, ROWS.inFlightSandboxed, ROWS.batchSandboxed],
    [flows.trusted, ROWS.inFlightTrusted, ROWS.batchTrusted],
  ] as const) {
    const parked = await parkedBatch(flows, run, concurrent);
    if (parked.failed > 0) throw new Error(`${memoryRow}: ${parked.failed} of ${concurrent} runs failed`);
    ctx.report.add({ name: memoryRow, ratio: parked.heapKiB });
    ctx.report.note(
      `${memoryRow}: V8 heap+external ${parked.heapKiB.toFixed(1)} KiB, RSS ${parked.rssKiB.toFixed(1)} KiB`,
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

  // Issue 13 item 5: 10,000 sandboxed runs in flight at once, every one must succeed.
  const ten = await parkedBatch(flows, flows.sandboxed, TEN_THOUSAND);
  ctx.report.add({ name: ROWS.inFlightTenThousand, ratio: ten.heapKiB });
  const free = { tools: flows.tools(), policy: { allowTrusted: true } };
  let failed = ten.failed;
  const firstError: string[] = ten.firstError === undefined ? [] : [ten.firstError];
  ctx.report.add(
    await measureSamples(
      ROWS.batchTenThousand,
      async () => {
        const settled = await Promise.allSettled(
          Array.from({ length: TEN_THOUSAND }, () => flows.sandboxed(flows.input, free)),
        );
        for (const s of settled) {
          if (s.status === "fulfilled" && s.value.alerted === true) continue;
          failed++;
          if (firstError.length === 0) firstError.push(s.status === "rejected" ? String(s.reason) : "wrong output");
        }
      },
      ctx.quick ? 1 : 3,
    ),
  );
  ctx.report.add({ name: ROWS.failedTenThousand, ratio: failed });
  ctx.report.note(
    `10,000 concurrent sandboxed runs: ${failed === 0 ? "all succeeded" : `${failed} failed (first: ${firstError[0]})`}; parked at their last tool: V8 heap+external ${ten.heapKiB.toFixed(1)} KiB, RSS ${ten.rssKiB.toFixed(1)} KiB per run`,
  );
}

interface ParkedBatch {
  readonly heapKiB: number;
  readonly rssKiB: number;
  readonly failed: number;
  readonly firstError?: string;
}

/**
 * Starts `count` runs at once, each parked in its last tool until all are; measures memory then
 * (per run, deltas after a full GC), releases them and counts the failures.
 */
async function parkedBatch(flows: SmallFlows, run: SmallFlows["sandboxed"], count: number): Promise<ParkedBatch> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let parked = 0;
  let allParked!: () => void;
  const parkedAll = new Promise<void>((resolve) => (allParked = resolve));
  // The operator (this benchmark) allows the trusted flow's code node to run as host JavaScript.
  const options = {
    tools: flows.tools(() => {
      if (++parked === count) allParked();
      return gate;
    }),
    policy: { allowTrusted: true },
  };
  const before = { rss: rss(), heap: heapAndExternal() };
  const runs = Array.from({ length: count }, () => run(flows.input, options));
  // A run that fails never parks: stop waiting once every run has either parked or settled.
  let settledEarly = 0;
  const settledAll = Promise.allSettled(
    runs.map((r) =>
      r.finally(() => {
        if (parked + ++settledEarly >= count) allParked();
      }),
    ),
  );
  await parkedAll;
  const during = { rss: rss(), heap: heapAndExternal() };
  release();
  const settled = await settledAll;
  let failed = 0;
  let firstError: string | undefined;
  for (const s of settled) {
    if (s.status === "fulfilled" && s.value.alerted === true) continue;
    failed++;
    firstError ??= s.status === "rejected" ? String(s.reason) : `wrong output ${JSON.stringify(s.value)}`;
  }
  return {
    heapKiB: (during.heap - before.heap) / 1024 / count,
    rssKiB: (during.rss - before.rss) / 1024 / count,
    failed,
    ...(firstError !== undefined && { firstError }),
  };
}

/**
 * How many live SandboxPrograms, each with one prepared instance (on a memory of the process's
 * pool for the default 16 MiB cap, runtime/sandbox/memoryPool.ts), one process holds: 20,000 of
 * one module (when V8 refused one more memory, before the pool, the probe stopped there) and
 * 5,000 distinct modules (bytes differing by a custom section).
 */
function liveProgramsProbe(ctx: BenchContext, script: string, wasm: Uint8Array): void {
  const unit = toUnit(smallNode);
  const specPath = join(ctx.workDir, "programs.spec.json");
  const limitsPath = join(ctx.workDir, "programs.limits.json");
  const wasmPath = join(ctx.workDir, "programs.wasm");
  writeFileSync(wasmPath, wasm);
  writeFileSync(
    specPath,
    JSON.stringify({ nodeId: smallNode.id, inputType: unit.inputType, outputType: unit.outputType, capabilities: [] }),
  );
  writeFileSync(limitsPath, JSON.stringify(TRUST_PROFILES.untrusted.limits));
  const tries = ctx.quick ? 2_000 : 20_000;
  const same = probe(script, ["programs", wasmPath, specPath, String(tries), limitsPath]);
  ctx.report.add({ name: ROWS.liveProgramsHeap, ratio: same.heapKiB });
  ctx.report.add({ name: ROWS.liveProgramsRss, ratio: same.rssKiB });
  const distinctTries = ctx.quick ? 500 : 5_000;
  const distinct = probe(script, ["distinct-programs", wasmPath, specPath, String(distinctTries), limitsPath]);
  const describe = (r: ProbeResult, tried: number): string =>
    `${r.count.toLocaleString("en-US")} of ${tried.toLocaleString("en-US")} held${r.refused ? ` (the next refused: ${r.refused})` : ""}, made in ${((r.ms ?? 0) / 1000).toFixed(1)} s, ${r.heapKiB.toFixed(1)} KiB V8 heap+external and ${r.rssKiB.toFixed(1)} KiB RSS each`;
  ctx.report.note(`live SandboxPrograms with a prepared instance (16 MiB cap), one module: ${describe(same, tries)}`);
  ctx.report.note(
    `live SandboxPrograms with a prepared instance, distinct modules: ${describe(distinct, distinctTries)}`,
  );
}
