/**
 * @fileoverview More bodies in the held-out style, aimed at the places where JavaScript and a
 * naive compiler part ways: default sort order of numbers, rounding in toFixed, case mapping
 * beyond ASCII, parsing numbers from text, bit operations, string slicing with odd indexes.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const everyday = cases("everyday");

const NUMS = [
  { xs: [10, 9, 1, 100, 25, -3, 2.5] },
  { xs: [] },
  { xs: [1.005, 2.675, 0.5, 1.5, 2.5, -0.5, -1.5, 1e21, 123.456, 0.000001234] },
  { xs: [-0, 0, 1e308, -1e308, 5e-324, 2147483648, -2147483649, 4294967296.5] },
];
const WORDS = [
  { words: ["Straße", "İstanbul", "ǅemal", "ﬁx", "ΣΑΣ", "naïve"] },
  { words: [] },
  { words: ["b", "a", "B", "A", "ä", "10", "9", ""] },
];
const TEXT = [{ text: "  42px, -3.5e2 , 0x1F, 017, 1_000, , abc, 12abc, Infinity  " }, { text: "" }, { text: "7" }];

export const EVERYDAY_2: readonly OracleCase[] = [
  everyday(
    "default-sort-numbers",
    "const ys = inputs.xs.slice();\nys.sort();\nreturn { ys, rev: inputs.xs.slice().reverse() };",
    { xs: "number[]" },
    { ys: "number[]", rev: "number[]" },
    NUMS,
  ),
  everyday(
    "to-fixed-rounding",
    "return { a: inputs.xs.map((x) => x.toFixed(2)), b: inputs.xs.map((x) => x.toFixed(0)), c: inputs.xs.map((x) => x.toPrecision(3)) };",
    { xs: "number[]" },
    { a: "string[]", b: "string[]", c: "string[]" },
    NUMS,
  ),
  everyday(
    "math-round-family",
    "return { r: inputs.xs.map((x) => Math.round(x)), f: inputs.xs.map(Math.floor), c: inputs.xs.map((x) => Math.ceil(x)), t: inputs.xs.map((x) => Math.trunc(x)), s: inputs.xs.map((x) => Math.sign(x)) };",
    { xs: "number[]" },
    { r: "number[]", f: "number[]", c: "number[]", t: "number[]", s: "number[]" },
    NUMS,
  ),
  everyday(
    "bit-ops",
    "return { or: inputs.xs.map((x) => x | 0), shr: inputs.xs.map((x) => x >>> 1), not: inputs.xs.map((x) => ~x), shl: inputs.xs.map((x) => x << 31) };",
    { xs: "number[]" },
    { or: "number[]", shr: "number[]", not: "number[]", shl: "number[]" },
    NUMS,
  ),
  everyday(
    "remainders",
    "return { m: inputs.xs.map((x) => x % 3), n: inputs.xs.map((x) => -x % 2), d: inputs.xs.map((x) => x / 0), p: inputs.xs.map((x) => x ** 0.5) };",
    { xs: "number[]" },
    { m: "number[]", n: "number[]", d: "number[]", p: "number[]" },
    NUMS,
  ),
  everyday(
    "number-to-string",
    "return { s: inputs.xs.map((x) => String(x)), t: inputs.xs.map((x) => x.toString(2)), h: inputs.xs.map((x) => x.toString(16)), j: inputs.xs.join() };",
    { xs: "number[]" },
    { s: "string[]", t: "string[]", h: "string[]", j: "string" },
    NUMS,
  ),
  everyday(
    "case-mapping",
    "return { up: inputs.words.map((w) => w.toUpperCase()), low: inputs.words.map((w) => w.toLowerCase()), lens: inputs.words.map((w) => w.toUpperCase().length) };",
    { words: "string[]" },
    { up: "string[]", low: "string[]", lens: "integer[]" },
    WORDS,
  ),
  everyday(
    "string-sort-and-compare",
    'const ws = inputs.words.slice().sort();\nreturn { ws, lt: inputs.words.map((w, i) => (i > 0 ? w < inputs.words[i - 1] : false)), max: ws.length ? ws[ws.length - 1] : "" };',
    { words: "string[]" },
    { ws: "string[]", lt: "boolean[]", max: "string" },
    WORDS,
  ),
  everyday(
    "parse-numbers",
    `
    const parts = inputs.text.split(",");
    return {
      ints: parts.map((p) => parseInt(p)),
      floats: parts.map((p) => parseFloat(p)),
      nums: parts.map((p) => Number(p)),
      plus: parts.map((p) => +p.trim()),
      valid: parts.filter((p) => !isNaN(Number(p)) && p.trim() !== "").length,
    };
    `,
    { text: "string" },
    { ints: "number[]", floats: "number[]", nums: "number[]", plus: "number[]", valid: "integer" },
    TEXT,
  ),
  everyday(
    "odd-slicing",
    `
    const t = inputs.text;
    return {
      a: t.substring(5, 2), b: t.slice(-5, -1), c: t.substr(3, 4), d: t.slice(2, 1), e: t.charAt(100), f: t.substring(-3, 4),
      g: t.split("").length, h: t.lastIndexOf(","), i: t.indexOf(",", -5), j: t.split(",", 2).join("|"),
    };
    `,
    { text: "string" },
    {
      a: "string",
      b: "string",
      c: "string",
      d: "string",
      e: "string",
      f: "string",
      g: "integer",
      h: "integer",
      i: "integer",
      j: "string",
    },
    TEXT,
  ),
  everyday(
    "accumulate-floats",
    `
    let total = 0;
    for (const x of inputs.xs) if (isFinite(x)) total += x;
    const avg = inputs.xs.length ? total / inputs.xs.length : 0;
    return { total, avg, text: "total=" + total + " avg=" + avg, neg: -total, cmp: total > avg };
    `,
    { xs: "number[]" },
    { total: "number", avg: "number", text: "string", neg: "number", cmp: "boolean" },
    NUMS,
  ),
  everyday(
    "min-max-index",
    `
    let mi = -1, ma = -1;
    inputs.xs.forEach((x, i) => {
      if (mi < 0 || x < inputs.xs[mi]) mi = i;
      if (ma < 0 || x > inputs.xs[ma]) ma = i;
    });
    return { mi, ma, includesNaN: inputs.xs.includes(NaN), indexNaN: inputs.xs.indexOf(NaN), zero: inputs.xs.indexOf(-0) };
    `,
    { xs: "number[]" },
    { mi: "integer", ma: "integer", includesNaN: "boolean", indexNaN: "integer", zero: "integer" },
    NUMS,
  ),
  everyday(
    "equality-quirks",
    `
    return {
      eq: inputs.xs.map((x) => x === -x),
      self: inputs.xs.map((x) => x !== x),
      isInt: inputs.xs.map((x) => Number.isInteger(x)),
      safe: inputs.xs.map((x) => Number.isSafeInteger(x)),
      big: inputs.xs.map((x) => x * 1e300 * 1e10),
    };
    `,
    { xs: "number[]" },
    { eq: "boolean[]", self: "boolean[]", isInt: "boolean[]", safe: "boolean[]", big: "number[]" },
    NUMS,
  ),
];
