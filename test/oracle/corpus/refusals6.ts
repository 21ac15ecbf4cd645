/**
 * @fileoverview Everyday constructs held-out code still had refused: own-property tests
 * (`Object.prototype.hasOwnProperty.call`, `Object.hasOwn`, `k in o`), `Number.isNaN` and friends
 * on values that are not numbers, tuples indexed by a loop variable, arrays made with a length and
 * filled by index, nested destructuring with defaults, self-recursive dictionary types and
 * generators. Inputs carry empty arrays, unicode, -0, NaN, huge numbers, duplicates and missing
 * fields. Cases named `...refused` must stay refused with a located message (the reason beside each).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const r6 = cases("refusals6", ["math", "json", "time"]);
const OUT = { out: "string" };

const NUMS = [{ xs: [3, 1, 4, 1, 5, 9, 2, 6] }, { xs: [] }, { xs: [-0, 1e308, -1e308, 0.5, 1e21, -3] }];
const WORDS = [
  { words: ["tea", "ten", "to", "inn", "in", "i", "", "tea", "ünï", "😀x", "constructor", "__proto__", "toString"] },
  { words: [] },
  { words: ["a", "ab", "abc", "b", "hasOwnProperty"] },
];
const JSONS = [
  { json: '{"a":1,"b":"x","c":null,"toString":2,"constructor":false,"ü😀":[1]}' },
  { json: "{}" },
  { json: '{"__proto__":{"x":1},"hasOwnProperty":3,"d":-0}' },
];

export const REFUSALS_6: readonly OracleCase[] = [
  r6(
    "has-own-property-call-record",
    [
      "const counts: Record<string, number> = {};",
      "for (const w of inputs.words) {",
      "  if (Object.prototype.hasOwnProperty.call(counts, w)) counts[w]++;",
      "  else counts[w] = 1;",
      "}",
      "const probes = ['tea', 'x', 'toString', 'constructor', ''];",
      "return { out: JSON.stringify({ counts, has: probes.map((p) => Object.prototype.hasOwnProperty.call(counts, p)) }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  r6(
    "object-has-own-record",
    [
      "const seen: { [k: string]: boolean } = {};",
      "const firsts: string[] = [];",
      "for (const w of inputs.words) { if (!Object.hasOwn(seen, w)) { seen[w] = true; firsts.push(w); } }",
      "return { out: JSON.stringify({ firsts, n: Object.keys(seen).length, t: Object.hasOwn(seen, 'toString') }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  r6(
    "key-in-record",
    [
      "const byLen: Record<string, string[]> = {};",
      "for (const w of inputs.words) { const k = String(w.length); if (!(k in byLen)) byLen[k] = []; byLen[k].push(w); }",
      "const probes = ['0', '1', '3', 'toString', 'length'];",
      "return { out: JSON.stringify({ byLen, in: probes.map((p) => p in byLen) }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  r6(
    "has-own-property-on-parsed-json",
    [
      "const obj = JSON.parse(inputs.json) as Record<string, unknown>;",
      "const keys = ['a', 'b', 'c', 'toString', 'constructor', 'missing', '__proto__', 'ü😀'];",
      "const own = keys.filter((k) => Object.prototype.hasOwnProperty.call(obj, k));",
      "const own2 = keys.filter((k) => Object.hasOwn(obj, k));",
      "const inn = keys.filter((k) => k in obj);",
      "return { out: JSON.stringify({ own, own2, inn }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    JSONS,
  ),
  // Refused: an optional field that is absent and one holding undefined are one representation
  // in the sandbox, so whether it is an own key is not known.
  r6(
    "has-own-property-of-optional-field-refused",
    [
      "const cfg = JSON.parse(inputs.json) as { a?: number; b?: string };",
      "return { out: JSON.stringify([cfg.hasOwnProperty('a'), Object.hasOwn(cfg, 'b')]) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    JSONS,
  ),
  r6(
    "has-own-on-unions-and-literals",
    [
      "type Ev = { kind: 'a'; x?: number } | { kind: 'b'; y: string };",
      "const evs: Ev[] = inputs.words.map((w, i): Ev => (i % 2 ? { kind: 'a', x: i } : w ? { kind: 'b', y: w } : { kind: 'a' }));",
      "const own = evs.map((e) => [Object.hasOwn(e, 'x'), Object.prototype.hasOwnProperty.call(e, 'y'), e.hasOwnProperty('kind'), Object.hasOwn(e, 'toString')].map(Number).join(''));",
      "const point = { x: 1, y: 2 };",
      "const keys = ['x', 'y', 'z', 'toString', 'constructor', ...inputs.words];",
      "const onPoint = keys.filter((k) => Object.hasOwn(point, k));",
      "const inPoint = keys.filter((k) => k in point);",
      "return { out: JSON.stringify({ own, onPoint, inPoint }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  r6(
    "has-own-on-any-values",
    [
      "const v: any = JSON.parse(inputs.json);",
      "const probes: any[] = ['a', 'length', 0, 1, '0', 'toString', '__proto__', 'ü😀'];",
      "const own = probes.map((k) => (Object.hasOwn(v, k) ? 1 : 0) + (Object.prototype.hasOwnProperty.call(v, k) ? 2 : 0)).join('');",
      "const arr: any = [1, 2];",
      "const text: any = 'hé';",
      "const more = [Object.hasOwn(arr, 1), Object.hasOwn(arr, 2), Object.hasOwn(arr, 'length'), Object.hasOwn(text, 1), Object.hasOwn(text, 'length'), Object.hasOwn(5 as any, 'x')];",
      "return { out: JSON.stringify({ own, more, nullish: inputs.json === '{}' ? Object.hasOwn(v.missing, 'a') : false }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [...JSONS, { json: '[1,{"a":2}]' }, { json: '"text"' }, { json: "null" }],
  ),
  r6(
    "number-tests-on-unknown",
    [
      "const obj = JSON.parse(inputs.json) as Record<string, unknown>;",
      "const out: string[] = [];",
      "for (const [k, v] of Object.entries(obj)) {",
      "  out.push(`${k}:${Number.isNaN(v)}/${Number.isFinite(v)}/${Number.isInteger(v)}/${Number.isSafeInteger(v)}`);",
      "}",
      "return { out: out.join(',') };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [...JSONS, { json: '{"n":1.5,"i":3,"big":1e300,"s":"5","e":"","t":true,"o":{},"neg":-7}' }],
  ),
  r6(
    "number-tests-on-optional-and-union",
    [
      "const vals: (number | string | undefined)[] = inputs.xs.map((x, i) => (i % 3 === 0 ? x : i % 3 === 1 ? String(x) : undefined));",
      "const opt: number | undefined = inputs.xs.length > 0 ? inputs.xs[0] : undefined;",
      "const res = vals.map((v) => [Number.isNaN(v), Number.isFinite(v), Number.isInteger(v)].map(Number).join(''));",
      "const nul: number | null = inputs.xs.length > 2 ? null : inputs.xs.length;",
      "const label: string | undefined = inputs.xs.length > 0 ? String(inputs.xs[0]) : undefined;",
      "const o = [Number.isNaN(opt), Number.isFinite(opt), Number.isInteger(opt), Number.isSafeInteger(nul), Number.isNaN(label), Number.isNaN('x'), isNaN(Number('x'))];",
      "return { out: JSON.stringify({ res, o, g: vals.map((v) => isNaN(Number(v))), n: [Number(opt), Number(nul), Number(label), Number(undefined)] }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r6(
    "tuple-indexed-by-loop-variable",
    [
      "const t: [string, number] = [inputs.words[0] ?? 'none', inputs.words.length];",
      "const parts: string[] = [];",
      "for (let i = 0; i < 2; i++) parts.push(String(t[i]));",
      "const u: [number, number, number] = [1, 2, 3];",
      "let s = 0;",
      "for (let i = 0; i < u.length; i++) s += u[i] * (i + 1);",
      "const pair: [number, number] = [inputs.words.length, -0];",
      "let q = 0;",
      "for (let i = 0; i <= pair.length; i++) q += pair[i] > 0 ? pair[i] : 1;",
      "const mixed = [t[0], t[1]].map((_, i) => t[i]);",
      "const k = inputs.words.length % 3;",
      "return { out: JSON.stringify({ parts, s, q, mixed, past: t[k] ?? 'none', typ: typeof t[k] }) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    WORDS,
  ),
  // Refused: `new Array(n)` holds holes until each index is written; the sandbox's arrays have none.
  r6(
    "new-array-filled-by-index-refused",
    [
      "const n = inputs.xs.length;",
      "const prefix = new Array<number>(n + 1);",
      "prefix[0] = 0;",
      "for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + inputs.xs[i];",
      "const labels: string[] = new Array(n);",
      "for (let i = 0; i < n; i++) labels[i] = `#${i}:${inputs.xs[i]}`;",
      "return { out: JSON.stringify({ prefix, labels, l: labels.length, j: labels.join('|') }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r6(
    "array-from-length",
    [
      "const n = inputs.xs.length;",
      "const idx = Array.from({ length: n }, (_, i) => i * 2);",
      "const grid = Array.from({ length: 3 }, () => Array(n).fill(0));",
      "const z = Array(n).fill('-').join('');",
      "return { out: JSON.stringify({ idx, grid, z }) };",
    ].join("\n"),
    { xs: "number[]" },
    OUT,
    NUMS,
  ),
  r6(
    "nested-destructuring-defaults-declaration",
    [
      "type Config = { server?: { host?: string; port?: number }; retries?: number; tags?: string[] };",
      "const cfg = JSON.parse(inputs.json) as Config;",
      "const { server: { host = 'localhost', port = 80 } = {}, retries = 5, tags: [tag0 = 'none'] = [] } = cfg;",
      "return { out: JSON.stringify({ host, port, retries, tag0 }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [{ json: '{"server":{"host":"h"},"tags":["ü"]}' }, { json: "{}" }, { json: '{"server":{},"retries":0,"tags":[]}' }],
  ),
  r6(
    "nested-destructuring-defaults-parameter-and-for-of",
    [
      "type Item = { name?: string; pos?: { x?: number; y?: number } };",
      "const items = JSON.parse(inputs.json) as Item[];",
      "const f = ({ name = '?', pos: { x = 0, y = 0 } = {} }: Item) => `${name}@${x},${y}`;",
      "const out: string[] = [];",
      "for (const { name = 'anon', pos: { x = -1 } = {} } of items) out.push(`${name}:${x}`);",
      "return { out: JSON.stringify({ a: items.map(f), out }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [{ json: '[{"name":"a","pos":{"x":1}},{},{"pos":{}},{"name":"😀","pos":{"x":-0,"y":2}}]' }, { json: "[]" }],
  ),
  r6(
    "nested-destructuring-defaults-of-any-elements",
    [
      "type Config = { server?: { ports?: (number | null)[] }; hosts?: (string | null)[] };",
      "const cfg = JSON.parse(inputs.json) as Config;",
      "const { server: { ports: [first = 80, second = (first ?? 0) + 1, ...restPorts] = [] } = {} } = cfg;",
      "const [, , third] = cfg.server?.ports ?? [];",
      "const pick = ([a = 'x', b = 'y']: (string | null)[] = []) => `${a}/${b}`;",
      "const out: string[] = [];",
      "for (const [h = 'none', ...more] of [cfg.hosts ?? [], []]) out.push(`${h}+${more.length}`);",
      "const last = (cfg.hosts ?? []).at(-1);",
      "return { out: JSON.stringify({ first, second, restPorts, third: third ?? 'none', p: pick(cfg.hosts), out, last: last === undefined ? 'u' : last }) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [
      { json: '{"server":{"ports":[null,8080,1,2]},"hosts":["a",null,"ü😀"]}' },
      { json: "{}" },
      { json: '{"server":{"ports":[]},"hosts":[]}' },
      { json: '{"server":{},"hosts":[null]}' },
    ],
  ),
  // Refused: a union type that contains itself through arrays and dictionaries (a type that grows
  // as it recurses); the same value typed 'any' or 'unknown' compiles.
  r6(
    "json-value-recursive-type-refused",
    [
      "type Json = string | number | boolean | null | Json[] | { [k: string]: Json };",
      "const depth = (v: Json): number => Array.isArray(v) ? 1 + Math.max(0, ...v.map(depth)) : v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;",
      "const v = JSON.parse(inputs.json) as Json;",
      "return { out: String(depth(v)) };",
    ].join("\n"),
    { json: "string" },
    OUT,
    [...JSONS, { json: '[[[1]],{"a":[{}]}]' }, { json: "3" }],
  ),
];
