/**
 * @fileoverview Regular expressions in code nodes, run both ways by the oracle: tokenizing,
 * validating, extracting, templating, splitting with captures and limits, empty matches with the
 * g flag, case-insensitive matching beyond ASCII, unicode input, lastIndex with g and y, named
 * groups, replacer functions, and catastrophic patterns that must finish quickly (linear engine).
 * Also localeCompare and normalize.
 */
import type { OracleCase } from "../oracle.js";

function re(
  name: string,
  body: string,
  inputs: readonly unknown[],
  output: OracleCase["output"] = { r: "string" },
): OracleCase {
  return { name: `regex/${name}`, body, input: { s: "string" }, output, inputs };
}

const TEXTS = [
  { s: "The quick brown fox, 42 jumps; over 3.14 lazy dogs!" },
  { s: "" },
  { s: "a👍🏽b éÉ ſ K ß ΣΑΣ ςσ" },
  { s: "  multi\nline\r\ntext\u2028end  " },
  { s: "aaaaaaaaaaaaaaaaaaaa!" },
  { s: "x,y,,z," },
  { s: "\u00a0\ufeff\u2003tab\there\u3000" },
];
const SHORT = [{ s: "abc" }, { s: "" }, { s: "a1b22c333" }, { s: "xx,yy, zz" }];

