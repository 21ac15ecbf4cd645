/**
 * @fileoverview Lookaround assertions in regular expressions, run both ways by the oracle: the
 * everyday idioms (sentence splitting, thousands separators, unescaped quotes, password rules,
 * keys before a colon, amounts after a currency sign, camelCase splitting, overlapping matches)
 * and adversarial ones: lookarounds at the start and the end, empty text, u mode with surrogate
 * pairs (and lone ones), case-insensitive bodies, nested lookarounds both ways, lookbehinds of
 * variable length, negative lookbehind at position 0, lookaheads inside quantified groups,
 * multiline `^` inside a lookbehind, lastIndex with the y and g flags, empty matches in replace,
 * split and matchAll, capture groups inside lookaheads (their values), searches that skip
 * positions by the first character after a leading lookaround, and the refusal of a capture
 * group inside a lookbehind.
 */
import type { OracleCase } from "../oracle.js";

function look(
  name: string,
  body: string,
  inputs: readonly unknown[],
  output: OracleCase["output"] = { r: "string" },
): OracleCase {
  return { name: `regex-look/${name}`, body, input: { s: "string" }, output, inputs };
}

const TEXTS = [
  { s: "" },
  { s: "Hello there! How are you? I am fine.  Thanks.No space here... Done" },
  { s: "price: $1234567.891 and $42, total:1000000 items; key:value x:1" },
  { s: 'say \\"hi\\" and "bye" \\\\"end"' },
  { s: "a👍b😀c\ud83dz\udc00y 👍👍 K k ſ ß Σσς 😀😀" },
  { s: "camelCaseWordsHereAndTHERE abcXyz" },
  { s: "line one\nline two\r\n  - item\n- dash\u2028last" },
  { s: "aaa bab cab abc aab ba" },
  { s: "1 12 123 1234 12345 123456 -9876543.21 0" },
];

const NUMBERS = [{ s: "1234567" }, { s: "0" }, { s: "" }, { s: "123" }, { s: "1000" }, { s: "12345678901" }];

