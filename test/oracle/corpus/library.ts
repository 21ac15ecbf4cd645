/**
 * @fileoverview The standard library with JavaScript's results: Array (`flat`, `flatMap`, `fill`,
 * `at`, `findLast`, `toSorted`, `toReversed`, `with`, `copyWithin`, `join` of nested and mixed
 * values, default `sort`), String (`padStart`, `replaceAll`, `split` with a limit,
 * `codePointAt`, `String.fromCodePoint`, positions of `startsWith`/`endsWith`/`includes`), Number
 * and Math (`isInteger`, `toString(radix)`, `clz32`, `imul`, `fround`, `hypot` of n values, `max`
 * and `min` of 0..n values), and `Date` under the `time` capability (ISO strings, `Date.UTC`, UTC
 * getters, arithmetic on timestamps).
 */
import type { Fields } from "../schema.js";
import type { OracleCase } from "../oracle.js";

function lib(
  name: string,
  body: string,
  input: Fields,
  output: Fields,
  inputs: readonly unknown[],
  capabilities?: readonly string[],
): OracleCase {
  return { name: `library/${name}`, body, input, output, inputs, ...(capabilities && { capabilities }) };
}

const XS = [{ xs: [3, 1, 2] }, { xs: [] }, { xs: [-1.5, 0, 2147483647, -0, 10, 1e21, 0.1] }];
const WORDS = [
  { words: ["pear", "apple", "fig", "apple"] },
  { words: [] },
  { words: ["é", "日本", "👍🏽", "", "B", "a"] },
];
const TIME = ["time", "math"];

