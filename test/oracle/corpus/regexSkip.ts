/**
 * @fileoverview Unanchored regex searches skip positions whose character cannot start a match
 * (support/regex.ts `first`): matches found after long stretches of non-candidates, sets with
 * astral characters and lone surrogates under the u flag (the search steps over whole pairs),
 * case-insensitive first characters, alternatives and groups before the first character, lazy
 * and optional prefixes, sticky and global searches with lastIndex, and patterns that start with
 * an assertion or can match the empty string (no skipping).
 */
import type { OracleCase } from "../oracle.js";

function skip(name: string, body: string, inputs: readonly unknown[]): OracleCase {
  return { name: `regex-skip/${name}`, body, input: { s: "string" }, output: { r: "string" }, inputs };
}

const TEXTS = [
  { s: "" },
  { s: "no digits here at all, only words and spaces" },
  { s: `${"x".repeat(300)}42${"y".repeat(300)} 7` },
  { s: "a👍b😀c\ud83dz\udc00y 👍👍 K k ſ ß Σσς" },
  { s: "\ud83d\ude00\ude00\ud83d" },
  { s: "tab\there  two  spaces\nnew line\u00a0nbsp" },
  { s: "Foo fOO foo FOO f00" },
];

export const REGEX_SKIP: readonly OracleCase[] = [
  skip("split-whitespace", 'return { r: inputs.s.split(/\\s+/).join("|") };', TEXTS),
  skip("digits-global", 'return { r: (inputs.s.match(/\\d+/g) ?? []).join(",") };', TEXTS),
  skip("astral-u", 'return { r: (inputs.s.match(/[😀👍]/gu) ?? []).join(",") + "|" + inputs.s.search(/😀/u) };', TEXTS),
  skip(
    "lone-surrogates-u",
    "return { r: [inputs.s.search(/\\ude00/u), inputs.s.search(/\\ud83d/u), inputs.s.search(/\\ude00/), (inputs.s.match(/[\\ud800-\\udfff]/gu) ?? []).length].join() };",
    TEXTS,
  ),
  skip("case-insensitive", 'return { r: inputs.s.replace(/fo+|k|σ/gi, "<$&>") };', TEXTS),
  skip("case-insensitive-u", 'return { r: inputs.s.replace(/[kſσ]/giu, "#") };', TEXTS),
  skip("group-alternative-first", 'return { r: inputs.s.replace(/(?:(sp)|(tw))a?/g, "[$1$2]") };', TEXTS),
  skip("lazy-optional-prefix", "return { r: (inputs.s.match(/x??y|a?b/g) ?? []).length.toString() };", TEXTS),
  skip(
    "sticky-lastindex",
    'const re = /\\d/y;\nre.lastIndex = 300;\nconst m = re.exec(inputs.s);\nreturn { r: `${m ? m[0] : "null"}@${re.lastIndex}` };',
    TEXTS,
  ),
  skip(
    "global-exec-loop",
    'const re = /[0-9]+|ß/g;\nconst out: string[] = [];\nlet m: RegExpExecArray | null;\nwhile ((m = re.exec(inputs.s)) !== null) out.push(`${m.index}:${m[0]}`);\nreturn { r: out.join(" ") };',
    TEXTS,
  ),
  skip(
    "assertion-first",
    'return { r: inputs.s.replace(/\\b\\w/g, "^") + "|" + inputs.s.replace(/$|^/gm, "!") };',
    TEXTS,
  ),
  skip(
    "empty-match-possible",
    'return { r: inputs.s.replace(/y*/g, "-").length + ":" + inputs.s.split(/,?/).length };',
    TEXTS,
  ),
  skip("negated-class", 'return { r: inputs.s.replace(/[^a-z ]+/g, "_") };', TEXTS),
];
