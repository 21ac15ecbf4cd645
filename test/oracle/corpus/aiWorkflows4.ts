/**
 * @fileoverview A fourth set of AI-workflow bodies (see aiWorkflows.ts): URLs for tool calls,
 * base64 payloads, byte budgets, frozen constant tables, case-insensitive comparison, Maps built
 * from entries, optional callbacks.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai4");

const QUERIES = [
  { q: "refund policy & returns", page: 2, tags: ["a b", "ç/é", "100%"] },
  { q: "", page: 0, tags: [] },
  { q: "日本語?x=1#frag", page: 10, tags: ["👍🏽"] },
];

export const AI_WORKFLOWS_4: readonly OracleCase[] = [
  ai(
    "url-for-tool-call",
    [
      "const params = [`q=${encodeURIComponent(inputs.q)}`, `page=${inputs.page}`, ...inputs.tags.map((t) => `tag=${encodeURIComponent(t)}`)];",
      'const url = `https://api.example.com/search?${params.join("&")}`;',
      "return { url, back: decodeURIComponent(params[0].slice(2)), uri: encodeURI(`https://x.y/${inputs.q}`) };",
    ].join("\n"),
    { q: "string", page: "integer", tags: "string[]" },
    { url: "string", back: "string", uri: "string" },
    QUERIES,
  ),
  ai(
    "byte-budget",
    [
      "const bytes = (s: string) => new TextEncoder().encode(s).length;",
      "const sizes = inputs.tags.map(bytes);",
      "return { sizes, total: bytes(inputs.q) + sizes.reduce((a, b) => a + b, 0) };",
    ].join("\n"),
    { q: "string", page: "integer", tags: "string[]" },
    { sizes: "integer[]", total: "integer" },
    [...QUERIES, { q: "\ud800x\udc00", page: 1, tags: ["\ud83d", "\ude00", "\u07ff\u0800\uffff", "\u0000"] }],
  ),
  ai(
    "base64-payload",
    [
      "const ascii = inputs.tags.filter((t) => /^[\\x00-\\x7f]*$/.test(t));",
      "const encoded = ascii.map((t) => btoa(t));",
      "return { encoded, decoded: encoded.map((e) => atob(e)) };",
    ].join("\n"),
    { q: "string", page: "integer", tags: "string[]" },
    { encoded: "string[]", decoded: "string[]" },
    QUERIES,
  ),
  ai(
    "frozen-constants",
    [
      "const LIMITS = Object.freeze({ maxTags: 2, maxQuery: 12 });",
      "const tags = inputs.tags.slice(0, LIMITS.maxTags);",
      "const q = inputs.q.length > LIMITS.maxQuery ? inputs.q.slice(0, LIMITS.maxQuery) : inputs.q;",
      "return { tags, q };",
    ].join("\n"),
    { q: "string", page: "integer", tags: "string[]" },
    { tags: "string[]", q: "string" },
    QUERIES,
  ),
  ai(
    "case-insensitive-compare",
    [
      'const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" }) === 0;',
      'return { matches: inputs.names.filter((n) => same(n, inputs.target)), sorted: [...inputs.names].sort((a, b) => a.localeCompare(b, "en", { numeric: true })) };',
    ].join("\n"),
    { names: "string[]", target: "string" },
    { matches: "string[]", sorted: "string[]" },
    [
      { names: ["Résumé", "resume", "RESUME", "résume", "item10", "item2", "Item1"], target: "resume" },
      { names: [], target: "" },
    ],
  ),
  ai(
    "map-from-entries",
    [
      "const weights = new Map<string, number>(inputs.pairs.map((p) => [p.key, p.weight]));",
      "const totals = new Map<string, number>();",
      "for (const p of inputs.pairs) totals.set(p.key, (totals.get(p.key) ?? 0) + p.weight);",
      "const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`);",
      "return { last: [...weights.values()], top, size: weights.size };",
    ].join("\n"),
    { pairs: [{ key: "string", weight: "number" }] },
    { last: "number[]", top: "string[]", size: "integer" },
    [
      {
        pairs: [
          { key: "a", weight: 1 },
          { key: "b", weight: 5 },
          { key: "a", weight: 2.5 },
          { key: "", weight: 0 },
        ],
      },
      { pairs: [] },
    ],
  ),
  ai(
    "optional-callback",
    [
      "type Hook = ((s: string) => string) | undefined;",
      "const hooks: Record<string, Hook> = { upper: (s) => s.toUpperCase(), none: undefined };",
      "const apply = (name: string, s: string) => hooks[name]?.(s) ?? s;",
      'return { out: inputs.names.map((n, i) => apply(i % 2 === 0 ? "upper" : "none", n)) };',
    ].join("\n"),
    { names: "string[]", target: "string" },
    { out: "string[]" },
    [{ names: ["a", "b", "c"], target: "" }],
  ),
  ai(
    "uri-and-base64-edges",
    [
      "const out: string[] = [];",
      "for (const t of inputs.texts) {",
      '  out.push(encodeURIComponent(t) + " " + encodeURI(t));',
      '  if (inputs.decode) out.push(decodeURIComponent(t) + " " + decodeURI(t));',
      "  if (inputs.base64) out.push(atob(btoa(t)));",
      "}",
      "return { out };",
    ].join("\n"),
    { texts: "string[]", decode: "boolean", base64: "boolean" },
    { out: "string[]" },
    [
      { texts: ["a b&c=d/e?f#g", "%41%42", "é", "", "~!*()'", "-_.", ";,/?:@&=+$#"], decode: true, base64: false },
      { texts: ["%E0%A4%A"], decode: true, base64: false },
      { texts: ["%"], decode: true, base64: false },
      { texts: ["\ud800"], decode: false, base64: false },
      { texts: ["plain", "é ÿ", "\u0000"], decode: false, base64: true },
      { texts: ["日本"], decode: false, base64: true },
    ],
  ),
  ai(
    "locale-compare-options",
    [
      'const cmp = (a: string, b: string) => a.localeCompare(b, inputs.locale, { sensitivity: "accent", numeric: true });',
      'return { sorted: [...inputs.names].sort(cmp), same: inputs.names.map((n) => cmp(n, inputs.names[0] ?? "") === 0) };',
    ].join("\n"),
    { names: "string[]", locale: "string" },
    { sorted: "string[]", same: "boolean[]" },
    [
      { names: ["b", "a", "A", "á", "file10", "file9", "File9", "ä", "z"], locale: "de" },
      { names: ["b", "a", "A", "á", "file10", "file9"], locale: "sv" },
      { names: ["x"], locale: "not a locale!" },
      { names: [], locale: "en" },
    ],
  ),
  ai(
    "freeze-existing-refused",
    "const limits = { max: 3 };\nconst frozen = Object.freeze(limits);\nreturn { max: frozen.max };",
    { names: "string[]", locale: "string" },
    { max: "integer" },
    [{ names: [], locale: "en" }],
  ),
  ai(
    "optional-call-order",
    [
      "let calls = 0;",
      "const arg = (s: string) => { calls++; return s; };",
      "const table: Record<string, ((s: string) => number) | undefined> = { len: (s) => s.length, none: undefined };",
      "const maybe: ((n: number) => void) | undefined = inputs.names.length > 1 ? (n) => { calls += n; } : undefined;",
      "maybe?.(10);",
      "const out = inputs.names.map((n) => table[n]?.(arg(n)) ?? -1);",
      "return { out, calls };",
    ].join("\n"),
    { names: "string[]", locale: "string" },
    { out: "number[]", calls: "integer" },
    [
      { names: ["len", "none", "other", "len"], locale: "" },
      { names: ["none"], locale: "" },
    ],
  ),
];
