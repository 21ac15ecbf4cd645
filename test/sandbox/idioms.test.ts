/**
 * @fileoverview Code-node semantics against JavaScript (README "What code nodes support"): every body runs in the sandbox
 * and as plain JavaScript on the same inputs and the outcomes must be equal (differential.ts),
 * including each wrong answer of issue 11 (scoping, `return` in a callback, integer division,
 * 32-bit overflow, float sort, number printing). Refused constructs get a located diagnostic
 * saying what to write instead. Also the static risk report.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { analyzeModule, type CompileSandboxResult } from "../../src/emit/wasm/index.js";
import { comparable, runAsJavaScript, runInSandbox } from "./differential.js";
import { BODY_FIRST_LINE, compileAll, LIMITS, type Shape, unit, where } from "./helpers.js";

const line = (n: number) => BODY_FIRST_LINE + n - 1;
type Fields = { readonly [field: string]: Shape };

interface Case {
  readonly id: string;
  readonly body: string;
  readonly input: Fields;
  readonly output: Fields;
  readonly inputs: readonly Record<string, unknown>[];
  readonly capabilities?: readonly string[];
}

const CASES: Case[] = [
  // ---- issue 11's wrong answers ----
  {
    id: "scoping",
    body: "let a = 0;\nlet b = 0;\nif (inputs.k > 0) { const n = 0.5; a = n } else { const n = 3; b = n / 2 }\nreturn { a, b };",
    input: { k: "number" },
    output: { a: "number", b: "number" },
    inputs: [{ k: 1 }, { k: -1 }],
  },
  {
    id: "callback_return",
    body: "let count = 0;\nconst xs = [1, 2, 3];\nxs.forEach((x) => {\n  for (let j = 0; j < 3; j++) { if (j == 1) return; count += 100; }\n  count++;\n});\nreturn { count };",
    input: {},
    output: { count: "number" },
    inputs: [{}],
  },
  {
    id: "division",
    body: "const xs = inputs.words;\nconst n = xs.reduce((a, w) => a + w.length, 0);\nconst lengths = xs.map((w) => w.length);\nreturn { avg: n / xs.length, half: lengths[1] / 2 };",
    input: { words: "string[]" },
    output: { avg: "number", half: "number" },
    inputs: [{ words: ["abcd", "abc", "abcdef"] }],
  },
  {
    id: "overflow",
    body: "return { n: 7 * 1000000000, m: inputs.x * 1000000000, big: 2 ** 53 + inputs.x };",
    input: { x: "integer" },
    output: { n: "number", m: "number", big: "number" },
    inputs: [{ x: 7 }],
  },
  {
    id: "float_sort",
    body: "const xs = inputs.xs.slice();\nxs.sort((a, b) => a - b);\nconst ys = inputs.xs.slice().sort();\nreturn { xs, ys };",
    input: { xs: "number[]" },
    output: { xs: "number[]", ys: "number[]" },
    inputs: [{ xs: [0.5, 0.25, 10, 9, -1.5, 0.3, 2, 0.25] }],
  },
  {
    id: "printing",
    body:
      "const s = 0.1 + 0.2;\n" +
      "return { a: String(s), b: `${100 / 7}`, c: '' + s, d: [1.5, 2, 1e21, -0, 1e-7].join(), e: (1 / 3).toFixed(4),\n" +
      "  f: (255).toString(16), g: (123.456).toPrecision(4), h: (0.000001234).toString(), i: (12345.6789).toExponential(2), j: `${-0} ${2 ** 70}` };",
    input: {},
    output: {
      a: "string",
      b: "string",
      c: "string",
      d: "string",
      e: "string",
      f: "string",
      g: "string",
      h: "string",
      i: "string",
      j: "string",
    },
    inputs: [{}],
  },
  // ---- numbers as JavaScript ----
  {
    id: "arithmetic",
    body:
      "return { a: Math.round(-2.5), b: Math.round(2.5), c: Math.round(0.49999999999999994), d: -7 % 3, e: 7 % -3, f: -0 === 0,\n" +
      "  g: Math.max(1, -0, 3), h: Math.sin(1) + Math.exp(2) + Math.pow(2, 0.5) + 2 ** 10, i: inputs.x % 0.1, j: Math.min(-0, 0) };",
    input: { x: "number" },
    output: {
      a: "number",
      b: "number",
      c: "number",
      d: "number",
      e: "number",
      f: "boolean",
      g: "number",
      h: "number",
      i: "number",
      j: "number",
    },
    inputs: [{ x: 5.3 }, { x: -5.3 }],
    capabilities: ["math"],
  },
  {
    id: "special_values",
    body: "const x = inputs.x / 0;\nreturn { a: x > 1, b: Number.isNaN(0 / 0), c: isFinite(x), d: String(x), e: String(-x), f: String(0 / 0), g: String(-0), h: 1 / (-0 * inputs.x) < 0 };",
    input: { x: "number" },
    output: {
      a: "boolean",
      b: "boolean",
      c: "boolean",
      d: "string",
      e: "string",
      f: "string",
      g: "string",
      h: "boolean",
    },
    inputs: [{ x: 3 }, { x: -3 }],
  },
  {
    id: "bitwise",
    body: "let x = inputs.seed;\nlet acc = 0;\nfor (let i = 0; i < 100; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; acc = (acc + (x & 1023)) | 0; }\nreturn { acc, u: -1 >>> 0, n: ~5, s: 1 << 40, big: 2 ** 32 + 5 | 0 };",
    input: { seed: "integer" },
    output: { acc: "integer", u: "number", n: "number", s: "number", big: "number" },
    inputs: [{ seed: 2463534242 | 0 }, { seed: 1 }],
  },
  {
    id: "parsing",
    body: 'return { a: Number("  12.5 "), b: parseInt("08"), c: parseFloat("3.14abc"), d: Number(""), e: parseInt("ff", 16), f: Number("x") > 0, g: +"1e3", h: Number(inputs.s) };',
    input: { s: "string" },
    output: { a: "number", b: "number", c: "number", d: "number", e: "number", f: "boolean", g: "number", h: "number" },
    inputs: [{ s: "0x1f" }, { s: " -4.5e1 " }],
  },
  // ---- strings ----
  {
    id: "strings",
    body:
      "const s = inputs.s;\n" +
      'return { a: s.indexOf("", 10), b: s.trim(), c: s.split("").length, d: s.replace("b", "[$&]"), e: s.replaceAll("", "-"), f: s.padStart(8, "*"),\n' +
      '  g: s.slice(-3), h: s.charCodeAt(0) || 0, i: s.toUpperCase(), j: s.lastIndexOf("b"), k: s.at(-1) ?? "none", l: s.substring(5, 1), m: s.startsWith("ab", 0), n: s.includes("c"),\n' +
      '  o: s.split(" ", 2), p: s < "b" };',
    input: { s: "string" },
    output: {
      a: "number",
      b: "string",
      c: "number",
      d: "string",
      e: "string",
      f: "string",
      g: "string",
      h: "number",
      i: "string",
      j: "number",
      k: "string",
      l: "string",
      m: "boolean",
      n: "boolean",
      o: "string[]",
      p: "boolean",
    },
    inputs: [
      { s: "\u00a0\ufeff abcb \u00df \u3000" },
      { s: "abc" },
      { s: "" },
      { s: "x \u0391\u03a3. \u03a3\u0391\u03a3 \u0130" },
    ],
  },
  {
    id: "code_points",
    body: 'const chars: string[] = [];\nfor (const ch of inputs.s) chars.push(ch);\nreturn { n: chars.length, joined: chars.join("|") };',
    input: { s: "string" },
    output: { n: "number", joined: "string" },
    inputs: [{ s: "a\u{1F600}b" }, { s: "" }],
  },
  // ---- optionals, closures, objects, maps ----
  {
    id: "optionals",
    body:
      'const limit = inputs.limit ?? 3;\nconst has = inputs.limit !== undefined;\nconst note = inputs.meta?.note ?? "none";\nconst flag = inputs.meta?.flag ?? false;\n' +
      "const { a, b = 5 } = inputs.pair;\nlet count = 0;\ninputs.rows.forEach((r) => { if (r.score === undefined) return; count++; });\n" +
      "return { limit, has, note, flag, sum: a + b, count, maybe: inputs.limit, none: undefined };",
    input: {
      limit: "integer?",
      meta: { note: "string?", flag: "boolean?" },
      pair: { a: "integer", b: "integer?" },
      rows: [{ score: "number?" }],
    },
    output: {
      limit: "integer",
      has: "boolean",
      note: "string",
      flag: "boolean",
      sum: "integer",
      count: "integer",
      maybe: "integer?",
      none: "number?",
    },
    inputs: [
      { meta: { flag: true }, pair: { a: 1 }, rows: [{ score: 1 }, {}, { score: 2 }] },
      { limit: 7, meta: { note: "n" }, pair: { a: 1, b: 2 }, rows: [] },
    ],
  },
  {
    id: "closures",
    body:
      "let total = 0;\nconst k = inputs.k;\nconst scale = (x: number) => x * k;\nfunction fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n" +
      "inputs.xs.forEach((x) => { total += scale(x); });\n" +
      "return { total, big: inputs.xs.filter((x) => x > k).length, f: fib(10), any: inputs.xs.some((x) => x === k), idx: inputs.xs.findIndex((x) => x > 2), found: inputs.xs.find((x) => x > 100) ?? -1 };",
    input: { k: "number", xs: "number[]" },
    output: { total: "number", big: "number", f: "number", any: "boolean", idx: "number", found: "number" },
    inputs: [{ k: 2, xs: [1, 2, 3, 4.5] }],
  },
  {
    id: "grouping",
    body:
      "const totals = new Map<string, number>();\nfor (const r of inputs.rows) totals.set(r.k, (totals.get(r.k) ?? 0) + r.v);\n" +
      "const keys: string[] = [];\nfor (const r of inputs.rows) if (!keys.includes(r.k)) keys.push(r.k);\n" +
      "const out = keys.map((k) => ({ key: k, total: totals.get(k)! }));\nout.sort((x, y) => y.total - x.total);\n" +
      'return { groups: out, n: totals.size, line: out.map((g) => `${g.key}=${g.total.toFixed(2)}`).join("; ") };',
    input: { rows: [{ k: "string", v: "number" }] },
    output: { groups: [{ key: "string", total: "number" }], n: "integer", line: "string" },
    inputs: [
      {
        rows: [
          { k: "a", v: 1.5 },
          { k: "b", v: 2 },
          { k: "a", v: 0.1 },
          { k: "c", v: 0.2 },
        ],
      },
      { rows: [] },
    ],
  },
  {
    id: "switch_truthy",
    body:
      'let r = "";\nfor (const x of inputs.xs) {\n  switch (x) {\n    case 1: r += "one"; break;\n    case 2: r += "two";\n    case 3: r += "three"; break;\n    default: r += "?";\n  }\n}\n' +
      'const s = inputs.s || "default";\nconst n = inputs.n || 5;\nreturn { r, s, n, t: !inputs.s };',
    input: { xs: "number[]", s: "string", n: "number" },
    output: { r: "string", s: "string", n: "number", t: "boolean" },
    inputs: [
      { xs: [1, 2, 3, 4], s: "", n: 0 },
      { xs: [], s: "x", n: 3 },
    ],
  },
  {
    id: "aliasing",
    body: 'const o = { a: 1, b: { c: "x" } };\no.a += 1;\no.b.c += "y";\nconst arr = [o, o];\narr[0].a = 10;\nreturn { a: o.a, c: arr[1].b.c };',
    input: {},
    output: { a: "number", c: "string" },
    inputs: [{}],
  },
  {
    id: "failures",
    body: 'if (inputs.n > 1) throw new Error("too big");\nconst xs = [1, 2];\nreturn { n: xs.reduce((a, b) => a + b) + "x".repeat(inputs.n).length };',
    input: { n: "number" },
    output: { n: "number" },
    inputs: [{ n: 0 }, { n: 1 }, { n: 2 }, { n: -1 }],
  },
  {
    id: "spread_splice_fill",
    body:
      "const xs = inputs.xs;\nconst ys = [...xs, 10, ...xs];\nconst zs = xs.slice();\nconst removed = zs.splice(1, 2, 7, 8, 9);\n" +
      "const w = [1, 2, 3, 4];\nw.splice(-2);\nconst filled = new Array<number>(3).fill(0.5);\nconst s = new Set<number>(xs);\n" +
      "return { ys, zs, removed, w, filled, n: s.size, has: s.has(-0), mx: xs.length > 0 ? Math.max(...xs) : 0 };",
    input: { xs: "number[]" },
    output: {
      ys: "number[]",
      zs: "number[]",
      removed: "number[]",
      w: "number[]",
      filled: "number[]",
      n: "number",
      has: "boolean",
      mx: "number",
    },
    inputs: [{ xs: [3, 1, 2, 0] }, { xs: [] }],
    capabilities: ["math"],
  },
  {
    id: "switch_in_function",
    body:
      'function ordinal(n: number): string {\n  if (n % 100 >= 11 && n % 100 <= 13) return n + "th";\n' +
      '  switch (n % 10) {\n    case 1: return n + "st";\n    case 2: return n + "nd";\n    case 3: return n + "rd";\n    default: return n + "th";\n  }\n}\n' +
      "return { out: inputs.ns.map((n) => ordinal(n)) };",
    input: { ns: "integer[]" },
    output: { out: "string[]" },
    inputs: [{ ns: [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 0, -1] }],
  },
];

let compiled: CompileSandboxResult & { programs: Map<string, SandboxProgram> };
let refused: CompileSandboxResult & { programs: Map<string, SandboxProgram> };

const REFUSED = [
  unit(
    "trycatch",
    'function f(x: number): boolean { if (x > 1) throw new Error("big"); return x > 0; }\nlet n = 1;\nconst ok = (n = n + 1) > 0 && f(n);\nreturn { n: ok ? 1 : 0 };',
    {},
    { n: "integer" },
  ),
  unit("regex", 'const ok = /(a)\\1/.test("aa");\nreturn { n: 1 };', {}, { n: "integer" }),
  unit("reserved", "const __ice_x = 1;\nreturn { n: __ice_x };", {}, { n: "integer" }),
  unit("missing", "const x = 1;\nreturn { a: x };", {}, { a: "integer", b: "string" }),
  unit(
    "never_undefined",
    "const xs = [1];\nconst v = xs.length;\nreturn { n: v === undefined ? 1 : 0 };",
    {},
    { n: "integer" },
  ),
  unit(
    "function_identity",
    "function f(x: number) {\n  return x;\n}\nconst g = f;\nreturn { n: f === g ? 1 : 0 };",
    {},
    { n: "integer" },
  ),
];

beforeAll(async () => {
  compiled = await compileAll(CASES.map((c) => unit(c.id, c.body, c.input, c.output, c.capabilities ?? [])));
  refused = await compileAll(REFUSED);
}, 180_000);

describe("code nodes compute what JavaScript computes", () => {
  it("compiles every case", () => {
    expect(compiled.diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([]);
  });

  for (const c of CASES) {
    it(c.id, () => {
      const program = compiled.programs.get(c.id)!;
      for (const input of c.inputs) {
        const sandbox = runInSandbox(program, input);
        const js = runAsJavaScript(c.body, input);
        // An integer output must be integral: the only place the sandbox may refuse what JavaScript returns.
        expect(comparable(sandbox), JSON.stringify(input)).toEqual(comparable(js));
      }
    });
  }
});

describe("refused constructs", () => {
  const diagnosticsOf = (id: string) =>
    refused.diagnostics.filter((d) => d.span?.file.path === `${id}.yaml`).map((d) => `${where(d)} ${d.message}`);

  it("says what to write instead, at the construct", () => {
    expect(diagnosticsOf("trycatch")).toEqual([
      `trycatch.yaml:${line(3)}:18 ICE3009 a call that may throw inside ?:, &&, || or ?? whose test assigns a value is not supported in sandboxed code; compute the test into a const in a statement of its own first`,
    ]);
    expect(diagnosticsOf("regex")[0]).toMatch(
      new RegExp(`^regex.yaml:${line(1)}:\\d+ ICE3009 a backreference '\\\\1' is not supported in sandboxed code`),
    );
    expect(diagnosticsOf("reserved")[0]).toMatch(
      new RegExp(`^reserved.yaml:${line(1)}:13 ICE3020 '__ice_x' is a name the sandbox reserves`),
    );
    expect(diagnosticsOf("missing")[0]).toMatch(
      new RegExp(`^missing.yaml:${line(2)}:\\d+ ICE3001 Property 'b' is missing`),
    );
    expect(diagnosticsOf("function_identity")[0]).toMatch(
      new RegExp(
        `^function_identity.yaml:${line(4)}:17 ICE3009 the function 'f' used as a value in a body that compares functions`,
      ),
    );
    expect(diagnosticsOf("never_undefined")[0]).toMatch(
      new RegExp(`^never_undefined.yaml:${line(3)}:19 ICE3009 comparing a value whose type excludes undefined`),
    );
    for (const d of refused.diagnostics) expect(d.message).not.toMatch(/~lib|AS\d{3}|\bauto\b/);
  });
});

describe("static risk report", () => {
  const risk = (id: string) => analyzeModule(compiled.artifacts.find((a) => a.nodeId === id)!.wasm);

  it("bounds loop-free code exactly, and a run never exceeds the bound", () => {
    const report = risk("overflow");
    expect(report.worstCaseFuel).toBeGreaterThan(0);
    const { fuelUsed } = compiled.programs.get("overflow")!.run({ x: 5 }, LIMITS);
    expect(fuelUsed).toBeLessThanOrEqual(report.worstCaseFuel!);
  });

  it("flags loops with their lines", () => {
    const report = risk("code_points");
    expect(report.worstCaseFuel).toBeUndefined();
    expect(report.facts?.loops).toEqual([{ line: line(2), what: "for...of" }]);
    expect(report.facts?.nodeId).toBe("code_points");
  });
});
