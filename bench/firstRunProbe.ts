/**
 * @fileoverview Child process of the first-run suite (bench/suites/firstRun.ts): a node's first
 * run in a fresh process, on the production path. `node firstRunProbe.js <module.wasm>
 * <spec.json> <input.json> <limits.json>` does what a generated module does when it is imported
 * (runtime/sandboxes.ts: `SandboxProgram.compileAsync`, then `program.prepare(limits)` once
 * compiled, outside any run; the module's import awaits both), lets the event loop turn, then times the first
 * `run()` and the second. Prints `{ "firstUs", "secondUs" }`.
 */
import { readFileSync } from "node:fs";
import type { SandboxLimits } from "../runtime/profiles.js";
import { SandboxProgram, type SandboxSpec } from "../runtime/sandbox/index.js";

const [wasmPath, specPath, inputPath, limitsPath] = process.argv.slice(2);
const bytes = readFileSync(wasmPath!);
const spec = JSON.parse(readFileSync(specPath!, "utf8")) as SandboxSpec;
const input = JSON.parse(readFileSync(inputPath!, "utf8")) as Record<string, unknown>;
const limits = JSON.parse(readFileSync(limitsPath!, "utf8")) as SandboxLimits;

const program = await SandboxProgram.compileAsync(bytes, spec);
await new Promise<void>((resolve) =>
  setImmediate(() => {
    program.prepare(limits);
    resolve();
  }),
);
await new Promise<void>((resolve) => setTimeout(resolve, 5));
if (!program.hasReadyInstance) throw new Error("prepare left no ready instance");

const time = (): number => {
  const started = process.hrtime.bigint();
  program.run(input, limits);
  return Number(process.hrtime.bigint() - started) / 1e3;
};
const firstUs = time();
const secondUs = time();
process.stdout.write(`${JSON.stringify({ firstUs, secondUs })}\n`);
