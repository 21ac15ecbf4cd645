/**
 * @fileoverview `any`, `unknown` and JSON: parsing payloads and picking fields, normalising API
 * responses of unknown shape, printing reports with indentation, round trips with unicode (lone
 * surrogates included), deep nesting, numbers at the edges of their printing (1e21, 1e-7, -0),
 * duplicate and integer-like keys, `__proto__` as data, `typeof` and narrowing, unions of
 * primitives, `null`.
 */
import type { OracleCase } from "../oracle.js";

function json(
  name: string,
  body: string,
  input: OracleCase["input"],
  output: OracleCase["output"],
  inputs: readonly unknown[],
  extra: Partial<OracleCase> = {},
): OracleCase {
  return { name: `json/${name}`, body, input, output, inputs, capabilities: ["json"], ...extra };
}

const TEXTS = (texts: readonly string[]) => texts.map((s) => ({ s }));

const NUMBER_TEXTS = [
  "0",
  "-0",
  "1e21",
  "1e-7",
  "123456789012345678901234567890",
  "0.1",
  "-1.5e-300",
  "1E400",
  "-1e400",
  "5e-324",
  "2e-324",
  "9007199254740993",
  "[1, -0, 0.30000000000000004, 1e+21, 100, 1e-6, 1.7976931348623157e308]",
  "1.0",
  "12.50e+1",
];

const BAD_TEXTS = [
  "",
  " ",
  "{",
  "[1,]",
  '{"a":1,}',
  "01",
  "1.",
  ".5",
  "+1",
  "-",
  "1e",
  "tru",
  "nul",
  '"\\x"',
  '"a\nb"',
  "NaN",
  "Infinity",
  " [1] x",
  '"\\u12"',
  "{'a': 1}",
  '{"a" 1}',
  "[1 2]",
  "undefined",
  '"unterminated',
];

const UNICODE = [
  { s: "plain" },
  { s: "" },
  { s: 'quote " backslash \\ slash / tab \t nl \n cr \r ff \f bs \b nul \u0000 us \u001f del \u007f' },
  { s: "é 日本 👍🏽 \u2028 \u2029 \ufeff" },
  { s: "lone high \ud800 end" },
  { s: "lone low \udc00 and \udfff" },
  { s: "pair \ud83d\ude00 reversed \ude00\ud83d" },
  { s: "\ud800" },
  { s: "\udbff\udbff\udc00" },
];

