/**
 * @fileoverview Bodies on the object-building hot paths (issue 13): many small objects and strings
 * (the sandbox's allocator, src/emit/wasm/allocator.ts), Map lookups of the key just looked up,
 * `m.get(k)!` of numbers and booleans without a box and `a[i]` with an int32 index
 * (support/fastReads.ts), with inputs at their edges.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const obj = cases("objpath");

const BUCKETS = [
  "const all: { key: string; count: number; total: number }[] = [];",
  "let s = 0.0;",
  "for (let i = 0; i < inputs.n; i++) {",
  "  s += inputs.step;",
  '  all.push({ key: "k" + (i % inputs.groups).toString(), count: 1, total: s });',
  "}",
  "const out: { key: string; count: number; total: number }[] = [];",
  "const index = new Map<string, number>();",
  "for (let i = 0; i < all.length; i++) {",
  "  const r = all[i];",
  "  if (!index.has(r.key)) {",
  "    index.set(r.key, out.length);",
  "    out.push({ key: r.key, count: 0, total: 0.0 });",
  "  }",
  "  const b = out[index.get(r.key)!];",
  "  b.count += r.count;",
  "  b.total += r.total;",
  "}",
  "return { buckets: out, records: all.length };",
].join("\n");

export const OBJECT_PATHS: readonly OracleCase[] = [
  obj(
    "buckets",
    BUCKETS,
    { n: "integer", groups: "integer", step: "number" },
    { buckets: [{ key: "string", count: "integer", total: "number" }], records: "integer" },
    [
      { n: 0, groups: 3, step: 0.5 },
      { n: 1, groups: 1, step: -0 },
      { n: 2000, groups: 16, step: 0.1 },
      { n: 3000, groups: 700, step: 1e21 },
      { n: 500, groups: 7, step: 1e-7 },
      { n: 100, groups: 3, step: 1e300 },
      { n: 50, groups: 5, step: 5e-324 },
    ],
  ),
  obj(
    "map-cache-set-delete-get",
    [
      "const m = new Map<string, number>();",
      "const log: string[] = [];",
      "for (const w of inputs.words) {",
      "  if (m.has(w)) { m.delete(w); log.push('-' + w + ':' + String(m.get(w))); }",
      "  else { m.set(w, w.length); log.push('+' + w + ':' + String(m.get(w))); }",
      "  const again = w + '';",
      "  log.push(String(m.has(again)) + String(m.get(again)));",
      "}",
      "m.set('x', 1); m.clear(); log.push(String(m.has('x')) + m.size);",
      "return { log, size: m.size, keys: [...m.keys()] };",
    ].join("\n"),
    { words: "string[]" },
    { log: "string[]", size: "integer", keys: "string[]" },
    [
      { words: ["a", "b", "a", "a", "", "", "é", "日本", "b"] },
      { words: [] },
      { words: Array.from({ length: 60 }, (_, i) => `w${i % 23}`) },
    ],
  ),
  obj(
    "map-get-asserted-numbers-and-booleans",
    [
      "const m = new Map<number, number>();",
      "const seen = new Map<string, boolean>();",
      "let sum = 0;",
      "for (const y of inputs.xs) {",
      "  const x = y === 999 ? NaN : y === 998 ? -0 : y;",
      "  m.set(x, (m.has(x) ? m.get(x)! : 0) + 1);",
      "  seen.set(String(x), x > 0);",
      "  sum += m.get(x)!;",
      "  if (seen.get(String(x))!) sum += 0.5;",
      "}",
      "return { sum, size: m.size, negZero: m.has(-0) ? m.get(0)! : -1, nan: m.has(NaN) ? m.get(NaN)! : -1 };",
    ].join("\n"),
    { xs: "number[]" },
    { sum: "number", size: "integer", negZero: "number", nan: "number" },
    [
      { xs: [1, 2, 1, 998, 0, 999, 999, 1e21, 1e-7, -1, 998] },
      { xs: [] },
      { xs: Array.from({ length: 300 }, (_, i) => (i * 7) % 31) },
    ],
  ),
  obj(
    "map-get-asserted-missing-key",
    [
      "const m = new Map<string, number>();",
      "const rows: { n: number }[] = [{ n: 1 }];",
      "m.set('a', 0);",
      "return { n: rows[m.get(inputs.key)!].n };",
    ].join("\n"),
    { key: "string" },
    { n: "number" },
    [{ key: "a" }, { key: "b" }],
  ),
  obj(
    "map-cache-after-compaction",
    [
      "const m = new Map<string, number>();",
      "for (let i = 0; i < inputs.n; i++) m.set('k' + i, i);",
      "for (let i = 0; i < inputs.n; i += 2) m.delete('k' + i);",
      "let sum = 0;",
      "for (let i = 0; i < inputs.n; i++) { const k = 'k' + i; if (m.has(k)) sum += m.get(k)! * 2; m.set(k, i); sum += m.get(k)!; }",
      "const s = new Set<string>();",
      "for (let i = 0; i < inputs.n; i++) { s.add('k' + (i % 5)); if (i % 3 === 0) s.delete('k' + (i % 5)); }",
      "return { sum, size: m.size, first: [...m.keys()].slice(0, 3), set: [...s] };",
    ].join("\n"),
    { n: "integer" },
    { sum: "number", size: "integer", first: "string[]", set: "string[]" },
    [{ n: 0 }, { n: 40 }, { n: 1000 }],
  ),
  obj(
    "array-reads-int-index",
    [
      "const rows = inputs.rows;",
      "const flags = inputs.flags;",
      "let out = '';",
      "for (let i = -2; i < rows.length + 2; i++) {",
      "  const r = rows[i];",
      "  const f = flags[i];",
      "  out += (r === undefined ? 'u' : r.name) + (f === undefined ? '?' : f ? 'T' : 'F') + ',';",
      "}",
      "let j = 0;",
      "while (j < 3) { const r = rows[j]; out += r ? r.name : '-'; j++; }",
      "return { out };",
    ].join("\n"),
    { rows: [{ name: "string" }], flags: "boolean[]" },
    { out: "string" },
    [
      { rows: [{ name: "a" }, { name: "" }], flags: [true, false, true] },
      { rows: [], flags: [] },
      { rows: Array.from({ length: 50 }, (_, i) => ({ name: `n${i}` })), flags: [false] },
    ],
  ),
  obj(
    "many-small-objects-and-strings",
    [
      "const parts: { a: string; b: number; c: boolean }[] = [];",
      "for (let i = 0; i < inputs.n; i++) parts.push({ a: i.toString(36), b: i / 3, c: i % 2 === 0 });",
      "const picked = parts.filter((p) => p.c).map((p) => p.a + ':' + p.b.toFixed(2));",
      "picked.sort();",
      "while (picked.length > 5) picked.pop();",
      "const joined = parts.slice(0, 20).map((p) => p.a).join('');",
      "return { n: parts.length, picked, joined, last: parts.length > 0 ? parts[parts.length - 1].b : -0 };",
    ].join("\n"),
    { n: "integer" },
    { n: "integer", picked: "string[]", joined: "string", last: "number" },
    [{ n: 0 }, { n: 1 }, { n: 5000 }],
  ),
];
