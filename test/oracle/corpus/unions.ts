/**
 * @fileoverview Unions of object types in code nodes (src/codenode/unions.ts, print/unions.ts):
 * discriminated unions narrowed by `switch`/`if`/`in`/type guards, Result types, LLM content
 * blocks and tool calls, state machines, message roles, parsed commands; their JSON text (each
 * value's own keys in its own order), `Object.keys`, spreads; and what stays refused.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const un = cases("unions");
const JSON_CAPS = ["math", "json"];

const EVENTS = [
  { lines: ["click:3,4", "key:a", "scroll:-5", "key:ü", "click:-0,1e3", "bogus", ""] },
  { lines: [] },
  { lines: ["key:", "key:\u2028", "scroll:NaN", "click:1,2,3"] },
];

const EV = `type Click = { kind: 'click'; x: number; y: number };
type Key = { kind: 'key'; key: string };
type Scroll = { kind: 'scroll'; dy: number };
type Ev = Click | Key | Scroll;
function parse(line: string): Ev | undefined {
  const [kind, rest = ''] = line.split(':');
  if (kind === 'click') { const [x, y] = rest.split(',').map(Number); return { kind: 'click', x: x ?? 0, y: y ?? 0 }; }
  if (kind === 'key') return { kind: 'key', key: rest };
  if (kind === 'scroll') return { kind: 'scroll', dy: Number(rest) };
  return undefined;
}
const evs: Ev[] = [];
for (const l of inputs.lines) { const e = parse(l); if (e) evs.push(e); }`;

const NUMS = [
  { xs: ["1", "2.5", "abc", "", " 7 ", "-0", "1e999", "0x10"] },
  { xs: [] },
  { xs: ["NaN", "Infinity", "12px"] },
];

export const UNIONS: readonly OracleCase[] = [
  un(
    "event-reducer-switch",
    `${EV}
let out = '';
for (const e of evs) {
  switch (e.kind) {
    case 'click': out += \`c\${e.x},\${e.y};\`; break;
    case 'key': out += \`k\${e.key};\`; break;
    case 'scroll': out += \`s\${e.dy};\`; break;
  }
}
return { out, j: JSON.stringify(evs), n: evs.length };`,
    { lines: "string[]" },
    { out: "string", j: "string", n: "number" },
    EVENTS,
    JSON_CAPS,
  ),
  un(
    "event-if-narrowing",
    `${EV}
let clicks = 0, keys = '', scroll = 0;
for (const e of evs) {
  if (e.kind === 'click') clicks += e.x * e.y;
  else if (e.kind === 'key') keys += e.key.toUpperCase();
  else scroll += e.dy;
}
return { clicks, keys, scroll };`,
    { lines: "string[]" },
    { clicks: "number", keys: "string", scroll: "number" },
    EVENTS,
  ),
  un(
    "event-in-narrowing",
    `${EV}
const parts: string[] = [];
for (const e of evs) {
  if ('key' in e) parts.push('K=' + e.key);
  else if ('dy' in e) parts.push('D=' + e.dy);
  else parts.push('C=' + (e.x + e.y));
}
return { s: parts.join('|'), hasX: evs.map((e) => 'x' in e), hasToString: evs.map((e) => 'toString' in e) };`,
    { lines: "string[]" },
    { s: "string", hasX: "boolean[]", hasToString: "boolean[]" },
    EVENTS,
  ),
  un(
    "event-type-guard-filter",
    `${EV}
const isClick = (e: Ev): e is Click => e.kind === 'click';
const clicks = evs.filter(isClick);
const keys = evs.filter((e): e is Key => e.kind === 'key').map((k) => k.key);
return { xs: clicks.map((c) => c.x), keys, j: JSON.stringify(clicks) };`,
    { lines: "string[]" },
    { xs: "number[]", keys: "string[]", j: "string" },
    EVENTS,
    JSON_CAPS,
  ),
  un(
    "event-object-keys",
    `${EV}
return { keys: evs.map((e) => Object.keys(e).join(',')), first: evs.length > 0 ? Object.keys(evs[0]!) : [] };`,
    { lines: "string[]" },
    { keys: "string[]", first: "string[]" },
    EVENTS,
  ),
  un(
    "event-spread-seq",
    `${EV}
const numbered = evs.map((e, i) => ({ ...e, seq: i }));
const tagged: Ev[] = evs.map((e) => ({ ...e }));
return { j: JSON.stringify(numbered), k: numbered.map((e) => Object.keys(e).join('+')), t: JSON.stringify(tagged), same: tagged.map((e, i) => e === evs[i]) };`,
    { lines: "string[]" },
    { j: "string", k: "string[]", t: "string", same: "boolean[]" },
    EVENTS,
    JSON_CAPS,
  ),
  un(
    "result-type",
    `type R = { ok: true; value: number } | { ok: false; error: string };
function parseNum(s: string): R {
  const t = s.trim();
  if (t === '') return { ok: false, error: 'empty' };
  const n = Number(t);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: 'bad ' + JSON.stringify(s) };
}
const rs = inputs.xs.map(parseNum);
let sum = 0;
const errors: string[] = [];
for (const r of rs) { if (r.ok) sum += r.value; else errors.push(r.error); }
return { sum, errors, j: JSON.stringify(rs), okCount: rs.filter((r) => r.ok).length };`,
    { xs: "string[]" },
    { sum: "number", errors: "string[]", j: "string", okCount: "number" },
    NUMS,
    JSON_CAPS,
  ),
  un(
    "result-generic-chain",
    `type Ok = { ok: true; value: number };
type Err = { ok: false; error: string };
type R = Ok | Err;
const ok = (value: number): R => ({ ok: true, value });
const err = (error: string): R => ({ error, ok: false });
function half(r: R): R { if (!r.ok) return r; return r.value % 2 === 0 ? ok(r.value / 2) : err(\`odd \${r.value}\`); }
const out = inputs.xs.map((s) => { const n = Number(s); return half(half(Number.isNaN(n) ? err('nan') : ok(n))); });
return { j: JSON.stringify(out), vals: out.map((r) => (r.ok ? r.value : -1)) };`,
    { xs: "string[]" },
    { j: "string", vals: "number[]" },
    [{ xs: ["8", "6", "x", "3", "-4", "0", "-0"] }, { xs: [] }],
    JSON_CAPS,
  ),
  un(
    "llm-content-blocks",
    `type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, string> }
  | { type: 'thinking'; thinking: string; signature?: string };
const blocks: Block[] = [];
let n = 0;
for (const raw of inputs.parts) {
  if (raw.startsWith('!')) {
    const [name, ...args] = raw.slice(1).split(' ');
    const input: Record<string, string> = {};
    for (const a of args) { const [k, v = ''] = a.split('='); input[k!] = v; }
    blocks.push({ type: 'tool_use', id: 'toolu_' + n++, name: name!, input });
  } else if (raw.startsWith('?')) blocks.push(raw.length > 3 ? { type: 'thinking', thinking: raw.slice(1), signature: 'sig' } : { type: 'thinking', thinking: raw.slice(1) });
  else blocks.push({ type: 'text', text: raw });
}
const text = blocks.map((b) => (b.type === 'text' ? b.text : '')).join('');
const tools = blocks.flatMap((b) => (b.type === 'tool_use' ? [b.name + '(' + Object.keys(b.input).join(',') + ')'] : []));
return { text, tools, j: JSON.stringify(blocks), pretty: JSON.stringify(blocks.slice(0, 2), null, 2) };`,
    { parts: "string[]" },
    { text: "string", tools: "string[]", j: "string", pretty: "string" },
    [
      { parts: ["Hello ", "!search q=cats lang=en", "?hmm", "?let me think", "world", "!calc"] },
      { parts: [] },
      { parts: ['"quoted"\n', "!x 10=ten 2=two a=", "?\u00e9"] },
    ],
    JSON_CAPS,
  ),
  un(
    "tool-call-dispatch",
    `type Call = { name: 'add'; a: number; b: number } | { name: 'upper'; s: string } | { name: 'echo'; s: string; times?: number };
type Out = { tool: string; ok: true; result: string } | { tool: string; ok: false; reason: string };
function run(c: Call): Out {
  switch (c.name) {
    case 'add': return { tool: c.name, ok: true, result: String(c.a + c.b) };
    case 'upper': return c.s ? { tool: 'upper', ok: true, result: c.s.toUpperCase() } : { tool: 'upper', ok: false, reason: 'empty' };
    case 'echo': return { tool: 'echo', ok: true, result: c.s.repeat(c.times ?? 1) };
  }
}
const calls: Call[] = inputs.reqs.map((r): Call => {
  const [op, x = '', y = ''] = r.split(' ');
  if (op === 'add') return { name: 'add', a: Number(x), b: Number(y) };
  if (op === 'echo') return y ? { name: 'echo', s: x, times: Number(y) } : { name: 'echo', s: x };
  return { name: 'upper', s: x };
});
const outs = calls.map(run);
return { j: JSON.stringify(outs), failed: outs.filter((o) => !o.ok).map((o) => o.tool), calls: JSON.stringify(calls) };`,
    { reqs: "string[]" },
    { j: "string", failed: "string[]", calls: "string" },
    [{ reqs: ["add 1 2", "upper hé", "upper", "echo ab 3", "echo z", "add 0.1 0.2", "add x"] }, { reqs: [] }],
    JSON_CAPS,
  ),
  un(
    "state-machine",
    `type State =
  | { status: 'idle' }
  | { status: 'loading'; startedAt: number; attempt: number }
  | { status: 'done'; items: string[]; tookMs: number }
  | { status: 'error'; message: string; attempt: number };
function step(s: State, ev: string, t: number): State {
  switch (s.status) {
    case 'idle': return ev === 'fetch' ? { status: 'loading', startedAt: t, attempt: 1 } : s;
    case 'loading':
      if (ev.startsWith('ok:')) return { status: 'done', items: ev.slice(3).split(',').filter(Boolean), tookMs: t - s.startedAt };
      if (ev === 'fail') return s.attempt < 3 ? { ...s, attempt: s.attempt + 1 } : { status: 'error', message: 'gave up', attempt: s.attempt };
      return s;
    case 'done': return ev === 'reset' ? { status: 'idle' } : s;
    case 'error': return ev === 'reset' ? { status: 'idle' } : s;
  }
}
let s: State = { status: 'idle' };
const trace: string[] = [];
inputs.evs.forEach((ev, i) => { s = step(s, ev, i * 10); trace.push(JSON.stringify(s)); });
return { final: s.status, trace };`,
    { evs: "string[]" },
    { final: "string", trace: "string[]" },
    [
      { evs: ["fetch", "fail", "fail", "ok:a,b,,c", "reset", "fetch", "fail", "fail", "fail", "fail", "reset"] },
      { evs: [] },
      { evs: ["ok:x", "fetch", "noise", "ok:"] },
    ],
    JSON_CAPS,
  ),
  un(
    "counter-state-mutation",
    `type S = { mode: 'count'; n: number; log: string[] } | { mode: 'text'; text: string };
const states: S[] = [{ mode: 'count', n: 0, log: [] }, { mode: 'text', text: '' }];
for (const c of inputs.s) {
  for (const st of states) {
    if (st.mode === 'count') { st.n += 1; if (c === ' ') st.log.push('sp@' + st.n); }
    else st.text = c + st.text;
  }
}
return { j: JSON.stringify(states), keys: states.map((x) => Object.keys(x).length) };`,
    { s: "string" },
    { j: "string", keys: "number[]" },
    [{ s: "a b  c" }, { s: "" }, { s: "😀 é" }],
    JSON_CAPS,
  ),
  un(
    "message-roles",
    `type Msg =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string; name?: string }
  | { role: 'assistant'; content: string; toolCalls?: string[] };
const msgs: Msg[] = [{ role: 'system', content: 'be brief' }];
for (const line of inputs.chat) {
  const i = line.indexOf(':');
  const who = line.slice(0, i), text = line.slice(i + 1);
  if (who === 'a') msgs.push(text.includes('()') ? { role: 'assistant', content: text, toolCalls: text.split(' ').filter((w) => w.endsWith('()')) } : { role: 'assistant', content: text });
  else if (who.startsWith('u')) msgs.push(who.length > 1 ? { role: 'user', name: who.slice(1), content: text } : { role: 'user', content: text });
}
const tokens = msgs.reduce((n, m) => n + m.content.split(/\\s+/).filter(Boolean).length, 0);
const names = msgs.map((m) => (m.role === 'user' ? m.name ?? '-' : m.role));
const calls = msgs.flatMap((m) => (m.role === 'assistant' ? m.toolCalls ?? [] : []));
return { tokens, names, calls, j: JSON.stringify(msgs) };`,
    { chat: "string[]" },
    { tokens: "number", names: "string[]", calls: "string[]", j: "string" },
    [{ chat: ["u:hi there", "a:hello", "ubob:what's up?", "a:call search() now", "x:ignored", "u:"] }, { chat: [] }],
    JSON_CAPS,
  ),
  un(
    "parse-commands",
    `type Cmd = { op: 'add'; n: number } | { op: 'mul'; n: number } | { op: 'neg' } | { op: 'reset'; to?: number };
function parseCmd(s: string): Cmd | undefined {
  const m = /^(add|mul|neg|reset)(?:\\s+(-?[\\d.]+))?$/.exec(s.trim());
  if (!m) return undefined;
  const n = m[2] === undefined ? undefined : Number(m[2]);
  switch (m[1]) {
    case 'add': return { op: 'add', n: n ?? 1 };
    case 'mul': return { op: 'mul', n: n ?? 2 };
    case 'neg': return { op: 'neg' };
    default: return n === undefined ? { op: 'reset' } : { op: 'reset', to: n };
  }
}
let acc = 0;
const done: Cmd[] = [];
for (const line of inputs.lines) {
  const c = parseCmd(line);
  if (!c) continue;
  done.push(c);
  if (c.op === 'add') acc += c.n; else if (c.op === 'mul') acc *= c.n; else if (c.op === 'neg') acc = -acc; else acc = c.to ?? 0;
}
return { acc, j: JSON.stringify(done), ops: done.map((c) => c.op) };`,
    { lines: "string[]" },
    { acc: "number", j: "string", ops: "string[]" },
    [
      { lines: ["add 5", "mul", "neg", "  add -2.5 ", "reset 3", "mul 0", "neg", "bogus", "reset", "add"] },
      { lines: [] },
    ],
    JSON_CAPS,
  ),
  un(
    "key-order-per-literal",
    `type P = { kind: 'pt'; x: number; y: number } | { kind: 'label'; text: string };
const ps: P[] = [];
for (const w of inputs.ws) {
  if (w.length % 3 === 0) ps.push({ x: w.length, kind: 'pt', y: -w.length });
  else if (w.length % 3 === 1) ps.push({ kind: 'pt', y: 0, x: w.length });
  else ps.push({ text: w, kind: 'label' });
}
return { j: JSON.stringify(ps), keys: ps.map((p) => Object.keys(p).join('')) };`,
    { ws: "string[]" },
    { j: "string", keys: "string[]" },
    [{ ws: ["", "a", "ab", "abc", "abcd", "ab"] }, { ws: [] }],
    JSON_CAPS,
  ),
  un(
    "optional-field-undefined-vs-absent",
    `type N = { kind: 'note'; text: string; tag?: string } | { kind: 'gap' };
const ns: N[] = inputs.ws.map((w): N => (w === '' ? { kind: 'gap' } : w.startsWith('#') ? { kind: 'note', text: w, tag: w.slice(1) } : w === 'u' ? { kind: 'note', text: w, tag: undefined } : { kind: 'note', text: w }));
return {
  j: JSON.stringify(ns),
  keys: ns.map((n) => Object.keys(n).join(',')),
  hasTag: ns.map((n) => 'tag' in n),
  tags: ns.map((n) => (n.kind === 'note' ? n.tag ?? '?' : '-')),
};`,
    { ws: "string[]" },
    { j: "string", keys: "string[]", hasTag: "boolean[]", tags: "string[]" },
    [{ ws: ["#x", "plain", "", "u", "#"] }, { ws: [] }],
    JSON_CAPS,
  ),
  un(
    "nested-union-fields",
    `type Val = { t: 'num'; n: number } | { t: 'str'; s: string };
type Field = { name: string; value: Val } | { name: string; missing: true };
const fields: Field[] = inputs.kv.map((p) => {
  const [k, v] = p.split('=');
  if (v === undefined) return { name: k!, missing: true };
  const n = Number(v);
  return { name: k!, value: v !== '' && !Number.isNaN(n) ? { t: 'num', n } : { t: 'str', s: v } };
});
let total = 0;
const strs: string[] = [];
for (const f of fields) {
  if ('value' in f) { const v = f.value; if (v.t === 'num') total += v.n; else strs.push(v.s); }
}
return { total, strs, j: JSON.stringify(fields) };`,
    { kv: "string[]" },
    { total: "number", strs: "string[]", j: "string" },
    [{ kv: ["a=1", "b=x", "c", "d=", "e=-0", "f=1e2"] }, { kv: [] }],
    JSON_CAPS,
  ),
  un(
    "map-of-unions",
    `type Job = { state: 'queued'; at: number } | { state: 'running'; pct: number } | { state: 'failed'; err: string };
const jobs = new Map<string, Job>();
for (const e of inputs.events) {
  const [id, what, arg = ''] = e.split(' ');
  if (what === 'q') jobs.set(id!, { state: 'queued', at: Number(arg) });
  else if (what === 'p') { const j = jobs.get(id!); if (j && j.state !== 'failed') jobs.set(id!, { state: 'running', pct: Number(arg) }); }
  else if (what === 'f') jobs.set(id!, { state: 'failed', err: arg || 'unknown' });
}
const lines: string[] = [];
const all: Job[] = [];
for (const [id, j] of jobs) all.push(j);
for (const [id, j] of jobs) lines.push(id + ':' + (j.state === 'running' ? j.pct + '%' : j.state === 'failed' ? 'ERR ' + j.err : 'at ' + j.at));
return { lines, j: JSON.stringify(all) };`,
    { events: "string[]" },
    { lines: "string[]", j: "string" },
    [{ events: ["a q 1", "b q 2", "a p 50", "b f", "b p 10", "c p 5", "a p 100", "d f oom"] }, { events: [] }],
    JSON_CAPS,
  ),
  un(
    "sort-by-discriminant",
    `type Item = { kind: 'file'; name: string; size: number } | { kind: 'dir'; name: string; count: number };
const items: Item[] = inputs.paths.map((p) => (p.endsWith('/') ? { kind: 'dir', name: p.slice(0, -1), count: p.length } : { kind: 'file', name: p, size: p.length * 10 }));
const sorted = [...items].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
const bytes = items.reduce((s, i) => s + (i.kind === 'file' ? i.size : 0), 0);
return { order: sorted.map((i) => i.name), bytes, firstFile: items.find((i) => i.kind === 'file')?.name ?? '', idx: items.findIndex((i) => i.kind === 'dir') };`,
    { paths: "string[]" },
    { order: "string[]", bytes: "number", firstFile: "string", idx: "number" },
    [{ paths: ["b.txt", "src/", "a.md", "docs/", "A.md", "b.txt"] }, { paths: [] }],
  ),
  un(
    "exhaustive-never",
    `type Shape = { k: 'circle'; r: number } | { k: 'rect'; w: number; h: number } | { k: 'tri'; b: number; h: number };
function area(s: Shape): number {
  switch (s.k) {
    case 'circle': return Math.PI * s.r * s.r;
    case 'rect': return s.w * s.h;
    case 'tri': return (s.b * s.h) / 2;
    default: { const never: never = s; throw new Error('bad ' + String(never)); }
  }
}
const shapes: Shape[] = inputs.ns.map((n, i) => (i % 3 === 0 ? { k: 'circle', r: n } : i % 3 === 1 ? { k: 'rect', w: n, h: i } : { k: 'tri', b: n, h: 2 }));
const areas = shapes.map(area);
return { areas, total: areas.reduce((a, b) => a + b, 0) };`,
    { ns: "number[]" },
    { areas: "number[]", total: "number" },
    [{ ns: [1, 2, 3, -0, 0.5, 1e154] }, { ns: [] }],
  ),
  un(
    "stream-deltas",
    `type Chunk = { type: 'delta'; text: string } | { type: 'usage'; input: number; output: number } | { type: 'stop'; reason: 'end' | 'length' };
const chunks: Chunk[] = [];
for (const c of inputs.raw) {
  if (c.startsWith('u')) { const [i, o] = c.slice(1).split('/').map(Number); chunks.push({ type: 'usage', input: i ?? 0, output: o ?? 0 }); }
  else if (c === 'END' || c === 'LEN') chunks.push({ type: 'stop', reason: c === 'END' ? 'end' : 'length' });
  else chunks.push({ type: 'delta', text: c });
}
let text = '', tokens = 0, reason = 'none';
for (const ch of chunks) {
  if (ch.type === 'delta') text += ch.text;
  else if (ch.type === 'usage') tokens += ch.input + ch.output;
  else { reason = ch.reason; break; }
}
return { text, tokens, reason, last: chunks.length ? JSON.stringify(chunks[chunks.length - 1]) : '' };`,
    { raw: "string[]" },
    { text: "string", tokens: "number", reason: "string", last: "string" },
    [{ raw: ["Hel", "lo", "u3/4", " wörld", "LEN", "after"] }, { raw: ["x", "u1/1"] }, { raw: [] }],
    JSON_CAPS,
  ),
  un(
    "inferred-union-ternary",
    `const vs = inputs.ns.map((n) => (n >= 0 ? { pos: n, sq: n * n } : { neg: -n }));
return {
  j: JSON.stringify(vs),
  pos: vs.map((v) => v.pos ?? -1),
  hasPos: vs.map((v) => 'pos' in v),
  keys: vs.map((v) => Object.keys(v).join(',')),
};`,
    { ns: "number[]" },
    { j: "string", pos: "number[]", hasPos: "boolean[]", keys: "string[]" },
    [{ ns: [1, -2, 0, -0, 3.5] }, { ns: [] }],
    JSON_CAPS,
  ),
  un(
    "destructure-and-equality",
    `type T = { tag: 'a'; v: number } | { tag: 'b'; w: string };
const list: T[] = inputs.ns.map((n) => (n % 2 ? { tag: 'a', v: n } : { tag: 'b', w: 'w' + n }));
const first = list[0];
const again = list.filter((x) => x === first).length;
const tags = list.map(({ tag }) => tag).join('');
let s = 0;
for (const t of list) { if (t.tag === 'a') { const { v } = t; s += v; } }
return { again, tags, s, inc: first ? list.includes(first) : false, idx: first ? list.lastIndexOf(first) : -1 };`,
    { ns: "number[]" },
    { again: "number", tags: "string", s: "number", inc: "boolean", idx: "number" },
    [{ ns: [1, 2, 3, 4] }, { ns: [] }, { ns: [2] }],
  ),
  un(
    "union-optional-chain",
    `type Node = { kind: 'leaf'; value: number; meta?: { source: string } } | { kind: 'pair'; left: number; right: number };
const nodes: Node[] = inputs.ns.map((n) => (n > 10 ? { kind: 'pair', left: n % 10, right: Math.floor(n / 10) } : n > 5 ? { kind: 'leaf', value: n, meta: { source: 's' + n } } : { kind: 'leaf', value: n }));
const sources = nodes.map((n) => (n.kind === 'leaf' ? n.meta?.source ?? 'none' : 'pair'));
const sum = nodes.reduce((a, n) => a + (n.kind === 'leaf' ? n.value : n.left + n.right), 0);
return { sources, sum, j: JSON.stringify(nodes) };`,
    { ns: "number[]" },
    { sources: "string[]", sum: "number", j: "string" },
    [{ ns: [1, 7, 23, 6, 100] }, { ns: [] }],
    JSON_CAPS,
  ),
  un(
    "reducer-spread-update",
    `type Todo = { id: number; title: string; status: 'open' } | { id: number; title: string; status: 'done'; doneAt: number };
let todos: Todo[] = [];
let clock = 0;
for (const cmd of inputs.cmds) {
  clock++;
  const [op, arg = ''] = cmd.split(' ');
  if (op === 'add') todos = [...todos, { id: todos.length + 1, title: arg, status: 'open' }];
  else if (op === 'done') todos = todos.map((t): Todo => (t.id === Number(arg) && t.status === 'open' ? { ...t, status: 'done', doneAt: clock } : t));
  else if (op === 'reopen') todos = todos.map((t): Todo => (t.id === Number(arg) && t.status === 'done' ? { id: t.id, title: t.title, status: 'open' } : t));
}
return { j: JSON.stringify(todos), open: todos.filter((t) => t.status === 'open').map((t) => t.title) };`,
    { cmds: "string[]" },
    { j: "string", open: "string[]" },
    [{ cmds: ["add milk", "add eggs", "done 1", "done 1", "add tea", "reopen 1", "done 3", "done 9"] }, { cmds: [] }],
    JSON_CAPS,
  ),
  un(
    "json-stringify-indented",
    `type Ev = { type: 'a'; n: number } | { type: 'b'; s: string; list: number[] };
const evs: Ev[] = inputs.ns.map((n) => (n > 0 ? { type: 'a', n } : { type: 'b', s: String(n), list: [n, n * 2] }));
return { two: JSON.stringify(evs, null, 2), tab: JSON.stringify(evs[0] ?? { type: 'a', n: 0 }, null, '\\t'), one: JSON.stringify({ evs, count: evs.length }) };`,
    { ns: "number[]" },
    { two: "string", tab: "string", one: "string" },
    [{ ns: [1, -1, 0, 2, -0.5] }, { ns: [] }],
    JSON_CAPS,
  ),
  un(
    "union-returned-fields",
    `type Verdict = { pass: true; score: number } | { pass: false; reasons: string[] };
function grade(s: string): Verdict {
  const reasons: string[] = [];
  if (s.length < 3) reasons.push('short');
  if (!/[A-Z]/.test(s)) reasons.push('no capital');
  if (/\\s/.test(s)) reasons.push('spaces');
  return reasons.length === 0 ? { pass: true, score: Math.min(100, s.length * 10) } : { pass: false, reasons };
}
const vs = inputs.ws.map(grade);
const best = vs.reduce((m, v) => (v.pass && v.score > m ? v.score : m), 0);
return { best, why: vs.flatMap((v) => (v.pass ? [] : v.reasons)), passes: vs.map((v) => v.pass) };`,
    { ws: "string[]" },
    { best: "number", why: "string[]", passes: "boolean[]" },
    [{ ws: ["Ab", "Hello", "hello world", "OK!", "ThisIsALongPassword"] }, { ws: [] }],
  ),
  un(
    "class-field-of-union",
    `type Tok = { t: 'num'; v: number } | { t: 'op'; op: string } | { t: 'paren'; open: boolean };
function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') { i++; continue; }
    if (c === '(' || c === ')') { out.push({ t: 'paren', open: c === '(' }); i++; continue; }
    if ('+-*/'.includes(c)) { out.push({ t: 'op', op: c }); i++; continue; }
    let j = i;
    while (j < s.length && /[0-9.]/.test(s[j]!)) j++;
    if (j === i) { i++; continue; }
    out.push({ t: 'num', v: Number(s.slice(i, j)) });
    i = j;
  }
  return out;
}
const toks = lex(inputs.expr);
let depth = 0, maxDepth = 0;
for (const k of toks) if (k.t === 'paren') { depth += k.open ? 1 : -1; maxDepth = Math.max(maxDepth, depth); }
return { n: toks.length, maxDepth, nums: toks.filter((k) => k.t === 'num').map((k) => (k.t === 'num' ? k.v : 0)), j: JSON.stringify(toks) };`,
    { expr: "string" },
    { n: "number", maxDepth: "number", nums: "number[]", j: "string" },
    [{ expr: "(1 + 2.5) * (3 - (4 / 0.5))" }, { expr: "" }, { expr: "1.2.3 ++ x" }],
    JSON_CAPS,
  ),

  un(
    "spread-layouts",
    `type A = { kind: 'a'; seq?: number; v: number } | { kind: 'b'; w: string };
