/**
 * @fileoverview The per-process bound on ready instances (runtime/sandbox/readyInstances.ts): past
 * MAX_READY the longest-listed program gives its instance up, and a program that gave it up runs
 * as before (on a fresh instance) and is listed again.
 */
import { describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { keepReady, MAX_READY, readyCount, type ReadyHolder } from "../../runtime/sandbox/readyInstances.js";
import { compileAll, LIMITS, unit } from "./helpers.js";

describe("ready instances per process", () => {
  it("stay within MAX_READY, giving up the longest-listed first", () => {
    const dropped: number[] = [];
    const holders: ReadyHolder[] = Array.from({ length: MAX_READY + 3 }, (_, i) => ({
      dropReady: () => dropped.push(i),
    }));
    for (const holder of holders) keepReady(holder);
    keepReady(holders[MAX_READY + 2]!); // listed already: nothing moves
    expect(readyCount()).toBe(MAX_READY);
    expect(dropped).toEqual([0, 1, 2]);
  });

  it("lets a program that gave its instance up run as before", async () => {
    const u = unit("evicted", "return { n: inputs.n * 2 };", { n: "integer" }, { n: "integer" });
    const { artifacts } = await compileAll([u]);
    const spec = { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: [] };
    const program = SandboxProgram.compile(artifacts[0]!.wasm, spec);
    program.prepare(LIMITS);
    expect(program.hasReadyInstance).toBe(true);
    const expected = program.run({ n: 21 }, LIMITS);
    program.dropReady();
    expect(program.hasReadyInstance).toBe(false);
    expect(program.run({ n: 21 }, LIMITS)).toEqual(expected);
    expect(program.hasReadyInstance).toBe(true);
  });
});
