/**
 * @fileoverview The hostile-code suite: every case in cases.ts compiled in one
 * compileSandboxUnits call, then run with the input that makes it misbehave. Each must end with
 * its exact error code; afterwards the host must still run a sentinel node correctly, and the
 * same node must succeed on a normal input (no state survives a failed run).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxLimits } from "../../../runtime/profiles.js";
import type { SandboxProgram } from "../../../runtime/sandbox/index.js";
import type { CompileSandboxResult } from "../../../src/emit/wasm/index.js";
import { compileAll, unit } from "../helpers.js";
import { HOSTILE_CASES, MiB, REFUSED_BODIES } from "./cases.js";

const N = { n: "integer" } as const;
const DEFAULT_LIMITS: SandboxLimits = { fuel: 50_000_000, memoryBytes: 4 * MiB, timeoutMs: 5_000 };
const SENTINEL = unit(
  "sentinel",
  'const words = inputs.text.split(" ");\nlet longest = 0;\nfor (const w of words) longest = Math.max(longest, w.length);\nreturn { words: words.length, longest };',
  { text: "string" },
  { words: "integer", longest: "integer" },
  ["math"],
);
// Sums the text and leaves a copy of it on the heap. Reading another run's heap would need forged
// pointers, which code nodes cannot write (changetype/StaticArray are refused: REFUSED_BODIES);
// what is checked here is that a reused instance starts from exactly the same state.
const SNOOP = unit(
  "snoop",
  "let s = 0;\nfor (let i = 0; i < inputs.text.length; i++) s += inputs.text.charCodeAt(i);\nconst after = inputs.text.repeat(2);\nreturn { n: s + after.length - after.length + inputs.scan };",
  { text: "string", scan: "integer" },
  N,
);
const LOGGER = unit(
  "logger",
  'for (let i = 0; i < inputs.n; i++) console.log("line " + i.toString());\nconsole.log("x".repeat(inputs.n) + "\\u001b[31m");\nreturn { n: inputs.n };',
  N,
  N,
  ["log"],
);
const CLOCK = unit(
  "clock",
  "const a = Date.now();\nconst b = Date.now();\nreturn { a, b, r: Math.random() };",
  {},
  { a: "number", b: "number", r: "number" },
  ["time", "random"],
);
const EXACT = unit(
  "exact",
  "let s = 0;\nfor (let i = 0; i < inputs.n; i++) s = (s + i) & 255;\nreturn { n: s };",
  N,
  N,
);

let compiled: CompileSandboxResult & { programs: Map<string, SandboxProgram> };

beforeAll(async () => {
  const units = [
    SENTINEL,
    SNOOP,
    LOGGER,
    CLOCK,
    EXACT,
    ...HOSTILE_CASES.map((c) => unit(c.id, c.body, c.input ?? N, c.output ?? N, c.capabilities ?? [])),
    ...REFUSED_BODIES.map((c) => unit(c.id, c.body, N, N, c.capabilities ?? [])),
  ];
  compiled = await compileAll(units);
}, 120_000);

const program = (id: string): SandboxProgram => {
  const found = compiled.programs.get(id);
  if (!found)
    throw new Error(
      `'${id}' did not compile: ${compiled.diagnostics
        .filter((d) => d.span?.file.path === `${id}.yaml`)
        .map((d) => d.message)
        .join("; ")}`,
    );
  return found;
};

function failure(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected the run to fail");
}

function expectHealthy(): void {
  expect(program("sentinel").run({ text: "a quick brown fox" }, DEFAULT_LIMITS).output).toEqual({
    words: 4,
    longest: 5,
  });
}

describe("hostile code nodes", () => {
  it("compiles every runnable hostile case", () => {
    const runnable = new Set(["sentinel", "snoop", "logger", "clock", "exact", ...HOSTILE_CASES.map((c) => c.id)]);
    const problems = compiled.diagnostics.filter((d) => runnable.has(d.span?.file.path.replace(/\.yaml$/, "") ?? ""));
    expect(problems.map((d) => `${d.span?.file.path} ${d.code} ${d.message}`)).toEqual([]);
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(36);
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.id}: ${c.code}, then the host and the node recover`, () => {
      const limits = { ...DEFAULT_LIMITS, ...c.limits };
      const started = performance.now();
      const error = failure(() => program(c.id).run(c.bad, limits));
      const elapsed = performance.now() - started;
      expect(error.code, error.message).toBe(c.code);
      if (c.message) expect(error.message).toMatch(c.message);
      // Generous, so load cannot fail it: these cases' fuel would last for hours.
      if (c.code === "ICE_TIMEOUT") expect(elapsed).toBeLessThan(limits.timeoutMs + 30_000);
      expectHealthy();
      // The good run keeps the case's fuel and memory but not a tight timeout meant for the bad one.
      const again = program(c.id).run(c.good, {
        ...limits,
        timeoutMs: Math.max(limits.timeoutMs, DEFAULT_LIMITS.timeoutMs),
      });
      if (c.goodOutput) expect(again.output).toEqual(c.goodOutput);
      expectHealthy();
    });
  }

  it("refuses code that reaches for the host or raw memory at compile time", () => {
    for (const c of REFUSED_BODIES) {
      const codes = compiled.diagnostics.filter((d) => d.span?.file.path === `${c.id}.yaml`).map((d) => d.code);
      expect(codes, c.id).toContain(c.code);
      expect(compiled.programs.has(c.id), c.id).toBe(false);
    }
  });

  it("leaves nothing of one run in memory for the next", () => {
    const snoop = program("snoop");
    const scan = { text: "abc", scan: 20_000 };
    const first = snoop.run(scan, DEFAULT_LIMITS);
    expect(first.output).toEqual({ n: 97 + 98 + 99 + 20_000 });
    const secret = { text: "Z".repeat(8_000), scan: 0 };
    expect(snoop.run(secret, DEFAULT_LIMITS).output).toEqual({ n: 90 * 8_000 });
    // The same instance is reused after a successful run: same output, same fuel.
    expect(snoop.run(scan, DEFAULT_LIMITS)).toEqual(first);
    // ... and after a failed one (the instance is dropped).
    expect(failure(() => snoop.run(secret, { ...DEFAULT_LIMITS, fuel: 5_000 })).code).toBe("ICE_FUEL_EXHAUSTED");
    expect(snoop.run(scan, DEFAULT_LIMITS)).toEqual(first);
  });

  it("bounds log output per run and strips control characters", () => {
    const lines: string[] = [];
    const hooks = { log: (m: string) => lines.push(m) };
    expect(program("logger").run({ n: 5_000 }, { ...DEFAULT_LIMITS, memoryBytes: 64 * MiB }, hooks).output).toEqual({
      n: 5_000,
    });
    expect(lines.length).toBeLessThanOrEqual(1_001);
    expect(lines.join("").length).toBeLessThanOrEqual(70_000);
    expect(lines.at(-1)).toMatch(/log output truncated/);
    lines.length = 0;
    program("logger").run({ n: 3 }, DEFAULT_LIMITS, hooks);
    expect(lines).toEqual(["line 0", "line 1", "line 2", "xxx?[31m"]);
  });

  it("makes time and random deterministic under a seed", () => {
    const a = program("clock").run({}, DEFAULT_LIMITS, { seed: 7 }).output;
    const b = program("clock").run({}, DEFAULT_LIMITS, { seed: 7 }).output;
    const c = program("clock").run({}, DEFAULT_LIMITS, { seed: 8 }).output;
    expect(a).toEqual(b);
    expect(a.r).not.toBe(c.r);
    expect(a.b).toBe((a.a as number) + 1);
  });

  it("stops at exactly the budget, whatever the slicing: fuel is exact and deterministic", () => {
    const n = 3_000_000; // well past the first slice of fuel the host hands out
    const { fuelUsed } = program("exact").run({ n }, { ...DEFAULT_LIMITS, fuel: 1e12 });
    expect(program("exact").run({ n }, { ...DEFAULT_LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(failure(() => program("exact").run({ n }, { ...DEFAULT_LIMITS, fuel: fuelUsed - 1 })).code).toBe(
      "ICE_FUEL_EXHAUSTED",
    );
    expect(program("exact").run({ n }, { ...DEFAULT_LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
  });

  it("keeps concurrent nodes apart when one of them fails", async () => {
    const tasks = Array.from({ length: 30 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i % 3));
      if (i % 3 === 0)
        return failure(() =>
          program("array_bomb").run({ n: 1e9 }, { fuel: 1e15, memoryBytes: 2 * MiB, timeoutMs: 10_000 }),
        ).code;
      if (i % 3 === 1) return program("sentinel").run({ text: `w ${"x".repeat(i)}` }, DEFAULT_LIMITS).output;
      return failure(() => program("while_true").run({ n: 1 }, { ...DEFAULT_LIMITS, fuel: 10_000 })).code;
    });
    const results = await Promise.all(tasks);
    results.forEach((result, i) => {
      if (i % 3 === 0) expect(result).toBe("ICE_MEMORY_LIMIT");
      else if (i % 3 === 1) expect(result).toEqual({ words: 2, longest: i });
      else expect(result).toBe("ICE_FUEL_EXHAUSTED");
    });
    expectHealthy();
  });
});