export const REGEX_LOOKAROUND: readonly OracleCase[] = [
  look("sentence-split", 'return { r: inputs.s.split(/(?<=[.!?])\\s+/).join("|") };', TEXTS),
  look("thousands-separators", 'return { r: inputs.s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",") };', [
    ...NUMBERS,
    ...TEXTS,
  ]),
  look("thousands-noncapturing", 'return { r: inputs.s.replace(/\\B(?=(?:\\d{3})+$)/g, "_") };', NUMBERS),
  look(
    "unescaped-quote",
    'return { r: inputs.s.split(/(?<!\\\\)"/).join("|") + "#" + inputs.s.search(/(?<!\\\\)"/) };',
    TEXTS,
  ),
  look(
    "password-rules",
    "return { r: [/^(?=.*\\d)(?=.*[a-z]).{8,}$/.test(inputs.s), /^(?=.*[A-Z])(?!.*\\s).{4,}$/.test(inputs.s)].join() };",
    [...TEXTS, { s: "abcdefg1" }, { s: "abcdefgh" }, { s: "ABCD1234x" }, { s: "Ab1" }, { s: "Abcd" }],
  ),
  look("word-before-colon", 'return { r: (inputs.s.match(/\\w+(?=:)/g) ?? []).join(",") };', TEXTS),
  look(
    "amount-after-dollar",
    'const m = /(?<=\\$)\\d+(\\.\\d+)?/.exec(inputs.s);\nreturn { r: m ? `${m.index}:${m[0]}|${m[1] ?? "none"}` : "null" };',
    [...TEXTS, { s: "$5" }, { s: "$" }, { s: "5$6.5" }],
  ),
  look(
    "start-and-end",
    'return { r: inputs.s.replace(/(?<=^)\\w/g, "<") + "|" + inputs.s.replace(/\\w(?=$)/g, ">") + "|" + inputs.s.replace(/(?=$)|(?<=^)/g, "!") };',
    TEXTS,
  ),
  look(
    "empty-matches",
    'return { r: inputs.s.replace(/(?=a)|(?<=b)/g, "-") + "|" + inputs.s.split(/(?=b)/).join(",") + "|" + (inputs.s.match(/(?<!a)/g) ?? []).length };',
    [...TEXTS, { s: "ab" }, { s: "b" }, { s: "a" }],
  ),
  look(
    "camel-case-split",
    'return { r: inputs.s.split(/(?=[A-Z])/).join(" ") + "|" + inputs.s.replace(/(?<=[a-z])(?=[A-Z])/g, "_").toLowerCase() };',
    TEXTS,
  ),
  look(
    "overlapping-matchall",
    'const out: string[] = [];\nfor (const m of inputs.s.matchAll(/(?=(\\w\\w))/g)) out.push(`${m.index}:${m[1]}`);\nreturn { r: out.join(" ") };',
    TEXTS,
  ),
  look(
    "unicode-pairs",
    'return { r: (inputs.s.match(/(?<=👍)./gu) ?? []).join(",") + "|" + (inputs.s.match(/.(?=😀)/gu) ?? []).join(",") + "|" + inputs.s.replace(/(?<![\\ud800-\\udbff])[\\udc00-\\udfff]/gu, "?").length };',
    TEXTS,
  ),
  look(
    "surrogates-non-unicode",
    'return { r: (inputs.s.match(/(?<=\\ud83d)./g) ?? []).length + "|" + inputs.s.replace(/(?=\\ude00)/g, "^").length + "|" + inputs.s.split(/(?<=😀)/).length };',
    TEXTS,
  ),
  look(
    "case-insensitive",
    'return { r: (inputs.s.match(/(?<=h)\\w+(?=E\\b)/gi) ?? []).join(",") + "|" + inputs.s.replace(/(?<=[k])./giu, "#") + "|" + (inputs.s.match(/(?<!σ)ς/gi) ?? []).length };',
    TEXTS,
  ),
  look(
    "nested",
    'return { r: inputs.s.replace(/(?<=(?<!a)b)\\w/g, "#") + "|" + inputs.s.replace(/(?=\\w+(?<=c))\\w/g, "@") + "|" + inputs.s.replace(/(?<=a(?=b))b/g, "B") };',
    TEXTS,
  ),
  look(
    "variable-lookbehind",
    'return { r: inputs.s.replace(/(?<=\\d+)x/g, "X") + "|" + inputs.s.replace(/(?<=a|bc)d/g, "D") + "|" + inputs.s.replace(/(?<=^(?:\\w\\w)+)\\w/g, "_") };',
    [...TEXTS, { s: "12x x3x 1234xx bcd ad d abcd" }, { s: "abcdefg" }],
  ),
  look(
    "negative-lookbehind-start",
    'return { r: inputs.s.replace(/(?<!a)b/g, "B") + "|" + inputs.s.replace(/(?<!\\w)/g, "^") + "|" + inputs.s.replace(/(?<!.)/gs, "0") };',
    [...TEXTS, { s: "b" }, { s: "ab" }],
  ),
  look(
    "lookahead-in-quantifier",
    'return { r: (inputs.s.match(/(?:(?=a)\\w)+/g) ?? []).join(",") + "|" + (inputs.s.match(/(?:(?!b)\\w){2,3}/g) ?? []).join(",") };',
    TEXTS,
  ),
  look(
    "multiline-in-lookbehind",
    'return { r: inputs.s.replace(/(?<=^)\\w+/gm, "W") + "|" + inputs.s.replace(/(?<=^\\s*)-/gm, "*") + "|" + inputs.s.replace(/\\w(?=$)/gm, "$") };',
    TEXTS,
  ),
  look(
    "word-boundary-inside",
    'return { r: inputs.s.replace(/(?<=\\b)\\w/g, "^") + "|" + inputs.s.replace(/(?<=\\B)\\w(?=\\b)/g, "$") };',
    TEXTS,
  ),
  look(
    "sticky-and-global",
    'const y = /(?<=a)b/y;\ny.lastIndex = 1;\nconst r1 = y.test(inputs.s) + ":" + y.lastIndex;\nconst g = /(?<=\\s)\\w+(?=\\s)/g;\nconst out: string[] = [];\nlet m: RegExpExecArray | null;\nwhile ((m = g.exec(inputs.s)) !== null) out.push(`${m.index}:${m[0]}:${g.lastIndex}`);\nreturn { r: r1 + "|" + out.join(" ") };',
    [...TEXTS, { s: "ab" }, { s: "bb" }],
  ),
  look(
    "dot-all",
    'return { r: inputs.s.replace(/(?<=e.)\\w/gs, "#") + "|" + inputs.s.replace(/\\w(?=.l)/g, "?") };',
    TEXTS,
  ),
  look(
    "lookahead-captures",
    'const m = /(?=(\\w+)(:)?)\\w(\\w)?/.exec(inputs.s);\nconst n = /(?:(?=(\\w))\\w\\s?)+/.exec(inputs.s);\nconst p = /(?!(x))(\\w)/.exec(inputs.s);\nreturn { r: (m ? `${m.index}:${m[0]}|${m[1]}|${m[2] ?? "none"}|${m[3] ?? "none"}` : "null") + "#" + (n ? `${n[0]}|${n[1]}` : "null") + "#" + (p ? `${p[1] ?? "undef"}|${p[2]}` : "null") };',
    TEXTS,
  ),
  look(
    "replacer-with-lookahead-group",
    "return { r: inputs.s.replace(/(\\d)(?=(\\d\\d)+\\b)/g, (m: string, a: string, b: string) => `${a}[${b}]`) };",
    TEXTS,
  ),
  look(
    "alternatives-and-lazy",
    'return { r: (inputs.s.match(/\\w+?(?=e|re\\b)/g) ?? []).join(",") + "|" + (inputs.s.match(/\\w+(?<!ing|e)\\b/g) ?? []).join(",") };',
    TEXTS,
  ),
  look(
    "search-and-test",
    "return { r: [inputs.s.search(/(?<=\\s)\\d/), inputs.s.search(/(?!.)/), inputs.s.search(/(?<=.{5})/), /(?<!^)$/.test(inputs.s)].join() };",
    TEXTS,
  ),
  look(
    "split-limit-lookbehind",
    'return { r: inputs.s.split(/(?<=,)|(?<=;)\\s*/, 3).join("|") + "#" + inputs.s.split(/(?<=(?:\\d{3}))/).length };',
    TEXTS,
  ),
  look(
    "lookahead-captures-global",
    'return { r: inputs.s.replace(/(?=(\\w)(\\w)?)\\w/g, "[$1$2]") + "|" + inputs.s.replace(/\\b(?=(\\w+)\\b)(?!\\w*a)/g, "<$1>") };',
    TEXTS,
  ),
  look(
    "nested-captures",
    'const m = /(?=(\\w)(?=(\\w))(\\w))../.exec(inputs.s);\nreturn { r: m ? `${m.index}:${m[0]}|${m[1]}|${m[2]}|${m[3]}` : "null" };',
    TEXTS,
  ),
  look(
    "annex-b-quantified-lookahead",
    'return { r: inputs.s.replace(/(?=a){2}\\w/g, "#") + "|" + inputs.s.replace(/x(?=y){0}/g, "#") };',
    [...TEXTS, { s: "xy ax" }],
  ),
  look(
    "unicode-case-insensitive",
    'return { r: inputs.s.replace(/(?<=[ſ])\\s|(?<=\\w)(?=ß)/giu, "~") + "|" + inputs.s.replace(/(?<=\\b)k/giu, "K!") + "|" + (inputs.s.match(/(?<![a-zé])\\d/giu) ?? []).length };',
    TEXTS,
  ),
  look(
    "long-input",
    'const t = inputs.s.repeat(200);\nreturn { r: t.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",").length + ":" + t.split(/(?<=[.!?])\\s+/).length + ":" + (t.match(/(?<=a)(?=b)/g) ?? []).length };',
    TEXTS,
  ),
  look(
    "first-set-skip",
    'return { r: inputs.s.replace(/(?<=[ x])y+/g, "#") + "|" + (inputs.s.match(/(?=\\d)\\d+(?!\\.)/g) ?? []).join(",") + "|" + inputs.s.replace(/(?<!a)😀|(?<=\\ud83d)\\ude00/gu, "@") + "|" + inputs.s.replace(/(?=a)|(?<=z)y/g, "^") + "|" + inputs.s.search(/(?!\\w)\\W(?<=!)/) };',
    [...TEXTS, { s: `${"x".repeat(300)}yy${"z".repeat(300)}y 7.5 a😀😀 !` }],
  ),
  look(
    "inside-surrogate-pair",
    'const y = /(?!.)/uy;\ny.lastIndex = 1;\nconst g = /(?<=a)(?!.)|\\B/gu;\ng.lastIndex = 1;\nreturn { r: [/(?!.)/u.exec(inputs.s)?.index ?? -1, /\\B|x/u.exec(inputs.s)?.index ?? -1, y.exec(inputs.s)?.index ?? -1, g.exec(inputs.s)?.index ?? -1, /(?=\\ude00)/u.test(inputs.s)].join() + "|" + inputs.s.split(/(?!.)/u).join(",") + "|" + inputs.s.split(/\\B|(?!.)/uy).join(",") + "|" + inputs.s.replace(/(?!\\w)/gu, "-") + "|" + [...inputs.s.matchAll(/(?<![a-z])(?!.)/gu)].map((m) => m.index).join() };',
    [...TEXTS, { s: "😀" }, { s: "a😀b" }, { s: "😀a😀" }, { s: "\ude00😀\ud83d" }],
  ),
  look(
    "grouped-quantified-assertions",
    'return { r: inputs.s.replace(/(?:(?=a)){2}\\w|b(?:$){1}/g, "#") + "|" + inputs.s.replace(/c(?:(?<!a)){1,1}/gu, "@") };',
    TEXTS,
  ),
  {
    name: "regex-look/refused-capture-in-lookbehind",
    body: 'return { r: inputs.s.replace(/(?<=(a))b/g, "x") };',
    input: { s: "string" },
    output: { r: "string" },
    inputs: [{ s: "ab" }],
    refused: /capture group inside the lookbehind/,
  },
];
