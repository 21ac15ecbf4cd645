/**
 * @fileoverview Duplicate keys in YAML workflows: found by our one-pass check (the YAML library's
 * own is quadratic in a map's size), at the same places and by the same equality as the library's.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { findDuplicateKeys } from "../../src/frontend/yaml/duplicateKeys.js";
import { analyze } from "../check/harness.js";

/** The library's own findings (`uniqueKeys: true`), as start offsets. */
function libraryDuplicates(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true })
    .errors.filter((e) => e.code === "DUPLICATE_KEY")
    .map((e) => e.pos[0])
    .sort((a, b) => a - b);
}

function ours(text: string): number[] {
  return findDuplicateKeys(parseDocument(text, { uniqueKeys: false }))
    .map((d) => d.pos[0])
    .sort((a, b) => a - b);
}

const DOCUMENTS = [
  "a: 1\na: 2\n",
  "a: 1\nb: 2\n",
  "x: { a: 1, b: 2, a: 3 }\n",
  "- { a: 1 }\n- { a: 2 }\n",
  "[a: 1, a: 2]\n",
  "1: a\n'1': b\n1: c\n",
  "-0: a\n0: b\n",
  ".nan: a\n.nan: b\n",
  "null: a\n~: b\n",
  "true: a\nTrue: b\n",
  "? [a]\n: 1\n? [a]\n: 2\n",
  "? { a: 1 }\n: 1\n? { a: 1 }\n: 2\n",
  "&k a: 1\n*k : 2\n",
  "outer:\n  inner:\n    - deep: 1\n      deep: 2\n  inner: 3\n",
  '"a": 1\na: 2\n!!str a: 3\n',
  "0x10: a\n16: b\n",
];

describe("YAML duplicate keys", () => {
  it.each(DOCUMENTS)("finds what the YAML library finds in %j", (text) => {
    expect(ours(text)).toEqual(libraryDuplicates(text));
  });
  it("reports each duplicate as ICE1001 at the repeated key", () => {
    const { diagnostics } = analyze("name: x\nnodes: []\nname: y\n");
    const dup = diagnostics.filter((d) => d.code === "ICE1001");
    expect(dup.map((d) => [d.message, d.span?.file.position(d.span.start).line])).toEqual([
      ["Map keys must be unique", 3],
    ]);
  });
  it("finds a duplicate among 20,000 keys of one map", () => {
    // 20,000 keys took the library's check ~3 s of CPU (60,000: 32 s); the point is the result, not the time.
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}\n`);
    keys.push("k123: again\n");
    const text = `name: x\nnodes:\n  - id: a\n    type: tool\n    tool_name: t\n    tool_args:\n${keys.map((k) => `      ${k}`).join("")}`;
    const { diagnostics } = analyze(text);
    const dup = diagnostics.filter((d) => d.code === "ICE1001");
    expect(dup.map((d) => d.span?.file.position(d.span.start).line)).toEqual([7 + 20_000]);
  });
});
