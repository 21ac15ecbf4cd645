/**
 * @fileoverview A used instance is reset when the event loop next turns, or when its program runs
 * again, whichever comes first (runtime/sandbox/deferredReset.ts): runs give the same output and
 * fuel either way, a run never sees an earlier run's state, and at most MAX_WAITING used
 * instances wait for their reset at once.
 */
import { describe, expect, it } from "vitest";
import { directFunction } from "../../bench/sandbox/units.js";
import { deferReset, MAX_WAITING, type ResetHolder } from "../../runtime/sandbox/deferredReset.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { compileAll, LIMITS, MiB, unit } from "./helpers.js";

const BODY = [
  "const seen: Record<string, number> = {};",
  "for (const w of inputs.words) seen[w] = (seen[w] ?? 0) + 1;",
  "const keys = Object.keys(seen).sort();",
  'return { keys: keys.join(","), n: keys.length };',
].join("\n");
const direct = directFunction(BODY);
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("deferred reset of used instances", () => {
  it("gives the same output and fuel with runs back to back and with turns between them", async () => {
    const u = unit("dedupe", BODY, { words: ["string"] }, { keys: "string", n: "integer" });
    const { artifacts } = await compileAll([u]);
    const spec = { nodeId: "dedupe", inputType: u.inputType, outputType: u.outputType, capabilities: [] };
    // The large input takes most of the memory cap: a run after one that was not reset would fail.
    const large = Array.from({ length: 12_000 }, (_, i) => `w${i % 5_000}`);
    const inputs = [["b", "a", "b"], large, ["z"], large, [], ["é", "e", "é", "a"], large].map((words) => ({ words }));
    const limits = { ...LIMITS, fuel: 1e9, memoryBytes: 2 * MiB };
    const fresh = inputs.map((input) => SandboxProgram.compile(artifacts[0]!.wasm, spec).run(input, limits));
    for (const [i, input] of inputs.entries()) expect(fresh[i]!.output).toEqual(direct(input));

    const backToBack = SandboxProgram.compile(artifacts[0]!.wasm, spec);
    expect(inputs.map((input) => backToBack.run(input, limits))).toEqual(fresh);

    const withTurns = SandboxProgram.compile(artifacts[0]!.wasm, spec);
    const results = [];
    for (const input of inputs) {
      results.push(withTurns.run(input, limits));
      await nextTurn();
    }
    expect(results).toEqual(fresh);
    expect(withTurns.hasReadyInstance).toBe(true);
  });

  it("resets on the next turn, and all at once past MAX_WAITING", async () => {
    const resets: number[] = [];
    const holder = (i: number): ResetHolder => ({ resetUsed: () => resets.push(i) });
    const one = holder(-1);
    deferReset(one);
    deferReset(one);
    expect(resets).toEqual([]);
    await nextTurn();
    expect(resets).toEqual([-1]);

    resets.length = 0;
    for (let i = 0; i < MAX_WAITING; i++) deferReset(holder(i));
    expect(resets).toEqual([]);
    deferReset(holder(MAX_WAITING));
    expect(resets).toEqual(Array.from({ length: MAX_WAITING + 1 }, (_, i) => i));
    await nextTurn();
    expect(resets).toHaveLength(MAX_WAITING + 1);
  });
});
