/**
 * @fileoverview An eighth set of AI-workflow bodies (see aiWorkflows.ts): TypeScript's utility
 * types (`Omit`, `Exclude`, `Uppercase`), `as const` lists of allowed values, intersections
 * (`Doc & { score: number }`, `Object.assign({}, defaults, overrides)`), and the key order of
 * objects built by spreads (JavaScript's order: a key keeps the place it was first written at).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai8");

const DOC = { id: "string", text: "string", score: "number" } as const;
const DOCS = [
  {
    docs: [
      { id: "d1", text: "The quick brown fox", score: 0.8 },
      { id: "d2", text: "lazy dogs", score: 0.35 },
      { id: "d1", text: "", score: -0 },
      { id: "10", text: "ünïcödé and emoji 😀", score: 1e21 },
    ],
  },
  { docs: [] },
];
const WORDS = [{ t: "user" }, { t: "system" }, { t: "" }, { t: "Assistant" }, { t: "assistant" }];

export const AI_WORKFLOWS_8: readonly OracleCase[] = [
  ai(
    "omit-pick-briefs",
    [
      "type Doc = { id: string; text: string; score: number };",
      "type Brief = Omit<Doc, 'text'>;",
      "const brief = (d: Doc): Brief => ({ id: d.id, score: d.score });",
      "const ids: Pick<Doc, 'id'>[] = inputs.docs.map((d) => ({ id: d.id }));",
      "return { s: JSON.stringify(inputs.docs.map(brief)), ids: JSON.stringify(ids) };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "string", ids: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "exclude-and-uppercase",
    [
      "type Role = 'user' | 'assistant' | 'system';",
      "type Speaker = Exclude<Role, 'system'>;",
      "type Loud = Uppercase<Speaker>;",
      "const s: Speaker = inputs.t === 'user' ? 'user' : 'assistant';",
      "const loud = s.toUpperCase() as Loud;",
      "const system: Extract<Role, 'system'> = 'system';",
      "return { s, loud, system };",
    ].join("\n"),
    { t: "string" },
    { s: "string", loud: "string", system: "string" },
    WORDS,
  ),
  ai(
    "as-const-allowed-roles",
    [
      "const ROLES = ['user', 'assistant', 'system'] as const;",
      "type Role = (typeof ROLES)[number];",
      "const r: Role = ROLES.includes(inputs.t as Role) ? (inputs.t as Role) : 'user';",
      "const [first, second] = ROLES;",
      "return { r, idx: ROLES.indexOf(r), first, rest: second + ROLES.slice(2).join(','), n: ROLES.length, s: JSON.stringify(ROLES), last: ROLES[ROLES.length - 1] };",
    ].join("\n"),
    { t: "string" },
    { r: "string", idx: "integer", first: "string", rest: "string", n: "integer", s: "string", last: "string" },
    WORDS,
    ["json"],
  ),
  ai(
    "as-const-limits",
    [
      "const LIMITS = [10, 100, 1000] as const;",
      "const n = inputs.docs.length * 7;",
      "const pick = LIMITS.find((l) => l >= n) ?? LIMITS[LIMITS.length - 1];",
      "let over = -1;",
      "for (const l of LIMITS) if (l > n) { over = l; break; }",
      "const total = LIMITS.reduce((a, b) => a + b, 0);",
      "return { pick, over, total, some: LIMITS.some((l) => l === n), mapped: LIMITS.map((l) => l / 10) };",
    ].join("\n"),
    { docs: [DOC] },
    { pick: "number", over: "number", total: "number", some: "boolean", mapped: "number[]" },
    DOCS,
  ),
  ai(
    "readonly-pair",
    [
      "const pair: readonly [number, number] = [inputs.docs.length, 2];",
      "const [a, b] = pair;",
      "return { s: a + b + pair[0], n: pair.length, j: pair.join('-') };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "number", n: "integer", j: "string" },
    DOCS,
  ),
  ai(
    "intersection-scored",
    [
      "type Ref = { ref: string };",
      "type Scored = Ref & { len: number; words: number };",
      "const xs: Scored[] = inputs.docs.map((d) => ({ ref: d.id, len: d.text.length, words: d.text.split(' ').filter(Boolean).length }));",
      "xs.sort((a, b) => b.len - a.len || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));",
      "return { top: xs.map((x) => x.ref), s: JSON.stringify(xs.slice(0, 2)), firstRef: xs.length ? xs[0]!.ref : '' };",
    ].join("\n"),
    { docs: [DOC] },
    { top: "string[]", s: "string", firstRef: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "merge-two-records",
    [
      "type Meta = { source: string; at: number };",
      "type Body = { text: string };",
      "function merge(m: Meta, b: Body): Meta & Body { return { ...m, ...b }; }",
      "const out = inputs.docs.map((d, i) => merge({ source: d.id, at: i }, { text: d.text.slice(0, 5) }));",
      "return { s: JSON.stringify(out), texts: out.map((o) => o.text + '@' + o.at) };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "string", texts: "string[]" },
    DOCS,
    ["json"],
  ),
  ai(
    "assign-defaults-then-override",
    [
      "const defaults = { temperature: 0.7, maxTokens: 256, model: 'small' };",
      "const cfg = Object.assign({}, defaults, { model: inputs.t || 'none' });",
      "const cold = { ...cfg, temperature: 0 };",
      "return { a: JSON.stringify(cfg), b: JSON.stringify(cold), k: Object.keys(cold).join(',') };",
    ].join("\n"),
    { t: "string" },
    { a: "string", b: "string", k: "string" },
    WORDS,
    ["json"],
  ),
  ai(
    "spread-then-new-key",
    [
      "const rows = inputs.docs.map((d) => {",
      "  const base = { id: d.id, n: d.text.length };",
      "  return { ...base, flag: d.score > 0.5 };",
      "});",
      "const tagged = rows.map((r) => ({ tag: 'x', ...r }));",
      "return { a: JSON.stringify(rows), b: JSON.stringify(tagged) };",
    ].join("\n"),
    { docs: [DOC] },
    { a: "string", b: "string" },
    DOCS,
    ["json"],
  ),
  // A key written before a spread keeps its first place: `{ b, ...r }` is b first. The shape's
  // object literals write a then b, so JSON.stringify of it is refused (it used to print a first).
  ai(
    "spread-keeps-first-place-refused",
    [
      "type P = { a: number; b: number };",
      "const p: P = { a: 1, b: 2 };",
      "const r = { a: inputs.docs.length };",
      "const q: P = { b: 3, ...r };",
      "return { s: JSON.stringify(q) + JSON.stringify(p) };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "spread-first-place-alone",
    [
      "const r = { a: inputs.docs.length, c: 'x' };",
      "const q = { b: 3, ...r, a: 9 };",
      "return { s: JSON.stringify(q), k: Object.keys(q).join(',') };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "string", k: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "narrower-parameter-reads",
    [
      "interface Base { id: string }",
      "interface Msg extends Base { text: string; score: number }",
      "function label(b: Base): string { return b.id.toUpperCase(); }",
      "const show = (r: { id: string; score: number }) => `${r.id}:${r.score.toFixed(1)}`;",
      "const brief = ({ id, text }: { id: string; text: string }) => id + '=' + text.slice(0, 3);",
      "const note = (o: { id: string; note?: string }) => o.note ?? 'none:' + o.id;",
      "const scale = (o: { score: number }, xs: number[]) => xs.map((x) => x * o.score).filter((x) => x > o.score);",
      "const msgs: Msg[] = inputs.docs.map((d) => ({ id: d.id, text: d.text, score: d.score }));",
      "return { a: msgs.map((m) => label(m) + show(m) + brief(m) + note(m)), b: msgs.map((m) => scale(m, [1, 2, 3]).join('|')) };",
    ].join("\n"),
    { docs: [DOC] },
    { a: "string[]", b: "string[]" },
    DOCS,
  ),
  // The callee can see more than the fields' values: these stay refused (a copy would differ).
  ai(
    "narrower-parameter-written-refused",
    [
      "interface Base { id: string; n: number }",
      "function bump(b: Base) { b.n++; return b.n; }",
      "const m = { id: 'x', n: inputs.docs.length, extra: true };",
      "const r = bump(m);",
      "return { r, n: m.n };",
    ].join("\n"),
    { docs: [DOC] },
    { r: "number", n: "number" },
    DOCS,
  ),
  ai(
    "narrower-parameter-as-json-refused",
    [
      "function dump(b: { id: string }) { return JSON.stringify(b); }",
      "const m = { id: 'x', n: inputs.docs.length };",
      "return { s: dump(m) };",
    ].join("\n"),
    { docs: [DOC] },
    { s: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "narrower-parameter-kept-refused",
    [
      "const later: (() => number)[] = [];",
      "function keep(b: { n: number }) { later.push(() => b.n); return b.n; }",
      "const m = { id: 'x', n: inputs.docs.length };",
      "keep(m);",
      "m.n = 42;",
      "return { n: later[0]!() };",
    ].join("\n"),
    { docs: [DOC] },
    { n: "number" },
    DOCS,
  ),
  ai(
    "narrower-parameter-changed-meanwhile-refused",
    [
      "const m = { id: 'x', n: inputs.docs.length };",
      "function touch() { m.n = 7; }",
      "function read(b: { n: number }) { touch(); return b.n; }",
      "return { n: read(m) };",
    ].join("\n"),
    { docs: [DOC] },
    { n: "number" },
    DOCS,
  ),
  ai(
    "structured-clone-state",
    [
      "type Turn = { role: string; text: string; tags: string[]; meta?: { n: number } };",
      "const history: Turn[] = inputs.docs.map((d, i): Turn => (i % 2 ? { role: 'user', text: d.text, tags: [d.id] } : { role: 'bot', text: d.text, tags: [], meta: { n: i } }));",
      "const snapshot = structuredClone(history);",
      "snapshot.push({ role: 'user', text: 'new', tags: [] });",
      "if (snapshot[0]) { snapshot[0].tags.push('edited'); snapshot[0].text += '!'; if (snapshot[0].meta) snapshot[0].meta.n = 99; }",
      "return { a: JSON.stringify(history), b: JSON.stringify(snapshot) };",
    ].join("\n"),
    { docs: [DOC] },
    { a: "string", b: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "structured-clone-keeps-sharing",
    [
      "const shared = { n: inputs.docs.length };",
      "const pair = { a: shared, b: shared, list: [shared, { n: -1 }] };",
      "const c = structuredClone(pair);",
      "c.a.n = 5;",
      "return { b: c.b.n, l0: c.list[0]!.n, orig: shared.n, same: c.a === c.b, diff: c.a === pair.a };",
    ].join("\n"),
    { docs: [DOC] },
    { b: "number", l0: "number", orig: "number", same: "boolean", diff: "boolean" },
    DOCS,
  ),
  ai(
    "structured-clone-collections",
    [
      "const byId = new Map<string, { score: number; seen: Set<string> }>();",
      "for (const d of inputs.docs) { const e = byId.get(d.id) ?? { score: 0, seen: new Set<string>() }; e.score += d.score; e.seen.add(d.text); byId.set(d.id, e); }",
      "const counts: Record<string, number> = { '10': 1, b: 2, '2': 3 };",
      'const copy = structuredClone({ byId, counts, any: JSON.parse(\'{"x":[1,{"y":2}]}\') });',
      "for (const e of copy.byId.values()) { e.score = -1; e.seen.add('z'); }",
      "copy.counts.c = 4;",
      "const view = (m: Map<string, { score: number; seen: Set<string> }>) => [...m].map(([k, e]) => `${k}:${e.score}:${[...e.seen].join('/')}`).join(';');",
      "return { a: view(byId), b: view(copy.byId), k: Object.keys(copy.counts).join(','), k0: Object.keys(counts).join(','), j: JSON.stringify(copy.any) };",
    ].join("\n"),
    { docs: [DOC] },
    { a: "string", b: "string", k: "string", k0: "string", j: "string" },
    DOCS,
    ["json"],
  ),
  ai(
    "structured-clone-class-refused",
    [
      "class Box { constructor(public n: number) {} twice() { return this.n * 2; } }",
      "const b = structuredClone(new Box(inputs.docs.length));",
      "return { n: b.n };",
    ].join("\n"),
    { docs: [DOC] },
    { n: "number" },
    DOCS,
  ),
  ai(
    "header-names",
    [
      "const headers = { 'Content-Type': 'application/json', 'X-Request-Id': inputs.t, '2': 'two', accept: '*/*' };",
      "const extra = { ...headers, 'X-Retry': String(inputs.t.length) };",
      "const names = Object.keys(extra);",
      "return { s: JSON.stringify(headers), e: JSON.stringify(extra), ct: headers['Content-Type'], names, a: headers.accept };",
    ].join("\n"),
    { t: "string" },
    { s: "string", e: "string", ct: "string", names: "string[]", a: "string" },
    WORDS,
    ["json"],
  ),
  ai(
    "escape-map-as-const",
    [
      "const MAP = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;' } as const;",
      "type Ch = keyof typeof MAP;",
      'const esc = (s: string) => s.replace(/[&<>"]/g, (c) => MAP[c as Ch]);',
      "const has = (c: string) => c in MAP;",
      'return { h: esc(`<b>${inputs.t} & "x"</b>`), has: has(inputs.t), n: Object.keys(MAP).length };',
    ].join("\n"),
    { t: "string" },
    { h: "string", has: "boolean", n: "integer" },
    [{ t: "&" }, { t: "toString" }, { t: "constructor" }, { t: "" }, { t: "<" }],
  ),
  ai(
    "structured-clone-tree-and-cycle",
    [
      "type Node = { name: string; kids: Node[]; parent?: Node };",
      "const root: Node = { name: 'root', kids: [] };",
      "for (const d of inputs.docs) { const k: Node = { name: d.id, kids: [], parent: root }; root.kids.push(k); }",
      "const copy = structuredClone(root);",
      "copy.kids.push({ name: 'new', kids: [] });",
      "if (copy.kids[0]) copy.kids[0].name = 'renamed';",
      "const first = copy.kids[0];",
      "const up = first !== undefined && first.parent !== undefined && first.parent === copy;",
      "const names = (n: Node): string => n.name + '(' + n.kids.map(names).join(',') + ')';",
      "return { a: names(root), b: names(copy), up, sameKids: copy.kids === root.kids };",
    ].join("\n"),
    { docs: [DOC] },
    { a: "string", b: "string", up: "boolean", sameKids: "boolean" },
    DOCS,
  ),
];
