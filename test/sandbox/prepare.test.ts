/**
 * @fileoverview An instance prepared ahead of need (what generated modules do on import) behaves
 * exactly like a fresh one: same output, same fuel, and only runs with matching limits use it.
 * Preparing warms the run path with runs on a sample input; a body that fails on the sample,
 * or runs out of the warm-up's small fuel, still leaves a fresh instance ready.
 */
import { describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { compileAll, LIMITS, MiB, unit } from "./helpers.js";

describe("SandboxProgram.prepare", () => {
  it("serves the first run with the same output and fuel as a fresh instance", async () => {
    const body = 'let s = "";\nfor (let i = 0; i < inputs.n; i++) s += i.toString();\nreturn { n: s.length };';
    const digits = unit("digits", body, { n: "integer" }, { n: "integer" });
    const { artifacts } = await compileAll([digits]);
    const spec = { nodeId: "digits", inputType: digits.inputType, outputType: digits.outputType, capabilities: [] };
    const fresh = SandboxProgram.compile(artifacts[0]!.wasm, spec);
    const prepared = SandboxProgram.compile(artifacts[0]!.wasm, spec);
    expect(prepared.hasReadyInstance).toBe(false);
    prepared.prepare(LIMITS);
    expect(prepared.hasReadyInstance).toBe(true);
    const expected = fresh.run({ n: 500 }, LIMITS);
    expect(expected.output).toEqual({ n: 1390 });
    expect(prepared.run({ n: 500 }, LIMITS)).toEqual(expected);
    expect(prepared.run({ n: 500 }, { ...LIMITS, memoryBytes: 8 * MiB })).toEqual(expected);
    expect(prepared.run({ n: 500 }, LIMITS)).toEqual(expected);
  });

  it("leaves a fresh instance when the body fails on the warm-up's sample input", async () => {
    const throws = unit(
      "picky",
      'if (inputs.xs.length > 0 && inputs.s.length > 0) throw new Error("sample");\nreturn { n: inputs.xs.length };',
      { xs: "number[]", s: "string" },
      { n: "integer" },
    );
    const spins = unit(
      "spins",
      "let k = 0;\nfor (let i = 0; i < inputs.n * 1e7; i++) k += i % 3;\nreturn { n: k };",
      { n: "integer" },
      { n: "integer" },
    );
    const { artifacts } = await compileAll([throws, spins]);
    for (const [u, input] of [
      [throws, { xs: [], s: "x" }],
      [spins, { n: 0 }],
    ] as const) {
      const spec = { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: [] };
      const wasm = artifacts.find((a) => a.nodeId === u.nodeId)!.wasm;
      const prepared = SandboxProgram.compile(wasm, spec);
      prepared.prepare(LIMITS);
      expect(prepared.hasReadyInstance).toBe(true);
      const fresh = SandboxProgram.compile(wasm, spec).run(input, LIMITS);
      expect(prepared.run(input, LIMITS)).toEqual(fresh);
    }
  });
});
