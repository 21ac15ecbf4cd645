/**
 * @fileoverview Text built in one pass (support/text.ts): `join` of strings, numbers, booleans and
 * nested arrays, `split` by a direct scan, `padStart`/`padEnd`, `replaceAll` with `$` patterns,
 * `toLowerCase` with final sigma, `String.fromCodePoint`, `JSON.stringify`/`JSON.parse` of long
 * and escaped text; long inputs, empty strings, surrogates, separators at the ends and repeated.
 */
import type { OracleCase } from "../oracle.js";

const LONG = Array.from({ length: 3000 }, (_, i) => ["a", "bb", "", "ccc", "👍", "d e"][i % 6]!).join(" ");
const SPLIT_TEXTS = [
  { s: "", sep: " " },
  { s: " ", sep: " " },
  { s: "  a  b  ", sep: " " },
  { s: "a,b,,c,", sep: "," },
  { s: ",,,", sep: "," },
  { s: "aab aab ab", sep: "ab" },
  { s: "abababab", sep: "aba" },
  { s: "x👍y👍👍z", sep: "👍" },
  { s: "x👍y", sep: "\ud83d" },
  { s: "no separator here", sep: "zz" },
  { s: "same", sep: "same" },
  { s: "ab", sep: "abc" },
  { s: LONG, sep: " " },
  { s: LONG, sep: "👍" },
];

