/**
 * @fileoverview A fifth set of AI-workflow bodies (see aiWorkflows.ts): generic helpers, type
 * guards over parsed data, custom error classes, labeled loops, set algebra on tags, paragraph
 * splitting, code points, copies before mutation.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai = cases("ai5");

const TAGS = [
  { a: ["x", "y", "z", "y"], b: ["y", "w", "x"], text: "Para one.\n\nPara two\nstill two.\n\n\n\nThree 👍🏽 é" },
  { a: [], b: ["q"], text: "" },
];

export const AI_WORKFLOWS_5: readonly OracleCase[] = [
  ai(
    "generic-top-n",
    [
      "function topN<T>(xs: T[], score: (x: T) => number, n: number): T[] {",
      "  return [...xs].sort((p, q) => score(q) - score(p)).slice(0, n);",
      "}",
      "const words = inputs.text.split(/\\s+/).filter((w) => w.length > 0);",
      "return { longest: topN(words, (w) => w.length, 3), tags: topN(inputs.a, (t) => t.charCodeAt(0), 2) };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { longest: "string[]", tags: "string[]" },
    TAGS,
  ),
  ai(
    "set-algebra",
    [
      "const A = new Set(inputs.a);",
      "const B = new Set(inputs.b);",
      "const union = [...new Set([...A, ...B])];",
      "const both = [...A].filter((x) => B.has(x));",
      "const onlyA = [...A].filter((x) => !B.has(x));",
      "const jaccard = union.length === 0 ? 1 : both.length / union.length;",
      "return { union, both, onlyA, jaccard };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { union: "string[]", both: "string[]", onlyA: "string[]", jaccard: "number" },
    TAGS,
  ),
  ai(
    "paragraphs-and-code-points",
    [
      'const paragraphs = inputs.text.split(/\\n{2,}/).map((p) => p.replace(/\\n/g, " ").trim()).filter(Boolean);',
      "const chars = [...inputs.text];",
      'const last = inputs.text.at(-1) ?? "";',
      "const points = chars.slice(-3).map((c) => c.codePointAt(0) ?? 0);",
      "return { paragraphs, units: inputs.text.length, points: chars.length, lastPoints: points, last: last.length };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { paragraphs: "string[]", units: "integer", points: "integer", lastPoints: "integer[]", last: "integer" },
    TAGS,
  ),
  ai(
    "custom-error-class",
    [
      "class ToolError extends Error {",
      "  constructor(public readonly tool: string, message: string) {",
      "    super(message);",
      '    this.name = "ToolError";',
      "  }",
      "}",
      "function run(tool: string): string {",
      '  if (tool === "") throw new ToolError("(none)", "no tool given");',
      "  if (!/^[a-z]+$/.test(tool)) throw new Error(`bad tool name ${tool}`);",
      "  return tool.toUpperCase();",
      "}",
      "const results: string[] = [];",
      "for (const t of inputs.a) {",
      "  try {",
      "    results.push(run(t));",
      "  } catch (e) {",
      "    if (e instanceof ToolError) results.push(`${e.name}(${e.tool}): ${e.message}`);",
      "    else if (e instanceof Error) results.push(`Error: ${e.message}`);",
      "  }",
      "}",
      "return { results };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { results: "string[]" },
    [
      { a: ["ok", "", "Bad1", "fine"], b: [], text: "" },
      { a: [], b: [], text: "" },
    ],
  ),
  ai(
    "labeled-search",
    [
      'let found = "";',
      "outer: for (const x of inputs.a) {",
      "  for (const y of inputs.b) {",
      "    if (x === y) { found = x; break outer; }",
      '    if (y === "stop") continue outer;',
      "  }",
      "}",
      "let i = 0;",
      "do { i++; } while (i < inputs.a.length && inputs.a[i] !== found);",
      "return { found, i };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { found: "string", i: "integer" },
    [...TAGS, { a: ["p", "q"], b: ["stop", "q"], text: "" }],
  ),
  ai(
    "type-guards-on-parsed",
    [
      "interface Item { id: string; score: number }",
      "function isItem(x: any): x is Item {",
      '  return typeof x === "object" && x !== null && typeof x.id === "string" && typeof x.score === "number";',
      "}",
      "const parsed: any = JSON.parse(inputs.text);",
      "const items: Item[] = Array.isArray(parsed) ? parsed.filter(isItem).map((x: Item) => ({ id: x.id, score: x.score })) : [];",
      "return { ids: items.map((i) => i.id), total: items.reduce((s, i) => s + i.score, 0) };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { ids: "string[]", total: "number" },
    [
      { a: [], b: [], text: '[{"id":"a","score":1},{"id":2,"score":3},null,{"id":"c","score":2.5},"x",{"id":"d"}]' },
      { a: [], b: [], text: '{"id":"a","score":1}' },
      { a: [], b: [], text: "[]" },
    ],
    ["json", "math"],
  ),
  ai(
    "copy-before-mutate",
    [
      "const copy = structuredClone(inputs.a);",
      'copy.push("added");',
      "const spread = [...inputs.b];",
      "spread.reverse();",
      "return { original: inputs.a.length, copy: copy.length, spread, b: inputs.b };",
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { original: "integer", copy: "integer", spread: "string[]", b: "string[]" },
    TAGS,
  ),
  ai(
    "entries-with-index",
    [
      "const lines: string[] = [];",
      "for (const [i, tag] of inputs.a.entries()) lines.push(`${i + 1}. ${tag}`);",
      "const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 2 }, (_, c) => r * 2 + c));",
      "const spliced = [...inputs.b];",
      'const removed = spliced.splice(1, 1, "NEW", "NEWER");',
      'return { lines, grid: grid.map((row) => row.join(",")), spliced, removed, idx: inputs.a.lastIndexOf("y") };',
    ].join("\n"),
    { a: "string[]", b: "string[]", text: "string" },
    { lines: "string[]", grid: "string[]", spliced: "string[]", removed: "string[]", idx: "integer" },
    TAGS,
  ),
];
