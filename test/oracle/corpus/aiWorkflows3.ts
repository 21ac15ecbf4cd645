/**
 * @fileoverview A third set of AI-workflow bodies (see aiWorkflows.ts): hashing for A/B buckets,
 * agent state kept in a class, tool dispatch with switch, reduce into an object, stable sorts
 * with ties, cost accounting, `replaceAll`, `findLast`, `toLocaleString`, reading nested
 * optional fields of a request.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai3");

const USERS = [{ users: ["alice@example.com", "bob", "", "ünïcödé", "👍🏽", "x".repeat(50)] }, { users: [] }];
const CALLS = [
  {
    calls: [
      { tool: "search", args: "refund policy", ms: 120 },
      { tool: "calc", args: "2+2", ms: 3 },
      { tool: "search", args: "shipping", ms: 95 },
      { tool: "unknown", args: "", ms: 0 },
      { tool: "email", args: "to=ada", ms: 410.5 },
    ],
  },
  { calls: [] },
];
const CALL = [{ tool: "string", args: "string", ms: "number" }] as const;

export const AI_WORKFLOWS_3: readonly OracleCase[] = [
  ai(
    "hash-buckets",
    [
      "function djb2(s: string): number {",
      "  let h = 5381;",
      "  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;",
      "  return h >>> 0;",
      "}",
      "const buckets = inputs.users.map((u) => djb2(u) % 100);",
      'return { buckets, variants: buckets.map((b) => (b < 50 ? "A" : "B")), hex: inputs.users.map((u) => djb2(u).toString(16).padStart(8, "0")) };',
    ].join("\n"),
    { users: "string[]" },
    { buckets: "integer[]", variants: "string[]", hex: "string[]" },
    USERS,
  ),
  ai(
    "agent-state-class",
    [
      "class Agent {",
      "  private steps: string[] = [];",
      "  private spent = 0;",
      "  constructor(private readonly budget: number) {}",
      "  act(tool: string, ms: number): boolean {",
      "    if (this.spent + ms > this.budget) return false;",
      "    this.spent += ms;",
      "    this.steps.push(`${this.steps.length + 1}:${tool}`);",
      "    return true;",
      "  }",
      "  get summary(): string { return `${this.steps.length} steps, ${this.spent}ms of ${this.budget}ms`; }",
      "  get log(): string[] { return [...this.steps]; }",
      "}",
      "const agent = new Agent(inputs.budget);",
      "const refused = inputs.calls.filter((c) => !agent.act(c.tool, c.ms)).map((c) => c.tool);",
      "return { summary: agent.summary, log: agent.log, refused };",
    ].join("\n"),
    { calls: CALL, budget: "number" },
    { summary: "string", log: "string[]", refused: "string[]" },
    CALLS.map((c) => ({ ...c, budget: 250 })),
  ),
  ai(
    "tool-dispatch-switch",
    [
      "const out: string[] = [];",
      "for (const call of inputs.calls) {",
      "  switch (call.tool) {",
      '    case "search":',
      "      out.push(`search(${JSON.stringify(call.args)})`);",
      "      break;",
      '    case "calc": {',
      '      const [a, b] = call.args.split("+").map(Number);',
      "      out.push(`calc=${a + b}`);",
      "      break;",
      "    }",
      '    case "email":',
      '    case "sms":',
      '      out.push(`notify:${call.args.replace("to=", "")}`);',
      "      break;",
      "    default:",
      '      out.push(`unknown tool ${call.tool || "(empty)"}`);',
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { calls: CALL },
    { out: "string[]" },
    CALLS,
    ["json", "math"],
  ),
  ai(
    "reduce-into-object",
    [
      "const stats = inputs.calls.reduce(",
      "  (acc, c) => {",
      "    acc.count += 1;",
      "    acc.totalMs += c.ms;",
      "    acc.byTool[c.tool] = (acc.byTool[c.tool] ?? 0) + 1;",
      "    return acc;",
      "  },",
      "  { count: 0, totalMs: 0, byTool: {} as Record<string, number> },",
      ");",
      "const slowest = inputs.calls.reduce((m, c) => (c.ms > m ? c.ms : m), -Infinity);",
      "return { count: stats.count, avg: stats.count ? stats.totalMs / stats.count : 0, tools: Object.keys(stats.byTool), slowest: Number.isFinite(slowest) ? slowest : 0 };",
    ].join("\n"),
    { calls: CALL },
    { count: "integer", avg: "number", tools: "string[]", slowest: "number" },
    CALLS,
  ),
  ai(
    "stable-sort-with-ties",
    [
      "const ranked = inputs.calls",
      "  .map((c, i) => ({ ...c, i }))",
      "  .sort((a, b) => Math.round(b.ms / 100) - Math.round(a.ms / 100) || a.tool.localeCompare(b.tool));",
      'return { order: ranked.map((r) => `${r.tool}#${r.i}`), last: ranked.findLast((r) => r.ms > 0)?.tool ?? "none" };',
    ].join("\n"),
    { calls: CALL },
    { order: "string[]", last: "string" },
    CALLS,
  ),
  ai(
    "cost-accounting",
    [
      "const PRICES: Record<string, { input: number; output: number }> = {",
      "  small: { input: 0.15, output: 0.6 },",
      "  large: { input: 2.5, output: 10 },",
      "};",
      "let total = 0;",
      "const lines: string[] = [];",
      "for (const u of inputs.usage) {",
      "  const p = PRICES[u.model];",
      "  if (!p) { lines.push(`${u.model}: unknown model`); continue; }",
      "  const cost = (u.inputTokens * p.input + u.outputTokens * p.output) / 1_000_000;",
      "  total += cost;",
      "  lines.push(`${u.model}: $${cost.toFixed(6)}`);",
      "}",
      "return { lines, total: Math.round(total * 1e6) / 1e6, pretty: `$${total.toFixed(4)}` };",
    ].join("\n"),
    { usage: [{ model: "string", inputTokens: "integer", outputTokens: "integer" }] },
    { lines: "string[]", total: "number", pretty: "string" },
    [
      {
        usage: [
          { model: "small", inputTokens: 1200, outputTokens: 350 },
          { model: "large", inputTokens: 1_000_000, outputTokens: 20_000 },
          { model: "tiny", inputTokens: 1, outputTokens: 1 },
          { model: "small", inputTokens: 0, outputTokens: 0 },
        ],
      },
      { usage: [] },
    ],
  ),
  ai(
    "redact-secrets",
    [
      "let text = inputs.text;",
      'text = text.replaceAll(/sk-[A-Za-z0-9]{8,}/g, "sk-***");',
      'text = text.replace(/\\b(\\d{4})[ -]?\\d{4}[ -]?\\d{4}[ -]?(\\d{4})\\b/g, "$1 **** **** $2");',
      'text = text.replaceAll("password=", "password=<hidden> ");',
      "const emails = text.match(/[\\w.+-]+@[\\w-]+\\.[\\w.]+/g) ?? [];",
      "return { text, emails: emails.length };",
    ].join("\n"),
    { text: "string" },
    { text: "string", emails: "integer" },
    [
      {
        text: "key sk-abcdefgh12345 and sk-short, card 4111 1111 1111 1111 or 4111-1111-1111-1111; password=hunter2 mail a.b+c@ex-ample.co.uk",
      },
      { text: "" },
    ],
  ),
  ai(
    "request-options",
    [
      'const model = inputs.request.model ?? "default";',
      "const temperature = inputs.request.params?.temperature ?? 1;",
      "const stops = inputs.request.params?.stop?.filter((s) => s.length > 0) ?? [];",
      'const user = inputs.request.user?.name?.trim() || "anonymous";',
      "return { model, temperature, stops, user, hasParams: inputs.request.params !== undefined };",
    ].join("\n"),
    {
      request: {
        model: "string?",
        params: { temperature: "number?", stop: "string[]?" },
        user: { name: "string?" },
      },
    },
    { model: "string", temperature: "number", stops: "string[]", user: "string", hasParams: "boolean" },
    [
      { request: { model: "gpt", params: { temperature: 0, stop: ["", "END"] }, user: { name: "  Ada " } } },
      { request: { params: {}, user: {} } },
      { request: { params: { stop: [] }, user: { name: "   " } } },
    ],
  ),
  ai(
    "locale-numbers",
    [
      "return {",
      "  plain: inputs.xs.map((x) => x.toLocaleString()),",
      '  us: inputs.xs.map((x) => x.toLocaleString("en-US", { maximumFractionDigits: 2 })),',
      '  de: inputs.xs.map((x) => x.toLocaleString("de-DE", { style: "currency", currency: "EUR" })),',
      '  pct: inputs.xs.map((x) => (x / 1e6).toLocaleString(undefined, { style: "percent", minimumFractionDigits: 1 })),',
      '  compact: inputs.xs.map((x) => x.toLocaleString("en", { notation: "compact" })),',
      "};",
    ].join("\n"),
    { xs: "number[]" },
    { plain: "string[]", us: "string[]", de: "string[]", pct: "string[]", compact: "string[]" },
    [{ xs: [0, -0, 1234.5678, -9876543.21, 1e21, 0.001, 5e-324] }, { xs: [] }],
  ),
  ai(
    "locale-from-input",
    "return { text: inputs.x.toLocaleString(inputs.locale, { minimumFractionDigits: 2 }) };",
    { x: "number", locale: "string" },
    { text: "string" },
    [
      { x: 1234567.891, locale: "en-US" },
      { x: 1234567.891, locale: "fr" },
      { x: -0.5, locale: "hi-IN" },
      { x: 1, locale: "" },
      { x: 1, locale: "not a locale!" },
    ],
  ),
];