export const TEXT_BUILD: readonly OracleCase[] = [
  {
    name: "text-build/split-scan",
    body: `
      const parts = inputs.s.split(inputs.sep);
      return { parts, n: parts.length, two: inputs.s.split(inputs.sep, 2), zero: inputs.s.split(inputs.sep, 0).length };
    `,
    input: { s: "string", sep: "string" },
    output: { parts: "string[]", n: "integer", two: "string[]", zero: "integer" },
    inputs: SPLIT_TEXTS,
  },
  {
    name: "text-build/join-strings",
    body: `
      const xs = inputs.xs;
      return { a: xs.join(), b: xs.join(""), c: xs.join(" | "), d: xs.join("👍"), n: xs.join("--").length };
    `,
    input: { xs: "string[]" },
    output: { a: "string", b: "string", c: "string", d: "string", n: "integer" },
    inputs: [
      { xs: [] },
      { xs: [""] },
      { xs: ["", ""] },
      { xs: ["only"] },
      { xs: ["a", "", "b", "", ""] },
      { xs: ["\ud83d", "\ude00", "é", "e\u0301"] },
      { xs: LONG.split(" ") },
    ],
  },
  {
    name: "text-build/join-numbers-and-booleans",
    body: `
      const ys: number[] = [];
      for (let i = 0; i < inputs.n; i++) ys.push(i % 7 === 0 ? -i : i * 1.25);
      const xs = inputs.xs.slice();
      if (inputs.n > 1) xs.push(inputs.n / 0, -inputs.n / 0, 0 / inputs.n - 0 / 0);
      return {
        a: xs.join(),
        b: xs.join(" "),
        c: [xs, "end"].join("|"),
        d: [inputs.flags, 1].join(" "),
        e: inputs.flags.join("/"),
        long: ys.join(",").length,
        tail: ys.join(";").slice(-40),
      };
    `,
    input: { xs: "number[]", flags: "boolean[]", n: "integer" },
    output: { a: "string", b: "string", c: "string", d: "string", e: "string", long: "integer", tail: "string" },
    inputs: [
      { xs: [], flags: [], n: 0 },
      {
        xs: [0, -0, 1, -1, 0.5, 255, 256, 2147483647, 2147483648, -2147483648, 1e21, 1e-7, 123456789.125],
        flags: [true, false],
        n: 5,
      },
      { xs: [4294967295, 9007199254740992, -1e-300], flags: [false], n: 2000 },
    ],
  },
  {
    name: "text-build/join-nested",
    body: `
      const grid: number[][] = [];
      for (let i = 0; i < inputs.n; i++) grid.push([i, -i, i / 4]);
      const words: string[][] = [["a", "b"], [], [""], ["c"]];
      return { g: grid.join().length, head: grid.join(" ").slice(0, 30), w: words.join(), j: words.join(";") };
    `,
    input: { n: "integer" },
    output: { g: "integer", head: "string", w: "string", j: "string" },
    inputs: [{ n: 0 }, { n: 1 }, { n: 1500 }],
  },
  {
    name: "text-build/pad",
    body: `
      const s = inputs.s;
      return {
        a: s.padStart(inputs.n, inputs.fill),
        b: s.padEnd(inputs.n, inputs.fill),
        c: s.padStart(inputs.n),
        d: s.padEnd(inputs.n + 0.7, inputs.fill).length,
      };
    `,
    input: { s: "string", n: "number", fill: "string" },
    output: { a: "string", b: "string", c: "string", d: "integer" },
    inputs: [
      { s: "", n: 0, fill: "x" },
      { s: "abc", n: 2, fill: "x" },
      { s: "abc", n: 10, fill: "" },
      { s: "abc", n: 10, fill: "12345" },
      { s: "7", n: 3, fill: "0" },
      { s: "👍", n: 7, fill: "👍a" },
      { s: "z", n: 5000, fill: "abc" },
    ],
  },
  {
    name: "text-build/replace-all-patterns",
    body: `
      const s = inputs.s;
      return {
        a: s.replaceAll(inputs.find, inputs.rep),
        b: s.replace(inputs.find, inputs.rep),
        c: s.replaceAll(inputs.find, "[$&|$$|$\`|$']"),
        d: s.replaceAll("", "."),
        n: s.replaceAll(inputs.find, inputs.rep + inputs.rep).length,
      };
    `,
    input: { s: "string", find: "string", rep: "string" },
    output: { a: "string", b: "string", c: "string", d: "string", n: "integer" },
    inputs: [
      { s: "", find: "a", rep: "b" },
      { s: "aaa", find: "a", rep: "" },
      { s: "a-b-c-", find: "-", rep: "+$&+" },
      { s: "xyz", find: "q", rep: "r" },
      { s: "👍a👍", find: "👍", rep: "$1$" },
      { s: "abcabc", find: "", rep: "_" },
      { s: LONG.slice(0, 2000), find: " ", rep: ", " },
    ],
  },
  {
    name: "text-build/lower-sigma-and-code-points",
    body: `
      return {
        low: inputs.s.toLowerCase(),
        cps: String.fromCodePoint(...inputs.cps),
        n: String.fromCodePoint(...inputs.cps).length,
      };
    `,
    input: { s: "string", cps: "number[]" },
    output: { low: "string", cps: "string", n: "integer" },
    inputs: [
      { s: "ΣΑΣ ΟΔΟΣ Σ", cps: [] },
      { s: "AΣ.Σb ΣΣ x", cps: [65, 0x1f44d, 0, 0xffff, 0x10ffff] },
      { s: `${"Σ".repeat(500)} ΑΣ`, cps: Array.from({ length: 2000 }, (_, i) => 0x1f300 + (i % 50)) },
    ],
  },
  {
    name: "text-build/json-long-and-escaped",
    capabilities: ["json"],
    body: `
      const records: { id: number; name: string; tags: string[]; grid: number[][] }[] = [];
      for (let i = 0; i < inputs.n; i++) {
        records.push({ id: i - 3, name: inputs.names[i % inputs.names.length], tags: i % 2 === 0 ? [] : ["t" + i, ""], grid: [[i], [], [i / 8, -i]] });
      }
      const text = JSON.stringify(records);
      const pretty = JSON.stringify(records.slice(0, 3), null, 2);
      const back = JSON.parse(text);
      const again = JSON.stringify(back);
      return { n: text.length, same: again === text, head: text.slice(0, 200), tail: text.slice(-120), pretty };
    `,
    input: { n: "integer", names: "string[]" },
    output: { n: "integer", same: "boolean", head: "string", tail: "string", pretty: "string" },
    inputs: [
      { n: 0, names: ["x"] },
      {
        n: 3,
        names: [
          'quote " back \\ slash',
          "tab\tnew\nline\r",
          "ctl \u0001\u001f\u007f",
          "lone \ud800 \udc00 pair 👍",
          "",
        ],
      },
      { n: 1200, names: ["plain", "é", "\u2028\u2029", '"', "</script>"] },
    ],
  },
  {
    name: "text-build/json-parse-escapes",
    capabilities: ["json"],
    body: `
      const v = JSON.parse(inputs.text);
      return { s: JSON.stringify(v), t: typeof v };
    `,
    input: { text: "string" },
    output: { s: "string", t: "string" },
    inputs: [
      { text: '"a\\u0041\\n\\"\\\\\\/\\b\\f\\r\\t\\ud83d\\ude00\\ud800z"' },
      { text: '["", "\\u00e9", [[], [[]]], {"a\\"b": "\\\\"}]' },
      { text: JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ [`k${i}`]: `v\n${i}` }))) },
    ],
  },
  {
    name: "text-build/template-literals",
    body: `
      const s = inputs.s;
      const n = inputs.n;
      const parts: string[] = [];
      for (let i = 0; i < 3; i++) parts.push(\`\${i}:\${s}\`);
      return {
        three: \`\${s}-\${n}\`,
        four: \`<\${s}|\${n}>\`,
        many: \`a\${s}b\${n}c\${s.length}d\${n / 3}e\${s}\`,
        empty: \`\${""}\${s}\${""}\`,
        nested: \`[\${\`(\${s}\${n})\`}]\`,
        list: parts.join(";"),
        long: \`\${s.repeat(50)}/\${n}/\${s.repeat(50)}\`.length,
      };
    `,
    input: { s: "string", n: "number" },
    output: {
      three: "string",
      four: "string",
      many: "string",
      empty: "string",
      nested: "string",
      list: "string",
      long: "integer",
    },
    inputs: [
      { s: "", n: 0 },
      { s: "x", n: -0.5 },
      { s: "👍é\ud800", n: 1e21 },
      { s: "abc", n: 123456789 },
    ],
  },
  {
    name: "text-build/json-parse-names",
    capabilities: ["json"],
    body: `
      const v = JSON.parse(inputs.text);
      const again = JSON.stringify(v);
      return { s: again, n: again.length };
    `,
    input: { text: "string" },
    output: { s: "string", n: "integer" },
    inputs: [
      { text: '{"ab":1,"ba":2,"ab":3}' },
      { text: '{"ab":1,"a\\u0062":2,"b":{"ab":4,"ba":5}}' },
      { text: '{"2":1,"10":2,"1":3,"x":4,"2":5,"":6,"\\"":7}' },
      { text: JSON.stringify(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i % 37}`, i]))) },
      { text: JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: i, [`n${i % 9}`]: i, id2: -i }))) },
    ],
  },
];
