/**
 * @fileoverview Reads past the end of a number array bound to a local whose every use treats
 * `undefined` as `NaN` (print/missing.ts `missingAsNaN`: stored as a plain number), and locals
 * whose uses tell the two apart (stored as possibly undefined). Inputs index past the end.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const missing = cases("missing");

const XS = { xs: "number[]", k: "integer" } as const;
const INPUTS = [
  { xs: [3, 1, 2], k: 0 },
  { xs: [3, 1, 2], k: 2 },
  { xs: [3, 1, 2], k: 3 },
  { xs: [], k: 0 },
  { xs: [0, -0, Number.MAX_VALUE], k: 1 },
];

export const MISSING_READS: readonly OracleCase[] = [
  missing(
    "sum-past-the-end",
    [
      "let sum = 0;",
      "let sq = 0;",
      "let max = -Infinity;",
      "for (let i = 0; i < inputs.k + 2; i++) {",
      "  const y = inputs.xs[i];",
      "  sum += y;",
      "  sq += y * y;",
      "  if (y > max) max = y;",
      "}",
      "return { sum: String(sum), sq: String(sq), max: String(max) };",
    ].join("\n"),
    XS,
    { sum: "string", sq: "string", max: "string" },
    INPUTS,
  ),
  missing(
    "truthiness",
    [
      "const y = inputs.xs[inputs.k];",
      "const a = y || 7;",
      "const b = !y;",
      "let c = 0;",
      "if (y) c = 1;",
      'const d = y ? "yes" : "no";',
      "const e = y && y > 2 ? 1 : 0;",
      "let f = 0;",
      "while (f < 3 && y) f++;",
      "return { a, b, c, d, e, f };",
    ].join("\n"),
    XS,
    { a: "number", b: "boolean", c: "integer", d: "string", e: "integer", f: "integer" },
    INPUTS,
  ),
  missing(
    "math-and-bits",
    [
      "const y = inputs.xs[inputs.k];",
      "const z = inputs.xs[inputs.k + 1];",
      "return {",
      "  a: String(Math.max(y, 1)),",
      "  b: y | 0,",
      "  c: ~y,",
      "  d: String(Math.floor(y) + Math.abs(z)),",
      "  e: z >>> 1,",
      "  f: String(-y),",
      "  g: String(y - z),",
      "  h: y < z || y >= 2,",
      "};",
    ].join("\n"),
    XS,
    { a: "string", b: "integer", c: "integer", d: "string", e: "integer", f: "string", g: "string", h: "boolean" },
    INPUTS,
  ),
  missing(
    "updated",
    [
      "let y = inputs.xs[inputs.k];",
      "y++;",
      "y += 2;",
      "let z = inputs.xs[inputs.k + 1];",
      "z *= 3;",
      "let w = inputs.xs[inputs.k + 2];",
      "w = w > 1 ? w : 0;",
      "return { a: y > 3, b: z < 100, c: w, d: Math.round(y) || -1 };",
    ].join("\n"),
    XS,
    { a: "boolean", b: "boolean", c: "number", d: "number" },
    INPUTS,
  ),
  missing(
    "guarded-store",
    [
      "let best = 0;",
      "let picked: number[] = [];",
      "for (let i = 0; i <= inputs.xs.length; i++) {",
      "  const y = inputs.xs[i];",
      "  if (y >= 1 && i % 1 === 0) { best = y; picked.push(y); }",
      "  const t = y < 10 ? y : -1;",
      "  best += t > 0 ? 0 : 1;",
      "}",
      "return { best, picked };",
    ].join("\n"),
    XS,
    { best: "number", picked: "number[]" },
    INPUTS,
  ),
  missing(
    "direct-reads",
    "const xs = inputs.xs;\nconst k = inputs.k;\nlet t = 1;\nt -= xs[k + 1];\nreturn { a: ~xs[k], b: -xs[k] > 0, c: String(xs[k] % 2), d: String(t), e: xs[k] >> 1 };",
    XS,
    { a: "integer", b: "boolean", c: "string", d: "string", e: "integer" },
    INPUTS,
  ),
  // Uses that tell undefined from NaN keep the local possibly undefined.
  missing(
    "observed-as-undefined",
    [
      "const y = inputs.xs[inputs.k];",
      "const z = inputs.xs[inputs.k + 1];",
      "const w = inputs.xs[inputs.k + 2];",
      "let total = 0;",
      "total += z;",
      'return { a: String(y), b: y ?? -1, c: y === undefined, d: `${y}|${w}`, e: String(total), f: String(w && 1), g: "" + z };',
    ].join("\n"),
    XS,
    { a: "string", b: "number", c: "boolean", d: "string", e: "string", f: "string", g: "string" },
    INPUTS,
  ),
  missing(
    "destructured",
    ["const [a, b, c] = inputs.xs;", "const s = a + b * 2;", "return { s: String(s), big: c > 1, t: String(b) };"].join(
      "\n",
    ),
    XS,
    { s: "string", big: "boolean", t: "string" },
    INPUTS,
  ),
];
