/**
 * @fileoverview startsWith / endsWith compared 8 bytes at a time (src/codenode/support/sameUnits.ts):
 * search strings of every length 0..20 around the 2/4/8 unit steps, taken from the text (found)
 * and with one code unit changed at each position (not found), positions past either end,
 * surrogate halves.
 */
import type { OracleCase } from "../oracle.js";

const TEXT = "The quick brown fox 👍🏽 jumps over the lazy dog, é and ß";

export const STARTS_ENDS: readonly OracleCase[] = [
  {
    name: "starts-ends/every-length-found-and-changed",
    body: [
      "const s = inputs.s;",
      "const out: string[] = [];",
      "for (let n = 0; n <= 20; n++) {",
      "  for (const at of [0, 3, s.length - n]) {",
      "    const search = s.slice(at, at + n);",
      "    let bits = (s.startsWith(search, at) ? 1 : 0) + (s.endsWith(search, at + n) ? 2 : 0) + (s.startsWith(search) ? 4 : 0) + (s.endsWith(search) ? 8 : 0);",
      "    for (let k = 0; k < search.length; k++) {",
      "      const changed = search.slice(0, k) + String.fromCharCode(search.charCodeAt(k) ^ 1) + search.slice(k + 1);",
      "      if (s.startsWith(changed, at) || s.endsWith(changed, at + n)) bits += 16;",
      "    }",
      "    out.push(String(bits));",
      "  }",
      "}",
      'return { r: out.join(","), past: [s.startsWith("", 999), s.startsWith("T", -5), s.endsWith("g", -1), s.endsWith("", 999), s.startsWith("\\ud83d", 20)].join(",") };',
    ].join("\n"),
    input: { s: "string" },
    output: { r: "string", past: "string" },
    inputs: [{ s: TEXT }, { s: "" }, { s: "ab" }],
  },
];
