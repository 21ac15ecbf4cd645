/**
 * @fileoverview An instance prepared ahead of need (what generated modules do on import) behaves
 * exactly like a fresh one: same output, same fuel, and only runs with matching limits use it.
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
});
