/**
 * @fileoverview Text processing as developers write it: word counts, capitalisation, slugs,
 * truncation, padding, initials, case conversion, wrapping; on empty and unicode strings
 * (accents, CJK, emoji with surrogate pairs and modifiers).
 */
import type { OracleCase } from "../oracle.js";

/** Strings that stress text handling. */
export const TEXTS: readonly { text: string }[] = [
  { text: "the quick brown fox jumps over the lazy dog" },
  { text: "" },
  { text: "   Hello,   World!  " },
  { text: "héllo wörld ÉCOLE" },
  { text: "日本語 のテキスト" },
  { text: "thumbs 👍🏽 up 🎉 party" },
  { text: "one\ttwo\nthree  four" },
  { text: "a" },
  { text: "Ünïcödé-and_under_scores 42 times" },
];

export const TEXT: readonly OracleCase[] = [
  {
    name: "text/word-count",
    body: `
      const words = inputs.text.split(" ").filter((w) => w.length > 0);
      return { count: words.length };
    `,
    input: { text: "string" },
    output: { count: "integer" },
    inputs: TEXTS,
  },
  {
    name: "text/word-frequencies",
    body: `
      const freq: Record<string, number> = {};
      for (const w of inputs.text.toLowerCase().split(/\\s+/)) {
        if (w === "") continue;
        freq[w] = (freq[w] || 0) + 1;
      }
      const top = Object.keys(freq).sort((a, b) => freq[b] - freq[a] || (a < b ? -1 : a > b ? 1 : 0));
      return { top: top.slice(0, 3), distinct: top.length };
    `,
    input: { text: "string" },
    output: { top: "string[]", distinct: "integer" },
    inputs: TEXTS,
  },
  {
    name: "text/longest-word",
    body: `
      let longest = "";
      for (const w of inputs.text.split(" ")) if (w.length > longest.length) longest = w;
      return { longest, length: longest.length };
    `,
    input: { text: "string" },
    output: { longest: "string", length: "integer" },
    inputs: TEXTS,
  },
  {
    name: "text/capitalise-words",
    body: `
      const out = inputs.text
        .split(" ")
        .map((w) => (w.length > 0 ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
        .join(" ");
      return { out };
    `,
    input: { text: "string" },
    output: { out: "string" },
    inputs: TEXTS,
  },
  {
    name: "text/capitalise-with-charAt",
    body: `
      const t = inputs.text.trim();
      return { out: t.charAt(0).toUpperCase() + t.substring(1) };
    `,
    input: { text: "string" },
    output: { out: "string" },
    inputs: TEXTS,
  },
  {
    name: "text/slugify",
    body: `
      const slug = inputs.text
        .toLowerCase()
        .trim()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
      return { slug };
    `,
    input: { text: "string" },
    output: { slug: "string" },
    inputs: TEXTS,
  },
  {
    name: "text/slugify-with-loop",
    body: `
      const lower = inputs.text.toLowerCase();
      let slug = "";
      let dash = false;
      for (let i = 0; i < lower.length; i++) {
        const c = lower[i];
        const ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9");
        if (ok) {
          if (dash && slug.length > 0) slug += "-";
          slug += c;
          dash = false;
        } else {
          dash = true;
        }
      }
      return { slug };
    `,
    input: { text: "string" },
    output: { slug: "string" },
    inputs: TEXTS,
  },
  {
    name: "text/truncate-with-ellipsis",
    body: `
      const max = inputs.max;
      const t = inputs.text;
      const out = t.length <= max ? t : t.slice(0, Math.max(0, max - 1)) + "…";
      return { out, cut: t.length > max };
    `,
    input: { text: "string", max: "integer" },
    output: { out: "string", cut: "boolean" },
    inputs: [
      { text: "the quick brown fox", max: 10 },
      { text: "short", max: 10 },
      { text: "", max: 0 },
      { text: "thumbs 👍🏽 up", max: 9 },
      { text: "abc", max: 0 },
    ],
  },
  {
    name: "text/truncate-at-word",
    body: `
      const words = inputs.text.split(" ");
      let out = "";
      for (const w of words) {
        const next = out === "" ? w : out + " " + w;
        if (next.length > inputs.max) break;
        out = next;
      }
      return { out };
    `,
    input: { text: "string", max: "integer" },
    output: { out: "string" },
    inputs: [
      { text: "the quick brown fox", max: 10 },
      { text: "supercalifragilistic word", max: 5 },
      { text: "", max: 3 },
    ],
  },
  {
    name: "text/pad-table",
    body: `
      const lines: string[] = [];
      for (const r of inputs.rows) lines.push(r.name.padEnd(8, ".") + String(r.qty).padStart(5, " "));
      return { table: lines.join("\\n") };
    `,
    input: { rows: [{ name: "string", qty: "number" }] },
    output: { table: "string" },
    inputs: [
      {
        rows: [
          { name: "apple", qty: 3 },
          { name: "kiwi", qty: 12.5 },
        ],
      },
      { rows: [] },
      {
        rows: [
          { name: "averyveryverylongname", qty: -0 },
          { name: "é", qty: 1e21 },
        ],
      },
    ],
  },
  {
    name: "text/pad-manually",
    body: `
      let s = String(inputs.n);
      while (s.length < inputs.width) s = "0" + s;
      return { s };
    `,
    input: { n: "integer", width: "integer" },
    output: { s: "string" },
    inputs: [
      { n: 42, width: 5 },
      { n: -7, width: 4 },
      { n: 123456, width: 3 },
      { n: 2147483647, width: 12 },
    ],
  },
  {
    name: "text/initials",
    body: `
      const parts = inputs.name.trim().split(" ").filter((p) => p !== "");
      let initials = "";
      for (const p of parts) initials += p[0].toUpperCase();
      return { initials };
    `,
    input: { name: "string" },
    output: { initials: "string" },
    inputs: [
      { name: "ada lovelace" },
      { name: "  grace  brewster murray hopper " },
      { name: "" },
      { name: "émile zola" },
    ],
  },
  {
    name: "text/camel-to-snake",
    body: `
      let out = "";
      for (const ch of inputs.text) {
        if (ch >= "A" && ch <= "Z") out += (out.length > 0 ? "_" : "") + ch.toLowerCase();
        else out += ch;
      }
      return { out };
    `,
    input: { text: "string" },
    output: { out: "string" },
    inputs: [{ text: "camelCaseString" }, { text: "HTTPServer" }, { text: "" }, { text: "already_snake" }],
  },
  {
    name: "text/snake-to-camel",
    body: `
      const parts = inputs.text.split("_");
      const out = parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join("");
      return { out };
    `,
    input: { text: "string" },
    output: { out: "string" },
    inputs: [{ text: "snake_case_string" }, { text: "" }, { text: "_leading" }, { text: "a__b" }],
  },
  {
    name: "text/count-vowels",
    body: `
      let vowels = 0;
      let others = 0;
      for (const c of inputs.text.toLowerCase()) {
        if ("aeiou".includes(c)) vowels++;
        else if (c !== " ") others++;
      }
      return { vowels, others };
    `,
    input: { text: "string" },
    output: { vowels: "integer", others: "integer" },
    inputs: TEXTS,
  },
  {
    name: "text/palindrome",
    body: `
      const clean = inputs.text.toLowerCase().split("").filter((c) => c !== " ").join("");
      const reversed = clean.split("").reverse().join("");
      return { palindrome: clean === reversed, reversed };
    `,
    input: { text: "string" },
    output: { palindrome: "boolean", reversed: "string" },
    inputs: [{ text: "A man a plan a canal Panama" }, { text: "" }, { text: "abc" }, { text: "été" }],
  },
  {
    name: "text/reverse-words",
    body: `
      return { out: inputs.text.split(" ").reverse().join(" ") };
    `,
    input: { text: "string" },
    output: { out: "string" },
    inputs: TEXTS,
  },
  {
    name: "text/wrap-lines",
    body: `
      const lines: string[] = [];
      let line = "";
      for (const word of inputs.text.split(" ")) {
        if (word === "") continue;
        if (line.length > 0 && line.length + 1 + word.length > inputs.width) {
          lines.push(line);
          line = word;
        } else {
          line = line.length > 0 ? \`\${line} \${word}\` : word;
        }
      }
      if (line.length > 0) lines.push(line);
      return { lines, count: lines.length };
    `,
    input: { text: "string", width: "integer" },
    output: { lines: "string[]", count: "integer" },
    inputs: [
      { text: "the quick brown fox jumps over the lazy dog", width: 10 },
      { text: "", width: 10 },
      { text: "tiny", width: 1 },
    ],
  },
  {
    name: "text/lengths-and-units",
    body: `
      const t = inputs.text;
      return {
        length: t.length,
        upper: t.toUpperCase(),
        lower: t.toLowerCase(),
        first: t.length > 0 ? t.charCodeAt(0) : -1,
        trimmed: t.trim().length,
      };
    `,
    input: { text: "string" },
    output: { length: "integer", upper: "string", lower: "string", first: "integer", trimmed: "integer" },
    inputs: TEXTS,
  },
  {
    name: "text/index-of-and-includes",
    body: `
      const t = inputs.text;
      const n = inputs.needle;
      return { at: t.indexOf(n), last: t.lastIndexOf(n), has: t.includes(n), starts: t.startsWith(n), ends: t.endsWith(n) };
    `,
    input: { text: "string", needle: "string" },
    output: { at: "integer", last: "integer", has: "boolean", starts: "boolean", ends: "boolean" },
    inputs: [
      { text: "banana", needle: "an" },
      { text: "banana", needle: "" },
      { text: "", needle: "x" },
      { text: "日本語", needle: "語" },
    ],
  },
  {
    name: "text/csv-line",
    body: `
      const cells = inputs.line.split(",").map((c) => c.trim());
      const numbers = cells.map((c) => Number(c)).filter((n) => !isNaN(n));
      return { cells, numbers, sum: numbers.reduce((a, b) => a + b, 0) };
    `,
    input: { line: "string" },
    output: { cells: "string[]", numbers: "number[]", sum: "number" },
    inputs: [{ line: "a, 1, 2.5 ,b,-3" }, { line: "" }, { line: "1e3,0x10, ,Infinity" }, { line: ",,," }],
  },
  {
    name: "text/repeat-and-join",
    body: `
      const bar = "#".repeat(inputs.n) + "-".repeat(Math.max(0, 10 - inputs.n));
      return { bar, label: [inputs.n, "of", 10].join(" ") };
    `,
    input: { n: "integer" },
    output: { bar: "string", label: "string" },
    inputs: [{ n: 0 }, { n: 3 }, { n: 10 }, { n: 12 }],
  },
  {
    name: "text/template-greeting",
    body: `
      const name = inputs.name.trim() || "there";
      const greeting = \`Hello, \${name}! You have \${inputs.count} new \${inputs.count === 1 ? "message" : "messages"}.\`;
      return { greeting };
    `,
    input: { name: "string", count: "integer" },
    output: { greeting: "string" },
    inputs: [
      { name: "Ada", count: 1 },
      { name: "  ", count: 0 },
      { name: "Zoë", count: 2147483647 },
    ],
  },
  {
    name: "text/multi-line-template",
    body: [
      "const lines = inputs.items.map((x, i) => `${i + 1}. ${x}`);",
      "const prompt = `Summarise:",
      '${lines.join("\\n")}',
      "  indented line",
      "Answer briefly.`;",
      "return { prompt };",
    ].join("\n"),
    input: { items: "string[]" },
    output: { prompt: "string" },
    inputs: [{ items: ["first", "second"] }, { items: [] }],
  },
];
