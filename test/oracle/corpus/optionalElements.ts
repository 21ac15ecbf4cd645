/**
 * @fileoverview Element access in optional chains (print/access.ts `printElementAccess`):
 * `a?.[i]`, `a?.b[i]`, `a?.b[i]?.c`, with the chain's start missing, the index past the end,
 * negative and fractional indexes, strings, and the results used with ?? and in conditions.
 */
import type { OracleCase } from "../oracle.js";

const ROWS = [
  { rows: [] },
  {
    rows: [
      { id: 1, tags: [] },
      { id: 2, tags: ["x"] },
      { id: 3, tags: ["", "yy"] },
    ],
  },
];

function chain(name: string, body: string): OracleCase {
  return {
    name: `optional-elements/${name}`,
    body,
    input: { rows: [{ id: "integer", tags: ["string"] }] },
    output: { r: "string" },
    inputs: ROWS,
  };
}

export const OPTIONAL_ELEMENTS: readonly OracleCase[] = [
  chain(
    "row-then-tag",
    'const out: string[] = [];\nfor (const i of [0, 1, 2, 3, -1, 1.5]) {\n  out.push(String(inputs.rows[i]?.tags[0]?.length ?? -1));\n  out.push(inputs.rows[i]?.tags[1] ?? "-");\n}\nreturn { r: out.join(",") };',
  ),
  chain(
    "optional-index",
    'const find = (id: number) => inputs.rows.find((r) => r.id === id);\nconst out: string[] = [];\nfor (const id of [1, 2, 3, 4]) {\n  const tags = find(id)?.tags;\n  out.push(`${tags?.[0] ?? "u"}|${tags?.[5] === undefined}|${tags?.[1]?.[0] ?? "."}`);\n  if (find(id)?.tags[0]) out.push("truthy");\n}\nreturn { r: out.join(";") };',
  ),
];
