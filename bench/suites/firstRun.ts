/**
 * @fileoverview A node's first run in a process on the production path (issue 13 item 3): what
 * a generated module does when it is imported (runtime/sandboxes.ts: `SandboxProgram.compileAsync`,
 * then `program.prepare(limits)` once compiled, outside any run; the module's import awaits both), then the
 * first `run()` of the small node (~1.2 KB JSON in); only that run is timed. Two ways:
 * - many fresh programs in this process, one first run each (the host's JavaScript is warm, as
 *   in a process that has already run other nodes);
 * - fresh child processes (bench/firstRunProbe.ts), one first run each (the host's JavaScript
 *   runs for the first time too: the first node of a freshly started process).
 * Limits are the default `untrusted` profile's, as a node without `limits:` gets.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TRUST_PROFILES } from "../../runtime/profiles.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import type { BenchContext } from "../harness/context.js";
import { timingFromSamples } from "../harness/measure.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { toUnit } from "../sandbox/units.js";
import { smallNode } from "../sandbox/workloads.js";

export const ROWS = {
  warmProcess:
    "first run: code node, ~1 KB in, production path (compileAsync + prepare at import, then run 1), fresh program in a warm process",
  freshProcess: "first run: code node, ~1 KB in, production path, fresh process (first node run in it)",
  freshProcessSecond: "second run: code node, ~1 KB in, fresh process (for comparison)",
} as const;

const LIMITS = TRUST_PROFILES.untrusted.limits;

const here = dirname(fileURLToPath(import.meta.url));

/** The built probe (dist/bench/firstRunProbe.js), also when this file runs from the sources. */
function probeScript(): string | undefined {
  return [join(here, "..", "firstRunProbe.js"), join(here, "..", "..", "dist", "bench", "firstRunProbe.js")].find((p) =>
    existsSync(p),
  );
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function firstRunSuite(ctx: BenchContext, artifacts: Artifacts): Promise<void> {
  const wasm = artifacts.metered.get(smallNode.id)!;
  const unit = toUnit(smallNode);
  const spec = { nodeId: smallNode.id, inputType: unit.inputType, outputType: unit.outputType, capabilities: [] };

  // Fresh programs in this process: compile, prepare on a later turn, run once.
  const samples = ctx.quick ? 20 : 300;
  const warm: number[] = [];
  for (let i = -3; i < samples; i++) {
    const program = await SandboxProgram.compileAsync(wasm, spec);
    await nextTurn();
    program.prepare(LIMITS);
    await nextTurn();
    if (!program.hasReadyInstance) throw new Error("first run: prepare left no ready instance");
    const started = process.hrtime.bigint();
    program.run(smallNode.value, LIMITS);
    const us = Number(process.hrtime.bigint() - started) / 1e3;
    if (i >= 0) warm.push(us); // the first three warm this process's code paths
  }
  ctx.report.add(timingFromSamples(ROWS.warmProcess, warm));
  ctx.report.note(
    `${ROWS.warmProcess}: ${samples} programs, median ${median(warm).toFixed(1)} us, min ${Math.min(...warm).toFixed(1)} us`,
  );

  // Fresh processes: the same, as the first thing a process runs.
  const script = probeScript();
  if (!script) {
    ctx.report.note("first run in a fresh process: dist/bench/firstRunProbe.js not built: skipped");
    return;
  }
  const files = {
    wasm: join(ctx.workDir, "first-run.wasm"),
    spec: join(ctx.workDir, "first-run.spec.json"),
    input: join(ctx.workDir, "first-run.input.json"),
    limits: join(ctx.workDir, "first-run.limits.json"),
  };
  writeFileSync(files.wasm, wasm);
  writeFileSync(files.spec, JSON.stringify(spec));
  writeFileSync(files.input, JSON.stringify(smallNode.value));
  writeFileSync(files.limits, JSON.stringify(LIMITS));
  const processes = ctx.quick ? 3 : 15;
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < processes; i++) {
    const result = spawnSync(process.execPath, [script, files.wasm, files.spec, files.input, files.limits], {
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`first-run probe failed: ${result.stderr}`);
    const out = JSON.parse(result.stdout) as { firstUs: number; secondUs: number };
    first.push(out.firstUs);
    second.push(out.secondUs);
  }
  ctx.report.add(timingFromSamples(ROWS.freshProcess, first));
  ctx.report.add(timingFromSamples(ROWS.freshProcessSecond, second));
  ctx.report.note(
    `${ROWS.freshProcess}: ${processes} processes, median ${median(first).toFixed(1)} us (second run median ${median(second).toFixed(1)} us)`,
  );
}