export const REGEX: readonly OracleCase[] = [
  re(
    "test-anchors",
    "return { r: [/^\\w+$/.test(inputs.s), /^$/.test(inputs.s), /\\d/.test(inputs.s), /\\s$/.test(inputs.s)].join() };",
    TEXTS,
  ),
  re(
    "exec-groups",
    'const m = /(\\w+)\\s+(\\d+)?/.exec(inputs.s);\nreturn { r: m ? `${m.index}:${m[0]}|${m[1]}|${m[2] ?? "none"}|${m.length}` : "null" };',
    TEXTS,
  ),
  re("match-global", 'const m = inputs.s.match(/[a-z]+/gi);\nreturn { r: m ? m.join("/") : "null" };', TEXTS),
  re(
    "match-nonglobal",
    'const m = inputs.s.match(/(o)(\\w)/);\nreturn { r: m ? m.join("/") + "@" + m.index! : "null" };',
    TEXTS,
  ),
  re("empty-matches-global", 'return { r: inputs.s.replace(/x*/g, "-") };', [...SHORT, { s: "xx" }, { s: "a👍b" }]),
  re(
    "empty-matches-unicode",
    'return { r: inputs.s.replace(/x*/gu, "-") + "|" + inputs.s.split(/(?:)/u).join(",") };',
    [{ s: "a👍b" }, { s: "" }, { s: "\ud83d" }],
  ),
  re(
    "split-captures",
    'return { r: inputs.s.split(/(,)/).join("|") + "#" + inputs.s.split(/\\s*(,)\\s*/, 3).join("|") };',
    [...SHORT, { s: "x,y,,z," }],
  ),
  re(
    "split-empty-separator",
    'return { r: JSON_join(inputs.s.split(/(?:)/)) };\nfunction JSON_join(xs: string[]): string { return xs.join("_"); }',
    SHORT,
  ),
  re("split-limit", 'return { r: inputs.s.split(/\\d/, 2).join("|") + "#" + inputs.s.split(/\\d/, 0).length };', SHORT),
  re("split-whitespace", 'return { r: inputs.s.trim().split(/\\s+/).join("|") };', TEXTS),
  re("search", "return { r: String(inputs.s.search(/\\d/)) + String(inputs.s.search(/\\s/)) };", TEXTS),
  re("replace-patterns", 'return { r: inputs.s.replace(/(\\w)(\\w*)/g, "[$2$1|$&|$$|$0|$3|$10]") };', TEXTS),
  re("replace-context", 'return { r: inputs.s.replace(/\\d+/, "<$`|$\'>") };', SHORT),
  re(
    "replace-named",
    'return { r: inputs.s.replace(/(?<first>\\w)(?<rest>\\w*)/g, "$<rest>$<first>ay$<nope>") };',
    TEXTS,
  ),
  re(
    "replace-function",
    "return { r: inputs.s.replace(/\\b(\\w)(\\w*)/g, (m, a, b) => a.toUpperCase() + b.toLowerCase()) };",
    TEXTS,
  ),
  re(
    "replace-function-declared",
    "function twice(m: string): string { return m + m; }\nreturn { r: inputs.s.replace(/\\d+/g, twice) };",
    SHORT,
  ),
  re("replaceAll-regex", 'return { r: inputs.s.replaceAll(/[aeiou]/g, "*") };', TEXTS),
  re(
    "case-insensitive-unicode",
    "return { r: [/é/i.test(inputs.s), /K/i.test(inputs.s), /K/iu.test(inputs.s), /s/iu.test(inputs.s), /σ/i.test(inputs.s), /SS/i.test(inputs.s)].join() };",
    TEXTS,
  ),
  re("case-insensitive-class", 'return { r: inputs.s.replace(/[a-f]+/gi, "#").replace(/[^a-z#]/gi, "") };', TEXTS),
  re(
    "dot-and-dotall",
    'return { r: (inputs.s.match(/.+/g) ?? []).length + "|" + (inputs.s.match(/.+/gs) ?? []).length + "|" + (inputs.s.match(/./gu) ?? []).length };',
    TEXTS,
  ),
  re("multiline-anchors", 'return { r: inputs.s.replace(/^\\s*|\\s*$/gm, "|") };', TEXTS),
  re("word-boundaries", 'return { r: inputs.s.replace(/\\b/g, "|") + "#" + inputs.s.replace(/\\B/g, ".") };', SHORT),
  re("whitespace-class", 'return { r: inputs.s.replace(/\\s/g, "_") + "|" + inputs.s.replace(/\\S/g, "x") };', TEXTS),
  re(
    "lazy-quantifiers",
    'return { r: (inputs.s.match(/\\w+?/g) ?? []).join() + "|" + (inputs.s.match(/\\w{2,3}?/g) ?? []).join() };',
    TEXTS,
  ),
  re("counted", "return { r: (inputs.s.match(/\\w{2}|\\d{1,}|o{0,1}x/g) ?? []).join() };", TEXTS),
  re(
    "alternation-priority",
    'return { r: (inputs.s.match(/a|ab|abc/g) ?? []).join() + "|" + (inputs.s.match(/(a|ab)(c|bcd)?/) ?? []).join() };',
    [{ s: "abcd" }, { s: "abc abcd ab" }],
  ),
  re(
    "captures-reset-per-iteration",
    'const m = /(?:(a)|b)+/.exec(inputs.s);\nreturn { r: m ? m[0] + "|" + (m[1] ?? "undef") : "null" };',
    [{ s: "ab" }, { s: "ba" }, { s: "aab" }],
  ),
  re(
    "catastrophic-nested",
    "return { r: [/(a+)+$/.test(inputs.s), /^(a|a)*$/.test(inputs.s), /(a|aa)+b/.test(inputs.s), /(\\w+\\s?)+$/.test(inputs.s)].join() };",
    // Small enough for JavaScript's own backtracking engine (the reference side of the oracle);
    // test/sandbox/hostile/regex.test.ts runs long ones in the sandbox alone.
    [{ s: `${"a".repeat(18)}!` }, { s: "a".repeat(22) }, { s: `${"word ".repeat(3)}!` }],
  ),
  re(
    "lastIndex-global-loop",
    'const re = /\\d+/g;\nconst out: string[] = [];\nlet m: RegExpExecArray | null;\nwhile ((m = re.exec(inputs.s)) !== null) out.push(`${m[0]}@${m.index}/${re.lastIndex}`);\nreturn { r: out.join() + "|" + re.lastIndex };',
    SHORT,
  ),
  re(
    "sticky",
    'const re = /\\w/y;\nre.lastIndex = 1;\nconst a = re.test(inputs.s);\nconst b = re.lastIndex;\nconst c = inputs.s.replace(/a/y, "A");\nreturn { r: `${a}:${b}:${c}` };',
    SHORT,
  ),
  re(
    "test-global-state",
    "const re = /a/g;\nreturn { r: [String(re.test(inputs.s)), String(re.test(inputs.s)), String(re.test(inputs.s)), String(re.lastIndex)].join() };",
    [{ s: "aa" }, { s: "xa" }, { s: "" }],
  ),
  re(
    "named-groups",
    'const m = /(?<y>\\d{4})-(?<m>\\d{2})(-(?<d>\\d{2}))?/.exec(inputs.s);\nreturn { r: m ? `${m.groups!.y}/${m.groups!.m}/${m.groups?.d ?? "--"}` : "none" };',
    [{ s: "on 2024-05-17." }, { s: "2023-12" }, { s: "nope" }],
  ),
  re(
    "regexp-properties",
    'const re = /a\\/b[/]/gimsuy;\nconst r2 = new RegExp("a/b", "i");\nreturn { r: [re.source, re.flags, String(re.global), String(re.sticky), String(re.unicode), r2.source, r2.flags, String(r2.test(inputs.s))].join() };',
    [{ s: "A/B" }],
  ),
  re(
    "escapes",
    'return { r: inputs.s.replace(/[\\t\\n\\r\\v\\f\\0]/g, "~").replace(/\\x41|\\u0042|\\cJ/g, "^").replace(/[\\-\\]\\\\.]/g, "!") };',
    [{ s: "A\tB\nC\r-]\\.x\0" }, { s: "" }],
  ),
  re(
    "unicode-astral",
    'return { r: inputs.s.replace(/[👍-👏]/gu, "T").replace(/\\u{1F3FD}/u, "S") + (/^.$/u.test("👍") ? "1" : "0") + (/^.$/.test("👍") ? "1" : "0") };',
    TEXTS,
  ),
  re("braces-literal", 'return { r: inputs.s.replace(/{|}|a{,2}|]/g, "#") };', [{ s: "{a{,2}]}" }, { s: "" }]),
  re(
    "matchAll-for-of",
    'let out = "";\nfor (const m of inputs.s.matchAll(/(\\w)(\\d)?/g)) out += `${m.index}:${m[0]}:${m[2] ?? "-"} `;\nreturn { r: out };',
    SHORT,
  ),
  re(
    "matchAll-spread-from",
    'const a = [...inputs.s.matchAll(/\\d+/g)].map((m) => m[0]);\nconst b = Array.from(inputs.s.matchAll(/[a-z]/gi), (m) => m.index);\nreturn { r: a.join("+") + "|" + b.join(",") };',
    SHORT,
  ),
  re(
    "matchAll-named-empty",
    "const out: string[] = [];\nfor (const m of inputs.s.matchAll(/(?<w>\\w*)/g)) out.push(`${m.index}=${m.groups!.w}`);\nreturn { r: out.join() };",
    SHORT,
  ),
  re(
    "matchAll-non-global-throws",
    "let n = 0;\nfor (const m of inputs.s.matchAll(/a/)) n += m.length;\nreturn { r: String(n) };",
    [{ s: "aa" }],
  ),
  re(
    "destructure-match",
    'const m = inputs.s.match(/(\\d{4})-(\\d{2})(?:-(\\d{2}))?/);\nif (!m) return { r: "none" };\nconst [whole, y, mo, d = "01"] = m;\nreturn { r: `${whole}=${y}/${mo}/${d}` };',
    [{ s: "on 2024-05-17" }, { s: "2023-12" }, { s: "x" }],
  ),
  re("annex-b-class-range", "return { r: String(/^[\\w-.]+@[\\w-]+(\\.[\\w-]+)+$/.test(inputs.s)) };", [
    { s: "first.last-x@my-host.co.uk" },
    { s: "a@b" },
    { s: "-.@x.y" },
  ]),
  re("digits-only", 'return { r: inputs.s.replace(/\\D+/g, "") };', [
    { s: "+1 (555) 010-9999" },
    { s: "" },
    { s: "٣4" },
  ]),
  re("capitalize-words", "return { r: inputs.s.toLowerCase().replace(/\\b\\w/g, (c) => c.toUpperCase()) };", TEXTS),
  re("strip-tags", 'return { r: inputs.s.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&") };', [
    { s: "<p>Hi <b>there</b> &amp; bye</p>" },
    { s: "a < b > c" },
  ]),
  re(
    "key-value-exec-loop",
    'const re = /(?<k>\\w+)\\s*=\\s*(?<v>"[^"]*"|\\S+)/g;\nconst out: string[] = [];\nlet m = re.exec(inputs.s);\nwhile (m) {\n  out.push(`${m.groups!.k}:${m.groups!.v}@${m.index}`);\n  m = re.exec(inputs.s);\n}\nreturn { r: out.join(";") };',
    [{ s: 'a=1 b = "two words" c=3' }, { s: "" }, { s: "x==y" }],
  ),
  re(
    "lines",
    'return { r: inputs.s.split(/\\r?\\n/).map((l) => l.trim()).filter((l) => !/^\\s*$/.test(l)).join("|") };',
    TEXTS,
  ),
  re(
    "sticky-tokenizer",
    'const re = /\\s*(\\d+|[a-z]+|[^\\s\\w])/y;\nconst out: string[] = [];\nlet m: RegExpExecArray | null;\nwhile ((m = re.exec(inputs.s)) !== null) out.push(m[1]);\nreturn { r: out.join(" ") + "@" + re.lastIndex };',
    [{ s: "let x = 42+y;" }, { s: "  " }, { s: "a ✓ b" }],
  ),
  re("lazy-empty", 'return { r: inputs.s.replace(/a*?/g, "-") + "|" + inputs.s.replace(/a??/g, "-") };', [
    { s: "aaa" },
    { s: "bab" },
    { s: "" },
  ]),
  re("any-char-class", 'return { r: inputs.s.replace(/[^]/g, "x") + "|" + inputs.s.replace(/[^]/gu, "y") };', TEXTS),
  re(
    "replace-counter-closure",
    'let n = 0;\nconst r = inputs.s.replace(/\\w+/g, (w) => {\n  n += 1;\n  return `${n}.${w}`;\n});\nreturn { r: r + "#" + n };',
    SHORT,
  ),
  re(
    "case-insensitive-ranges",
    'return { r: inputs.s.replace(/[A-z]/gi, "L") + "|" + inputs.s.replace(/[à-ÿ]+/gi, "U") + "|" + inputs.s.replace(/ß|ſ|k/giu, "#") };',
    TEXTS,
  ),
  re(
    "search-ignores-lastIndex",
    "const re = /o/g;\nre.lastIndex = 30;\nconst a = inputs.s.search(re);\nreturn { r: `${a}:${re.lastIndex}` };",
    TEXTS,
  ),
  re(
    "global-test-alternating",
    "const re = /\\w+/g;\nconst out: string[] = [];\nfor (let i = 0; i < 4; i++) out.push(String(re.test(inputs.s)) + re.lastIndex);\nreturn { r: out.join() };",
    SHORT,
  ),
  re("date-validate", "return { r: String(/^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$/.test(inputs.s)) };", [
    { s: "2024-02-30" },
    { s: "2024-13-01" },
    { s: "1999-12-31" },
    { s: "99-1-1" },
  ]),
  re(
    "split-limit-captures",
    'return { r: [0, 1, 2, 3, 5].map((n) => inputs.s.split(/(-)(x?)/, n).join("_")).join() + "|" + inputs.s.split(/-/, -1).join() };',
    [{ s: "a-b-xc" }, { s: "" }, { s: "---" }],
  ),
  {
    ...re("split-optional-capture-refused", "return { r: inputs.s.split(/(-)(x)?/).join() };", [{ s: "a-b" }]),
    refused: /split with a capture group that may not take part/,
  },
  re(
    "replacer-optional-captures",
    'return { r: inputs.s.replace(/(\\d+)|([a-z]+)/g, (m, d: string | undefined, w: string | undefined) => (d !== undefined ? `<${Number(d) * 2}>` : (w ?? "?").toUpperCase())) };',
    SHORT,
  ),
  {
    ...re("replacer-optional-capture-refused", "return { r: inputs.s.replace(/(a)|(b)/g, (m, a, b) => a + b) };", [
      { s: "ab" },
    ]),
    refused: /capture group 1, which may not take part/,
  },
  re(
    "replacer-optional-param",
    'return { r: inputs.s.replace(/(\\d)|(,)/g, (m, d?: string, c?: string) => (c ? ";" : `#${d ?? ""}`)) };',
    SHORT,
  ),
  re(
    "unicode-lastIndex-inside-pair",
    'const re = /./gu;\nre.lastIndex = 1;\nconst m = re.exec(inputs.s);\nconst r2 = /\\udc4d/gu;\nr2.lastIndex = 1;\nreturn { r: (m ? `${m.index}:${m[0]}:${re.lastIndex}` : "null") + "|" + String(r2.test(inputs.s)) };',
    [{ s: "👍a" }, { s: "ab" }, { s: "" }],
  ),
  re(
    "groups-destructure",
    'const m = /(?<y>\\d{4})-(?<mo>\\d\\d)(?:-(?<d>\\d\\d))?/.exec(inputs.s);\nif (!m) return { r: "none" };\nconst { y, mo, d = "01" } = m.groups!;\nconst plain = /(\\d)/.exec(inputs.s);\nreturn { r: `${y}${mo}${d}:${m.groups ? "g" : "-"}:${plain !== null && plain.groups !== undefined ? "g" : "-"}:${plain?.groups === undefined}` };',
    [{ s: "2024-05-17" }, { s: "1999-01" }, { s: "none" }],
  ),
  // idioms
  re(
    "tokenize",
    'const tokens = inputs.s.match(/\\d+(?:\\.\\d+)?|[A-Za-z_]\\w*|[^\\s\\w]/g) ?? [];\nreturn { r: tokens.join(" ") };',
    [{ s: "x1 = 3.5*(y+42) - foo_bar/2.0;" }, { s: "" }, { s: "  " }],
  ),
  re("validate-email", "return { r: String(/^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$/i.test(inputs.s)) };", [
    { s: "john.doe@example.com" },
    { s: "bad@x" },
    { s: "A@B.CO" },
    { s: "x y@z.com" },
    { s: "" },
  ]),
  re(
    "extract-numbers",
    "const nums = (inputs.s.match(/-?\\d+(\\.\\d+)?/g) ?? []).map(Number);\nreturn { r: String(nums.reduce((a, b) => a + b, 0)) };",
    [{ s: "a -1.5 b 2 c 3.25" }, { s: "none" }, { s: "1e3 -0" }],
  ),
  re(
    "templating",
    'const vars = new Map<string, string>();\nvars.set("name", "Ada");\nvars.set("lang", "TS");\nreturn { r: inputs.s.replace(/\\{\\{\\s*(\\w+)\\s*\\}\\}/g, (m, k) => vars.get(k) ?? m) };',
    [{ s: "Hi {{name}}, {{ lang }} {{missing}}!" }, { s: "{{name}}{{name}}" }],
  ),
  re(
    "csv-split",
    'const cells = inputs.s.split(/\\s*;\\s*|\\s*,\\s*/);\nreturn { r: cells.map((c) => `[${c}]`).join("") };',
    [{ s: "a, b;c ,d" }, { s: "" }, { s: ",," }],
  ),
  re("camel-to-kebab", 'return { r: inputs.s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() };', [
    { s: "someCamelCaseID2Value" },
    { s: "x" },
  ]),
  re(
    "match-groups-or-default",
    'const m = inputs.s.match(/(\\d+)(?:px|(em))?/);\nconst unit = m !== null && m[2] ? m[2] : "px";\nreturn { r: m ? `${Number(m[1])} ${unit}` : "none" };',
    [{ s: "12px" }, { s: "3em" }, { s: "7" }, { s: "x" }],
  ),
  re(
    "match-ternary-null",
    "const m = inputs.s.match(/(\\d+)-(\\d+)/);\nconst ok = m !== null;\nconst undef = m === undefined;\nreturn { r: `${ok}${undef}${m == null}${m == undefined}` };",
    [{ s: "1-2" }, { s: "x" }],
  ),
  re("capture-undefined-use", 'const m = /(a)|(b)/.exec(inputs.s);\nreturn { r: m ? m[2].length + "" : "" };', [
    { s: "b" },
    { s: "a" },
  ]),
  {
    name: "regex/localeCompare-sort",
    body: "return { xs: inputs.xs.slice().sort((a, b) => a.localeCompare(b)), c: inputs.xs.map((x) => 'm'.localeCompare(x)) };",
    input: { xs: "string[]" },
    output: { xs: "string[]", c: "number[]" },
    inputs: [{ xs: ["b", "a", "B", "é", "e", "z", "", "10", "9", "ä"] }, { xs: [] }],
  },
  {
    name: "regex/normalize-forms",
    body: 'const s = inputs.s;\nreturn { r: [s.normalize(), s.normalize("NFD"), s.normalize("NFKC"), s.normalize("NFKD")].map((x) => x.length).join() + s.normalize("NFD") };',
    input: { s: "string" },
    output: { r: "string" },
    inputs: [{ s: "é ﬁ Å ①" }, { s: "" }, { s: "\ud800x" }, { s: "\ufdfa".repeat(3) }],
  },
];
