/**
 * @fileoverview Compiles a batch of units once and runs them through SandboxProgram: outputs,
 * the error codes of README "Errors and diagnostics", determinism of fuel, isolation between runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileAll, LIMITS, MiB, programOf, thrown, unit } from "./helpers.js";

const WORD_STATS = `const words = inputs.text.split(" ");
let longest = 0;
for (let i = 0; i < words.length; i++) if (words[i].length > longest) longest = words[i].length;
return { words: words.length, longest: longest };`;

const N = { n: "integer" } as const;

const UNITS = [
  unit("stats", WORD_STATS, { text: "string" }, { words: "integer", longest: "integer" }, ["math"]),
  unit("spin", "let i = 0;\nwhile (inputs.n > 0) { i++; }\nreturn { n: i };", N, N),
  unit("count", "let total = 0;\nfor (let i = 0; i < inputs.n; i++) total += i & 7;\nreturn { n: total };", N, N),
  unit(
    "push",
    "const a = new Array<number>();\nfor (let i = 0; i < inputs.n; i++) a.push(i);\nreturn { n: a.length };",
    N,
    N,
  ),
  unit("double", 'let s = "ab";\nfor (let i = 0; i < inputs.n; i++) s = s + s;\nreturn { n: s.length };', N, N),
  unit("throws", 'if (inputs.n > 0) throw new Error("boom " + inputs.n.toString());\nreturn { n: 1 };', N, N),
  unit("index", "const a = [1, 2, 3];\nreturn { n: a[inputs.n] };", N, N),
  // Nested functions cannot name themselves in AssemblyScript; recurse through a function reference.
  unit(
    "recurse",
    "function down(k: number): number { return k == 0 ? 0 : 1 + down(k - 1); }\nreturn { n: down(inputs.n) };",
    N,
    N,
  ),
  unit(
    "cond",
    "return { result: inputs.total > inputs.threshold };",
    { total: "number", threshold: "number" },
    { result: "boolean" },
    [],
    "condition",
  ),
  unit(
    "echo",
    "let sum = 0;\nfor (const row of inputs.rows) sum += row.score ?? 0;\n" +
      'return { name: inputs.name + "!", tags: inputs.tags, rows: inputs.rows, meta: inputs.meta, limit: inputs.limit, sum: sum, none: undefined };',
    {
      name: "string",
      tags: "string[]",
      rows: [{ id: "integer", score: "number?" }],
      meta: { flag: "boolean", note: "string?" },
      limit: "integer?",
    },
    {
      name: "string",
      tags: "string[]",
      rows: [{ id: "integer", score: "number?" }],
      meta: { flag: "boolean", note: "string?" },
      limit: "integer?",
      sum: "number",
      none: "string?",
    },
  ),
  unit(
    "host",
    'console.log("hello " + inputs.name);\nreturn { r: Math.random(), t: Date.now(), floor: Math.floor(2.5) };',
    { name: "string" },
    { r: "number", t: "number", floor: "number" },
    ["log", "random", "time", "math"],
  ),
];

let compiled: Awaited<ReturnType<typeof compileAll>>;

beforeAll(async () => {
  compiled = await compileAll(UNITS);
  expect(compiled.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
}, 60_000);

const program = (id: string) => programOf(compiled, id);

describe("sandbox runs", () => {
  it("runs the word_stats example", () => {
    const { output, fuelUsed } = program("stats").run({ text: "the quick brown fox jumps" }, LIMITS);
    expect(output).toEqual({ words: 5, longest: 5 });
    expect(fuelUsed).toBeGreaterThan(0);
  });

  it("burns the same fuel for the same input, more for more work", () => {
    const a = program("count").run({ n: 1000 }, LIMITS);
    const b = program("count").run({ n: 1000 }, LIMITS);
    const c = program("count").run({ n: 2000 }, LIMITS);
    expect(a).toEqual(b);
    expect(a.output).toEqual({ n: 3500 });
    expect(c.fuelUsed).toBeGreaterThan(a.fuelUsed);
  });

  it("stops a loop that never ends with ICE_FUEL_EXHAUSTED, and the next run succeeds", () => {
    expect(thrown(() => program("spin").run({ n: 1 }, { ...LIMITS, fuel: 100_000 })).code).toBe("ICE_FUEL_EXHAUSTED");
    expect(program("spin").run({ n: 0 }, LIMITS).output).toEqual({ n: 0 });
    expect(program("stats").run({ text: "a bb" }, LIMITS).output).toEqual({ words: 2, longest: 2 });
  });

  it("stops unbounded allocation with ICE_MEMORY_LIMIT", () => {
    const limits = { fuel: 1e12, memoryBytes: 1 * MiB, timeoutMs: 10_000 };
    expect(thrown(() => program("push").run({ n: 1e9 }, limits)).code).toBe("ICE_MEMORY_LIMIT");
    expect(thrown(() => program("double").run({ n: 60 }, limits)).code).toBe("ICE_MEMORY_LIMIT");
    expect(program("push").run({ n: 10 }, limits).output).toEqual({ n: 10 });
  });

  it("reports throw, index out of range and deep recursion as ICE_SANDBOX_TRAP", () => {
    const boom = thrown(() => program("throws").run({ n: 7 }, LIMITS));
    expect(boom.code).toBe("ICE_SANDBOX_TRAP");
    expect(boom.message).toContain("boom 7");
    expect(program("throws").run({ n: 0 }, LIMITS).output).toEqual({ n: 1 });
    const index = thrown(() => program("index").run({ n: 5 }, LIMITS));
    expect(index.code).toBe("ICE_SANDBOX_TRAP");
    expect(index.message).toMatch(/out of range/i);
    const deep = thrown(() => program("recurse").run({ n: 10_000_000 }, { ...LIMITS, fuel: 1e12 }));
    expect(deep.code).toBe("ICE_SANDBOX_TRAP");
    expect(program("recurse").run({ n: 100 }, LIMITS).output).toEqual({ n: 100 });
  });

  it("runs a condition unit", () => {
    expect(program("cond").run({ total: 10, threshold: 3 }, LIMITS).output).toEqual({ result: true });
    expect(program("cond").run({ total: 1, threshold: 3 }, LIMITS).output).toEqual({ result: false });
  });

  it("round-trips nested objects, arrays and optional fields", () => {
    const input = {
      name: "héllo 🌍",
      tags: ["a", "", "long tag with unicode ✓"],
      rows: [{ id: 1, score: 1.5 }, { id: -2147483648 }],
      meta: { flag: true, note: "n" },
      limit: 42,
    };
    expect(program("echo").run(input, LIMITS).output).toEqual({ ...input, name: "héllo 🌍!", sum: 1.5 });
    const sparse = { name: "", tags: [], rows: [], meta: { flag: false } };
    expect(program("echo").run(sparse, LIMITS).output).toEqual({ ...sparse, name: "!", sum: 0 });
  });

  it("rejects bad input with ICE_INPUT_INVALID before running", () => {
    expect(thrown(() => program("stats").run({ text: 5 }, LIMITS)).code).toBe("ICE_INPUT_INVALID");
    expect(thrown(() => program("count").run({ n: 1.5 }, LIMITS)).code).toBe("ICE_INPUT_INVALID");
  });

  it("reports ICE_TIMEOUT when a run exceeds its wall-clock limit", () => {
    expect(thrown(() => program("count").run({ n: 20_000_000 }, { ...LIMITS, fuel: 1e12, timeoutMs: 1 })).code).toBe(
      "ICE_TIMEOUT",
    );
  });

  it("gives granted capabilities the host hooks: log, seeded random, clock", () => {
    const logged: string[] = [];
    const hooks = { log: (m: string) => logged.push(m), seed: 42, now: () => 1234 };
    const a = program("host").run({ name: "ice" }, LIMITS, hooks);
    const b = program("host").run({ name: "ice" }, LIMITS, hooks);
    expect(logged).toEqual(["hello ice", "hello ice"]);
    expect(a.output.t).toBe(1234);
    expect(a.output.floor).toBe(2);
    expect(a.output.r).toBe(b.output.r);
    expect(a.fuelUsed).toBe(b.fuelUsed);
  });

  it("refuses a memory limit below what the module needs", () => {
    expect(thrown(() => program("stats").run({ text: "x" }, { ...LIMITS, memoryBytes: 0 })).code).toBe(
      "ICE_MEMORY_LIMIT",
    );
  });
});
