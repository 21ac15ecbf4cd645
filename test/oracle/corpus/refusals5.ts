/**
 * @fileoverview Everyday constructs that were refused where JavaScript gives a value: a
 * discriminated union read from JSON (`JSON.parse(text) as Shape`), numeric enum reverse mapping
 * (`Color[Color.Red]`), indexed access types (`T[K]`), defaults in destructured parameters,
 * `new Array<number>(n)` filled by index, `new Map(pairs.map((p) => [k, v] as const))`, a
 * self-recursive dictionary type (`interface Trie { [k: string]: Trie }`), and call fan-out deep
 * enough to multiply work between two fuel checks. Inputs carry empty arrays, unicode, -0, huge
 * numbers and duplicates. Cases named `...refused` must stay refused with a located message.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const r5 = cases("refusals5", ["math", "json", "time"]);
const OUT = { out: "string" };

const SHAPES_JSON = [
  {
    json: '[{"kind":"circle","r":2},{"kind":"rect","w":3,"h":4},{"kind":"circle","r":-0},{"kind":"rect","w":1e200,"h":1e200}]',
  },
  { json: "[]" },
  { json: '[{"kind":"rect","w":0.1,"h":0.2}]' },
];
const NUMS = [{ xs: [3, 1, 4, 1, 5, 9, 2, 6] }, { xs: [] }, { xs: [-0, 1e308, -1e308, 0.5] }];
const WORDS = [
  { words: ["tea", "ten", "to", "inn", "in", "i", "", "tea", "ünï", "😀x"] },
  { words: [] },
  { words: ["a", "ab", "abc", "b"] },
];

export const REFUSALS_5: readonly OracleCase[] = [
  // Compiles now (SAME): the body's own record types given JSON.parse stay an 'any' (dynamicStores.ts).
  // Was refused: a union of object types read by JSON.parse (an object that is none of the members, an
  // unknown `kind`, is carried on by JavaScript; the sandbox's union class cannot hold it:
  // redteam3/parsed-union-unknown-discriminant-refused).
  r5(
    "json-parse-as-discriminated-union-refused",
    [
      "type Shape = { kind: 'circle'; r: number } | { kind: 'rect'; w: number; h: number };",
      "const shapes = JSON.parse(inputs.json) as Shape[];",
      "const areas = shapes.map((s) => (s.kind === 'circle' ? Math.PI * s.r * s.r : s.w * s.h));",
      "const kinds = shapes.map((s) => s.kind).join(',');",
      "return { out: JSON.stringify({ areas, kinds, n: shapes.length }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    SHAPES_JSON,
  ),
  // Refused: a union of object types read by JSON.parse (an object that is none of the members, an
  // unknown `kind`, is carried on by JavaScript; the sandbox's union class cannot hold it:
  // redteam3/parsed-union-unknown-discriminant-refused).
  r5(
    "json-parse-as-union-one-value-refused",
    [
      "type Msg = { type: 'text'; text: string } | { type: 'image'; url: string; alt?: string };",
      'const m = JSON.parse(inputs.json.startsWith(\'[\') ? \'{"type":"text","text":"hi"}\' : inputs.json) as Msg;',
      "let out: string;",
      "switch (m.type) {",
      "  case 'text': out = m.text.toUpperCase(); break;",
      "  case 'image': out = `${m.url} (${m.alt ?? 'no alt'})`; break;",
      "}",
      "return { out };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [
      { json: '{"type":"image","url":"https://x/y.png"}' },
      { json: '{"type":"image","url":"u","alt":"ä"}' },
      { json: "[]" },
    ],
  ),
  // Refused: a union of object types read by JSON.parse (an object that is none of the members, an
  // unknown `kind`, is carried on by JavaScript; the sandbox's union class cannot hold it:
  // redteam3/parsed-union-unknown-discriminant-refused).
  r5(
    "json-parse-as-union-optional-fields-and-in-as-any",
    [
      "type Step = { op: 'search'; q: string; k?: number } | { op: 'answer'; text: string; cites?: number[] } | { op: 'stop' };",
      "const plan = JSON.parse(inputs.json) as { steps: Step[]; model?: string };",
      "const out: string[] = [];",
      "for (const s of plan.steps) {",
      "  if (s.op === 'search') out.push(`search ${s.q} k=${s.k ?? 5} has-k=${'k' in s}`);",
      "  else if ('text' in s) out.push(`answer ${s.text.length} ${JSON.stringify(s.cites ?? [])}`);",
      "  else out.push('stop');",
      "}",
      "const first = plan.steps[0];",
      "const label = first === undefined ? 'none' : first.op === 'answer' ? first.text : first.op;",
      "return { out: JSON.stringify({ out, label, model: plan.model ?? null }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [
      {
        json: '{"steps":[{"op":"search","q":"weather","k":3},{"k":1,"op":"search","q":"ünï"},{"op":"answer","text":"It is 😀","cites":[1,-0]},{"text":"x","op":"answer"},{"op":"stop"}],"model":"m1"}',
      },
      { json: '{"steps":[]}' },
      { json: '{"steps":[{"op":"answer","text":""}],"model":"m"}' },
    ],
  ),
  r5(
    "numeric-enum-reverse-mapping",
    [
      "enum Color { Red, Green = 5, Blue }",
      "enum Level { Low = 1, High = 10, Max = 10 }",
      "const byValue = (n: number): Color | undefined => (n === Color.Red || n === Color.Green || n === Color.Blue ? (n as Color) : undefined);",
      "const names = inputs.xs.map((x) => { const c = byValue(x); return c === undefined ? 'none' : Color[c]; });",
      "const back = [Color[Color.Red], Color[Color.Blue], Level[Level.High], Level[1], Color[6]];",
      "const levels: Level[] = inputs.xs.map((x) => (x > 4 ? Level.High : Level.Low));",
      "return { out: JSON.stringify({ names, back, g: Color.Green, b: Color['Blue'], lv: levels.map((l) => `${Level[l]}=${l}`) }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    [{ xs: [3, 0, 4, 1, 5, 9, 2, 6] }, { xs: [] }, { xs: [-0, 1e308, -1e308, 0.5, 5] }],
  ),
  // Refused: `Color[n]` of a number TypeScript types string, JavaScript's undefined for a value no member has.
  r5(
    "numeric-enum-reverse-of-number-refused",
    ["enum Color { Red, Green = 5, Blue }", "return { out: inputs.xs.map((x) => Color[x] ?? 'none').join(',') };"].join(
      "\n",
    ),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r5(
    "indexed-access-types",
    [
      "interface Order { id: string; lines: { sku: string; qty: number }[]; meta: { source: string } }",
      "type Line = Order['lines'][number];",
      "type Source = Order['meta']['source'];",
      "function total(lines: Order['lines']): number { return lines.reduce((s, l: Line) => s + l.qty, 0); }",
      "const lines: Line[] = inputs.xs.map((q, i) => ({ sku: `s${i}`, qty: q }));",
      "const src: Source = 'api';",
      "const order: Order = { id: 'o1', lines, meta: { source: src } };",
      "return { out: JSON.stringify({ t: total(order.lines), n: order.lines.length, src: order.meta.source }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r5(
    "destructured-parameter-defaults",
    [
      "interface Opts { scale?: number; offset?: number; label?: string }",
      "const fmt = ({ scale = 1, offset = 0, label = 'x' }: Opts, v: number) => `${label}=${v * scale + offset}`;",
      "function pick({ first = 0, rest = [] as number[] }: { first?: number; rest?: number[] } = {}): number { return first + rest.length; }",
      "const [a = 7, b = 8] = inputs.xs;",
      "return { out: JSON.stringify([inputs.xs.map((x) => fmt({ scale: 2 }, x)), fmt({}, 1), fmt({ label: 'y', offset: -0 }, -0), pick(), pick({ first: a }), pick({ rest: inputs.xs }), a, b]) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  // Refused: `new Array<T>(n)` filled by index (its holes would need proof that each is written
  // before it is read, or a representation of holes).
  r5(
    "new-array-generic-filled-by-index-refused",
    [
      "const n = inputs.xs.length;",
      "const prefix = new Array<number>(n + 1);",
      "prefix[0] = 0;",
      "for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + inputs.xs[i];",
      "const labels: string[] = new Array(n);",
      "for (let i = 0; i < n; i++) labels[i] = `#${i}:${inputs.xs[i]}`;",
      "return { out: JSON.stringify({ prefix, labels }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r5(
    "map-from-pairs-as-const",
    [
      "const idx = new Map(inputs.words.map((w, i) => [w, i] as const));",
      "const lens = new Map(inputs.words.map((w) => [w, w.length] as [string, number]));",
      "const inv = new Map([...idx].map(([w, i]) => [i, w] as const));",
      "return { out: JSON.stringify({ idx: [...idx], lens: [...lens.entries()], inv: [...inv.values()], tea: idx.get('tea') ?? -1 }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  // Refused: a dictionary of itself (`interface Trie { [k: string]: Trie }`): a type that grows as it recurses.
  r5(
    "self-recursive-dictionary-trie-refused",
    [
      "interface Trie { [k: string]: Trie }",
      "const root: Trie = {};",
      "for (const w of inputs.words) {",
      "  let node = root;",
      "  for (const ch of w + '$') node = node[ch] ??= {};",
      "}",
      "const count = (t: Trie): number => Object.keys(t).reduce((s, k) => s + 1 + count(t[k]), 0);",
      "const words = (t: Trie, prefix: string): string[] => Object.keys(t).flatMap((k) => (k === '$' ? [prefix] : words(t[k], prefix + k)));",
      "return { out: JSON.stringify({ nodes: count(root), words: words(root, ''), json: JSON.stringify(root).length }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  r5(
    "nested-closures-fan-out",
    [
      ...Array.from({ length: 41 }, (_, i) =>
        i === 0
          ? "let f0 = (x: number) => x + 1;"
          : `let f${i} = (x: number) => (x <= 0 ? ${i} : f${i - 1}(x - 1) + f${i - 1}(x - 2));`,
      ),
      "return { out: String(f40(Math.min(inputs.xs.length, 12)) % 1000) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    [{ xs: [] }, { xs: [1, 2, 3] }, { xs: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7] }],
  ),
  // Refused: generators (`function*`, run lazily a step at each next()).
  r5(
    "generator-consumed-by-for-of-refused",
    [
      "function* range(a: number, b: number, step = 1) { for (let i = a; i < b; i += step) yield i; }",
      "function* pairs(xs: number[]) { for (let i = 0; i + 1 < xs.length; i++) yield [xs[i], xs[i + 1]] as [number, number]; }",
      "const out: number[] = [];",
      "for (const i of range(0, inputs.xs.length, 2)) out.push(inputs.xs[i]);",
      "const diffs = [...pairs(inputs.xs)].map(([a, b]) => b - a);",
      "return { out: JSON.stringify({ out, diffs }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
];
