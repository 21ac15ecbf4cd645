/**
 * @fileoverview Array patterns inside other patterns and in parameters (`{ tags: [first] }`,
 * `([a, b]) => ...`): an element past the end is undefined, as in JavaScript (print/missing.ts
 * `mayBeMissing`); it trapped before.
 */
import type { OracleCase } from "../oracle.js";

const ROWS = [
  { rows: [] },
  {
    rows: [
      { id: 1, tags: [] },
      { id: 2, tags: ["x"] },
      { id: 3, tags: ["", "y"] },
      { id: 4, tags: ["a", "b", "c"] },
    ],
  },
];

function pattern(name: string, body: string): OracleCase {
  return {
    name: `nested-patterns/${name}`,
    body,
    input: { rows: [{ id: "integer", tags: ["string"] }] },
    output: { r: "string" },
    inputs: ROWS,
  };
}

export const NESTED_PATTERNS: readonly OracleCase[] = [
  pattern(
    "for-of-object-with-array",
    'const out: string[] = [];\nfor (const { id, tags: [first, second] } of inputs.rows) out.push(`${id}:${first ?? "-"}:${second === undefined ? "u" : second}:${first ? first.length : 0}`);\nreturn { r: out.join(" ") };',
  ),
  pattern(
    "parameter-pattern",
    'const label = ([a, b]: string[]): string => (a ?? "none") + "/" + (b ?? "none");\nreturn { r: inputs.rows.map((r) => label(r.tags)).join(",") };',
  ),
  pattern(
    "declaration-nested",
    'const out: string[] = [];\nfor (const row of inputs.rows) {\n  const { tags: [head] } = row;\n  out.push(head === undefined ? "missing" : head || "empty");\n}\nreturn { r: out.join(",") };',
  ),
];
