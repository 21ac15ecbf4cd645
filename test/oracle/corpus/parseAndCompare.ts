/**
 * @fileoverview Fast paths the sandbox takes itself: reading numbers of up to 15 decimal digits
 * (runtimeLib.ts `__ice_str_num`; everything else goes to the host's parser) and comparing strings
 * four code units at a time (support/arrays.ts `__ice_strcmp`, behind `<`, `sort()`).
 */
import type { OracleCase } from "../oracle.js";

const TEXTS = [
  "",
  "-",
  "-0",
  "0",
  "007",
  "123456789012345",
  "-123456789012345",
  "1234567890123456",
  "9007199254740993",
  "12a",
  " 12",
  "12 ",
  "+5",
  "1e3",
  "0x1f",
  "1.5",
  "٣",
  "--1",
  "5-",
].map((s) => ({ s }));

const WORDS = [
  ["abcdefgh", "abcdefgi", "abcd", "abcdefg", "ab", "", "abcdefgh"],
  ["User Name 10", "User Name 9", "user name 1", "User Name 100", "User Nam", "Usér", "User\ud800", "User\udc00x"],
  ["😀a", "😀", "\uffff", "\ud83d", "z", "Z", "a", "ä", "aa", "a\u0000", "a\u0000\u0000\u0000\u0000b"],
].map((words) => ({ words }));

export const PARSE_AND_COMPARE: readonly OracleCase[] = [
  {
    name: "fast-parse/modes",
    body: 'const s = inputs.s;\nreturn { r: [Number(s), parseInt(s), parseInt(s, 10), parseInt(s, 16), parseFloat(s), +s, Number.parseInt(s)].map((x) => Object.is(x, -0) ? "-0" : String(x)).join("|") };',
    input: { s: "string" },
    output: { r: "string" },
    inputs: TEXTS,
  },
  {
    name: "fast-compare/sort-and-less",
    body: 'const w = inputs.words;\nconst sorted = [...w].sort();\nconst pairs: string[] = [];\nfor (const a of w) for (const b of w) pairs.push(a < b ? "<" : a > b ? ">" : a === b ? "=" : "?");\nreturn { r: sorted.join(",") + "|" + pairs.join("") };',
    input: { words: ["string"] },
    output: { r: "string" },
    inputs: WORDS,
  },
];
