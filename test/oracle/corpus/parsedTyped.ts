/**
 * @fileoverview `JSON.parse(text)` read as a typed value (print/parsedJson.ts): a model's reply
 * parsed into an interface, arrays of records, optional and nested fields, `any` fields kept,
 * extra keys, a parse under try/catch into a typed variable, and values JavaScript fails on too.
 * A parsed value that is not what the type says stops the node where JavaScript would carry the
 * mistyped value on (test/sandbox/parsedTyped.test.ts), so those inputs are not here.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const pt = cases("parsed");

const REPLIES = [
  { reply: '{"label":"spam","confidence":0.93,"reasons":["link","caps"],"extra":{"x":1}}' },
  { reply: '{"confidence":1e2,"label":"ham","reasons":[]}' },
  { reply: "not json" },
  { reply: '["label"]' },
];

export const PARSED_TYPED: readonly OracleCase[] = [
  pt(
    "interface-as",
    [
      "interface Verdict { label: string; confidence: number; reasons: string[] }",
      "let v: Verdict;",
      "try {",
      "  v = JSON.parse(inputs.reply) as Verdict;",
      "} catch {",
      '  v = { label: "unknown", confidence: 0, reasons: [] };',
      "}",
      "const sure = v.confidence >= 0.9;",
      'return { label: v.label.toUpperCase(), sure, why: v.reasons.join("; ") };',
    ].join("\n"),
    { reply: "string" },
    { label: "string", sure: "boolean", why: "string" },
    REPLIES,
    ["math", "json"],
  ),
  pt(
    "array-of-records-optional",
    [
      "type Item = { name: string; qty?: number; tags?: string[]; meta?: any };",
      "const items: Item[] = JSON.parse(inputs.reply);",
      "const total = items.reduce((s, i) => s + (i.qty ?? 1), 0);",
      "const tagged = items.filter((i) => (i.tags?.length ?? 0) > 0).map((i) => i.name);",
      'const metas = items.map((i) => (i.meta === undefined ? "-" : JSON.stringify(i.meta)));',
      "return { n: items.length, total, tagged, metas };",
    ].join("\n"),
    { reply: "string" },
    { n: "integer", total: "number", tagged: "string[]", metas: "string[]" },
    [
      {
        reply:
          '[{"name":"a","qty":2,"tags":["x"]},{"name":"b"},{"name":"c","tags":[],"meta":{"k":[1,null]}},{"qty":3,"name":"d","other":true}]',
      },
      { reply: "[]" },
      { reply: '{"name":"a"}' },
      { reply: '[{"name":"a","meta":null}]' },
    ],
    ["math", "json"],
  ),
  pt(
    "nested-plan",
    [
      "interface Step { tool: string; args: { query: string; limit?: number } }",
      "interface Plan { goal: string; steps: Step[]; done: boolean }",
      "const plan = JSON.parse(inputs.reply) as Plan;",
      'const lines = plan.steps.map((s, i) => `${i + 1}. ${s.tool}(${s.args.query}${s.args.limit !== undefined ? `, ${s.args.limit}` : ""})`);',
      "return { goal: plan.goal, lines, done: plan.done, count: plan.steps.length };",
    ].join("\n"),
    { reply: "string" },
    { goal: "string", lines: "string[]", done: "boolean", count: "integer" },
    [
      {
        reply:
          '{"goal":"find","steps":[{"tool":"search","args":{"query":"cats","limit":3}},{"tool":"read","args":{"query":"x"}}],"done":false}',
      },
      { reply: '{"goal":"g","steps":[],"done":true}' },
      { reply: '{"goal":"g","steps":[{"tool":"t","args":null}],"done":true}' },
      { reply: '{"goal":"g","steps":[{"tool":"t"}],"done":true}' },
      { reply: '{"goal":"g","steps":[],"done":"yes"}' },
    ],
    ["math", "json"],
  ),
  pt(
    "const-read-once",
    [
      "interface Verdict { label: string; confidence: number; reasons: string[] }",
      "const parsed = JSON.parse(inputs.reply);",
      "const verdict: Verdict = parsed;",
      'verdict.reasons.push("checked");',
      "return { label: verdict.label, n: verdict.reasons.length, c: verdict.confidence };",
    ].join("\n"),
    { reply: "string" },
    { label: "string", n: "integer", c: "number" },
    REPLIES,
    ["math", "json"],
  ),
  pt(
    "typed-variable-assigned-later",
    [
      "let scores: number[] = [];",
      "let parsedOk = true;",
      "try { scores = JSON.parse(inputs.reply); } catch { parsedOk = false; }",
      "const avg = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;",
      "return { parsedOk, avg, max: Math.max(0, ...scores) };",
    ].join("\n"),
    { reply: "string" },
    { parsedOk: "boolean", avg: "number", max: "number" },
    [{ reply: "[1, 2.5, -3]" }, { reply: "[]" }, { reply: "{" }, { reply: "[1e400, -0]" }],
    ["math", "json"],
  ),
];
