/**
 * @fileoverview The pool of shared memories (runtime/sandbox/memoryPool.ts): a process holds more
 * prepared programs than V8 allows live memories (~13,000 on x64 Linux), at most
 * MEMORIES_PER_CAP memories per cap, and every program still runs exactly like a fresh one.
 */
import { describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { MEMORIES_PER_CAP, poolMemories } from "../../runtime/sandbox/memoryPool.js";
import { compileAll, LIMITS, unit } from "./helpers.js";

describe("the memory pool", () => {
  it("holds more prepared programs than V8 allows memories, with at most MEMORIES_PER_CAP memories", async () => {
    const u = unit("many", "return { n: inputs.n * 3 + 1 };", { n: "integer" }, { n: "integer" });
    const { artifacts } = await compileAll([u]);
    const spec = { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: [] };
    const programs: SandboxProgram[] = [];
    for (let i = 0; i < 14_000; i++) {
      const program = SandboxProgram.compile(artifacts[0]!.wasm, spec);
      program.prepare(LIMITS);
      expect(program.hasReadyInstance).toBe(true);
      programs.push(program);
    }
    const cap = LIMITS.memoryBytes / 65_536;
    expect(poolMemories(cap).length).toBe(MEMORIES_PER_CAP);
    for (const [i, program] of programs.entries()) {
      if (i % 97 === 0 || i > programs.length - 3)
        expect(program.run({ n: i }, LIMITS).output).toEqual({ n: i * 3 + 1 });
    }
    expect(poolMemories(cap).length).toBe(MEMORIES_PER_CAP);
  });
});
