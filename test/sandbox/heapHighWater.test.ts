/**
 * @fileoverview A program reset for its own next run zeroes only up to its run's high-water mark
 * (`__ice_heap_end`, src/emit/wasm/allocator.ts; runtime/sandbox/program.ts reset). That is exact
 * only if nothing a run does writes past the mark: blocks freed or shrunk at the heap's end (sort
 * buffers, strings built and trimmed, arrays emptied), the codec's output buffer, host-written
 * strings. After each run of such bodies the memory the next run starts with must be byte for
 * byte what a fresh instance starts with.
 */
import { describe, expect, it } from "vitest";
import { directFunction } from "../../bench/sandbox/units.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { compileAll, LIMITS, MiB, programOf, unit } from "./helpers.js";

const BODIES: Record<string, string> = {
  sortAndShrink: [
    "const xs: number[] = [];",
    "for (let i = 0; i < inputs.n; i++) xs.push((i * 7919) % 1000);",
    "const words = inputs.s.split(' ');",
    "words.sort();",
    "xs.sort((a, b) => a - b);",
    "const top = xs.slice(0, 3);",
    "xs.length = 0;",
    "return { a: top.join(','), b: words.join('|').length };",
  ].join("\n"),
  buildAndTrim: [
    "let t = '';",
    "for (let i = 0; i < inputs.n; i++) t += String.fromCharCode(65 + (i % 26));",
    "const trimmed = (t + '   ').trim().toLowerCase();",
    "const m = new Map<string, number>();",
    "for (const c of trimmed) m.set(c, (m.get(c) ?? 0) + 1);",
    "return { a: trimmed.slice(0, 10) + inputs.s.toUpperCase(), b: m.size };",
  ].join("\n"),
  // Integer-like keys are ordered with AssemblyScript's sort, which frees its buffers at the heap's end.
  indexKeys: [
    "const d: Record<string, number> = {};",
    "for (let i = inputs.n; i > 0; i--) d[String(i)] = i;",
    "const keys = Object.keys(d);",
    "return { a: keys.slice(0, 5).join(',') + inputs.s, b: keys.length };",
  ].join("\n"),
  jsonAndRegex: [
    "const o = JSON.parse(JSON.stringify({ s: inputs.s, n: inputs.n, list: [1, 2, inputs.n] }));",
    "const r = inputs.s.replace(/[aeiou]+/g, (v) => v.length.toString());",
    "return { a: r + JSON.stringify(o), b: r.length };",
  ].join("\n"),
};

const INPUTS = [
  { n: 3000, s: "the quick brown fox jumps over the lazy dog ünïcödé" },
  { n: 0, s: "" },
  { n: 50, s: "aeiou aeiou" },
  { n: 20_000, s: "x".repeat(5000) },
  { n: 1, s: "b" },
];

/** Throws unless `kept` equals `fresh` where both have bytes, and is zero past `fresh`'s end. */
function expectSameStart(kept: Uint8Array, fresh: Uint8Array): void {
  expect(kept.length).toBeGreaterThanOrEqual(fresh.length);
  const differs = fresh.findIndex((b, i) => kept[i] !== b);
  expect(differs).toBe(-1);
  expect(kept.subarray(fresh.length).some((b) => b !== 0)).toBe(false);
}

describe("reset to a run's high-water mark", () => {
  it("leaves exactly a fresh instance's memory after runs that free, shrink and move blocks", async () => {
    const units = Object.entries(BODIES).map(([id, body]) =>
      unit(id, body, { n: "integer", s: "string" }, { a: "string", b: "integer" }, ["json"]),
    );
    const compiled = await compileAll(units);
    const limits = { ...LIMITS, fuel: 1e9, memoryBytes: 16 * MiB };
    for (const u of units) {
      programOf(compiled, u.nodeId); // fails with the body's diagnostics if it did not compile
      const wasm = compiled.artifacts.find((a) => a.nodeId === u.nodeId)!.wasm;
      const spec = { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: u.capabilities };
      const fresh = () => SandboxProgram.compile(wasm, spec);
      const direct = directFunction(BODIES[u.nodeId]!);
      const kept = fresh();
      const freshStart = fresh().startingMemory(limits);
      for (const input of INPUTS) {
        const result = kept.run(input, limits);
        expect(result.output).toEqual(direct(input));
        expectSameStart(kept.startingMemory(limits), freshStart);
      }
    }
  });
});
