/**
 * @fileoverview The comparison rows (ratios of rows measured in the same run) and the targets of
 * issue 5, judged on them.
 */
import type { Report, TargetResult } from "./harness/report.js";
import { ROWS as COLD } from "./suites/coldStart.js";
import { engineRow, pairedEngineName } from "./suites/competitors.js";
import { kernelRow, pairedName } from "./suites/kernels.js";
import { ROWS as MEMORY } from "./suites/memory.js";
import { ROWS as ORCHESTRATION } from "./suites/orchestration.js";
import { ROWS as WARM } from "./suites/warmCall.js";
import { ROWS as FLOW } from "./suites/workflow.js";

export const ratioName = {
  fuel: (id: string) => `fuel / no fuel: kernel ${id}`,
  vsDirect: (id: string) => `sandboxed / direct JS: kernel ${id}`,
  wasmVsDirect: (id: string) => `WASM fuel (bare host) / direct JS: kernel ${id}`,
  engine: (engine: string, id: string) =>
    `${engine} / sandboxed: ${id === "small" ? "small node end to end" : `kernel ${id}`}`,
};

/** Adds every ratio row whose two rows were measured. */
export function addRatios(report: Report, kernelIds: readonly string[], engines: readonly string[]): void {
  report.ratio("warm call: sandboxed / direct JS", WARM.sandboxed, WARM.direct);
  report.ratio("workflow: code sandboxed / code trusted", FLOW.sandboxed, FLOW.trusted);
  for (const id of kernelIds) {
    report.ratio(ratioName.fuel(id), kernelRow(id, "metered"), kernelRow(id, "unmetered"));
    report.ratio(ratioName.vsDirect(id), kernelRow(id, "sandboxed"), kernelRow(id, "direct"));
    report.ratio(ratioName.wasmVsDirect(id), kernelRow(id, "metered"), kernelRow(id, "direct"));
  }
  for (const engine of engines) {
    report.ratio(ratioName.engine(engine, "small"), engineRow(engine, "totals"), COLD.codePooled);
    for (const id of kernelIds)
      report.ratio(ratioName.engine(engine, id), engineRow(engine, id), kernelRow(id, "sandboxed"));
  }
  report.ratio(
    "orchestration: chain workflow / hand-written, per node",
    ORCHESTRATION.chain,
    ORCHESTRATION.chainBaseline,
  );
  report.ratio(
    "orchestration: single-wave workflow / hand-written, per node",
    ORCHESTRATION.wide,
    ORCHESTRATION.wideBaseline,
  );
  report.ratio("1,000 concurrent runs: code sandboxed / code trusted", MEMORY.batchSandboxed, MEMORY.batchTrusted);
  const live = report.rows.find((r) => r.name === MEMORY.liveSandbox);
  const quick = report.rows.find((r) => r.name === MEMORY.liveQuickJs);
  if (live && quick && "ratio" in live && "ratio" in quick && live.ratio > 0)
    report.add({ name: "memory: live quickjs / live sandbox", ratio: quick.ratio / live.ratio });
}

/** The targets of issue 5 that the rows present in `report` allow judging. */
export function judgeTargets(report: Report, kernelIds: readonly string[]): TargetResult[] {
  const results: TargetResult[] = [];
  const value = (name: string): number | undefined => {
    const row = report.rows.find((r) => r.name === name);
    if (!row) return undefined;
    return "ratio" in row ? row.ratio : row.mean_us;
  };
  const judge = (
    target: string,
    row: string,
    ok: (v: number) => boolean,
    skipped = "not measured in this run",
  ): void => {
    const v = value(row);
    results.push(
      v === undefined ? { target, row, value: v, pass: false, skipped } : { target, row, value: v, pass: ok(v) },
    );
  };
  judge("cold start < 25 us, code node, fresh instance and memory", COLD.code, (v) => v < 25);
  judge("cold start < 25 us, condition, fresh instance and memory", COLD.condition, (v) => v < 25);
  judge("cold start < 25 us, code node, fresh instance, reused zeroed memory", COLD.codeFreshInstance, (v) => v < 25);
  judge("cold start < 25 us, code node, host's reset instance (runs 2..n)", COLD.codePooled, (v) => v < 25);
  judge("cold start < 25 us, condition, host's reset instance (runs 2..n)", COLD.conditionPooled, (v) => v < 25);
  for (const id of kernelIds) judge(`fuel <= 1.10x unmetered, ${id}`, pairedName.fuel(id), (v) => v <= 1.1);
  for (const id of kernelIds.filter((k) => k === "int_loop" || k === "float_reduce")) {
    judge(`sandboxed no slower than direct JS, ${id}`, pairedName.vsDirect(id), (v) => v <= 1.0);
  }
  judge(
    ">= 10x faster than quickjs, small node end to end",
    pairedEngineName("quickjs", "totals"),
    (v) => v >= 10,
    "quickjs-emscripten not installed",
  );
  for (const id of kernelIds)
    judge(
      `>= 50x faster than quickjs, ${id}`,
      pairedEngineName("quickjs", id),
      (v) => v >= 50,
      "quickjs-emscripten not installed",
    );
  judge("< 128 KiB per live sandbox (RSS, fresh process)", MEMORY.liveSandbox, (v) => v > 0 && v < 128);
  judge("< 128 KiB per live sandbox (V8 heap+external)", MEMORY.liveSandboxHeap, (v) => v > 0 && v < 128);
  return results;
}
