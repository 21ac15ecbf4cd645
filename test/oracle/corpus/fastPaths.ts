/**
 * @fileoverview Bodies that take the printer's fast paths (src/codenode/print/locals.ts: string
 * builders; int32 locals, loop counters and indexes), with inputs at their edges: the fast path
 * must compute exactly what JavaScript computes, and the cases next to a fast path that must NOT
 * take it (aliases of a growing string, reads between appends, counters that could overflow).
 */
import type { Fields } from "../schema.js";
import type { OracleCase } from "../oracle.js";

function fast(name: string, body: string, input: Fields, output: Fields, inputs: readonly unknown[]): OracleCase {
  return { name: `fast/${name}`, body, input, output, inputs };
}

const WORDS = [
  { words: ["pear", "apple", "fig", "apple"] },
  { words: [] },
  { words: ["", "é", "日本", "👍🏽", "\ud800"] },
];

export const FAST_PATHS: readonly OracleCase[] = [
  fast(
    "builder-append",
    'let s = "";\nfor (const w of inputs.words) s += w;\nreturn { s, n: s.length };',
    { words: "string[]" },
    { s: "string", n: "integer" },
    WORDS,
  ),
  fast(
    "builder-chain-and-numbers",
    'let s = "[";\nfor (let i = 0; i < inputs.words.length; i++) s = s + i + ":" + inputs.words[i] + -0 + 0.1 + true + ",";\nreturn { s };',
    { words: "string[]" },
    { s: "string" },
    WORDS,
  ),
  fast(
    "builder-alias-keeps-old-value",
    'let s = "x";\nlet old = "";\nconst lens: number[] = [];\nfor (const w of inputs.words) {\n  old = s;\n  s += w;\n  lens.push(old.length, s.length);\n}\nreturn { s, old, lens };',
    { words: "string[]" },
    { s: "string", old: "string", lens: "integer[]" },
    WORDS,
  ),
  fast(
    "builder-read-between-appends",
    'let s = "";\nlet seen = 0;\nfor (const w of inputs.words) {\n  s += w.toUpperCase();\n  if (s.endsWith("E")) seen++;\n  s += s.length > 6 ? "!" : "?";\n  s += s;\n}\nreturn { s: s.slice(0, 200), seen, n: s.length };',
    { words: "string[]" },
    { s: "string", seen: "integer", n: "integer" },
    WORDS,
  ),
  fast(
    "builder-reset-in-loop",
    'let line = "";\nconst lines: string[] = [];\nfor (const w of inputs.words) {\n  if (line.length > 5) { lines.push(line); line = ""; }\n  line += w + " ";\n}\nlines.push(line);\nreturn { lines };',
    { words: "string[]" },
    { lines: "string[]" },
    WORDS,
  ),
  fast(
    "builder-self-append",
    'let s = "ab";\nfor (let i = 0; i < inputs.n; i++) s += s;\nreturn { n: s.length, head: s.slice(0, 5) };',
    { n: "integer" },
    { n: "integer", head: "string" },
    [{ n: 0 }, { n: 3 }, { n: 12 }],
  ),
  fast(
    "builder-nested-declared-in-loop",
    'const out: string[] = [];\nfor (let r = 0; r < 3; r++) {\n  let acc = "" + r;\n  for (const w of inputs.words) acc = acc + "-" + w.length;\n  out.push(acc);\n}\nreturn { out };',
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  fast(
    "int32-xorshift-any-seed",
    "let x = inputs.seed;\nlet acc = 0;\nfor (let i = 0; i < inputs.n; i++) {\n  x ^= x << 13;\n  x ^= x >> 17;\n  x ^= x << 5;\n  acc = (acc + (x & 1023)) | 0;\n}\nreturn { acc, x: x | 0 };",
    { seed: "number", n: "integer" },
    { acc: "integer", x: "integer" },
    [
      { seed: 2463534242, n: 100 },
      { seed: -0, n: 3 },
      { seed: 2.75, n: 5 },
      { seed: -1e10, n: 7 },
      { seed: 2 ** 53 + 2, n: 2 },
      { seed: Number.MAX_VALUE, n: 1 },
      { seed: -2147483648, n: 0 },
    ],
  ),
  fast(
    "int32-wrapping-sums",
    "let a = inputs.a | 0;\nlet b = inputs.b | 0;\nconst s = (a + b) | 0;\nconst d = (a - b) | 0;\nconst big = a + b;\nreturn { s, d, big, lt: a < b, le: (a - 1) <= b };",
    { a: "number", b: "number" },
    { s: "integer", d: "integer", big: "number", lt: "boolean", le: "boolean" },
    [
      { a: 2147483647, b: 1 },
      { a: -2147483648, b: 1 },
      { a: -2147483648, b: -2147483648 },
      { a: 0, b: -0 },
      { a: 4294967295, b: 3.9 },
    ],
  ),
  fast(
    "int32-counter-edges",
    "let up = 0;\nfor (let i = 2147483640; i <= 2147483646; i++) up++;\nlet over = 0;\nlet last = 0;\nfor (let i = 2147483645; i <= 2147483647; i++) { over++; last = i; if (over > 5) break; }\nlet down = 0;\nfor (let i = -2147483640; i >= -2147483647; i--) down++;\nlet under = 0;\nlet first = 0;\nfor (let i = -2147483646; i >= -2147483648; i -= 1) { under++; first = i; if (under > 5) break; }\nreturn { up, over, last, down, under, first };",
    {},
    { up: "integer", over: "integer", last: "number", down: "integer", under: "integer", first: "number" },
    [{}],
  ),
  fast(
    "int32-counter-not-proven",
    "let n = 0;\nconst xs: number[] = [];\nfor (let i = 0; i < inputs.k; i++) {\n  if (i % 3 == 1) i += 2;\n  xs.push(i);\n  n++;\n}\nfor (let j = inputs.k; j > inputs.k - 3; j--) xs.push(j);\nlet z = -0;\nfor (let i = 0; i < 2; i++) z = z * 1;\nreturn { n, xs, z, neg: String(1 / z) };",
    { k: "number" },
    { n: "integer", xs: "number[]", z: "number", neg: "string" },
    [{ k: 10 }, { k: 2.5 }, { k: -1 }, { k: 0 }],
  ),
  fast(
    "int32-index-and-char-codes",
    'const s = inputs.s;\nlet sum = 0;\nfor (let i = 0; i < s.length; i++) sum += s.charCodeAt(i) * (i + 1);\nconst n = s.length;\nconst past = s.charCodeAt(n);\nconst before = s.charCodeAt(-1);\nconst words = s.split(" ");\nlet longest = "";\nfor (let i = words.length - 1; i >= 0; i--) if (words[i].length >= longest.length) longest = words[i];\nlet bits = 0;\nfor (let k = 0; k < 40; k++) bits = (bits << 1) | (k & 1);\nconst u = bits >>> 0;\nreturn { sum, past: String(past), before: String(before), longest, bits, u, big: u > 2147483647 };',
    { s: "string" },
    {
      sum: "number",
      past: "string",
      before: "string",
      longest: "string",
      bits: "integer",
      u: "number",
      big: "boolean",
    },
    [{ s: "hello wide world" }, { s: "" }, { s: "é 日本 👍🏽 \ud800" }],
  ),
  fast(
    "int32-compound-bitwise",
    "let h = 5381;\nfor (const w of inputs.words) for (let i = 0; i < w.length; i++) { h = ((h << 5) + h + w.charCodeAt(i)) | 0; h ^= h >>> 7; h <<= 1; h >>= 1; h &= 0x7fffffff; h |= 1; }\nlet m = ~h;\nm = ~~m;\nreturn { h, m, hex: h.toString(16) };",
    { words: "string[]" },
    { h: "integer", m: "integer", hex: "string" },
    WORDS,
  ),
  fast(
    "unrolled-loops-break-switch-side-effects",
    "let calls = 0;\nconst seen: number[] = [];\nlet k = 0;\nconst tick = (i: number): number => { calls++; return i; };\nfor (let i = 0; tick(i) < inputs.n; i += 1) {\n  switch (i % 3) {\n    case 0:\n      seen.push(i);\n      break;\n    default:\n      k += i;\n  }\n  if (k > inputs.stop) break;\n}\nlet j = 0;\nfor (; j * j < inputs.n; j++) k ^= j;\nfor (let q = 0; q < inputs.n; q++) { if (q % 2 == 0) continue; k += q; }\nfor (;;) { k++; if (k % 5 == 0) break; }\nreturn { calls, seen, k, j };",
    { n: "integer", stop: "number" },
    { calls: "integer", seen: "integer[]", k: "number", j: "integer" },
    [
      { n: 0, stop: 100 },
      { n: 1, stop: 100 },
      { n: 7, stop: 100 },
      { n: 10, stop: 5 },
      { n: 23, stop: 1e9 },
    ],
  ),
  fast(
    "shadowed-counter-any-bound",
    'const xs = inputs.xs;\nconst n = inputs.n;\nlet sum = 0;\nlet steps = 0;\nlet codes = "";\nfor (let i = -2; i < n; i++) {\n  steps += i;\n  if (i >= 0 && i < xs.length) sum += xs[i] * i;\n  codes += String(inputs.s.charCodeAt(i)) + ",";\n  if (steps > 1000) break;\n}\nreturn { sum, steps, codes };',
    { xs: "number[]", n: "number", s: "string" },
    { sum: "number", steps: "number", codes: "string" },
    [
      { xs: [1.5, -0, 3], n: 3, s: "ab" },
      { xs: [1, 2, 3, 4], n: 2.5, s: "" },
      { xs: [], n: -5, s: "x" },
      { xs: [7], n: 1e300, s: "héllo" },
      { xs: [7, 8], n: 2147483647.5, s: "q" },
    ],
  ),
  fast(
    "remainder-int32-and-not",
    'const out: string[] = [];\nfor (const a of inputs.as) for (const b of inputs.bs) {\n  const r = a % b;\n  out.push(String(r) + (r == 0 ? (1 / r > 0 ? "+" : "-") : ""));\n}\nlet i = 0;\nlet acc = 0;\nfor (let k = 0; k < 40; k++) { i = (i * 7 + 3) % 11; acc += i % 4; }\nreturn { out, acc };',
    { as: "number[]", bs: "number[]" },
    { out: "string[]", acc: "number" },
    [
      {
        as: [-4, 4, 5, -5, 0, -0, -2147483648, 2147483647, 5.5, 1e10, -1e-300],
        bs: [2, -3, 3, -1, 0, -0, 2147483647, 0.5, Number.MAX_VALUE],
      },
      { as: [], bs: [1] },
    ],
  ),
  fast(
    "masked-sum-over-input-bound",
    "let s = 0;\nfor (let i = 0; i < inputs.n; i++) s = (s + i) & 1023;\nreturn { v: s };",
    { n: "integer" },
    { v: "integer" },
    [{ n: 1000 }, { n: 0 }, { n: -3 }, { n: 100003 }],
  ),
];
