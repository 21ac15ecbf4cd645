/**
 * @fileoverview TypeScript as users write it in code nodes: idioms AssemblyScript rejects are
 * lowered before asc (lowerIdioms.ts) and behave as in TypeScript; what cannot be lowered gets a
 * diagnostic at the right line that says what to write. Also the static risk report.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { analyzeModule, type CompileSandboxResult } from "../../src/emit/wasm/index.js";
import { BODY_FIRST_LINE, compileAll, LIMITS, programOf, unit, where } from "./helpers.js";

const line = (n: number) => BODY_FIRST_LINE + n - 1;

const UNITS = [
  unit(
    "words",
    'const words = inputs.text.split(" ");\nlet longest = 0;\nfor (const w of words) longest = Math.max(longest, w.length);\nreturn { words: words.length, longest };',
    { text: "string" },
    { words: "integer", longest: "integer" },
    ["math"],
  ),
  unit(
    "average",
    "let total = 0;\nfor (const v of inputs.values) total += v;\nconst avg = total / inputs.values.length;\n" +
      'return { avg, half: Math.floor(inputs.values.length / 2), label: "avg=" + avg, t: `${total} of ${inputs.values.length}: ${avg}`, s: String(2.0) };',
    { values: "integer[]" },
    { avg: "number", half: "integer", label: "string", t: "string", s: "string" },
    ["math"],
  ),
  unit(
    "optional",
    'const limit = inputs.limit ?? 3;\nconst has = inputs.limit !== undefined;\nconst note = inputs.meta?.note ?? "none";\nconst flag = inputs.meta?.flag ?? false;\n' +
      "const { a, b = 5 } = inputs.pair;\nlet count = 0;\ninputs.rows.forEach((r) => { if (r.score === undefined) return; count++; });\n" +
      'const chars: string[] = [];\nfor (const ch of "abc") chars.push(ch);\n' +
      'return { limit, has, note, flag, sum: a + b, count, chars: chars.join(","), maybe: inputs.limit, none: undefined };',
    {
      limit: "integer?",
      meta: { note: "string?", flag: "boolean?" },
      pair: { a: "integer", b: "integer?" },
      rows: [{ score: "number?" }],
    },
    {
      limit: "integer",
      has: "boolean",
      note: "string",
      flag: "boolean",
      sum: "integer",
      count: "integer",
      chars: "string",
      maybe: "integer?",
      none: "number?",
    },
  ),
  unit(
    "clock",
    "const started = Date.now();\nconst out = { later: started >= 0 };\nreturn out;",
    {},
    { later: "boolean" },
    ["time"],
  ),
  unit("bounded", "return { n: inputs.n * 2 + 1 };", { n: "integer" }, { n: "integer" }),
  unit(
    "cond",
    "return { result: (inputs.a == inputs.b) };",
    { a: "string", b: "string" },
    { result: "boolean" },
    [],
    "condition",
  ),
  unit("missing", "const x = 1;\nreturn { a: x };", { n: "integer" }, { a: "integer", b: "string" }),
  unit(
    "closure",
    "const k = inputs.n;\nconst ys = [1, 2].map<i32>((v) => v * k);\nreturn { n: ys.length };",
    { n: "integer" },
    { n: "integer" },
  ),
  unit(
    "trycatch",
    "let n = 0;\ntry { n = 1; } catch (e) { n = 2; }\nreturn { n };",
    { n: "integer" },
    { n: "integer" },
  ),
  unit("regex", 'const ok = /a+/.test("aa");\nreturn { n: 1 };', { n: "integer" }, { n: "integer" }),
  unit(
    "maptype",
    "const xs = [1, 2];\nconst ys = xs.map((v) => v * 2);\nreturn { n: ys.length };",
    { n: "integer" },
    { n: "integer" },
  ),
];

let result: CompileSandboxResult & { programs: Map<string, SandboxProgram> };
beforeAll(async () => {
  result = await compileAll(UNITS);
}, 120_000);

const run = (id: string, input: Record<string, unknown>) => programOf(result, id).run(input, LIMITS).output;
const diagnosticsOf = (id: string) =>
  result.diagnostics.filter((d) => d.span?.file.path === `${id}.yaml`).map((d) => `${where(d)} ${d.message}`);

describe("TypeScript idioms in code nodes", () => {
  it("lowers for...of, shorthand properties and Math.max on integers", () => {
    expect(run("words", { text: "the quick brown fox" })).toEqual({ words: 4, longest: 5 });
  });

  it("gives `/` and `let total = 0` TypeScript's number semantics, and formats numbers as JavaScript does", () => {
    expect(run("average", { values: [1, 2, 4] })).toMatchObject({ avg: 7 / 3, half: 1, s: "2" });
    expect(run("average", { values: [2, 4] })).toEqual({ avg: 3, half: 1, label: "avg=3", t: "6 of 2: 3", s: "2" });
  });

  it("reads and writes optional numbers and booleans with ??, !== undefined and presence", () => {
    expect(run("optional", { meta: { flag: true }, pair: { a: 1 }, rows: [{ score: 1 }, {}, { score: 2 }] })).toEqual({
      limit: 3,
      has: false,
      note: "none",
      flag: true,
      sum: 6,
      count: 2,
      chars: "a,b,c",
    });
    expect(run("optional", { limit: 7, meta: { note: "n" }, pair: { a: 1, b: 2 }, rows: [] })).toEqual({
      limit: 7,
      has: true,
      note: "n",
      flag: false,
      sum: 3,
      count: 0,
      chars: "a,b,c",
      maybe: 7,
    });
  });

  it("types Date.now() as a number and a returned local object literal as the output", () => {
    expect(run("clock", {})).toEqual({ later: true });
  });

  it("reports a required output field missing from the returned object (ICE3008)", () => {
    expect(diagnosticsOf("missing")).toEqual([
      `missing.yaml:${line(2)}:14 ICE3008 the returned object has no 'b' (string), which output_schema requires`,
    ]);
  });

  it("says what to write instead of closures, try/catch and regular expressions", () => {
    expect(diagnosticsOf("closure")[0]).toMatch(
      new RegExp(`^closure.yaml:${line(2)}:\\d+ ICE3010 .*'k'.*write a loop`),
    );
    expect(diagnosticsOf("trycatch")[0]).toMatch(new RegExp(`^trycatch.yaml:${line(2)}:7 ICE3009 try/catch`));
    expect(diagnosticsOf("regex")[0]).toMatch(/ICE3009 a regular expression .*indexOf/);
  });

  it("adds what to write to asc errors TypeScript writers meet", () => {
    expect(diagnosticsOf("maptype")[0]).toMatch(new RegExp(`^maptype.yaml:${line(2)}:\\d+ ICE3001 .*xs.map<i32>`));
  });
});

describe("static risk report", () => {
  const risk = (id: string) => analyzeModule(result.artifacts.find((a) => a.nodeId === id)!.wasm);

  it("bounds loop-free code exactly, and a run never exceeds the bound", () => {
    const report = risk("bounded");
    expect(report.worstCaseFuel).toBeGreaterThan(0);
    const { fuelUsed } = result.programs.get("bounded")!.run({ n: 5 }, LIMITS);
    expect(fuelUsed).toBeLessThanOrEqual(report.worstCaseFuel!);
  });

  it("bounds a string condition by its input size", () => {
    const report = risk("cond");
    expect(report.linear).toBeDefined();
    for (const size of [0, 10, 1_000, 50_000]) {
      const a = "x".repeat(size);
      const { fuelUsed } = result.programs.get("cond")!.run({ a, b: a }, LIMITS);
      expect(fuelUsed).toBeLessThanOrEqual(report.linear!.base + report.linear!.perCodeUnit * 2 * size);
    }
  });

  it("flags loops with their lines", () => {
    const report = risk("words");
    expect(report.worstCaseFuel).toBeUndefined();
    expect(report.facts?.loops).toEqual([{ line: line(3), what: "for...of" }]);
    expect(report.facts?.nodeId).toBe("words");
  });
});