const src: A[] = [];
for (const n of inputs.ns) {
  if (n < 0) src.push({ kind: 'b', w: 'w' + n });
  else if (n === 0) src.push({ v: n, kind: 'a' });
  else if (n < 10) src.push({ kind: 'a', seq: n * 2, v: n });
  else src.push({ kind: 'a', v: n, seq: undefined });
}
const out = src.map((e) => ({ first: -1, ...e, done: true }));
const renamed = src.map((e) => ({ ...e, kind: 'z' as const }));
return {
  j: JSON.stringify(out),
  keys: out.map((o) => Object.keys(o).join(',')),
  seqs: out.map((o) => String(o.kind === 'a' ? o.seq : o.w)),
  hasSeq: out.map((o) => 'seq' in o),
  r: JSON.stringify(renamed),
};`,
    { ns: "number[]" },
    { j: "string", keys: "string[]", seqs: "string[]", hasSeq: "boolean[]", r: "string" },
    [{ ns: [-1, 0, 3, 12, -0, 1] }, { ns: [] }],
    JSON_CAPS,
  ),
  un(
    "spread-chain",
    `type Msg = { role: 'user'; text: string } | { role: 'tool'; name: string; result: string; error?: string };
const msgs: Msg[] = inputs.xs.map((x): Msg => (x.startsWith('!') ? (x.length > 2 ? { role: 'tool', name: x.slice(1), result: 'ok', error: x } : { role: 'tool', result: '', name: x }) : { role: 'user', text: x }));
const stamped = msgs.map((m, i) => ({ ...m, at: i }));
const tagged = stamped.map((m) => ({ ...m, tag: m.role.toUpperCase(), at: m.at * 10 }));
const back = tagged.map((m) => (m.role === 'user' ? { role: 'user', text: m.text + '!' } : { ...m }));
return { j: JSON.stringify(tagged), k: tagged.map((m) => Object.keys(m).join(' ')), b: JSON.stringify(back), e: tagged.map((m) => 'error' in m) };`,
    { xs: "string[]" },
    { j: "string", k: "string[]", b: "string", e: "boolean[]" },
    [{ xs: ["hi", "!search", "!x", "", "!calc2"] }, { xs: [] }],
    JSON_CAPS,
  ),
  un(
    "no-discriminant-in",
    `type Part = { text: string } | { image: string; alt?: string };
