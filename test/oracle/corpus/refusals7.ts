/**
 * @fileoverview A read past the end stored where TypeScript's declared type allows undefined
 * (`const v: T | undefined = xs[0]`, a field `{ v: xs[0] }` of a literal typed
 * `{ v: T | undefined }`, an argument for `p: T | undefined` or `p?: T`, a `(T | undefined)[]`
 * element, a conditional's branch in those): tsc narrows the declared union to `T` at the
 * assignment, and the sandbox used to trap where JavaScript stores undefined. Then constructs
 * held-out code still had refused. Inputs carry empty arrays, unicode, -0, NaN, huge numbers,
 * duplicates and missing fields. Cases named `...refused` must stay refused with a located
 * message (the reason beside each).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const r7 = cases("refusals7", ["math", "json", "time"]);
const OUT = { out: "string" };

const NUMS = [{ xs: [3, 1, 4, 1, 5] }, { xs: [] }, { xs: [-0] }, { xs: [1e308, -1e308, 0.5, 1e21] }];
const ROWS = [
  {
    rows: [
      { id: "a", v: 1 },
      { id: "ü😀", v: -0 },
      { id: "a", v: 3 },
    ],
  },
  { rows: [] },
  { rows: [{ id: "", v: 1e21 }] },
];
const ROW = { rows: [{ id: "string", v: "number" }] } as const;

export const REFUSALS_7: readonly OracleCase[] = [
  r7(
    "optional-field-from-first-element",
    [
      "interface Summary { first: number | undefined; last: number | undefined; n: number }",
      "const xs = inputs.xs;",
      "const s: Summary = { first: xs[0], last: xs[xs.length - 1], n: xs.length };",
      "return { out: JSON.stringify(s) + ' ' + String(s.first) + ' ' + (s.last === undefined ? 'none' : s.last.toFixed(2)) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "optional-parameter-from-element",
    [
      "function describe(label: string, v?: number): string {",
      "  return v === undefined ? `${label}: n/a` : `${label}: ${v}`;",
      "}",
      "function fmt(v: number | undefined): string { return v === undefined ? '-' : v.toFixed(1); }",
      "const xs = inputs.xs;",
      "return { out: [describe('first', xs[0]), describe('second', xs[1]), fmt(xs[2]), fmt(xs[xs.length - 1])].join('; ') };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "optional-from-conditional-branch",
    [
      "const xs = inputs.xs;",
      "const second: number | undefined = xs.length > 2 ? xs[1] : xs[0];",
      "let median: number | undefined;",
      "median = xs.length % 2 === 1 ? xs[(xs.length - 1) / 2] : xs[xs.length / 2];",
      "return { out: `${second} ${median} ${second === undefined} ${median ?? -1}` };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "optional-row-fields-and-arrays",
    [
      "const rows = inputs.rows;",
      "const byId: Record<string, number> = {};",
      "for (const r of rows) byId[r.id] = r.v;",
      "const made = rows.map((r) => ({ id: r.id, v: r.v }));",
      "const probe: { a: number | undefined; top: { id: string; v: number } | undefined } = { a: byId['a'], top: made[0] };",
      "const pair: (string | undefined)[] = [rows[0]?.id, rows.map((r) => r.id)[1]];",
      "const firstIds: (string | undefined)[] = [];",
      "firstIds.push(rows.map((r) => r.id)[0]);",
      "const m = new Map<string, number | undefined>();",
      "m.set('z', byId['z']);",
      "return { out: JSON.stringify({ a: probe.a, top: probe.top?.id, pair, firstIds }) + String(probe.a) + String(m.get('z')) + m.has('z') };",
    ].join("\n"),
    ROW,
    OUT,
    ROWS,
  ),
  r7(
    "optional-return-and-assignment",
    [
      "function pick(xs: number[], i: number): number | undefined { return i >= 0 ? xs[i] : undefined; }",
      "const nth = (xs: number[], i: number): number | undefined => xs[i];",
      "class Slot { v: number | undefined = undefined; constructor(public w: number | undefined) {} }",
      "const xs = inputs.xs;",
      "const slot = new Slot(xs[3]);",
      "slot.v = xs[0];",
      "const o: { v: number | undefined } = { v: 0 };",
      "o.v = xs[1];",
      "const first = xs[0];",
      "const wrapped: { first: number | undefined } = { first };",
      "return { out: [pick(xs, 1), pick(xs, -1), nth(xs, 4), slot.v, slot.w, o.v, wrapped.first].map((v) => String(v)).join() + JSON.stringify(o) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "optional-local-narrowed-by-assignment",
    [
      "const xs = inputs.xs;",
      "let best: number | undefined;",
      "best = xs[1];",
      "const v: number | undefined = xs[0];",
      "const same = v;",
      "const o: { v: number | undefined } = { v: 0 };",
      "o.v = xs[2];",
      "function show(n: number | undefined): string { return n === undefined ? 'none' : n.toFixed(1); }",
      "const list = [v, best, o.v];",
      "return { out: JSON.stringify({ list, v, best }) + show(v) + show(best) + typeof same + (same === undefined) + [o.v].map((x) => String(x)).join() };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "optional-words-narrowed-by-assignment",
    [
      "const words = inputs.rows.map((r) => r.id);",
      "let current: string | undefined = words[0];",
      "const counts: Record<string, number> = {};",
      "for (const w of words) counts[w] = (counts[w] ?? 0) + 1;",
      "let n: number | undefined = counts['a'];",
      "const seen = [current, words[words.length - 1]];",
      "current = words[5];",
      "n = counts[current ?? 'a'];",
      "return { out: JSON.stringify({ seen, current: current ?? null, n: n ?? null }) + String(current) + String(n) };",
    ].join("\n"),
    ROW,
    OUT,
    ROWS,
  ),
  r7(
    "unknown-parameter-with-default",
    [
      "function show(v: unknown, fallback: unknown = 'n/a'): string { return JSON.stringify(v ?? fallback); }",
      "function add(a: any, b: any = 1): any { return a + b; }",
      "const parsed: any[] = JSON.parse(JSON.stringify(inputs.xs));",
      "return { out: [show(parsed[0]), show(parsed[0], null), show(undefined), show(parsed[9], parsed[1]), String(add(2)), String(add('a')), String(add(2, undefined)), String(add(parsed[1], parsed[0]))].join('|') };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r7(
    "loose-null-test-of-record-value",
    [
      "const counts: Record<string, number> = {};",
      "const order: string[] = [];",
      "for (const r of inputs.rows) {",
      "  if (counts[r.id] == null) { counts[r.id] = 0; order.push(r.id); }",
      "  counts[r.id] += 1;",
      "}",
      "const probe = ['a', 'x', '', 'ü😀'].map((k) => [counts[k] == null, counts[k] != null, counts[k] === null, counts[k] != undefined].map(Number).join(''));",
      "return { out: JSON.stringify({ order, probe, n: order.map((k) => counts[k]) }) };",
    ].join("\n"),
    ROW,
    OUT,
    ROWS,
  ),
  r7(
    "deep-set-by-path-on-any",
    [
      "const root: any = {};",
      "for (const r of inputs.rows) {",
      "  const parts = (r.id || 'empty').split('.');",
      "  let cur = root;",
      "  for (const k of parts.slice(0, -1)) cur = cur[k] ??= {};",
      "  cur[parts[parts.length - 1]] ??= r.v;",
      "}",
      'const cfg: any = JSON.parse(\'{"a":0,"b":"","c":null,"d":[0,null]}\');',
      "const log: string[] = [];",
      "const mk = (t: string) => { log.push(t); return t; };",
      "for (const k of ['a', 'b', 'c', 'e']) cfg[k] ??= mk('q' + k);",
      "for (const k of ['a', 'b', 'z']) { cfg[k] ||= mk('o' + k); cfg[k + k] &&= 1; }",
      "cfg.d[1] ??= 5; cfg.d[2] ??= 6; cfg.d[0] ||= 7;",
      "const n = (cfg.f ??= { n: inputs.rows.length }).n;",
      "return { out: JSON.stringify({ root, cfg, n, log }) };",
    ].join("\n"),
    { rows: [{ id: "string", v: "number" }] },
    OUT,
    [
      {
        rows: [
          { id: "a.b.c", v: 1 },
          { id: "a.d", v: 2 },
          { id: "a.b.c", v: 3 },
          { id: "ü.😀", v: -0 },
        ],
      },
      { rows: [] },
      {
        rows: [
          { id: "", v: 1e21 },
          { id: "x", v: 2 },
        ],
      },
    ],
  ),
  // Compiles now (SAME): the body's own record types given JSON.parse stay an 'any' (dynamicStores.ts).
  // Was refused: a field of parsed data compared with null. `JSON.parse(text) as T` is read into T's
  // class, where a missing field has no representation of its own (`c` absent and `c: ""` differ).
  r7(
    "parsed-field-loose-null-test-as-any",
    [
      "const cfg = JSON.parse(inputs.json) as { name: string; retries: number };",
      "return { out: `${cfg.name == null ? 'anonymous' : cfg.name}/${cfg.retries != null ? cfg.retries : 3}` };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [{ json: '{"name":"a","retries":2}' }, { json: "{}" }, { json: '{"name":null}' }],
  ),
  // Refused: a comparator typed with fewer fields than the rows it sorts (sort hands it the rows
  // themselves; a projection would be a copy, and the sort must return the originals).
  r7(
    "sort-rows-with-narrower-comparator-refused",
    [
      "const byV = (a: { v: number }, b: { v: number }) => a.v - b.v;",
      "const rows = inputs.rows.map((r, i) => ({ v: r.v, id: r.id, i }));",
      "rows.sort(byV);",
      "return { out: rows.map((r) => `${r.id}:${r.i}`).join() };",
    ].join("\n"),
    ROW,
    OUT,
    ROWS,
  ),
  // Refused: `new Array<T>(n)` filled by index; its holes (JSON null, skipped by map/forEach, ""
  // in join) have no representation until every index is proven written before it is read.
  r7(
    "new-array-then-loop-fill-refused",
    [
      "const n = inputs.xs.length;",
      "const doubled = new Array<number>(n);",
      "for (let i = 0; i < n; i++) doubled[i] = inputs.xs[i] * 2;",
      "return { out: JSON.stringify(doubled) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
];
