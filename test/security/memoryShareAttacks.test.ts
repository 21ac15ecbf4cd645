/**
 * @fileoverview Red team of shared sandbox memories (runtime/sandbox/memoryPool.ts, program.ts):
 * attacks from the outside, as a workflow author or a host embedding the runtime can make them,
 * against the invariant of SPEC sections 4a and 8: a run starts on exactly what a fresh instance
 * of its own program holds, observes nothing of any other run (another program's, or an earlier
 * run of its own, failed or not), keeps its V8-enforced memory cap, and gives a fresh program's
 * output and fuel. Programs are forced onto one memory per cap (`setMemoriesPerCap(1)`); the
 * reference is a program on a brand-new memory (`freshRun`: the pool's bound raised so it makes
 * one) or the body run as plain JavaScript (test/oracle/reference.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram, type SandboxSpec } from "../../runtime/sandbox/index.js";
import type { SandboxLimits } from "../../runtime/profiles.js";
import { setMemoriesPerCap } from "../../runtime/sandbox/memoryPool.js";
import type { SandboxUnit } from "../../src/emit/wasm/index.js";
import { compileAll, MiB, unit } from "../sandbox/helpers.js";

const LIMITS: SandboxLimits = { fuel: 1e9, memoryBytes: 16 * MiB, timeoutMs: 60_000 };

/** Bodies by node id. `grower` grows its memory by one large string (to a size no doubling gives). */
const UNITS: SandboxUnit[] = [
  unit("grower", 'const s = "x".repeat(inputs.n);\nreturn { n: s.length };', { n: "integer" }, { n: "integer" }),
  unit(
    "deepAfterAlloc",
    [
      "function down(k: number): number { return k <= 0 ? 0 : 1 + down(k + 1); }",
      "const parts: string[] = [];",
      'for (let i = 0; i < inputs.n; i++) parts.push("ab".repeat(500) + i.toString());',
      "if (inputs.deep) return { n: down(1) };",
      "return { n: parts.length };",
    ].join("\n"),
    { n: "integer", deep: "boolean" },
    { n: "number" },
  ),
];

const wasmOf = new Map<string, { wasm: Uint8Array; spec: SandboxSpec }>();
let previousBound = 0;

beforeAll(async () => {
  previousBound = setMemoriesPerCap(1);
  const { artifacts } = await compileAll(UNITS);
  for (const u of UNITS) {
    const wasm = artifacts.find((a) => a.nodeId === u.nodeId)!.wasm;
    wasmOf.set(u.nodeId, {
      wasm,
      spec: { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: u.capabilities },
    });
  }
});

afterAll(() => {
  setMemoriesPerCap(previousBound);
});

/** A new program of node `id` (bound to the pool's shared memory). */
function make(id: string): SandboxProgram {
  const { wasm, spec } = wasmOf.get(id)!;
  return SandboxProgram.compile(wasm, spec);
}

/** The result of `run`, or the error's code and message when it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code, message: e.message };
  }
}

/** What a fresh program on a brand-new memory gives (the pool's bound is raised for it). */
function freshRun(id: string, input: Record<string, unknown>, limits: SandboxLimits): unknown {
  const bound = setMemoriesPerCap(1_000_000);
  try {
    return outcome(() => make(id).run(input, limits));
  } finally {
    setMemoriesPerCap(bound);
  }
}

describe("a memory another program grew", () => {
  // The allocator doubles the memory, and grows by what it needs when doubling passes the cap;
  // whether a doubling fails depends on the size the run's memory starts at, which the last
  // program on a shared memory decided. The out-of-memory flag set by such a refused doubling
  // turned the run's later stack overflow into ICE_MEMORY_LIMIT (fixed: the flag says the LAST
  // grow failed, src/emit/wasm/meterHelpers.ts).
  for (const grownTo of [0, 100_000, 1_500_000, 1_900_000]) {
    it(`changes no outcome (grown by a ${grownTo}-character string)`, () => {
      for (const n of [10, 4_000, 7_000])
        for (const deep of [false, true]) {
          const grower = make("grower");
          const victim = make("deepAfterAlloc");
          if (grownTo > 0) expect(grower.run({ n: grownTo }, LIMITS).output).toEqual({ n: grownTo });
          const input = { n, deep };
          const got = outcome(() => victim.run(input, LIMITS));
          expect({ input, got }).toEqual({ input, got: freshRun("deepAfterAlloc", input, LIMITS) });
          if (deep && n < 7_000) expect(got).toMatchObject({ code: "ICE_SANDBOX_TRAP", message: /stack overflow/ });
        }
    });
  }
});
