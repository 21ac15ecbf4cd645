/**
 * @fileoverview toLowerCase / toUpperCase on the ASCII fast path (src/codenode/support/asciiCase.ts:
 * four code units at a time, no loop up to 8): every length from 0 to 40 around the 4/8/16 unit
 * steps, the characters next to the letters ('@', '[', '`', '{', DEL), and a non-ASCII code unit
 * at each position that leaves the fast path (the first unit, the last, either side of a step).
 */
import type { OracleCase } from "../oracle.js";

const EDGES = "@AZ[`az{\u007f09 _~mM";
const ascii = (n: number): string => Array.from({ length: n }, (_, i) => EDGES[(i * 7 + n) % EDGES.length]).join("");
const LENGTHS = Array.from({ length: 41 }, (_, n) => ascii(n));
const WITH_NON_ASCII = [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 24].map((at) => {
  const s = ascii(at + 6);
  return `${s.slice(0, at)}${at % 2 === 0 ? "É" : "ß"}${s.slice(at + 1)}`;
});

export const ASCII_CASE: readonly OracleCase[] = [
  {
    name: "ascii-case/every-length-and-non-ascii-position",
    body: "return { up: inputs.ss.map((s) => s.toUpperCase()), low: inputs.ss.map((s) => s.toLowerCase()) };",
    input: { ss: "string[]" },
    output: { up: "string[]", low: "string[]" },
    inputs: [{ ss: LENGTHS }, { ss: WITH_NON_ASCII }, { ss: ["ΣΑΣ HELLO", "HELLO ΣΑΣ", "İ", "\ud800abc", "ǅ"] }],
  },
  {
    name: "ascii-case/in-a-loop-and-compared",
    body: [
      "const seen = new Set<string>();",
      "let n = 0;",
      "for (const s of inputs.ss) {",
      "  const low = s.toLowerCase();",
      "  if (low === s.toUpperCase().toLowerCase()) n++;",
      "  seen.add(low);",
      "}",
      "return { n, distinct: seen.size };",
    ].join("\n"),
    input: { ss: "string[]" },
    output: { n: "integer", distinct: "integer" },
    inputs: [{ ss: ["Alpha", "ALPHA", "alpha", "Beta", "ÉTÉ", "été", "", "Customer Alpha 42"] }],
  },
];