const parts: Part[] = inputs.xs.map((x): Part => (x.endsWith('.png') ? (x.length > 6 ? { image: x, alt: x.slice(0, -4) } : { image: x }) : { text: x }));
const out: string[] = [];
for (const p of parts) out.push('text' in p ? 'T:' + p.text : 'I:' + p.image + (p.alt !== undefined ? '(' + p.alt + ')' : ''));
return { out, j: JSON.stringify(parts), n: parts.filter((p) => 'image' in p).length };`,
    { xs: "string[]" },
    { out: "string[]", j: "string", n: "number" },
    [{ xs: ["hello", "a.png", "photo.png", "", ".png"] }, { xs: [] }],
    JSON_CAPS,
  ),
  un(
    "union-in-class-field",
    `type State = { status: 'idle' } | { status: 'busy'; job: string; started: number } | { status: 'failed'; reason: string };
class Worker {
  state: State = { status: 'idle' };
  history: State[] = [];
  start(job: string, t: number) { if (this.state.status !== 'busy') { this.history.push(this.state); this.state = { status: 'busy', job, started: t }; } }
  fail(reason: string) { if (this.state.status === 'busy') { this.history.push(this.state); this.state = { reason: reason + ' in ' + this.state.job, status: 'failed' }; } }
}
const w = new Worker();
inputs.ops.forEach((op, i) => (op.startsWith('+') ? w.start(op.slice(1), i) : w.fail(op)));
return { now: JSON.stringify(w.state), hist: JSON.stringify(w.history) };`,
    { ops: "string[]" },
    { now: "string", hist: "string" },
    [{ ops: ["+a", "+b", "oom", "+c", "x", "y"] }, { ops: [] }],
    JSON_CAPS,
  ),

  un(
    "generic-helper-and-inferred-returns",
    `type Ev = { k: 'a'; n: number } | { k: 'b'; s: string };
