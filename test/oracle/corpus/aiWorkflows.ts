/**
 * @fileoverview Bodies from AI workflows as their authors write them: reading a model's reply
 * (JSON inside prose, fenced blocks, labels), building prompts from retrieved documents,
 * chunking text with overlap, ranking and deduplicating results, routing on keywords, token
 * budgets, retry delays, cosine similarity, citations. Each is checked against JavaScript on the
 * same inputs, with the awkward ones (no JSON in the reply, empty lists, ties, unicode).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai");

const REPLIES = [
  {
    reply:
      'Sure! Here is the result:\n```json\n{"label": "refund", "confidence": 0.82, "tags": ["billing", "urgent"]}\n```\nAnything else?',
  },
  { reply: "I could not find anything." },
  { reply: '{"label":"other","confidence":1,"tags":[]}' },
  { reply: 'Answer: {"label": "spam", "confidence": "high"} trailing {' },
  { reply: "Result: {label: spam, confidence: 0.5}" },
  { reply: '{"label": "x", "tags": [1, true, null, "t"]} and {"more": 1}' },
];
const DOCS = [
  {
    docs: [
      { id: "d1", title: "Refund policy", text: "Refunds are issued within 14 days.", score: 0.91 },
      { id: "d2", title: "Shipping", text: "We ship worldwide.  Delivery takes 3-5 days.", score: 0.45 },
      { id: "d1", title: "Refund policy (copy)", text: "Refunds are issued within 14 days.", score: 0.88 },
      { id: "d3", title: "Ünïcode café", text: "Crème brûlée 👍🏽 is served daily.", score: 0.91 },
    ],
    k: 2,
    question: "How long do refunds take?",
  },
  { docs: [], k: 3, question: "" },
  { docs: [{ id: "x", title: "", text: "", score: 0 }], k: 0, question: "Why?" },
];
const DOC = { id: "string", title: "string", text: "string", score: "number" } as const;
const TEXTS = [
  {
    text: "The quick brown fox jumps over the lazy dog. It was not amused!\n\nA second paragraph follows here.",
    size: 24,
    overlap: 6,
  },
  { text: "", size: 10, overlap: 2 },
  { text: "日本語のテキスト 👍🏽 with emoji and ümlauts", size: 7, overlap: 0 },
];

export const AI_WORKFLOWS: readonly OracleCase[] = [
  ai(
    "json-inside-reply",
    [
      "const match = inputs.reply.match(/\\{[\\s\\S]*\\}/);",
      'if (!match) return { ok: false, label: "unknown", confidence: 0, tags: [] };',
      "try {",
      "  const parsed = JSON.parse(match[0]);",
      '  const confidence = typeof parsed.confidence === "number" ? parsed.confidence : 0;',
      "  const tags: string[] = Array.isArray(parsed.tags) ? parsed.tags.map((t: unknown) => String(t)) : [];",
      '  return { ok: true, label: String(parsed.label ?? "unknown"), confidence, tags };',
      "} catch {",
      '  return { ok: false, label: "unparseable", confidence: 0, tags: [] };',
      "}",
    ].join("\n"),
    { reply: "string" },
    { ok: "boolean", label: "string", confidence: "number", tags: "string[]" },
    REPLIES,
    ["json", "math"],
  ),
  ai(
    "fenced-block",
    [
      "const fence = /```(?:json)?\\s*([\\s\\S]*?)```/.exec(inputs.reply);",
      "const body = (fence ? fence[1] : inputs.reply).trim();",
      'return { body, lines: body.split("\\n").length, fenced: fence !== null };',
    ].join("\n"),
    { reply: "string" },
    { body: "string", lines: "integer", fenced: "boolean" },
    REPLIES,
  ),
  ai(
    "prompt-from-top-documents",
    [
      "const top = [...inputs.docs].sort((a, b) => b.score - a.score).slice(0, inputs.k);",
      'const context = top.map((d, i) => `[${i + 1}] ${d.title}\\n${d.text.trim()}`).join("\\n\\n");',
      "const prompt = `Answer using only the sources below.\\n\\n${context}\\n\\nQuestion: ${inputs.question}`;",
      "return { prompt, sources: top.map((d) => d.id), chars: prompt.length };",
    ].join("\n"),
    { docs: [DOC], k: "integer", question: "string" },
    { prompt: "string", sources: "string[]", chars: "integer" },
    DOCS,
  ),
  ai(
    "dedupe-by-id-keep-best",
    [
      "const best = new Map<string, { id: string; title: string; score: number }>();",
      "for (const d of inputs.docs) {",
      "  const seen = best.get(d.id);",
      "  if (!seen || d.score > seen.score) best.set(d.id, { id: d.id, title: d.title, score: d.score });",
      "}",
      "const unique = Array.from(best.values());",
      "return { ids: unique.map((d) => d.id), titles: unique.map((d) => d.title), dropped: inputs.docs.length - unique.length };",
    ].join("\n"),
    { docs: [DOC] },
    { ids: "string[]", titles: "string[]", dropped: "integer" },
    DOCS,
  ),
  ai(
    "chunk-with-overlap",
    [
      "const chunks: string[] = [];",
      "const step = Math.max(1, inputs.size - inputs.overlap);",
      "for (let start = 0; start < inputs.text.length; start += step) {",
      "  chunks.push(inputs.text.slice(start, start + inputs.size));",
      "  if (start + inputs.size >= inputs.text.length) break;",
      "}",
      "return { chunks, count: chunks.length };",
    ].join("\n"),
    { text: "string", size: "integer", overlap: "integer" },
    { chunks: "string[]", count: "integer" },
    TEXTS,
  ),
  ai(
    "sentences-and-token-estimate",
    [
      "const sentences = inputs.text.split(/(?<=[.!?])\\s+/).map((s) => s.trim()).filter((s) => s.length > 0);",
      "const words = inputs.text.split(/\\s+/).filter(Boolean);",
      "const tokens = Math.ceil(inputs.text.length / 4);",
      "return { sentences, words: words.length, tokens, fits: tokens <= inputs.size * 2 };",
    ].join("\n"),
    { text: "string", size: "integer", overlap: "integer" },
    { sentences: "string[]", words: "integer", tokens: "integer", fits: "boolean" },
    TEXTS,
  ),
  ai(
    "route-on-keywords",
    [
      "const text = inputs.reply.toLowerCase();",
      "const routes: Array<[string, RegExp]> = [",
      '  ["billing", /refund|invoice|charge/],',
      '  ["spam", /\\bspam\\b|unsubscribe/],',
      '  ["greeting", /^(hi|hello|sure)\\b/],',
      "];",
      "const hit = routes.find(([, re]) => re.test(text));",
      'return { route: hit ? hit[0] : "general", length: text.length };',
    ].join("\n"),
    { reply: "string" },
    { route: "string", length: "integer" },
    REPLIES,
  ),
  ai(
    "retry-delay",
    [
      "const delays = inputs.attempts.map((a) => Math.min(inputs.cap, inputs.base * 2 ** a));",
      "const total = delays.reduce((s, d) => s + d, 0);",
      'return { delays, total, seconds: (total / 1000).toFixed(1) + "s" };',
    ].join("\n"),
    { attempts: "integer[]", base: "number", cap: "number" },
    { delays: "number[]", total: "number", seconds: "string" },
    [
      { attempts: [0, 1, 2, 3, 10, 40], base: 250, cap: 30000 },
      { attempts: [], base: 1, cap: 1 },
      { attempts: [5], base: 0.1, cap: 1e9 },
    ],
  ),
  ai(
    "cosine-similarity",
    [
      "const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);",
      "const norm = (a: number[]) => Math.sqrt(dot(a, a));",
      "const q = inputs.query;",
      "const scored = inputs.vectors.map((v, i) => ({ i, score: norm(q) * norm(v) === 0 ? 0 : dot(q, v) / (norm(q) * norm(v)) }));",
      "scored.sort((a, b) => b.score - a.score || a.i - b.i);",
      "return { order: scored.map((s) => s.i), best: scored.length > 0 ? Number(scored[0].score.toFixed(4)) : -1 };",
    ].join("\n"),
    { query: "number[]", vectors: "number[][]" },
    { order: "integer[]", best: "number" },
    [
      {
        query: [1, 0, 0.5],
        vectors: [
          [1, 0, 0.5],
          [0, 1, 0],
          [-1, 0, -0.5],
          [0.5, 0.5, 0.5],
          [0, 0, 0],
        ],
      },
      { query: [0, 0], vectors: [[1, 2]] },
      { query: [1], vectors: [] },
    ],
  ),
  ai(
    "group-and-count-labels",
    [
      "const counts: Record<string, number> = {};",
      "for (const d of inputs.docs) {",
      '  const key = d.title.split(" ")[0]?.toLowerCase() || "(none)";',
      "  counts[key] = (counts[key] || 0) + 1;",
      "}",
      "const ranked = Object.entries(counts).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k}:${n}`);",
      "return { ranked, distinct: Object.keys(counts).length };",
    ].join("\n"),
    { docs: [DOC] },
    { ranked: "string[]", distinct: "integer" },
    DOCS,
  ),
  ai(
    "citations-in-answer",
    [
      "const cited = [...inputs.reply.matchAll(/\\[(\\d+)\\]/g)].map((m) => Number(m[1]));",
      "const unique = [...new Set(cited)].sort((a, b) => a - b);",
      "const valid = unique.filter((n) => n >= 1 && n <= inputs.sources);",
      "return { cited: unique, valid, invalid: unique.length - valid.length };",
    ].join("\n"),
    { reply: "string", sources: "integer" },
    { cited: "integer[]", valid: "integer[]", invalid: "integer" },
    [
      { reply: "Refunds take 14 days [1]. Shipping is worldwide [2][1]. See also [7].", sources: 2 },
      { reply: "No citations.", sources: 0 },
      { reply: "[0] [10] [3] [3]", sources: 3 },
    ],
  ),
  ai(
    "truncate-for-context",
    [
      "const max = inputs.size;",
      'const clip = (s: string) => (s.length > max ? s.slice(0, Math.max(0, max - 1)) + "…" : s);',
      'const normalized = inputs.text.replace(/\\s+/g, " ").trim();',
      'return { clipped: clip(normalized), words: normalized ? normalized.split(" ").length : 0, upper: normalized.slice(0, 5).toUpperCase() };',
    ].join("\n"),
    { text: "string", size: "integer", overlap: "integer" },
    { clipped: "string", words: "integer", upper: "string" },
    TEXTS,
  ),
  ai(
    "destructure-options-with-defaults",
    [
      "const { temperature = 0.7, maxTokens = 256, stop = [] } = inputs.options ?? {};",
      "const clamped = Math.min(Math.max(temperature, 0), 2);",
      "return { temperature: clamped, maxTokens, stops: stop.length, summary: `t=${clamped} max=${maxTokens}` };",
    ].join("\n"),
    { options: { temperature: "number?", maxTokens: "integer?", stop: "string[]?" } },
    { temperature: "number", maxTokens: "integer", stops: "integer", summary: "string" },
    [
      { options: { temperature: 3.5, stop: ["\n\n"] } },
      { options: {} },
      { options: { temperature: -1, maxTokens: 1024, stop: [] } },
    ],
  ),
  ai(
    "tool-call-arguments",
    [
      "const args = JSON.parse(inputs.args);",
      'const city = typeof args.city === "string" ? args.city.trim() : "";',
      "const days = Number.isInteger(args.days) ? args.days : 1;",
      "const errors: string[] = [];",
      'if (!city) errors.push("city is required");',
      "if (days < 1 || days > 14) errors.push(`days must be 1-14, got ${days}`);",
      "return { ok: errors.length === 0, city, days, errors, echo: JSON.stringify({ city, days }) };",
    ].join("\n"),
    { args: "string" },
    { ok: "boolean", city: "string", days: "number", errors: "string[]", echo: "string" },
    [
      { args: '{"city": " Paris ", "days": 3}' },
      { args: '{"days": 30}' },
      { args: '{"city": "Zürich", "days": 2.5}' },
      { args: "{}" },
    ],
    ["json", "math"],
  ),
  ai(
    "message-history-window",
    [
      "const budget = inputs.budget;",
      "const kept: string[] = [];",
      "let used = 0;",
      "for (let i = inputs.messages.length - 1; i >= 0; i--) {",
      "  const m = inputs.messages[i];",
      "  const cost = Math.ceil(m.content.length / 4) + 4;",
      "  if (used + cost > budget) break;",
      "  used += cost;",
      "  kept.unshift(`${m.role}: ${m.content}`);",
      "}",
      "return { kept, used, dropped: inputs.messages.length - kept.length };",
    ].join("\n"),
    { messages: [{ role: "string", content: "string" }], budget: "integer" },
    { kept: "string[]", used: "integer", dropped: "integer" },
    [
      {
        messages: [
          { role: "system", content: "You are a helpful assistant." },
          { role: "user", content: "Hi!" },
          { role: "assistant", content: "Hello! How can I help you today?" },
          { role: "user", content: "Summarize the refund policy in one sentence, please." },
        ],
        budget: 30,
      },
      { messages: [], budget: 10 },
      { messages: [{ role: "user", content: "x".repeat(100) }], budget: 5 },
    ],
  ),
  ai(
    "scores-to-percentages",
    [
      "const total = inputs.docs.reduce((s, d) => s + d.score, 0);",
      "const shares = inputs.docs.map((d) => ({ id: d.id, pct: total > 0 ? Math.round((d.score / total) * 1000) / 10 : 0 }));",
      "return { shares: shares.map((s) => `${s.id}=${s.pct}%`), max: Math.max(0, ...shares.map((s) => s.pct)) };",
    ].join("\n"),
    { docs: [DOC] },
    { shares: "string[]", max: "number" },
    DOCS,
  ),
  ai(
    "number-tests-on-parsed-values",
    [
      "const values: any[] = JSON.parse(inputs.json);",
      "return {",
      "  integer: values.map((v) => Number.isInteger(v)),",
      "  safe: values.map((v) => Number.isSafeInteger(v)),",
      "  finite: values.map((v) => Number.isFinite(v)),",
      "  nan: values.map((v) => Number.isNaN(v)),",
      "  globalNaN: values.map((v) => isNaN(v)),",
      "  globalFinite: values.map((v) => isFinite(v)),",
      "};",
    ].join("\n"),
    { json: "string" },
    {
      integer: "boolean[]",
      safe: "boolean[]",
      finite: "boolean[]",
      nan: "boolean[]",
      globalNaN: "boolean[]",
      globalFinite: "boolean[]",
    },
    [
      { json: '[1, "2", null, true, false, 2.5, "abc", "", " 7 ", [], [3], {}, 9007199254740993, -0, 1e308]' },
      { json: "[]" },
    ],
    ["json", "math"],
  ),
  ai(
    "fields-of-parsed-reply",
    [
      "const data = JSON.parse(inputs.json);",
      "const keys = Object.keys(data);",
      'const values = Object.values(data).map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)));',
      "const pairs: string[] = [];",
      "for (const [k, v] of Object.entries(data)) pairs.push(`${k}=${typeof v}`);",
      'return { keys, values, first: keys.length > 0 ? keys[0] : "", pairs };',
    ].join("\n"),
    { json: "string" },
    { keys: "string[]", values: "string[]", first: "string", pairs: "string[]" },
    [
      { json: '{"b": 1, "a": [2], "10": null, "2": "x", "-1": true, "1.5": {"z": 0}, "01": 7}' },
      { json: '[5, "six", {"seven": 7}]' },
      { json: '"héllo"' },
      { json: "42" },
      { json: "true" },
      { json: "{}" },
      { json: "null" },
    ],
    ["json", "math"],
  ),
];
