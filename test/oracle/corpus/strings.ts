/**
 * @fileoverview The String library at its edges: case mapping beyond ASCII, surrogate pairs,
 * out-of-range positions, swapped and negative arguments, empty separators.
 */
import type { OracleCase } from "../oracle.js";

const TEXTS = [{ s: "Straße İstanbul ǅungla ΣΑΣ" }, { s: "" }, { s: "a👍🏽b" }, { s: "  padded\t\n" }, { s: "abc" }];

export const STRINGS: readonly OracleCase[] = [
  {
    name: "strings/case-mapping-unicode",
    body: "return { up: inputs.s.toUpperCase(), low: inputs.s.toLowerCase(), upLen: inputs.s.toUpperCase().length };",
    input: { s: "string" },
    output: { up: "string", low: "string", upLen: "integer" },
    inputs: TEXTS,
  },
  {
    name: "strings/positions-out-of-range",
    body: `
      const s = inputs.s;
      return {
        charAt: s.charAt(10) + "|" + s.charAt(-1),
        code: String(s.charCodeAt(99)),
        slice: s.slice(-2) + "|" + s.slice(2, 1) + "|" + s.slice(-100, 100),
        sub: s.substring(3, 1) + "|" + s.substring(-5, 2) + "|" + s.substring(1),
        idx: [s.indexOf("a", -5), s.indexOf("", 99), s.lastIndexOf("a", 0), s.indexOf("b", 2)].join(","),
      };
    `,
    input: { s: "string" },
    output: { charAt: "string", code: "string", slice: "string", sub: "string", idx: "string" },
    inputs: TEXTS,
  },
  {
    name: "strings/split-edges",
    body: `
      const s = inputs.s;
      return { chars: s.split(""), byA: s.split("a"), none: s.split("zz"), limit: s.split("", 2), whole: s.split("").length };
    `,
    input: { s: "string" },
    output: { chars: "string[]", byA: "string[]", none: "string[]", limit: "string[]", whole: "integer" },
    inputs: TEXTS,
  },
  {
    name: "strings/trim-variants",
    body: "return { a: inputs.s.trimStart(), b: inputs.s.trimEnd(), c: inputs.s.trim().length };",
    input: { s: "string" },
    output: { a: "string", b: "string", c: "integer" },
    inputs: [...TEXTS, { s: "\u00a0\u2003x\ufeff" }],
  },
  {
    name: "strings/compare-and-sort",
    body: `
      const xs = inputs.xs.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return { xs, lt: inputs.xs.map((x) => x < "b") };
    `,
    input: { xs: "string[]" },
    output: { xs: "string[]", lt: "boolean[]" },
    inputs: [{ xs: ["b", "a", "B", "ä", "aa", "", "👍", "\uffff", "Z"] }],
  },
  {
    name: "strings/repeat-pad-concat",
    body: `
      const s = inputs.s;
      return { r: s.repeat(3), p: s.padStart(12, "ab"), e: s.padEnd(12, "👍"), c: s.concat("-", String(1.5)) };
    `,
    input: { s: "string" },
    output: { r: "string", p: "string", e: "string", c: "string" },
    inputs: TEXTS,
  },
  {
    name: "strings/includes-starts-ends",
    body: `
      const s = inputs.s;
      return { a: s.includes(""), b: s.startsWith("a", 0), c: s.endsWith("c", 3), d: s.startsWith("", 99), e: s.includes("👍") };
    `,
    input: { s: "string" },
    output: { a: "boolean", b: "boolean", c: "boolean", d: "boolean", e: "boolean" },
    inputs: TEXTS,
  },
  {
    name: "strings/char-codes-roundtrip",
    body: `
      const codes: number[] = [];
      for (let i = 0; i < inputs.s.length; i++) codes.push(inputs.s.charCodeAt(i));
      return { codes, back: String.fromCharCode(...codes) === inputs.s };
    `,
    input: { s: "string" },
    output: { codes: "integer[]", back: "boolean" },
    inputs: TEXTS,
  },
];
