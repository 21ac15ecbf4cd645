/**
 * @fileoverview The process-wide budget of grown memories kept ready (runtime/sandbox/program.ts
 * GROWN_BUDGET): programs whose runs grew their memory keep it for the next run until together
 * they hold the budget; past it a grown memory is dropped after its run (the next run gets a
 * fresh one) and runs stay correct either way.
 */
import { describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { GROWN_BUDGET } from "../../runtime/sandbox/program.js";
import { compileAll, LIMITS, MiB, unit } from "./helpers.js";

describe("grown memories kept per process", () => {
  it("stay within GROWN_BUDGET, and runs past it are still right", async () => {
    // About 2.2 MB of text: the memory grows past 2 MiB (and stays within the 4 MiB kept per instance).
    const u = unit(
      "big",
      'const s = "ab".repeat(inputs.n);\nreturn { n: s.length };',
      { n: "integer" },
      { n: "integer" },
    );
    const { artifacts } = await compileAll([u]);
    const spec = { nodeId: "big", inputType: u.inputType, outputType: u.outputType, capabilities: [] };
    const limits = { ...LIMITS, fuel: 1e9, memoryBytes: 16 * MiB };
    const count = Math.ceil(GROWN_BUDGET / (2 * MiB)) + 4;
    const programs = Array.from({ length: count }, () => SandboxProgram.compile(artifacts[0]!.wasm, spec));
    for (const program of programs) expect(program.run({ n: 550_000 }, limits).output).toEqual({ n: 1_100_000 });
    const kept = programs.filter((p) => p.hasReadyInstance).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(GROWN_BUDGET / (2 * MiB));
    // Runs on kept and on dropped instances give the same answer.
    for (const program of programs) expect(program.run({ n: 3 }, limits).output).toEqual({ n: 6 });
  });
});
