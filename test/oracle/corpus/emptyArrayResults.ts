/**
 * @fileoverview `map` callbacks returning empty array literals, typed by where the result goes
 * (print/emptyArrayResults.ts): `const groups: string[][] = xs.map(() => [])`, records with
 * `children: []` into a declared `Node[]`, Map entries `[id, { id, children: [] }]` into a
 * `Map<string, Node>`; then filled and written, so each `[]` is a distinct array of its type.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ea = cases("emptyarr");

const IDS = [
  { ids: ["root", "a", "b", "a", "c"], parents: ["", "root", "root", "b", "a"] },
  { ids: [], parents: [] },
];

export const EMPTY_ARRAY_RESULTS: readonly OracleCase[] = [
  ea(
    "nested-string-arrays",
    [
      "const buckets: string[][] = inputs.ids.map(() => []);",
      "inputs.parents.forEach((p, i) => buckets[i % Math.max(1, buckets.length)].push(p || '-'));",
      "buckets[0]?.push('first');",
      "return { s: JSON.stringify(buckets), n: buckets.filter((b) => b.length > 0).length };",
    ].join("\n"),
    { ids: "string[]", parents: "string[]" },
    { s: "string", n: "integer" },
    IDS,
    ["json", "math"],
  ),
  ea(
    "records-with-empty-children",
    [
      "interface TreeNode {",
      "  id: string;",
      "  children: TreeNode[];",
      "  tags: string[];",
      "}",
      "const nodes: TreeNode[] = inputs.ids.map((id) => ({ id, children: [], tags: [] }));",
      "const byId = new Map<string, TreeNode>();",
      "for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);",
      "const roots: TreeNode[] = [];",
      "nodes.forEach((n, i) => {",
      "  const parent = byId.get(inputs.parents[i]);",
      "  if (parent && parent !== n) parent.children.push(n);",
      "  else roots.push(n);",
      "  n.tags.push(`#${i}`);",
      "});",
      "const depth = (n: TreeNode, guard: number): number =>",
      "  guard > 20 ? 0 : 1 + Math.max(0, ...n.children.map((c) => depth(c, guard + 1)));",
      "return { s: JSON.stringify(roots.map((r) => ({ id: r.id, kids: r.children.length, tags: r.tags }))), depth: Math.max(0, ...roots.map((r) => depth(r, 0))) };",
    ].join("\n"),
    { ids: "string[]", parents: "string[]" },
    { s: "string", depth: "integer" },
    IDS,
    ["json", "math"],
  ),
  ea(
    "map-entries-with-empty-arrays",
    [
      "interface Group {",
      "  name: string;",
      "  members: string[];",
      "}",
      "const groups = new Map<string, Group>(inputs.ids.map((id) => [id, { name: id.toUpperCase(), members: [] }]));",
      "inputs.parents.forEach((p, i) => groups.get(p)?.members.push(inputs.ids[i]));",
      "return { keys: [...groups.keys()], sizes: [...groups.values()].map((g) => g.members.length) };",
    ].join("\n"),
    { ids: "string[]", parents: "string[]" },
    { keys: "string[]", sizes: "number[]" },
    IDS,
  ),
];
