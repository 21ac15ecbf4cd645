/**
 * @fileoverview More bodies from AI workflows (see aiWorkflows.ts): slugs and identifiers, dates
 * in prompts, numbers formatted for people, scoring rubrics, entity extraction with named groups,
 * markdown tables, batching, a model's list output, simple templating.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai2");

const TITLES = [
  { titles: ["Hello, World!", "  Crème Brûlée recipe ", "A/B testing — 2024", "", "___", "日本語 title"] },
  { titles: [] },
];
const LISTS = [
  { reply: "Here are the steps:\n1. Open the app\n2) Click *Settings*\n- Turn on sync\n* Done!\n\nThanks" },
  { reply: "" },
  { reply: "no list here" },
];

export const AI_WORKFLOWS_2: readonly OracleCase[] = [
  ai(
    "slugify-titles",
    [
      "const slug = (t: string) =>",
      '  t.toLowerCase().normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");',
      "const slugs = inputs.titles.map(slug);",
      "const seen = new Set<string>();",
      'const unique = slugs.map((s) => { let u = s || "untitled"; let n = 2; while (seen.has(u)) u = `${s || "untitled"}-${n++}`; seen.add(u); return u; });',
      "return { slugs, unique };",
    ].join("\n"),
    { titles: "string[]" },
    { slugs: "string[]", unique: "string[]" },
    TITLES,
  ),
  ai(
    "list-items-from-reply",
    [
      "const items = inputs.reply",
      "  .split(/\\r?\\n/)",
      "  .map((line) => line.trim())",
      "  .filter((line) => /^(\\d+[.)]|[-*])\\s+/.test(line))",
      '  .map((line) => line.replace(/^(\\d+[.)]|[-*])\\s+/, "").replace(/\\*(.+?)\\*/g, "$1"));',
      "return { items, count: items.length, numbered: /^\\d/m.test(inputs.reply) };",
    ].join("\n"),
    { reply: "string" },
    { items: "string[]", count: "integer", numbered: "boolean" },
    LISTS,
  ),
  ai(
    "named-group-entities",
    [
      "const re = /(?<name>[A-Z][a-z]+) (?<surname>[A-Z][a-z]+) <(?<email>[^>]+)>/g;",
      "const people: string[] = [];",
      "for (const m of inputs.text.matchAll(re)) {",
      "  const g = m.groups!;",
      "  people.push(`${g.surname}, ${g.name}: ${g.email.toLowerCase()}`);",
      "}",
      "return { people, firstAt: inputs.text.search(re) };",
    ].join("\n"),
    { text: "string" },
    { people: "string[]", firstAt: "integer" },
    [{ text: "From: Ada Lovelace <ADA@example.com>, cc Alan Turing <alan@bletchley.uk>; bob <b@x>" }, { text: "" }],
  ),
  ai(
    "dates-in-prompt",
    [
      "const d = new Date(inputs.iso);",
      "const valid = !isNaN(d.getTime());",
      'const day = valid ? d.toISOString().slice(0, 10) : "unknown";',
      'const later = valid ? new Date(d.getTime() + inputs.days * 86400000).toISOString() : "";',
      'const weekday = valid ? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()] : "";',
      "return { day, later, weekday, prompt: `Today is ${weekday} ${day}.` };",
    ].join("\n"),
    { iso: "string", days: "integer" },
    { day: "string", later: "string", weekday: "string", prompt: "string" },
    [
      { iso: "2026-11-30T21:05:00Z", days: 3 },
      { iso: "2024-02-28", days: 1 },
      { iso: "not a date", days: 0 },
      { iso: "2026-11-30T23:30:00+02:00", days: -400 },
    ],
    ["math", "time"],
  ),
  ai(
    "numbers-for-people",
    [
      'const fmt = (n: number) => (Math.abs(n) >= 1e6 ? (n / 1e6).toFixed(1) + "M" : Math.abs(n) >= 1e3 ? (n / 1e3).toFixed(1) + "k" : String(n));',
      "const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;",
      'return { sizes: inputs.xs.map(fmt), shares: inputs.xs.map((x) => pct(x / (inputs.total || 1))), padded: inputs.xs.map((x) => String(Math.round(x)).padStart(6, " ")) };',
    ].join("\n"),
    { xs: "number[]", total: "number" },
    { sizes: "string[]", shares: "string[]", padded: "string[]" },
    [
      { xs: [0, 999, 1000, 1234.5, 999999, 1e6, 2.5e9, -4200, 0.5], total: 10000 },
      { xs: [], total: 0 },
    ],
  ),
  ai(
    "rubric-score",
    [
      "const rubric: Record<string, number> = { accuracy: 0.5, clarity: 0.3, tone: 0.2 };",
      "let total = 0;",
      "const missing: string[] = [];",
      "for (const [criterion, weight] of Object.entries(rubric)) {",
      "  const s = inputs.scores.find((x) => x.criterion === criterion);",
      "  if (!s) { missing.push(criterion); continue; }",
      "  total += weight * Math.min(10, Math.max(0, s.score));",
      "}",
      'const grade = total >= 8 ? "A" : total >= 6 ? "B" : total >= 4 ? "C" : "F";',
      "return { total: Math.round(total * 100) / 100, grade, missing };",
    ].join("\n"),
    { scores: [{ criterion: "string", score: "number" }] },
    { total: "number", grade: "string", missing: "string[]" },
    [
      {
        scores: [
          { criterion: "accuracy", score: 9 },
          { criterion: "clarity", score: 12 },
          { criterion: "tone", score: -1 },
        ],
      },
      { scores: [{ criterion: "tone", score: 7.5 }] },
      { scores: [] },
    ],
  ),
  ai(
    "markdown-table",
    [
      'const header = "| id | title | score |\\n|---|---|---:|";',
      'const esc = (s: string) => s.replace(/\\|/g, "\\\\|").replace(/\\n/g, " ");',
      "const rows = inputs.rows.map((r) => `| ${r.id} | ${esc(r.title)} | ${r.score.toFixed(2)} |`);",
      'return { table: [header, ...rows].join("\\n"), lines: rows.length + 2 };',
    ].join("\n"),
    { rows: [{ id: "string", title: "string", score: "number" }] },
    { table: "string", lines: "integer" },
    [
      {
        rows: [
          { id: "a", title: "x | y", score: 0.125 },
          { id: "b", title: "two\nlines", score: 10 },
        ],
      },
      { rows: [] },
    ],
  ),
  ai(
    "batches",
    [
      "const size = Math.max(1, inputs.size);",
      "const batches: string[][] = [];",
      "for (let i = 0; i < inputs.items.length; i += size) batches.push(inputs.items.slice(i, i + size));",
      'return { batches: batches.map((b) => b.join(",")), count: batches.length, last: batches.at(-1)?.length ?? 0 };',
    ].join("\n"),
    { items: "string[]", size: "integer" },
    { batches: "string[]", count: "integer", last: "integer" },
    [
      { items: ["a", "b", "c", "d", "e"], size: 2 },
      { items: [], size: 3 },
      { items: ["x"], size: 0 },
    ],
  ),
  ai(
    "template-fill",
    [
      "const vars: Record<string, string> = {};",
      "for (const v of inputs.vars) vars[v.name] = v.value;",
      "const missing = new Set<string>();",
      "const out = inputs.template.replace(/\\{\\{\\s*(\\w+)\\s*\\}\\}/g, (whole, name: string) => {",
      "  if (name in vars) return vars[name];",
      "  missing.add(name);",
      "  return whole;",
      "});",
      "return { out, missing: [...missing].sort() };",
    ].join("\n"),
    { template: "string", vars: [{ name: "string", value: "string" }] },
    { out: "string", missing: "string[]" },
    [
      {
        template: "Hello {{ name }}, your order {{order}} ships {{ when }}. {{name}}!",
        vars: [
          { name: "name", value: "Ada" },
          { name: "order", value: "#42 $&" },
        ],
      },
      { template: "", vars: [] },
    ],
  ),
  ai(
    "similar-strings",
    [
      "const bigrams = (s: string) => { const t = s.toLowerCase(); const out = new Set<string>(); for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2)); return out; };",
      "const dice = (a: string, b: string) => { const x = bigrams(a); const y = bigrams(b); if (x.size + y.size === 0) return 1; let both = 0; for (const g of x) if (y.has(g)) both++; return (2 * both) / (x.size + y.size); };",
      "const ranked = inputs.candidates.map((c) => ({ c, s: dice(inputs.query, c) })).sort((p, q) => q.s - p.s);",
      'return { best: ranked[0]?.c ?? "", scores: ranked.map((r) => Math.round(r.s * 1000) / 1000) };',
    ].join("\n"),
    { query: "string", candidates: "string[]" },
    { best: "string", scores: "number[]" },
    [
      { query: "refund policy", candidates: ["Refund Policy", "shipping policy", "refunds", "", "r"] },
      { query: "", candidates: [] },
    ],
  ),
  ai(
    "groups-local-with-optional-group",
    [
      "const out: string[] = [];",
      "for (const line of inputs.lines) {",
      "  const m = /^(?<key>\\w+)(?:=(?<value>.*))?$/.exec(line);",
      '  if (!m) { out.push("-"); continue; }',
      "  const g = m.groups!;",
      '  out.push(`${g.key}:${g.value ?? "(none)"}:${g.value === undefined}`);',
      "}",
      "return { out };",
    ].join("\n"),
    { lines: "string[]" },
    { out: "string[]" },
    [{ lines: ["a=1", "flag", "b=", "!!", "c=x=y"] }, { lines: [] }],
  ),
];
