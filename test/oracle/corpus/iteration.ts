/**
 * @fileoverview Iteration as JavaScript does it: for...of over Maps, Sets, their keys(),
 * values() and entries(), strings by code point and arrays' entries()/keys(); spread and
 * Array.from of each; new Set/Map from iterables; insertion order; and the collection changed
 * during the loop (added entries visited, deleted ones skipped, clear() then set()).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const it = cases("iteration");

const WORDS = [{ words: ["pear", "apple", "fig", "apple"] }, { words: [] }, { words: ["é", "日本", "👍🏽", "é", ""] }];
const NUMS = [{ xs: [3, 1, 3, 2, 1] }, { xs: [] }, { xs: [0, -0, 0.1, 0.1, Number.MAX_VALUE, -1.5] }];

export const ITERATION: readonly OracleCase[] = [
  it(
    "map-destructured-entries",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + 1);\nconst out: string[] = [];\nfor (const [k, v] of m) out.push(`${k}=${v}`);\nreturn { out };",
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  it(
    "map-entry-as-value",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, w.length);\nconst out: string[] = [];\nfor (const e of m) out.push(e[0] + e[1]);\nfor (const k of m.keys()) out.push(k);\nfor (const v of m.values()) out.push(String(v));\nfor (const [k, v] of m.entries()) out.push(k + ':' + v);\nreturn { out };",
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  it(
    "map-set-and-delete-during-loop",
    'const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, w.length);\nconst seen: string[] = [];\nfor (const [k, v] of m) {\n  seen.push(k);\n  if (v < 4 && !m.has(k + "!")) m.set(k + "!", v + 1);\n  m.delete("fig");\n}\nreturn { seen, after: [...m.keys()] };',
    { words: "string[]" },
    { seen: "string[]", after: "string[]" },
    WORDS,
  ),
  it(
    "map-delete-and-readd-during-loop",
    "const m = new Map<number, number>([[1, 10], [2, 20], [3, 30]]);\nconst seen: number[] = [];\nfor (const [k, v] of m) {\n  seen.push(k, v);\n  if (k === 1) { m.delete(1); m.set(1, 11); m.set(2, 22); }\n  if (seen.length > 20) break;\n}\nreturn { seen, keys: [...m.keys()] };",
    {},
    { seen: "number[]", keys: "number[]" },
    [{}],
  ),
  it(
    "map-clear-during-loop",
    "const m = new Map<number, number>([[1, 1], [2, 2]]);\nconst seen: number[] = [];\nfor (const [k] of m) { seen.push(k); if (k === 1) { m.clear(); m.set(9, 9); } }\nreturn { seen, size: m.size };",
    {},
    { seen: "number[]", size: "integer" },
    [{}],
  ),
  it(
    "map-break-then-churn",
    "const m = new Map<number, number>();\nfor (let i = 0; i < 40; i++) m.set(i, i);\nfor (const [k] of m) if (k > 2) break;\nfor (let i = 0; i < 40; i++) if (i % 4 !== 0) m.delete(i);\nfor (let i = 100; i < 140; i++) m.set(i, -i);\nconst keys: number[] = [];\nfor (const k of m.keys()) keys.push(k);\nreturn { keys, size: m.size };",
    {},
    { keys: "number[]", size: "integer" },
    [{}],
  ),
  it(
    "map-churn-compaction",
    "const m = new Map<number, number>();\nfor (let i = 0; i < 2000; i++) { m.set(i % 97, i); if (i % 3 !== 0) m.delete((i * 7) % 97); }\nlet sum = 0;\nfor (const [k, v] of m) sum += k * 1000 + v;\nreturn { sum, size: m.size, first: [...m.entries()].slice(0, 6).map((e) => e[0]) };",
    {},
    { sum: "number", size: "integer", first: "number[]" },
    [{}],
  ),
  it(
    "set-add-and-delete-during-loop",
    "const s = new Set<number>([1, 2, 3]);\nconst seen: number[] = [];\nfor (const x of s) { seen.push(x); if (x < 5) s.add(x + 3); s.delete(2); }\nreturn { seen, rest: [...s] };",
    {},
    { seen: "number[]", rest: "number[]" },
    [{}],
  ),
  it(
    "set-spread-and-from",
    'const s = new Set(inputs.words);\nconst t = new Set([...s, "kiwi", ...inputs.words]);\nreturn { a: [...s], b: Array.from(t), c: [...s.values()], d: [...s.keys()], e: Array.from(s.entries()).map((p) => p[0] + p[1]), n: t.size };',
    { words: "string[]" },
    { a: "string[]", b: "string[]", c: "string[]", d: "string[]", e: "string[]", n: "integer" },
    WORDS,
  ),
  it(
    "set-of-numbers-same-value-zero",
    "const s = new Set(inputs.xs);\nconst u = new Set([...inputs.xs, NaN, NaN, -0]);\nreturn { a: [...s], n: u.size, has0: u.has(-0) };",
    { xs: "number[]" },
    { a: "number[]", n: "integer", has0: "boolean" },
    NUMS,
  ),
  it(
    "union-and-intersection",
    "const a = new Set(inputs.xs);\nconst b = new Set(inputs.xs.map((x) => x * 2));\nconst union = new Set([...a, ...b]);\nconst both = [...a].filter((x) => b.has(x));\nreturn { union: [...union], both };",
    { xs: "number[]" },
    { union: "number[]", both: "number[]" },
    NUMS,
  ),
  it(
    "string-by-code-point",
    'const out: string[] = [];\nfor (const ch of inputs.s) out.push(ch);\nreturn { out, spread: [...inputs.s], from: Array.from(inputs.s, (ch, i) => ch + i), n: [..."héllo👍🏽"].length };',
    { s: "string" },
    { out: "string[]", spread: "string[]", from: "string[]", n: "integer" },
    [{ s: "abc" }, { s: "" }, { s: "👍🏽é\ud800x\udc00" }],
  ),
  it(
    "array-entries-and-keys",
    "const out: string[] = [];\nfor (const [i, w] of inputs.words.entries()) out.push(i + '=' + w);\nfor (const i of inputs.words.keys()) out.push(String(i));\nfor (const w of inputs.words.values()) out.push(w);\nreturn { out, ks: [...inputs.words.keys()], es: Array.from(inputs.words.entries(), (e) => e[1] + e[0]) };",
    { words: "string[]" },
    { out: "string[]", ks: "integer[]", es: "string[]" },
    WORDS,
  ),
  it(
    "array-pushed-during-loop",
    "const xs = [...inputs.xs];\nconst seen: number[] = [];\nfor (const x of xs) { seen.push(x); if (xs.length < 8) xs.push(x * 10); }\nreturn { seen };",
    { xs: "number[]" },
    { seen: "number[]" },
    NUMS,
  ),
  it(
    "array-from-length",
    "return { ys: Array.from({ length: inputs.n }, (_, i) => i * i), zs: Array.from({ length: inputs.n }, (_, i) => String(i)) };",
    { n: "number" },
    { ys: "number[]", zs: "string[]" },
    [{ n: 4 }, { n: 0 }, { n: 2.7 }, { n: -1 }],
  ),
  it(
    "array-from-map-with-mapper",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, w.length);\nreturn { ks: Array.from(m.keys(), (k) => k.toUpperCase()), vs: Array.from(m.values()), es: Array.from(m, (e) => e[0] + e[1]) };",
    { words: "string[]" },
    { ks: "string[]", vs: "integer[]", es: "string[]" },
    WORDS,
  ),
  it(
    "array-from-with-destructured-mapper",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, w.length);\nreturn { es: Array.from(m, ([k, v]) => k + v) };",
    { words: "string[]" },
    { es: "string[]" },
    WORDS,
  ),
  it(
    "map-nan-and-negative-zero-keys",
    "const m = new Map<number, string>();\nfor (const x of inputs.xs) m.set(x, String(x));\nm.set(NaN, 'nan');\nm.set(NaN, 'nan2');\nm.set(-0, 'zero');\nconst had = m.has(NaN) && m.has(0);\nm.delete(NaN);\nreturn { keys: [...m.keys()], values: [...m.values()], had, after: m.has(NaN), get0: m.get(0) ?? '-' };",
    { xs: "number[]" },
    { keys: "number[]", values: "string[]", had: "boolean", after: "boolean", get0: "string" },
    NUMS,
  ),
  it(
    "map-from-entries",
    'const m = new Map(inputs.words.map((w, i) => [w, i] as [string, number]));\nconst n = new Map<string, number>([["a", 1], ["b", 2], ["a", 3]]);\nconst copy = new Map(m);\nm.set("zz", 0);\nreturn { k: [...m.keys()], v: [...m.values()], nk: Array.from(n.entries()).map((e) => e[0] + e[1]), copy: copy.size };',
    { words: "string[]" },
    { k: "string[]", v: "integer[]", nk: "string[]", copy: "integer" },
    WORDS,
  ),
  it(
    "map-and-set-forEach",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + 1);\nconst out: string[] = [];\nm.forEach((v, k) => { out.push(k + v); });\nconst s = new Set(inputs.words);\ns.forEach((w) => out.push(w));\nreturn { out };",
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  it(
    "array-of",
    "return { ys: Array.of(inputs.x, 2, 3), e: Array.of<number>().length, s: Array.of('a') };",
    { x: "number" },
    { ys: "number[]", e: "integer", s: "string[]" },
    [{ x: 1 }, { x: -0 }],
  ),
  it(
    "spread-into-literal",
    "const s = new Set(inputs.xs);\nreturn { ys: [0, ...s, ...inputs.xs, 1], zs: [...s].sort((a, b) => a - b) };",
    { xs: "number[]" },
    { ys: "number[]", zs: "number[]" },
    NUMS,
  ),
  it(
    "nested-loops-same-map",
    "const m = new Map<number, string>([[1, 'a'], [2, 'b'], [3, 'c']]);\nconst out: string[] = [];\nfor (const [i, a] of m) for (const [j, b] of m) if (i < j) out.push(a + b);\nreturn { out };",
    {},
    { out: "string[]" },
    [{}],
  ),
  it(
    "tuple-pairs",
    "const pairs: [string, number][] = inputs.words.map((w) => [w, w.length]);\nlet total = 0;\nfor (const [w, n] of pairs) total += n;\nreturn { total, first: pairs.length > 0 ? pairs[0][0] : '-' };",
    { words: "string[]" },
    { total: "integer", first: "string" },
    WORDS,
  ),
  it(
    "top-counts",
    "const counts = new Map<string, number>();\nfor (const w of inputs.words) counts.set(w, (counts.get(w) ?? 0) + 1);\nconst top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map((e) => `${e[0]}:${e[1]}`);\nreturn { top };",
    { words: "string[]" },
    { top: "string[]" },
    WORDS,
  ),
  it(
    "array-from-set-growing-in-mapper",
    "const s = new Set<number>(inputs.xs);\nconst out = Array.from(s, (x) => { if (s.size < 12 && x === x) s.add(x + 1000); return x * 2; });\nreturn { out, size: s.size };",
    { xs: "number[]" },
    { out: "number[]", size: "integer" },
    NUMS,
  ),
  it(
    "map-continue-and-break",
    "const m = new Map<string, number>();\nfor (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + w.length);\nconst out: string[] = [];\nfor (const [k, v] of m) { if (v === 0) continue; if (k === 'fig') break; out.push(k); }\nreturn { out, again: [...m.keys()].length };",
    { words: "string[]" },
    { out: "string[]", again: "integer" },
    WORDS,
  ),
  it(
    "boolean-keys-and-set-copy",
    "const m = new Map<boolean, number>();\nfor (const x of inputs.xs) m.set(x > 1, (m.get(x > 1) ?? 0) + 1);\nconst s = new Set(inputs.xs.map((x) => x > 1));\nconst copy = new Set(s);\ns.clear();\nreturn { keys: [...m.keys()], counts: [...m.values()], copy: [...copy], empty: [...s].length };",
    { xs: "number[]" },
    { keys: "boolean[]", counts: "integer[]", copy: "boolean[]", empty: "integer" },
    NUMS,
  ),
  it(
    "object-values-mutated-in-loop",
    "const groups = new Map<string, { n: number; items: string[] }>();\nfor (const w of inputs.words) {\n  const key = w.length > 3 ? 'long' : 'short';\n  const g = groups.get(key) ?? { n: 0, items: [] };\n  g.n += 1;\n  g.items.push(w);\n  groups.set(key, g);\n}\nconst out: string[] = [];\nfor (const [k, g] of groups) { g.n *= 10; out.push(`${k}:${g.n}:${g.items.join('+')}`); }\nfor (const g of groups.values()) out.push(String(g.n));\nreturn { out };",
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  it(
    "array-shrinking-during-loop",
    "const xs = [...inputs.xs];\nconst seen: number[] = [];\nfor (const [i, x] of xs.entries()) { seen.push(i, x); if (i === 0) xs.pop(); }\nreturn { seen, left: xs.length };",
    { xs: "number[]" },
    { seen: "number[]", left: "integer" },
    NUMS,
  ),
  it(
    "math-of-iterables",
    "const s = new Set(inputs.xs);\nconst m = new Map<number, number>(inputs.xs.map((x, i) => [i, x] as [number, number]));\nreturn { max: String(Math.max(...s)), min: String(Math.min(...m.values())), h: String(Math.hypot(...s)) };",
    { xs: "number[]" },
    { max: "string", min: "string", h: "string" },
    NUMS,
  ),
  it(
    "word-frequencies-sorted",
    "const counts = new Map<string, number>();\nfor (const line of inputs.lines) for (const w of line.toLowerCase().split(' ')) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);\nconst rows = Array.from(counts.entries()).sort((a, b) => b[1] - a[1]);\nreturn { words: rows.map((r) => r[0]), counts: rows.map((r) => r[1]), distinct: new Set(inputs.lines.flatMap((l) => l.split(' '))).size };",
    { lines: "string[]" },
    { words: "string[]", counts: "integer[]", distinct: "integer" },
    [{ lines: ["the cat", "The dog and the cat", "  a  b "] }, { lines: [] }, { lines: ["ß ẞ SS ss", "İ i̇"] }],
  ),
  it(
    "optional-number-truthiness",
    'const m = new Map<string, number>([["z", 0], ["n", NaN], ["o", 1]]);\nconst b = new Map<string, boolean>([["f", false], ["t", true]]);\nconst out: string[] = [];\nfor (const k of ["z", "n", "o", "x", "f", "t"]) {\n  const v = m.get(k);\n  out.push(v ? "T" : "F");\n  if (m.get(k)) out.push("t");\n  out.push(String(!v), String(v || 7), String(b.get(k) ? 1 : 0), String(!b.get(k)));\n}\nreturn { out };',
    {},
    { out: "string[]" },
    [{}],
  ),
];

