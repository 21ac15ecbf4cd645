/**
 * @fileoverview Cold start of a sandboxed node: a fresh instance of an already compiled module,
 * ~1 KB of input marshalled in, the call, the output marshalled back, through the production
 * host (SandboxProgram.run). The host keeps a reset instance for the next run of the same limits,
 * so "fresh" alternates two memory limits (each run then instantiates, on the host's pooled
 * memory for that cap, which it zeroes first: runtime/sandbox/memoryPool.ts), and "pooled" is
 * the steady state a workflow sees on its
 * second and later runs. The same for a condition. Between the two, the bench host's fresh
 * instance on a reused zeroed memory (RawRunner: the previous host design, no validation). For context, the bare instantiation and a
 * run that also compiles and verifies the module (paid once per module per process).
 * The "fresh instance" rows are not the production path: a generated module prepares an
 * instance when it is imported, so a node's first run does not instantiate (suites/firstRun.ts
 * measures that first run).
 */
import type { SandboxLimits } from "../../runtime/profiles.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { measureSync } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import type { Artifacts } from "../sandbox/artifacts.js";
import { BIG_FUEL, importsFor, programFor, RawRunner, toUnit } from "../sandbox/units.js";
import { condition, smallNode } from "../sandbox/workloads.js";

const MiB = 1024 * 1024;
export const LIMITS: SandboxLimits = { fuel: 10_000_000, memoryBytes: 2 * MiB, timeoutMs: 2_000 };
/** Differs from LIMITS only in the memory cap, so the host cannot reuse the instance. */
const OTHER_LIMITS: SandboxLimits = { ...LIMITS, memoryBytes: 2 * MiB + 65_536 };

export const ROWS = {
  code: "cold start, not the production path: code node, ~1 KB in, fresh instance per run on a pooled memory (instantiate+marshal+call+unmarshal)",
  condition: "cold start, not the production path: condition, fresh instance per run on a pooled memory",
  codeFreshInstance:
    "cold start, not the production path: code node, ~1 KB in, fresh instance, reused zeroed memory (bench host)",
  codePooled: "run: code node, ~1 KB in, pooled instance (host reset)",
  conditionPooled: "run: condition, pooled instance (host reset)",
  instantiate: "part: new WebAssembly.Instance only (code node module)",
  memory: "part: new WebAssembly.Memory (1 page, max 32) only",
  compile: "module compile + verify + first run: code node",
} as const;

export async function coldStartSuite(ctx: BenchContext, artifacts: Artifacts): Promise<void> {
  const codeWasm = artifacts.metered.get(smallNode.id)!;
  const code = programFor(smallNode, codeWasm);
  const cond = programFor(condition, artifacts.metered.get(condition.id)!);
  const json = JSON.stringify(smallNode.value);
  ctx.report.note(
    `small node input: ${json.length} bytes as JSON, ${wireSize(smallNode.value.rows as { region: string }[])} bytes on the wire`,
  );

  let flip = false;
  const alternate = (): SandboxLimits => {
    flip = !flip;
    return flip ? OTHER_LIMITS : LIMITS;
  };
  ctx.report.add(await measureSync(ROWS.code, () => code.run(smallNode.value, alternate()), ctx.config));
  ctx.report.add(await measureSync(ROWS.condition, () => cond.run(condition.value, alternate()), ctx.config));
  const raw = new RawRunner(smallNode, codeWasm, 32);
  ctx.report.add(await measureSync(ROWS.codeFreshInstance, () => raw.run(smallNode.value), ctx.config));
  ctx.report.add(await measureSync(ROWS.codePooled, () => code.run(smallNode.value, LIMITS), ctx.config));
  ctx.report.add(await measureSync(ROWS.conditionPooled, () => cond.run(condition.value, LIMITS), ctx.config));

  const module = new WebAssembly.Module(codeWasm as Uint8Array<ArrayBuffer>);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 32 });
  const imports = importsFor(module, () => memory);
  ctx.report.add(
    await measureSync(
      ROWS.instantiate,
      () => {
        const instance = new WebAssembly.Instance(module, imports);
        (instance.exports.__ice_fuel as WebAssembly.Global).value = BIG_FUEL;
        return instance;
      },
      ctx.config,
    ),
  );

  ctx.report.add(await measureSync(ROWS.memory, () => new WebAssembly.Memory({ initial: 1, maximum: 32 }), ctx.config));

  const unit = toUnit(smallNode);
  const spec = { nodeId: smallNode.id, inputType: unit.inputType, outputType: unit.outputType, capabilities: [] };
  ctx.report.add(
    await measureSync(
      ROWS.compile,
      () => SandboxProgram.compile(codeWasm, spec).run(smallNode.value, LIMITS),
      ctx.config,
    ),
  );
}

/** Bytes of the encoded `{ rows }` input: count, then per row a string and an f64. */
function wireSize(rows: readonly { region: string }[]): number {
  return 4 + rows.reduce((n, r) => n + 4 + 2 * r.region.length + 8, 0);
}