export const JSON_CASES: readonly OracleCase[] = [
  json(
    "parse-pick-fields",
    `
      const d = JSON.parse(inputs.s);
      return { name: d.user.name, n: d.items.length, first: d.items[0].id, total: d.items[0].price * d.items[0].qty };
    `,
    { s: "string" },
    { name: "string", n: "integer", first: "string", total: "number" },
    TEXTS([
      '{"user": {"name": "Ada", "id": 7}, "items": [{"id": "a1", "price": 2.5, "qty": 3}, {"id": "b"}]}',
      '{"user": {"name": "日本"}, "items": [{"id": "", "price": 0.1, "qty": 3}]}',
      '{"user": {}, "items": []}',
      '{"items": [{"id": "x", "price": 1, "qty": 1}]}',
      "[]",
    ]),
  ),
  json(
    "parse-numbers-print",
    "const v = JSON.parse(inputs.s);\nreturn { out: JSON.stringify(v), kind: typeof v };",
    { s: "string" },
    { out: "string", kind: "string" },
    TEXTS(NUMBER_TEXTS),
  ),
  json(
    "parse-number-value",
    'const v = JSON.parse(inputs.s);\nreturn { n: typeof v === "number" ? v : -1, neg: typeof v === "number" && 1 / v < 0 };',
    { s: "string" },
    { n: "number", neg: "boolean" },
    TEXTS(NUMBER_TEXTS.filter((t) => !t.startsWith("[") && !t.includes("400"))),
  ),
  json(
    "parse-syntax-errors",
    "const v = JSON.parse(inputs.s);\nreturn { t: typeof v };",
    { s: "string" },
    { t: "string" },
    TEXTS([...BAD_TEXTS, " \t\n\r[ ] ", '"ok"']),
  ),
  json(
    "parse-duplicate-keys",
    "const v = JSON.parse(inputs.s);\nreturn { out: JSON.stringify(v), a: v.a };",
    { s: "string" },
    { out: "string", a: "any" },
    TEXTS(['{"a": 1, "b": 2, "a": 3}', '{"a": {"x": 1}, "a": [2]}', '{"b": 1, "a": 2, "b": {"c": 3}}', '{"a": null}']),
  ),
  json(
    "parse-proto-key",
    `
      const v = JSON.parse(inputs.s);
      return { out: JSON.stringify(v), own: v["__proto__"], has: "__proto__" in v, x: v.x };
    `,
    { s: "string" },
    { out: "string", own: "any", has: "boolean", x: "any" },
    TEXTS(['{"__proto__": {"x": 1}, "y": 2}', '{"__proto__": 5}', '{"__proto__": null, "x": [1]}']),
  ),
  json(
    "parse-integer-keys-order",
    "const v = JSON.parse(inputs.s);\nreturn { out: JSON.stringify(v, null, 1) };",
    { s: "string" },
    { out: "string" },
    TEXTS([
      '{"b": 1, "2": 2, "a": 3, "1": 4, "01": 5, "4294967295": 6, "4294967294": 7, "-1": 8, "0": 9, "1.5": 10}',
      '{"10": 1, "9": 2, "100": 3, "z": 4, "1": 5}',
      '{"3": 0, "2": 0, "1": 0, "0": 0}',
    ]),
  ),
  json(
    "stringify-strings-escaping",
    "return { out: JSON.stringify(inputs.s), list: JSON.stringify([inputs.s, inputs.s.length]) };",
    { s: "string" },
    { out: "string", list: "string" },
    UNICODE,
  ),
  json(
    "round-trip-unicode",
    "const back: string = JSON.parse(JSON.stringify({ s: inputs.s })).s;\nreturn { same: back === inputs.s, back, n: back.length };",
    { s: "string" },
    { same: "boolean", back: "string", n: "integer" },
    UNICODE,
  ),
  json(
    "parse-unicode-escapes",
    "const v = JSON.parse(inputs.s);\nreturn { v, n: v.length };",
    { s: "string" },
    { v: "string", n: "integer" },
    TEXTS([
      '"\\u00e9\\u65E5 \\ud83d\\ude00"',
      '"\\ud800"',
      '"\\udc00x\\uD800"',
      '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
      '"\\u0000"',
      '"é日本👍🏽"',
    ]),
  ),
  json(
    "stringify-indent-number",
    "return { out: JSON.stringify({ a: [1, [2, []], {}], b: { c: inputs.xs, d: {} }, e: 'x' }, null, inputs.n) };",
    { xs: "number[]", n: "number" },
    { out: "string" },
    [
      { xs: [1, 2], n: 2 },
      { xs: [], n: 0 },
      { xs: [3], n: -1 },
      { xs: [3], n: 10 },
      { xs: [3], n: 11 },
      { xs: [3], n: 3.7 },
      { xs: [-0], n: 1e9 },
    ],
  ),
  json(
    "stringify-indent-string",
    "return { out: JSON.stringify([{ k: inputs.xs }, 'v', null, true], null, inputs.gap) };",
    { xs: "number[]", gap: "string" },
    { out: "string" },
    [
      { xs: [1, 2], gap: "\t" },
      { xs: [], gap: "" },
      { xs: [1], gap: "abcdefghijklmn" },
      { xs: [1], gap: "--" },
      { xs: [1], gap: "日本👍🏽" },
    ],
  ),
  json(
    "stringify-numbers",
    "return { out: JSON.stringify({ xs: inputs.xs, sum: inputs.xs.reduce((a, b) => a + b, 0), r: inputs.xs.map((x) => x / 3) }) };",
    { xs: "number[]" },
    { out: "string" },
    [
      { xs: [1e21, 1e-7, -0, 0, 0.1, 123e-20] },
      { xs: [] },
      { xs: [1.7976931348623157e308, 1.7976931348623157e308] },
      { xs: [5e-324, -5e-324, 2 ** 53, 2 ** 53 + 2, -(2 ** 31)] },
    ],
  ),
  json(
    "stringify-non-finite",
    "return { out: JSON.stringify([inputs.x / 0, -inputs.x / 0, 0 / 0, inputs.x * 0, { n: 0 / 0 }]) };",
    { x: "number" },
    { out: "string" },
    [{ x: 1 }, { x: -1 }, { x: 0 }],
  ),
  json(
    "stringify-report-of-literals",
    `
      interface Line { sku: string; qty: number; note?: string }
      const lines: Line[] = inputs.rows.map((r): Line => (r.qty > 1 ? { sku: r.sku, qty: r.qty, note: "bulk" } : { sku: r.sku, qty: r.qty }));
      const report = { title: "Report", count: lines.length, lines, empty: [], nested: { ok: lines.length > 0, when: undefined } };
      return { text: JSON.stringify(report, null, 2), compact: JSON.stringify(lines) };
    `,
    { rows: [{ sku: "string", qty: "number" }] },
    { text: "string", compact: "string" },
    [
      {
        rows: [
          { sku: "a", qty: 1 },
          { sku: "b", qty: 3 },
        ],
      },
      { rows: [] },
      { rows: [{ sku: "日本 \u2028", qty: -0 }] },
    ],
  ),
  json(
    "stringify-map-set-as-empty-object",
    `
      const m = new Map<string, number>();
      for (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + 1);
      return { out: JSON.stringify({ m, s: new Set(inputs.words), n: m.size }) };
    `,
    { words: "string[]" },
    { out: "string" },
    [{ words: ["a", "b", "a"] }, { words: [] }],
  ),
  json(
    "stringify-input-object-refused",
    "return { out: JSON.stringify(inputs.row) };",
    { row: { a: "number", b: "string" } },
    { out: "string" },
    [{ row: { b: "x", a: 1 } }],
    { refused: /input/ },
  ),
  json(
    "any-input-reads",
    `
      const v = inputs.v;
      return { t: typeof v, a: typeof v.a, deep: v.a.b[0], len: v.a.b.length };
    `,
    { v: "any" },
    { t: "string", a: "string", deep: "any", len: "any" },
    [
      { v: { a: { b: [1, 2] } } },
      { v: { a: { b: "xy" } } },
      { v: { a: { b: [] } } },
      { v: { a: { b: {} } } },
      { v: { a: 1 } },
      { v: { a: null } },
      { v: {} },
      { v: [] },
      { v: "text" },
    ],
  ),
  json(
    "any-typeof-narrowing",
    `
      function describe(v: unknown): string {
        if (typeof v === "string") return "s:" + v.toUpperCase();
        if (typeof v === "number") return "n:" + v.toFixed(2);
        if (typeof v === "boolean") return v ? "yes" : "no";
        if (v === null) return "null";
        if (Array.isArray(v)) return "array of " + v.length;
        if (typeof v === "object") return "object";
        return "undefined";
      }
      return { d: describe(inputs.v), items: Array.isArray(inputs.v) ? inputs.v.map(describe) : [] };
    `,
    { v: "any" },
    { d: "string", items: "string[]" },
    [
      { v: "abc" },
      { v: 2.71 },
      { v: -0 },
      { v: true },
      { v: null },
      { v: { a: 1 } },
      { v: [1, "x", null, [2], {}, false] },
      { v: [] },
    ],
  ),
  json(
    "normalize-api-response",
    `
      const r = inputs.resp;
      const items: any[] = Array.isArray(r) ? r : r !== null && typeof r === "object" && Array.isArray(r.items) ? r.items : [r];
      const names: string[] = [];
      let ids = 0;
      for (const it of items) {
        if (typeof it === "string") names.push(it);
        else if (it !== null && typeof it === "object" && typeof it.name === "string") names.push(it.name.trim());
        if (it !== null && typeof it === "object" && "id" in it) ids++;
      }
      return { names, ids, count: items.length };
    `,
    { resp: "any" },
    { names: "string[]", ids: "integer", count: "integer" },
    [
      { resp: { items: [{ name: " Ada ", id: 1 }, { name: 5 }, "Bob", null, { id: null }] } },
      { resp: [{ name: "x" }, ["y"], 3] },
      { resp: { items: "none" } },
      { resp: "solo" },
      { resp: null },
      { resp: { items: [] } },
    ],
  ),
  json(
    "any-output-passthrough",
    "const d = JSON.parse(inputs.s);\nreturn { data: d, list: [d, 1, 'x'], wrapped: { d } };",
    { s: "string" },
    { data: "any", list: "any", wrapped: "any" },
    TEXTS(['{"a": [1, {"b": null}], "c": "日本", "1": true}', "[]", "null", "-0", '"x"', "{}"]),
  ),
  json(
    "any-output-from-typed",
    `
      const rows = inputs.xs.map((x) => ({ x, sq: x * x, tags: x > 1 ? ["big"] : [] }));
      return { data: { rows, n: rows.length, first: rows.length > 0 ? rows[0] : null } };
    `,
    { xs: "number[]" },
    { data: "any" },
    [{ xs: [1, 2, -0] }, { xs: [] }],
  ),
  json(
    "any-input-output-optional",
    "return { v: inputs.v, w: inputs.w, t: typeof inputs.w };",
    { v: "any", w: "any?" },
    { v: "any", w: "any?", t: "string" },
    [{ v: 1, w: null }, { v: [1, [2]] }, { v: { z: { y: [] } }, w: "s" }, { v: false, w: 0 }],
  ),
  json(
    "dynamic-equality-and-compare",
    `
      const a = inputs.a;
      const b = inputs.b;
      return {
        strict: a === b, loose: a == b, notStrict: a !== b,
        lt: a < b, le: a <= b, gt: a > b, ge: a >= b,
        isNull: a === null, nullish: a == null, undef: a === undefined,
        one: a === 1, str: a == "1",
      };
    `,
    { a: "any", b: "any" },
    {
      strict: "boolean",
      loose: "boolean",
      notStrict: "boolean",
      lt: "boolean",
      le: "boolean",
      gt: "boolean",
      ge: "boolean",
      isNull: "boolean",
      nullish: "boolean",
      undef: "boolean",
      one: "boolean",
      str: "boolean",
    },
    [
      { a: 1, b: 1 },
      { a: 1, b: "1" },
      { a: "10", b: "9" },
      { a: 10, b: "9" },
      { a: null, b: 0 },
      { a: null, b: null },
      { a: true, b: 1 },
      { a: [2], b: 2 },
      { a: [1, 2], b: "1,2" },
      { a: {}, b: "[object Object]" },
      { a: "a", b: "b" },
      { a: "x", b: 1 },
      { a: -0, b: 0 },
      { a: [], b: [] },
      { a: "", b: 0 },
      { a: false, b: "" },
    ],
  ),
  json(
    "dynamic-plus-and-text",
    "const a = inputs.a;\nconst b = inputs.b;\nreturn { sum: a + b, text: `${a}|${b}`, s: String(a) + 1, n: Number(b), neg: -a, truthy: !!a, pick: a || b, and: a && b, dflt: a ?? 'none' };",
    { a: "any", b: "any" },
    {
      sum: "any",
      text: "string",
      s: "string",
      n: "number",
      neg: "number",
      truthy: "boolean",
      pick: "any",
      and: "any",
      dflt: "any",
    },
    [
      { a: 1, b: 2 },
      { a: "1", b: 2 },
      { a: 1, b: "x" },
      { a: [1, [2, 3]], b: null },
      { a: null, b: true },
      { a: { k: 1 }, b: 1 },
      { a: 0, b: "" },
      { a: "", b: " 12 " },
      { a: [null, [], [[]]], b: [] },
      { a: 0.1, b: 0.2 },
      { a: false, b: "0x1f" },
    ],
  ),
  json(
    "build-any-object",
    `
      const o: any = {};
      o.b = 1;
      o["2"] = "two";
      o.a = [1];
      o.a[1] = inputs.k;
      o[inputs.k] = inputs.k.length;
      o.b = { nested: true };
      const copy = { ...o, extra: null, [inputs.k + "!"]: 0 };
      return { out: JSON.stringify(o), copy: JSON.stringify(copy, null, "  "), keys: "a" in o && !("zz" in o) };
    `,
    { k: "string" },
    { out: "string", copy: "string", keys: "boolean" },
    [{ k: "key" }, { k: "1" }, { k: "b" }, { k: "__proto__" }, { k: "" }],
  ),
  json(
    "deep-nesting",
    `
      const depth = inputs.depth;
      const text = "[".repeat(depth) + "]".repeat(depth);
      let v = JSON.parse(text);
      let d = 0;
      while (Array.isArray(v) && v.length > 0) { v = v[0]; d++; }
      const obj = JSON.parse('{"a":'.repeat(depth) + "1" + "}".repeat(depth));
      return { d: d + 1, back: JSON.stringify(JSON.parse(text)) === text, o: JSON.stringify(obj).length };
    `,
    { depth: "integer" },
    { d: "integer", back: "boolean", o: "integer" },
    [{ depth: 1 }, { depth: 50 }, { depth: 1000 }],
  ),
  json(
    "union-locals-and-null",
    `
      let best: string | null = null;
      let score: number | string = 0;
      for (const w of inputs.words) {
        if (best === null || w.length > best.length) best = w;
        score = typeof score === "number" && score > 2 ? "many" : typeof score === "number" ? score + 1 : score;
      }
      return { best: best ?? "none", score: String(score), isNull: best === null };
    `,
    { words: "string[]" },
    { best: "string", score: "string", isNull: "boolean" },
    [{ words: ["a", "ccc", "bb"] }, { words: [] }, { words: ["x", "y", "z", "w"] }],
  ),
  json(
    "typeof-typed-values",
    `
      const opt: number | undefined = inputs.xs.length > 0 ? inputs.xs[0] : undefined;
      return { t: [typeof inputs.s, typeof inputs.xs, typeof inputs.xs.length, typeof opt, typeof (inputs.s === "")].join(",") };
    `,
    { s: "string", xs: "number[]" },
    { t: "string" },
    [
      { s: "a", xs: [1] },
      { s: "", xs: [] },
    ],
  ),
  json(
    "parse-then-typed-sum",
    `
      const data = JSON.parse(inputs.s);
      let total = 0;
      const skipped: string[] = [];
      if (Array.isArray(data.rows)) {
        for (const row of data.rows) {
          if (typeof row.amount === "number") total += row.amount;
          else skipped.push(JSON.stringify(row));
        }
      }
      return { total, skipped };
    `,
    { s: "string" },
    { total: "number", skipped: "string[]" },
    TEXTS([
      '{"rows": [{"amount": 1.5}, {"amount": "2"}, {"amount": 0.1}, {"other": 1}, {"amount": 0.2}]}',
      '{"rows": []}',
      '{"rows": "x"}',
      '{"rows": [1]}',
    ]),
  ),
  json("parse-without-capability", "return { n: JSON.parse(inputs.s) };", { s: "string" }, { n: "any" }, TEXTS(["1"]), {
    capabilities: [],
    refused: /ICE3002.*json/,
  }),
  json(
    "methods-on-any",
    `
      const d = JSON.parse(inputs.s);
      return {
        upper: d.name.toUpperCase(),
        tags: d.tags.map((t: any) => String(t)).join("|"),
        has: d.tags.includes("x"),
        idx: d.tags.indexOf(null),
        part: d.name.slice(1),
        tail: d.tags.slice(1),
        fixed: d.n.toFixed(2),
        text: d.tags.toString(),
        at: d.name.at(-1),
      };
    `,
    { s: "string" },
    {
      upper: "string",
      tags: "string",
      has: "boolean",
      idx: "number",
      part: "any",
      tail: "any",
      fixed: "string",
      text: "string",
      at: "any",
    },
    TEXTS([
      '{"name": "ada", "tags": ["x", 1, null, true, [2, 3]], "n": 1.005}',
      '{"name": "é日本", "tags": [], "n": -0}',
      '{"name": "", "tags": [null], "n": 1e21}',
      '{"name": 5, "tags": [], "n": 1}',
      '{"name": "x", "tags": "notarray", "n": 1}',
      '{"name": "x", "tags": ["x"], "n": "1"}',
    ]),
  ),
  json(
    "any-array-search",
    `
      const xs: any[] = JSON.parse(inputs.s);
      return {
        nan: xs.includes(NaN), i: xs.indexOf(1), li: xs.lastIndexOf("1"), hasNull: xs.includes(null),
        joined: xs.join("-"), n: xs.length, undef: xs.indexOf(undefined),
      };
    `,
    { s: "string" },
    { nan: "boolean", i: "number", li: "number", hasNull: "boolean", joined: "string", n: "integer", undef: "number" },
    TEXTS(['[1, "1", null, [1, [2]], {"a": 1}, true, 1]', "[]", '[null, null, "1", -0]']),
  ),
  json(
    "switch-on-any",
    `
      const out: string[] = [];
      for (const e of JSON.parse(inputs.s)) {
        switch (e.type) {
          case "add": out.push("+" + e.n); break;
          case 1: out.push("one"); break;
          case null: out.push("null"); break;
          default: out.push("?" + typeof e.type);
        }
      }
      return { out };
    `,
    { s: "string" },
    { out: "string[]" },
    TEXTS(['[{"type": "add", "n": 2}, {"type": 1}, {"type": "1"}, {"type": null}, {}, {"type": true}]', "[]"]),
  ),
  json(
    "destructure-any",
    `
      const { user, items = [], count = 0, ["x-y"]: xy = "none" } = JSON.parse(inputs.s);
      const [first, second = "dflt"] = items;
      let chars = "";
      for (const c of user.name) chars += "[" + c + "]";
      return { chars, first: String(first), second: String(second), count, xy };
    `,
    { s: "string" },
    { chars: "string", first: "string", second: "string", count: "any", xy: "any" },
    TEXTS([
      '{"user": {"name": "a👍b"}, "items": [1, 2], "count": 3, "x-y": 1}',
      '{"user": {"name": ""}, "items": [null]}',
      '{"user": {"name": "x"}, "items": "ab", "count": null}',
      '{"user": {"name": ["p", "q"]}}',
      '{"user": {"name": 5}}',
    ]),
  ),
  json(
    "delete-and-rebuild",
    `
      const o = JSON.parse(inputs.s);
      delete o.b;
      delete o["1"];
      o.b = "again";
      o[0] = "zero";
      return { out: JSON.stringify(o), gone: "c" in o };
    `,
    { s: "string" },
    { out: "string", gone: "boolean" },
    TEXTS(['{"a": 1, "b": 2, "c": 3, "1": 4, "2": 5}', "{}", '{"b": {"x": 1}}']),
  ),
  json(
    "union-parameters",
    `
      function fmt(x: string | number | boolean): string {
        if (typeof x === "number") return x.toFixed(1);
        if (typeof x === "boolean") return x ? "T" : "F";
        return x.toUpperCase();
      }
      const parts: (string | number | boolean)[] = [inputs.s, inputs.n, inputs.n > 0];
      return { out: parts.map(fmt).join(","), first: fmt(parts[0]), eq: parts[0] === inputs.s };
    `,
    { s: "string", n: "number" },
    { out: "string", first: "string", eq: "boolean" },
    [
      { s: "ab", n: 1.25 },
      { s: "", n: -0 },
      { s: "日本", n: -3 },
    ],
  ),
  json(
    "optional-fields-of-any",
    `
      const d = JSON.parse(inputs.s);
      const limit = d.limit ?? 10;
      const label = d.label !== undefined ? String(d.label) : "none";
      return { limit, label, opt: d.nested?.deep ?? "missing", t: typeof d.missing, u: d.missing === undefined };
    `,
    { s: "string" },
    { limit: "any", label: "string", opt: "any", t: "string", u: "boolean" },
    TEXTS([
      '{"limit": 0, "label": null, "nested": {"deep": false}}',
      "{}",
      '{"nested": null, "label": [1,2]}',
      '{"nested": {}}',
    ]),
  ),
  json(
    "stringify-built-in-loop",
    `
      const rows: { id: number; name: string; tags: string[] }[] = [];
      for (const w of inputs.words) rows.push({ id: rows.length, name: w, tags: w.split("") });
      return { out: JSON.stringify({ rows, total: rows.length }, null, "\t") };
    `,
    { words: "string[]" },
    { out: "string" },
    [{ words: ["ab", "", "日"] }, { words: [] }],
  ),
  json(
    "stringify-key-order-ambiguous",
    `
      interface P { a: number; b: number }
      const x: P = { a: 1, b: 2 };
      const y: P = { b: 3, a: 4 };
      const list = inputs.flip ? [y, x] : [x, y];
      return { out: JSON.stringify(list) };
    `,
    { flip: "boolean" },
    { out: "string" },
    [{ flip: true }],
    { refused: /different orders/ },
  ),
  json(
    "any-stored-typed-array-refused",
    "const xs = [1, 2];\nconst a: any = xs;\nxs.push(3);\nreturn { n: a.length };",
    {},
    { n: "number" },
    [{}],
    { refused: /share/ },
  ),
  json(
    "stringify-dates",
    "const d = new Date(inputs.ms);\nreturn { out: JSON.stringify({ at: d, list: [d, new Date(inputs.ms * 1e9)] }) };",
    { ms: "number" },
    { out: "string" },
    [{ ms: 0 }, { ms: 1700000000123 }, { ms: -1 }, { ms: 1e9 }],
    { capabilities: ["json", "time"] },
  ),
  json(
    "any-in-typed-containers",
    `
      interface Entry { key: string; data?: any }
      const entries: Entry[] = [{ key: "a" }, { key: "b", data: JSON.parse(inputs.s) }];
      const byKey = new Map<string, any>();
      for (const e of entries) byKey.set(e.key, e.data);
      const xs: any[] = [1, "two", null];
      function pick(k: string): any {
        if (byKey.has(k)) return byKey.get(k);
      }
      const maybe: Entry | undefined = entries.find((e) => e.key === inputs.k);
      return {
        a: byKey.get("a") === undefined, b: byKey.get("b"), missing: byKey.get("zz") === undefined,
        last: xs.at(-1), far: xs.at(10) === undefined, popped: xs.pop(), picked: pick(inputs.k) ?? "none",
        opt: maybe?.data ?? "no data",
      };
    `,
    { s: "string", k: "string" },
    {
      a: "boolean",
      b: "any",
      missing: "boolean",
      last: "any",
      far: "boolean",
      popped: "any",
      picked: "any",
      opt: "any",
    },
    [
      { s: '{"x": [1]}', k: "b" },
      { s: "0", k: "a" },
      { s: "null", k: "zz" },
    ],
  ),
  json(
    "parse-inside-try",
    "let v: any = null;\ntry { v = JSON.parse(inputs.s); } catch { v = 'bad'; }\nreturn { v };",
    { s: "string" },
    { v: "any" },
    TEXTS(["1", "{"]),
  ),
];
