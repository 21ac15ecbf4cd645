/**
 * @fileoverview Conditions made of `&&` and `||` over values of different types (an object that
 * may be missing, numbers, strings, arrays), printed operand by operand (print/expressions.ts
 * `printCondition`): in if, while, for, ternaries and under `!`, with operands whose evaluation
 * is visible (they record their order), and the same expressions used as values.
 */
import type { OracleCase } from "../oracle.js";

const ROWS = [
  { rows: [] },
  {
    rows: [
      { id: 0, name: "", score: 0 },
      { id: 1, name: "a", score: -0 },
      { id: 2, name: "bb", score: 0.5 },
      { id: 3, name: "0", score: 2 },
    ],
  },
  { rows: [{ id: 5, name: "x", score: 1 }] },
];

function cond(name: string, body: string): OracleCase {
  return {
    name: `conditions/${name}`,
    body,
    input: { rows: [{ id: "integer", name: "string", score: "number" }] },
    output: { r: "string" },
    inputs: ROWS,
  };
}

export const CONDITIONS: readonly OracleCase[] = [
  cond(
    "found-and",
    'const out: string[] = [];\nfor (let i = 0; i < 7; i++) {\n  const f = inputs.rows.find((r) => r.id === i);\n  if (f && f.name) out.push("A" + i);\n  if (f && inputs.rows.some((r) => r.score === f.score + 1)) out.push("B" + i);\n  if (!f || f.score) out.push("C" + i);\n  if (!(f && f.name.length > 1)) out.push("D" + i);\n}\nreturn { r: out.join(",") };',
  ),
  cond(
    "mixed-operands",
    'const out: string[] = [];\nfor (const r of inputs.rows) {\n  if (r.name && r.score) out.push("1:" + r.id);\n  if (r.name || r.score) out.push("2:" + r.id);\n  if ((r.score || r.name) && r.id) out.push("3:" + r.id);\n  out.push(r.score && r.name ? "t" : "f");\n  out.push(String(r.name || r.score));\n  out.push(String(r.score && r.name));\n}\nreturn { r: out.join(" ") };',
  ),
  cond(
    "evaluation-order",
    'const log: string[] = [];\nconst see = (tag: string, v: number): number => {\n  log.push(tag);\n  return v;\n};\nfor (const r of inputs.rows) {\n  if ((see("a", r.score) && see("b", r.id)) || see("c", r.id - 1)) log.push("T");\n  else log.push("F");\n}\nlet k = 0;\nwhile (k < 3 && (inputs.rows[k] || see("miss", k))) k++;\nreturn { r: log.join("") + k };',
  ),
  cond(
    "arrays-and-strings",
    'const xs = inputs.rows.map((r) => r.name);\nconst first = xs[0];\nconst parts: string[] = [];\nif (xs.length && first) parts.push("first=" + first);\nif (xs.length || "fallback") parts.push("any");\nfor (let i = 0; i < xs.length && xs[i] !== "0"; i++) parts.push(xs[i] || "empty");\nreturn { r: parts.join(";") };',
  ),
];