export const LIBRARY: readonly OracleCase[] = [
  // arrays
  lib(
    "flat-depths",
    "const m = [[1, 2], [inputs.x], []];\nconst deep = [[[1], [2, 3]], [[inputs.x]]];\nreturn { a: m.flat(), b: deep.flat(2), c: deep.flat().length, d: m.flat(0).length, e: deep.flat(5) };",
    { x: "number" },
    { a: "number[]", b: "number[]", c: "integer", d: "integer", e: "number[]" },
    [{ x: 3 }, { x: -0 }],
  ),
  lib(
    "flatMap-arrays-and-values",
    'return { a: inputs.words.flatMap((w) => w.split("")), b: inputs.words.flatMap((w, i) => [i, w.length]), c: inputs.words.flatMap((w) => w.length) };',
    { words: "string[]" },
    { a: "string[]", b: "integer[]", c: "integer[]" },
    WORDS,
  ),
  lib(
    "fill-forms",
    "const a = new Array(inputs.n).fill(0);\nconst b = [1, 2, 3, 4, 5].fill(9, 1, -1);\nconst c = [1, 2, 3].fill(7, -2);\nconst d = new Array<string>(inputs.n).fill('x');\nreturn { a, b, c, d };",
    { n: "integer" },
    { a: "number[]", b: "number[]", c: "number[]", d: "string[]" },
    [{ n: 3 }, { n: 0 }],
  ),
  lib(
    "toSorted-toReversed-with",
    "const xs = inputs.xs;\nconst s = xs.toSorted((a, b) => a - b);\nconst t = xs.toSorted();\nconst r = xs.toReversed();\nconst w = xs.length > 0 ? xs.with(-1, 100) : [];\nreturn { xs, s, t, r, w };",
    { xs: "number[]" },
    { xs: "number[]", s: "number[]", t: "number[]", r: "number[]", w: "number[]" },
    XS,
  ),
  lib(
    "with-out-of-range-throws",
    "return { w: inputs.xs.with(inputs.i, 0) };",
    { xs: "number[]", i: "number" },
    { w: "number[]" },
    [
      { xs: [1, 2], i: 1 },
      { xs: [1, 2], i: 2 },
      { xs: [1, 2], i: -3 },
      { xs: [1, 2], i: 1.9 },
    ],
  ),
  lib(
    "copyWithin",
    "const a = [1, 2, 3, 4, 5];\na.copyWithin(0, 3);\nconst b = [1, 2, 3, 4, 5].copyWithin(1, 0, 3);\nconst c = [1, 2, 3, 4, 5].copyWithin(-2, -3, -1);\nreturn { a, b, c };",
    {},
    { a: "number[]", b: "number[]", c: "number[]" },
    [{}],
  ),
  lib(
    "reverse-and-default-sort",
    "const w = [...inputs.words];\nw.reverse();\nconst n = [10, 9, 1, -1, 100, 0.5, -0];\nn.sort();\nconst b = [true, false, true];\nb.sort();\nreturn { w, n, b, s: [...inputs.words].sort() };",
    { words: "string[]" },
    { w: "string[]", n: "number[]", b: "boolean[]", s: "string[]" },
    WORDS,
  ),
  lib(
    "findLast-at",
    "const xs = inputs.xs;\nreturn { a: xs.findLast((x) => x > 1) ?? -1, b: xs.findLastIndex((x) => x > 1), c: xs.at(-1) ?? -1, d: xs.at(-100) ?? -1, e: xs.at(1.7) ?? -1 };",
    { xs: "number[]" },
    { a: "number", b: "integer", c: "number", d: "number", e: "number" },
    XS,
  ),
  lib(
    "join-nested-and-mixed",
    'const nested = [[1, 2], [3], []];\nreturn { a: nested.join(";"), b: nested.join(), c: [inputs.x, "of", 10].join(" "), d: [1, [2, [3, 4]]].join("|"), e: [true, 1, "x"].join() };',
    { x: "number" },
    { a: "string", b: "string", c: "string", d: "string", e: "string" },
    [{ x: 1 }, { x: -0 }, { x: 0.1 }],
  ),
  lib(
    "join-default-separator",
    "return { s: inputs.xs.join(), w: inputs.words.join(), e: [].join() };",
    { xs: "number[]", words: "string[]" },
    { s: "string", w: "string", e: "string" },
    [
      { xs: [1, 2.5, -0], words: ["a", "", "b"] },
      { xs: [], words: [] },
    ],
  ),
  // strings
  lib(
    "string-common-set",
    'const s = inputs.s;\nreturn { a: s.padStart(8, "-="), b: s.padEnd(3), c: s.replaceAll("a", "$&$&"), d: s.at(-1) ?? "", e: s.split("a", 2), f: s.startsWith("b", 1), g: s.endsWith("a", 3), h: s.includes("an", 2), i: s.trimStart(), j: s.trimEnd(), k: s.concat("!", "?"), l: s.split("") };',
    { s: "string" },
    {
      a: "string",
      b: "string",
      c: "string",
      d: "string",
      e: "string[]",
      f: "boolean",
      g: "boolean",
      h: "boolean",
      i: "string",
      j: "string",
      k: "string",
      l: "string[]",
    },
    [{ s: "banana" }, { s: "" }, { s: "  a👍🏽a  " }, { s: "\ufeffabc\u00a0" }],
  ),
  lib(
    "code-points",
    "const s = inputs.s;\nconst cps: number[] = [];\nfor (const ch of s) cps.push(ch.codePointAt(0) ?? -1);\nreturn { cps, back: String.fromCodePoint(...cps), one: String.fromCodePoint(0x1f44d, 97), at1: s.codePointAt(1) ?? -1 };",
    { s: "string" },
    { cps: "integer[]", back: "string", one: "string", at1: "integer" },
    [{ s: "a👍🏽é" }, { s: "" }, { s: "\ud800x" }],
  ),
  lib(
    "fromCodePoint-invalid-throws",
    "return { s: String.fromCodePoint(inputs.n) };",
    { n: "number" },
    { s: "string" },
    [{ n: 65 }, { n: -1 }, { n: 1.5 }, { n: 0x110000 }, { n: 0x10ffff }],
  ),
  lib(
    "split-without-separator-and-limits",
    'return { a: inputs.s.split(), b: inputs.s.split(",", 0), c: inputs.s.split(",", -1), d: inputs.s.split(",", 1.5) };',
    { s: "string" },
    { a: "string[]", b: "string[]", c: "string[]", d: "string[]" },
    [{ s: "a,b,c" }, { s: "" }],
  ),
  // numbers and Math
  lib(
    "number-predicates-and-parsing",
    'const x = inputs.x;\nreturn { i: Number.isInteger(x), s: Number.isSafeInteger(x), f: Number.isFinite(x), p: Number.parseFloat("3.5e2abc"), q: Number.parseInt("0x1F"), r: parseInt("101", 2), t: x.toString(2), u: x.toString(36), v: (255).toString(16) };',
    { x: "number" },
    {
      i: "boolean",
      s: "boolean",
      f: "boolean",
      p: "number",
      q: "number",
      r: "number",
      t: "string",
      u: "string",
      v: "string",
    },
    [{ x: 10 }, { x: -0.5 }, { x: 2 ** 53 + 2 }, { x: 1e21 }, { x: 2 ** 53 - 1 }],
  ),
  lib(
    "math-integer-ops",
    "const x = inputs.x;\nreturn { c: Math.clz32(x), i: Math.imul(x, 3), j: Math.imul(x, x), f: String(Math.fround(x)), s: Math.sign(x), t: Math.trunc(x), cb: Math.cbrt(x), n: [Math.clz32(NaN), Math.imul(NaN, 1), Math.clz32(-Infinity)].join() };",
    { x: "number" },
    { c: "number", i: "number", j: "number", f: "string", s: "number", t: "number", cb: "number", n: "string" },
    [{ x: 1 }, { x: 0 }, { x: -1 }, { x: 4294967296 }, { x: 2147483647.5 }, { x: 0.1 }, { x: -0 }, { x: 1e300 }],
  ),
  lib(
    "math-hypot-n-args",
    "const [a, b, c] = [inputs.a, inputs.b, inputs.c];\nreturn { h0: Math.hypot(), h1: Math.hypot(a), h2: Math.hypot(a, b), h3: Math.hypot(a, b, c), h4: Math.hypot(a, b, c, 1e-300) };",
    { a: "number", b: "number", c: "number" },
    { h0: "number", h1: "number", h2: "number", h3: "number", h4: "number" },
    [
      { a: 3, b: 4, c: 12 },
      { a: -0, b: 0, c: 0 },
      { a: 1e200, b: 1e200, c: 1 },
      { a: 0.1, b: 0.2, c: 0.3 },
      { a: 1e-200, b: 3e-200, c: 5e-201 },
    ],
  ),
  lib(
    "math-max-min-counts",
    "const xs = inputs.xs;\nreturn { a: Math.max(), b: Math.min(), c: Math.max(...xs), d: Math.min(...xs), e: Math.max(1, inputs.y), f: Math.min(inputs.y, -0, 0) };",
    { xs: "number[]", y: "number" },
    { a: "number", b: "number", c: "number", d: "number", e: "number", f: "number" },
    [
      { xs: [3, 1, 2], y: 0 },
      { xs: [], y: -0 },
      { xs: [-0, 0], y: 5 },
    ],
  ),
  // Date (time capability)
  lib(
    "date-iso-roundtrip",
    "const d = new Date(inputs.iso);\nconst t = d.getTime();\nreturn { t, iso: new Date(t).toISOString(), y: d.getUTCFullYear(), mo: d.getUTCMonth(), da: d.getUTCDate(), wd: d.getUTCDay(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), p: Date.parse(inputs.iso) };",
    { iso: "string" },
    {
      t: "number",
      iso: "string",
      y: "number",
      mo: "number",
      da: "number",
      wd: "number",
      h: "number",
      mi: "number",
      s: "number",
      ms: "number",
      p: "number",
    },
    [
      { iso: "2024-02-28T12:00:00.000Z" },
      { iso: "2024-02-29" },
      { iso: "2024-02-30" },
      { iso: "1969-12-31T23:59:59.999Z" },
      { iso: "2024-01-01T12:00:00+05:30" },
      { iso: "2024-01-01T12:00" },
      { iso: "2024" },
      { iso: "2024-07" },
      { iso: "2024-01-01T24:00:00Z" },
      { iso: "+010000-01-01T00:00:00Z" },
      { iso: "-000001-06-15T08:30:00.5Z" },
      { iso: "0000-01-01" },
      { iso: "0099-06-01T00:00:00Z" },
      { iso: "2024-02-29T23:59:59.9999999Z" },
      { iso: "-271821-04-20T00:00:00Z" },
      { iso: "+275760-09-13T00:00:00Z" },
      { iso: "2024Z" },
      { iso: "2024-01-01T00:00:00.000-00:00" },
    ],
    TIME,
  ),
  lib(
    "date-invalid-iso-is-nan",
    "const t = Date.parse(inputs.iso);\nreturn { nan: Number.isNaN(t), v: String(new Date(inputs.iso).getTime()), y: String(new Date(inputs.iso).getUTCFullYear()) };",
    { iso: "string" },
    { nan: "boolean", v: "string", y: "string" },
    [
      { iso: "2024-13-01" },
      { iso: "2024-00-10" },
      { iso: "2024-01-00" },
      { iso: "2024-01-01T24:00:01Z" },
      { iso: "2024-01-01T12:60:00Z" },
      { iso: "2024-01-01T12:00:60Z" },
      { iso: "2024-01-01T12:00:00+24:00" },
      { iso: "-271821-04-19T23:59:59.999Z" },
      { iso: "+275760-09-13T00:00:00.001Z" },
    ],
    TIME,
  ),
  lib(
    "date-toISOString-of-invalid-throws",
    "return { s: new Date(inputs.t).toISOString() };",
    { t: "number" },
    { s: "string" },
    [{ t: 0 }, { t: 8.64e15 }, { t: 8.64e15 + 1 }, { t: -62198755200000 }, { t: 1.5 }],
    TIME,
  ),
  lib(
    "date-utc-and-arithmetic",
    "const a = Date.UTC(inputs.y, inputs.m, inputs.d);\nconst b = Date.UTC(inputs.y, inputs.m + 1, 0, 23, 59, 59, 999);\nconst d1 = new Date(a);\nconst d2 = new Date(b);\nconst days = Math.floor((d2.getTime() - d1.getTime()) / 86400000);\nreturn { a: String(a), b: String(b), days: String(days), iso: Number.isNaN(b) ? '-' : d2.toISOString(), y2: Date.UTC(inputs.y), short: Date.UTC(99, 0), odd: String(Date.UTC(inputs.y, NaN)) + Date.UTC(inputs.y, 0, 1, 0, 0, 0, 0.9) };",
    { y: "number", m: "number", d: "number" },
    { a: "string", b: "string", days: "string", iso: "string", y2: "number", short: "number", odd: "string" },
    [
      { y: 2024, m: 1, d: 1 },
      { y: 2023, m: 1, d: 29 },
      { y: 2024, m: -1, d: 31 },
      { y: 2024, m: 13, d: 1.9 },
      { y: 1900, m: 0, d: 1 },
      { y: -5, m: 6, d: 15 },
      { y: 275760, m: 8, d: 13 },
    ],
    TIME,
  ),
  lib(
    "date-copy-and-valueOf",
    "const d = new Date(inputs.iso);\nconst e = new Date(d);\nreturn { same: e.getTime() === d.valueOf(), iso: e.toISOString(), now: new Date().getTime() > 0 && Date.now() > 0 };",
    { iso: "string" },
    { same: "boolean", iso: "string", now: "boolean" },
    [{ iso: "2024-03-10T01:02:03.004Z" }],
    TIME,
  ),
  lib(
    "date-local-time-refused",
    "const d = new Date(inputs.iso);\nreturn { h: d.getHours(), local: new Date(2024, 0, 1).getTime() };",
    { iso: "string" },
    { h: "number", local: "number" },
    [{ iso: "2024-01-01T10:00:00Z" }],
    TIME,
  ),
];
