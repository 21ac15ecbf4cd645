/**
 * @fileoverview Unicode property escapes (`\p{L}`, `\P{...}`, `\p{Script=...}`, in classes, with
 * `i`), and the forms next to them that everyday bodies write: `switch (true)`, `Array(n)`,
 * iterating `s.match(re) ?? []`, a Record returned as `any`.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const up = cases("uprop");

const TEXTS = [
  { s: "Hello, Wörld! Ελληνικά 123 ٣٤ 漢字 ǅ 👍🏽 café — naïve; ÉCOLE_2 ß ﬁ" },
  { s: "" },
  { s: "\ud800 lone \udfff surrogates \ud83d and 𝒜𝒷𝒸 math ℌ 🇫🇷" },
  { s: "ALL CAPS and lower and Title Case İstanbul" },
];
const S = { s: "string" } as const;

export const UNICODE_PROPERTIES: readonly OracleCase[] = [
  up(
    "letters-numbers-words",
    [
      "const words = inputs.s.match(/[\\p{L}\\p{N}_]+/gu) ?? [];",
      "const letters = (inputs.s.match(/\\p{L}/gu) ?? []).length;",
      "const digits = [...inputs.s.matchAll(/\\p{Nd}+/gu)].map((m) => m[0]);",
      "return { words, letters, digits };",
    ].join("\n"),
    S,
    { words: "string[]", letters: "integer", digits: "string[]" },
    TEXTS,
  ),
  up(
    "not-letters-split",
    [
      "const parts = inputs.s.split(/\\P{L}+/u).filter((p) => p.length > 0);",
      'const cleaned = inputs.s.replace(/[^\\p{L}\\p{N}\\s]/gu, "");',
      "return { parts, cleaned };",
    ].join("\n"),
    S,
    { parts: "string[]", cleaned: "string" },
    TEXTS,
  ),
  up(
    "case-categories",
    [
      'const upper = (inputs.s.match(/\\p{Lu}/gu) ?? []).join("");',
      "const lower = (inputs.s.match(/\\p{Ll}/gu) ?? []).length;",
      "const title = /\\p{Lt}/u.test(inputs.s);",
      "const upperI = (inputs.s.match(/\\p{Lu}/giu) ?? []).length;",
      "const notUpperI = (inputs.s.match(/\\P{Lu}/giu) ?? []).length;",
      "return { upper, lower, title, upperI, notUpperI };",
    ].join("\n"),
    S,
    { upper: "string", lower: "integer", title: "boolean", upperI: "integer", notUpperI: "integer" },
    TEXTS,
  ),
  up(
    "scripts-and-emoji",
    [
      "const greek = inputs.s.match(/\\p{Script=Greek}+/gu) ?? [];",
      "const han = /\\p{sc=Han}/u.test(inputs.s);",
      "const emoji = [...inputs.s.matchAll(/\\p{Extended_Pictographic}/gu)].length;",
      'const punct = inputs.s.replace(/\\p{P}/gu, "·");',
      'const marks = (inputs.s.normalize("NFD").match(/\\p{M}/gu) ?? []).length;',
      "return { greek, han, emoji, punct, marks };",
    ].join("\n"),
    S,
    { greek: "string[]", han: "boolean", emoji: "integer", punct: "string", marks: "integer" },
    TEXTS,
  ),
  up(
    "slugify-unicode",
    [
      "const slug = inputs.s",
      '  .normalize("NFKD")',
      '  .replace(/\\p{Diacritic}/gu, "")',
      "  .toLowerCase()",
      '  .replace(/[^\\p{L}\\p{N}]+/gu, "-")',
      '  .replace(/^-+|-+$/g, "");',
      'const initials = inputs.s.split(/\\s+/u).map((w) => w.match(/^\\p{L}/u)?.[0] ?? "").join("");',
      "return { slug, initials };",
    ].join("\n"),
    S,
    { slug: "string", initials: "string" },
    TEXTS,
  ),
  up(
    "switch-true-ranges",
    [
      "const out: string[] = [];",
      'for (const w of inputs.s.split(" ")) {',
      "  switch (true) {",
      '    case w.length === 0: out.push("empty"); break;',
      "    case /^\\p{Lu}+$/u.test(w):",
      '    case /^\\p{N}+$/u.test(w): out.push("shout"); // falls through',
      '    case w.length > 6: out.push("long"); break;',
      '    default: out.push("word");',
      "  }",
      "}",
      "const flag = inputs.s.length > 10;",
      "let kind = 0;",
      "switch (flag) { case true: kind = 1; break; case false: kind = 2; break; }",
      "return { out, kind };",
    ].join("\n"),
    S,
    { out: "string[]", kind: "integer" },
    TEXTS,
  ),
  up(
    "array-call-forms",
    [
      "const n = inputs.s.length % 7;",
      "const zeros = Array(n).fill(0);",
      "const idx = [...Array(n).keys()].map((i) => i * i);",
      'const grid: string[][] = Array.from(Array(n).keys(), () => Array<string>(2).fill("."));',
      "const empty = Array<number>();",
      "empty.push(n);",
      'return { zeros, idx, cells: grid.map((r) => r.join("")), empty };',
    ].join("\n"),
    S,
    { zeros: "number[]", idx: "number[]", cells: "string[]", empty: "number[]" },
    TEXTS,
  ),
  up(
    "array-length-invalid",
    "const xs = Array(inputs.s.length - 3).fill(1);\nconst ks = [...Array(inputs.s.length / 2).keys()];\nreturn { n: xs.length + ks.length };",
    S,
    { n: "integer" },
    TEXTS,
  ),
  up(
    "match-or-empty-iterated",
    [
      "const tags = inputs.s.match(/#?\\b[A-Za-z]{4,}\\b/g) ?? [];",
      "let total = 0;",
      "for (const t of tags) total += t.length;",
      "const upper = [...tags].map((t) => t.toUpperCase());",
      "const set = new Set(inputs.s.match(/\\d/g) ?? []);",
      "return { total, upper, digits: [...set].sort() };",
    ].join("\n"),
    S,
    { total: "integer", upper: "string[]", digits: "string[]" },
    TEXTS,
  ),
  up(
    "record-returned-as-any",
    [
      "const counts: Record<string, number> = {};",
      "for (const ch of inputs.s) if (/\\p{L}/u.test(ch)) counts[ch.toLowerCase()] = (counts[ch.toLowerCase()] ?? 0) + 1;",
      "const byLen = new Map<number, string[]>();",
      "for (const w of inputs.s.split(/\\s+/)) { const l = w.length; const list = byLen.get(l) ?? []; list.push(w); byLen.set(l, list); }",
      "const numeric: Record<string, boolean> = { 10: true, 2: false, b: true, a: false, 1: true };",
      "return { counts, byLen: Object.fromEntries(byLen), numeric, text: JSON.stringify(counts) };",
    ].join("\n"),
    S,
    { counts: "any", byLen: "any", numeric: "any", text: "string" },
    TEXTS,
    ["math", "json"],
  ),
];
