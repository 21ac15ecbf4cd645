/**
 * @fileoverview `node dist/bench/inspect.js <workload> [--unmetered] [--profile <n>]`: prints the
 * text form (binaryen `emitText`) of a benchmark workload's module, metered or not, to read what
 * the compiler made of it; with `--profile n`, runs it n times through the production host
 * instead (use with `node --cpu-prof`). Workloads: totals, over_budget, tiny, and the kernels.
 */
import binaryen from "binaryen";
import { createContext } from "./harness/context.js";
import { QUICK } from "./harness/measure.js";
import { compileArtifacts } from "./sandbox/artifacts.js";
import { directFunction, programFor, RawRunner } from "./sandbox/units.js";
import { condition, kernels, smallNode, tinyNode } from "./sandbox/workloads.js";

const [id, ...flags] = process.argv.slice(2);
const all = [smallNode, condition, tinyNode, ...kernels(1)];
const workload = all.find((w) => w.id === id);
if (!workload) {
  process.stderr.write(
    `usage: inspect.js <${all.map((w) => w.id).join("|")}> [--unmetered] [--profile <n>] [--direct]\n`,
  );
  process.exit(2);
}
const ctx = createContext({ config: QUICK, log: () => undefined });
const artifacts = await compileArtifacts(ctx, [workload], [workload]);
ctx.dispose();
const unmetered = flags.includes("--unmetered");
const wasm = (unmetered ? artifacts.unmetered : artifacts.metered).get(workload.id)!;
const profileAt = flags.indexOf("--profile");
if (profileAt >= 0) {
  const n = Number(flags[profileAt + 1] ?? 100);
  const run = flags.includes("--direct")
    ? (
        (f) => () =>
          f(workload.value)
      )(directFunction(workload.body))
    : unmetered
      ? (
          (r) => () =>
            r.run(workload.value)
        )(new RawRunner(workload, wasm, (workload.memoryBytes ?? 16 * 1024 * 1024) / 65_536))
      : (
          (p) => () =>
            p.run(workload.value, { fuel: 1e12, memoryBytes: 64 * 1024 * 1024, timeoutMs: 60_000 })
        )(programFor(workload, wasm));
  const started = performance.now();
  for (let i = 0; i < n; i++) run();
  process.stdout.write(`${n} runs in ${(performance.now() - started).toFixed(1)} ms\n`);
} else {
  const module = binaryen.readBinary(wasm);
  process.stdout.write(module.emitText());
  module.dispose();
}