function last<T>(xs: T[]): T | undefined { return xs.length > 0 ? xs[xs.length - 1] : undefined; }
function mk(n: number) { if (n > 0) return { pos: n }; return { neg: -n, zero: n === 0 }; }
const evs: Ev[] = inputs.ns.map((n): Ev => (n % 2 === 0 ? { k: 'a', n } : { s: String(n), k: 'b' }));
const l = last(evs);
const made = inputs.ns.map(mk);
return { last: l ? JSON.stringify(l) : 'none', made: JSON.stringify(made), zeros: made.filter((m) => 'zero' in m && m.zero === true).length };`,
    { ns: "number[]" },
    { last: "string", made: "string", zeros: "number" },
    [{ ns: [2, 3, 0, -1, -0] }, { ns: [] }, { ns: [7] }],
    JSON_CAPS,
  ),
  un(
    "union-returned-as-any",
    `type Ev = { k: 'a'; n: number } | { k: 'b'; s: string; note?: string };
const e: Ev = inputs.t ? (inputs.t.length > 1 ? { s: inputs.t, k: 'b', note: undefined } : { s: inputs.t, k: 'b' }) : { k: 'a', n: -0 };
const list: Ev[] = [e, { k: 'a', n: 1 / 3 }];
return { v: e, all: list, text: \`\${e.k}:\${e === list[0]}\` };`,
    { t: "string" },
    { v: "any", all: "any", text: "string" },
    [{ t: "" }, { t: "x" }, { t: "xy" }],
  ),

  un(
    "inferred-union-spread-keys",
    `const a = JSON.stringify(inputs.ns.map((z, zi) => (zi % 2 === 0 ? { k: "a", z } : { at: zi, k: "b", z })).map((o) => ({ ...o, keys: Object.keys(o).join(), has: "at" in o })));
const b = JSON.stringify(inputs.ss.map((z, zi) => (zi % 2 === 0 ? { k: "a", z } : { at: zi, k: "b", z })).map((o) => ({ ...o, keys: Object.keys(o).join(), has: "at" in o })), null, 2);
return { a, b };`,
    { ns: "number[]", ss: "string[]" },
    { a: "string", b: "string" },
    [
      { ns: [1, -0, 2.5, 1e21], ss: ["x", "", "é"] },
      { ns: [], ss: [] },
    ],
    JSON_CAPS,
  ),

  un(
    "recursive-expression-tree",
    `type Expr =
  | { k: 'num'; v: number }
  | { k: 'neg'; e: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr };
function parse(src: string): Expr | undefined {
  const toks = src.match(/\\d+(?:\\.\\d+)?|[-+*\\/()]/g) ?? [];
  let i = 0;
  const peek = (): string => (i < toks.length ? toks[i]! : '');
  const atom = (): Expr | undefined => {
    if (i >= toks.length) return undefined;
    const t = toks[i++]!;
    if (t === '-') { const e = atom(); return e ? { k: 'neg', e } : undefined; }
    if (t === '(') { const e = sum(); i++; return e; }
    return { k: 'num', v: Number(t) };
  };
  const product = (): Expr | undefined => {
    let l = atom();
    while (l && (peek() === '*' || peek() === '/')) { const op = toks[i++] === '*' ? '*' : '/'; const r = atom(); if (!r) return undefined; l = { k: 'bin', op, l, r }; }
    return l;
  };
  const sum = (): Expr | undefined => {
    let l = product();
    while (l && (peek() === '+' || peek() === '-')) { const op = toks[i++] === '+' ? '+' : '-'; const r = product(); if (!r) return undefined; l = { k: 'bin', op, l, r }; }
    return l;
  };
  return sum();
}
function evaluate(e: Expr): number {
  switch (e.k) {
    case 'num': return e.v;
    case 'neg': return -evaluate(e.e);
    case 'bin': { const a = evaluate(e.l), b = evaluate(e.r); return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b; }
  }
}
const depth = (e: Expr): number => (e.k === 'num' ? 1 : e.k === 'neg' ? 1 + depth(e.e) : 1 + Math.max(depth(e.l), depth(e.r)));
const out = inputs.exprs.map((x) => { const e = parse(x); return e ? { v: evaluate(e), d: depth(e), j: JSON.stringify(e) } : { v: NaN, d: 0, j: '' }; });
return { vs: out.map((o) => String(o.v)), ds: out.map((o) => o.d), js: out.map((o) => o.j) };`,
    { exprs: "string[]" },
    { vs: "string[]", ds: "number[]", js: "string[]" },
    [{ exprs: ["1 + 2 * 3", "(1 + 2) * 3", "-4 / 0", "--2", "2 * (3 - 5.5) / -0", "", "7 +"] }, { exprs: [] }],
    JSON_CAPS,
  ),
  un(
    "recursive-cons-list",
    `type List = { t: 'nil' } | { t: 'cons'; head: string; tail: List };
let l: List = { t: 'nil' };
for (const w of inputs.ws) l = { t: 'cons', head: w, tail: l };
const items: string[] = [];
for (let p: List = l; p.t === 'cons'; p = p.tail) items.push(p.head);
const len = (x: List): number => (x.t === 'nil' ? 0 : 1 + len(x.tail));
return { items, n: len(l), j: JSON.stringify(l), keys: Object.keys(l) };`,
    { ws: "string[]" },
    { items: "string[]", n: "number", j: "string", keys: "string[]" },
    [{ ws: ["a", "b", "c"] }, { ws: [] }, { ws: ["é", ""] }],
    JSON_CAPS,
  ),

  un(
    "with-null",
    `type Ev = { kind: 'ok'; value: number; note: string | null; by: { who: string } | null } | { kind: 'err'; note: string | null; by: { who: string } | null };
let last: Ev | null = null;
const evs: Ev[] = [];
for (const x of inputs.xs) {
  const n = Number(x);
  const e: Ev = Number.isNaN(n) ? { kind: 'err', note: x === '' ? null : x, by: x ? { who: x } : null } : { kind: 'ok', by: null, value: n, note: n > 1 ? 'big' : null };
  evs.push(e);
  if (e.kind === 'ok') last = e;
}
return { j: JSON.stringify(evs), last: last === null ? 'none' : JSON.stringify(last), notes: evs.map((e) => e.note ?? '-'), isNull: evs.map((e) => e.note === null), by: evs.map((e) => e.by?.who ?? (e.by === null ? 'null' : 'undef')) };`,
    { xs: "string[]" },
    { j: "string", last: "string", notes: "string[]", isNull: "boolean[]", by: "string[]" },
    [{ xs: ["1", "x", "", "5", "-0"] }, { xs: [] }, { xs: ["a"] }],
    JSON_CAPS,
  ),

  un(
    "literal-contexts",
    `type Ev = { kind: 'add'; n: number } | { kind: 'tag'; label: string; at?: number };
const evs: Ev[] = [];
evs.push({ kind: 'add', n: 1 });
evs.unshift({ label: 'first', kind: 'tag' });
function record(e: Ev, into: Ev[] = evs): number { into.push(e); return into.length; }
record({ kind: 'tag', label: inputs.t, at: 3 });
let cur: Ev = { kind: 'add', n: 0 };
for (const c of inputs.t) { cur = c === ' ' ? { kind: 'tag', label: 'space' } : cur.kind === 'add' ? { kind: 'add', n: cur.n + 1 } : { n: 1, kind: 'add' }; record(cur); }
const more = evs.concat([{ kind: 'add', n: -1 }]);
const byKind: Record<string, Ev[]> = {};
for (const e of more) (byKind[e.kind] ??= []).push(e);
const m = new Map<string, Ev>([['x', { kind: 'tag', label: 'm' }]]);
const sum = more.reduce((a, e) => a + (e.kind === 'add' ? e.n : 0), 0);
return { j: JSON.stringify(more), kinds: Object.keys(byKind), sum, m: JSON.stringify(m.get('x')), counts: Object.keys(byKind).map((k) => byKind[k]!.length) };`,
    { t: "string" },
    { j: "string", kinds: "string[]", sum: "number", m: "string", counts: "number[]" },
    [{ t: "ab c" }, { t: "" }, { t: "  " }],
    JSON_CAPS,
  ),

  un(
    "for-in-own-keys",
    `type N = { kind: 'a'; n: number; note?: string } | { s: string; kind: 'b' };
const vs: N[] = inputs.xs.map((x): N => (x === '' ? { kind: 'a', n: 0 } : x.length > 2 ? { s: x, kind: 'b' } : { kind: 'a', note: x, n: x.length }));
const out: string[] = [];
for (const v of vs) { let line = ''; for (const k in v) line += k + ';'; out.push(line); }
return { out };`,
    { xs: "string[]" },
    { out: "string[]" },
    [{ xs: ["", "ab", "abc", "x"] }, { xs: [] }],
  ),

  // What stays refused, with the reason in TypeScript's terms.
  {
    name: "unions/object-or-string-refused",
    body: "type V = string | { x: number };\nconst v: V = inputs.s ? inputs.s : { x: 1 };\nreturn { s: typeof v === 'string' ? v : String(v.x) };",
    input: { s: "string" },
    output: { s: "string" },
    inputs: [{ s: "a" }],
    refused: /mixes object types with other types/,
  },
  {
    name: "unions/field-types-differ-refused",
    body: "type V = { kind: 'n'; v: number } | { kind: 's'; v: string };\nconst x: V = inputs.s ? { kind: 's', v: inputs.s } : { kind: 'n', v: 1 };\nreturn { s: String(x.v) };",
    input: { s: "string" },
    output: { s: "string" },
    inputs: [{ s: "a" }],
    refused: /the field 'v' has different types in the members/,
  },
  {
    name: "unions/assign-optional-field-refused",
    body: "type N = { kind: 'note'; tag?: string } | { kind: 'gap' };\nconst n: N = { kind: 'note' };\nif (n.kind === 'note') n.tag = inputs.s;\nreturn { s: JSON.stringify(n) };",
    input: { s: "string" },
    output: { s: "string" },
    capabilities: JSON_CAPS,
    inputs: [{ s: "a" }],
    refused: /assigning the optional field 'tag'/,
  },
  {
    name: "unions/delete-field-refused",
    body: "type N = { kind: 'note'; tag?: string } | { kind: 'gap' };\nconst n: N = { kind: 'note', tag: inputs.s };\nif (n.kind === 'note') delete n.tag;\nreturn { s: JSON.stringify(n) };",
    input: { s: "string" },
    output: { s: "string" },
    capabilities: JSON_CAPS,
    inputs: [{ s: "a" }],
    refused: /'delete' here/,
  },
  {
    name: "unions/null-and-missing-refused",
    body: "type N = { kind: 'a'; note: { t: string } | null } | { kind: 'b' };\nconst v: N = inputs.s ? { kind: 'a', note: null } : { kind: 'b' };\nreturn { s: JSON.stringify(v) };",
    input: { s: "string" },
    output: { s: "string" },
    capabilities: JSON_CAPS,
    inputs: [{ s: "a" }],
    refused: /may be null in one member and missing in another/,
  },
  {
    name: "unions/object-values",
    body: "type N = { a: number } | { b: number; c: number };\nconst v: N = inputs.s ? { b: 2, c: 3 } : { a: 1 };\nreturn { n: Object.values(v).length };",
    input: { s: "string" },
    output: { n: "number" },
    inputs: [{ s: "a" }],
  },
  {
    name: "unions/spread-into-plain",
    body: "type N = { kind: 'a'; n: number } | { kind: 'b'; s: string };\nconst v: N = inputs.s ? { kind: 'b', s: inputs.s } : { kind: 'a', n: 1 };\nif (v.kind === 'a') { const c = { ...v, extra: 1 }; return { n: c.n + c.extra }; }\nreturn { n: 0 };",
    input: { s: "string" },
    output: { n: "number" },
    inputs: [{ s: "a" }, { s: "" }],
  },
  {
    name: "unions/spread-optional-over-value-refused",
    body: "type A = { kind: 'a'; seq?: number } | { kind: 'b' };\nconst e: A = inputs.n > 0 ? { kind: 'a', seq: undefined } : { kind: 'b' };\nconst o = { seq: -1, ...e };\nreturn { s: String(o.seq) };",
    input: { n: "number" },
    output: { s: "string" },
    inputs: [{ n: 1 }, { n: 0 }],
    refused: /whose optional field 'seq' replaces an earlier value/,
  },
  {
    name: "unions/extra-keys-into-declared-refused",
    body: "type M = { role: 'user'; text: string } | { role: 'tool'; name: string };\nconst ms: M[] = [{ role: 'user', text: inputs.s }];\nconst back: M[] = ms.map((m) => ({ ...m, at: 1 }));\nreturn { n: back.length };",
    input: { s: "string" },
    output: { n: "number" },
    inputs: [{ s: "a" }],
    refused: true,
  },
  {
    name: "unions/json-parse-as-union-refused",
    body: "type N = { kind: 'a'; n: number } | { kind: 'b'; s: string };\nconst v = JSON.parse(inputs.s) as N;\nreturn { k: v.kind };",
    input: { s: "string" },
    output: { k: "string" },
    capabilities: JSON_CAPS,
    inputs: [{ s: '{"kind":"a","n":1}' }],
    refused: true,
  },
];
