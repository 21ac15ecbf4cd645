/**
 * @fileoverview A workflow's code nodes compiled as one asc program and split per body
 * (src/emit/wasm/combinedProgram.ts, combinedCompile.ts): each node's module runs as the node's
 * module compiled alone does, has the same exports, holds none of the other bodies' entries, and
 * does not depend on what the cache held (a cold build, a warm one and one after another body
 * changed give the same bytes for the same workflow); a combined program that fails is compiled
 * body by body, so the failure is reported at its body.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compileSandboxUnits, type SandboxUnit } from "../../src/emit/wasm/index.js";
import { settleGroup, type GroupProgram } from "../../src/emit/wasm/combinedCompile.js";
import type { Prepared } from "../../src/emit/wasm/preparedUnit.js";
import { compileAll, LIMITS, unit } from "./helpers.js";

const N = { n: "integer" } as const;
const XS = { xs: "number[]", word: "string" } as const;
const OUT = { total: "number", label: "string" } as const;

const UNITS: SandboxUnit[] = [
  unit(
    "sum",
    'const t = inputs.xs.reduce((a, x) => a + x, 0);\nreturn { total: t, label: "sum " + t.toFixed(2) };',
    XS,
    OUT,
  ),
  unit(
    "words",
    'const m = new Map<string, number>();\nfor (const c of inputs.word) m.set(c, (m.get(c) ?? 0) + 1);\nreturn { total: m.size, label: [...m.keys()].sort().join("") };',
    XS,
    OUT,
  ),
  unit(
    "json",
    "return { total: inputs.xs.length, label: JSON.stringify({ xs: inputs.xs, w: inputs.word }) };",
    XS,
    OUT,
    ["json"],
  ),
  unit("math", "return { total: Math.sqrt(inputs.xs.length), label: inputs.word.toUpperCase() };", XS, OUT, ["math"]),
  // The same body as "sum" under another id: one body of the program, two artifacts.
  unit(
    "sum2",
    'const t = inputs.xs.reduce((a, x) => a + x, 0);\nreturn { total: t, label: "sum " + t.toFixed(2) };',
    XS,
    OUT,
  ),
];
const INPUTS = [
  { xs: [1, 2.5, -3], word: "banana" },
  { xs: [], word: "" },
  { xs: [1e21, -0, 0.1], word: "héllo ✓" },
];

const together = { groupOf: () => "workflow" };

describe("one program per workflow", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "iceosc-combined-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs every node as its module compiled alone does, with the same exports", async () => {
    const alone = await compileAll(UNITS, join(dir, "alone"));
    const combined = await compileSandboxUnits(UNITS, { cacheDir: join(dir, "c1"), ...together });
    expect(alone.diagnostics).toEqual([]);
    expect(combined.diagnostics).toEqual([]);
    // Four distinct bodies, one compile.
    expect(combined.stats).toEqual({ cacheHits: 0, compiled: 1, workerStarted: true });
    const { SandboxProgram } = await import("../../runtime/sandbox/index.js");
    for (const [i, u] of UNITS.entries()) {
      const wasm = combined.artifacts[i]!.wasm;
      const names = (bytes: Uint8Array) =>
        WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(bytes)))
          .map((e) => e.name)
          .sort();
      expect(names(wasm)).toEqual(names(alone.artifacts[i]!.wasm));
      expect(names(wasm)).not.toContain("__ice_run_1");
      const program = SandboxProgram.compile(wasm, {
        nodeId: u.nodeId,
        inputType: u.inputType,
        outputType: u.outputType,
        capabilities: u.capabilities,
      });
      for (const input of INPUTS) {
        expect(program.run(input, LIMITS).output).toEqual(alone.programs.get(u.nodeId)!.run(input, LIMITS).output);
      }
    }
    expect(combined.artifacts[4]!.hash).toBe(combined.artifacts[0]!.hash);
    // The same workflow, cold in another cache, gives the same bytes.
    const again = await compileSandboxUnits(UNITS, { cacheDir: join(dir, "c2"), ...together });
    expect(again.artifacts.map((a) => a.wasm)).toEqual(combined.artifacts.map((a) => a.wasm));
    // Warm: every module from the cache, nothing compiled.
    const warm = await compileSandboxUnits(UNITS, { cacheDir: join(dir, "c1"), ...together });
    expect(warm.stats).toEqual({ cacheHits: 5, compiled: 0, workerStarted: false });
    expect(warm.artifacts.map((a) => a.wasm)).toEqual(combined.artifacts.map((a) => a.wasm));
  });

  it("recompiles the group when one body changes, to the bytes a cold build gives", async () => {
    const a = unit("a", "return { n: inputs.n + 1 };", N, N);
    const b = unit("b", "return { n: inputs.n * 2 };", N, N);
    const c = unit("c", "return { n: inputs.n - 7 };", N, N);
    const cache = join(dir, "changed");
    await compileSandboxUnits([a, b, c], { cacheDir: cache, ...together });
    const b3 = unit("b", "return { n: inputs.n * 3 };", N, N);
    const warm = await compileSandboxUnits([a, b3, c], { cacheDir: cache, ...together });
    const cold = await compileSandboxUnits([a, b3, c], { cacheDir: join(dir, "changed-cold"), ...together });
    expect(warm.diagnostics).toEqual([]);
    expect(warm.stats.compiled).toBe(1);
    expect(warm.artifacts.map((x) => x.wasm)).toEqual(cold.artifacts.map((x) => x.wasm));
  });

  it("a workflow with one code node compiles as before", async () => {
    const a = unit("solo", "return { n: inputs.n + 1 };", N, N);
    const grouped = await compileSandboxUnits([a], { cacheDir: join(dir, "solo1"), ...together });
    const alone = await compileSandboxUnits([a], { cacheDir: join(dir, "solo2") });
    expect(grouped.artifacts[0]!.wasm).toEqual(alone.artifacts[0]!.wasm);
    expect(grouped.artifacts[0]!.hash).toBe(alone.artifacts[0]!.hash);
  });

  it("reports a body's failure at the body: a failed program is compiled body by body", async () => {
    const members = [{ hash: "a" }, { hash: "b" }, { hash: "a" }] as unknown as Prepared[];
    const program: GroupProgram = { sources: ["a", "b"], keys: ["ka", "kb"], indexOf: [0, 1, 0], entry: "", files: {} };
    const alone = vi.fn(async (group: Prepared[]) => [{ code: `alone ${group.length}` }] as never[]);
    const sink = { record: vi.fn(), remember: vi.fn(), store: vi.fn(), alone };
    const meter = () => Promise.reject(new Error("not metered"));
    const failed = await settleGroup(
      members,
      program,
      { diagnostics: [], failure: { kind: "crash", message: "x" } },
      meter,
      sink,
    );
    expect(alone.mock.calls.map(([group]) => group.map((p) => p.hash))).toEqual([["a", "a"], ["b"]]);
    expect(failed).toEqual([{ code: "alone 2" }, { code: "alone 1" }]);
    expect(sink.record).not.toHaveBeenCalled();
    alone.mockClear();
    const errored = await settleGroup(
      members,
      program,
      { diagnostics: [{ category: 3, code: 1, message: "e", path: "", start: 0, end: 0 }] },
      meter,
      sink,
    );
    expect(errored).toHaveLength(2);
    expect(alone).toHaveBeenCalledTimes(2);
  });
});
