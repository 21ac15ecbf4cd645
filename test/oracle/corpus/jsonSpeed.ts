/**
 * @fileoverview Oracle cases for the fast paths of JSON in the sandbox (issue 13): objects past
 * the in-place search (9+ properties: the position index) with duplicate keys, integer-like keys
 * arriving late, deletes and re-adds; shared small values (0..255, -0 apart); typed values written
 * straight into JSON text (optional fields, nested arrays, tuples, non-finite numbers, unicode,
 * indentation); numbers read from `any` in comparisons, sums and `.length` without boxing.
 */
import type { OracleCase } from "../oracle.js";

function fast(
  name: string,
  body: string,
  input: OracleCase["input"],
  output: OracleCase["output"],
  inputs: readonly unknown[],
  extra: Partial<OracleCase> = {},
): OracleCase {
  return { name: `jsonfast/${name}`, body, input, output, inputs, capabilities: ["json"], ...extra };
}

/** An object's text with n keys k0..k{n-1}, some repeated, some integer-like. */
function objectText(n: number, dup: boolean, ints: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`"k${i}": ${i}`);
    if (dup && i % 4 === 3) parts.push(`"k${i - 2}": "dup${i}"`);
    if (ints && i % 5 === 4) parts.push(`"${(n * 7 - i * 3) % 40}": [${i}]`);
  }
  return `{${parts.join(", ")}}`;
}

const BIG = [0, 1, 8, 9, 10, 17, 33, 70].flatMap((n) => [
  { s: objectText(n, false, false) },
  { s: objectText(n, true, true) },
]);

/** Records whose keys repeat, in changing orders, with prefixes, escapes and more than 32 names. */
const NAME_TEXTS = [
  '[{"a": 1, "ab": 2, "abc": 3}, {"abc": 4, "ab": 5, "a": 6}, {"a": 7, "\\u0061": 8, "a\\u0062": 9}]',
  '[{"id": 1, "name": "x"}, {"id": 2, "name": "y", "extra": true}, {"name": "z", "id": 3}, {"id": 4}]',
  `[${Array.from({ length: 40 }, (_, i) => `{"key${i}": ${i}, "key${39 - i}": "v", "日本${i % 3}": null}`).join(", ")}]`,
  '[{"": 1, " ": 2, "\\"": 3}, {"\\"": 4, "": 5}]',
  '[{"x": 1}, {"x" : 2}, {"x"\n:\t3}, {"xy": 4, "x": 5}]',
  '[{"a": true, "b": false, "c": null}, {"a": truex}]',
  '[{"a": fals}]',
  "[nul]",
  "[1, 12, 123456789012345, 1234567890123456, -0, -12.5e3, 9007199254740993]",
];

export const JSON_SPEED: readonly OracleCase[] = [
  fast(
    "parse-repeated-names",
    `
      const v = JSON.parse(inputs.s);
      let keys = 0;
      for (const r of v) if (typeof r === "object" && r !== null) keys += JSON.stringify(r).length;
      return { out: JSON.stringify(v), keys, first: JSON.stringify(v[0]) };
    `,
    { s: "string" },
    { out: "string", keys: "integer", first: "string" },
    NAME_TEXTS.map((s) => ({ s })),
  ),
  fast(
    "big-objects-read-delete-readd",
    `
      const v = JSON.parse(inputs.s);
      const before = JSON.stringify(v);
      const got = [v.k3, v["7"], v.k15, v.k1, v.missing === undefined, "k20" in v, "12" in v];
      delete v.k3;
      delete v["7"];
      delete v.k0;
      const mid = JSON.stringify(v);
      v.k3 = "again";
      v["7"] = 7;
      v["3"] = -3;
      v.zz = [v.k1, v.k9];
      v.k1 = null;
      return { before, mid, got: JSON.stringify(got), after: JSON.stringify(v) };
    `,
    { s: "string" },
    { before: "string", mid: "string", got: "string", after: "string" },
    BIG,
  ),
  fast(
    "object-built-by-keys",
    `
      const o: any = {};
      const n = inputs.n;
      for (let i = 0; i < n; i++) o["k" + ((i * 7) % n)] = i;
      for (let i = n; i >= 0; i -= 3) o[String(i)] = -i;
      for (let i = 0; i < n; i += 4) delete o["k" + i];
      for (let i = 0; i < n; i += 8) o["k" + i] = "back";
      const copy = { ...o, extra: true, k1: "over" };
      let sum = 0;
      for (let i = 0; i < n; i++) if (typeof o["k" + i] === "number") sum += o["k" + i];
      return { out: JSON.stringify(o), copy: JSON.stringify(copy), sum };
    `,
    { n: "integer" },
    { out: "string", copy: "string", sum: "number" },
    [{ n: 0 }, { n: 1 }, { n: 7 }, { n: 9 }, { n: 16 }, { n: 50 }],
  ),
  fast(
    "shared-small-numbers",
    `
      const a = JSON.parse(inputs.s);
      const signs: boolean[] = [];
      const same: boolean[] = [];
      for (let i = 0; i < a.length; i++) {
        signs.push(1 / a[i] < 0);
        same.push(a[i] === a[0]);
      }
      const b: any = [0, -0, 255, 256, true, false, null];
      b.push(a.length);
      return { signs, same, out: JSON.stringify(a), b: JSON.stringify(b), neg: 1 / b[1] < 0 };
    `,
    { s: "string" },
    { signs: "boolean[]", same: "boolean[]", out: "string", b: "string", neg: "boolean" },
    [
      { s: "[0, -0, 255, 256, -1, 1.5, 0.0, -0.0, 1e2, 255.5]" },
      { s: "[-0, 0]" },
      { s: "[true, false, null, 0]" },
      { s: "[]" },
    ],
  ),
  fast(
    "typed-records-to-text",
    `
      interface Row { id: number; name: string; score: number; ok: boolean; tags: string[]; note?: string }
      const rows: Row[] = [];
      for (let i = 0; i < inputs.names.length; i++) {
        const name = inputs.names[i];
        if (i % 2 === 0) rows.push({ id: i, name, score: (inputs.scores[i % inputs.scores.length] ?? 0) * inputs.k, ok: i % 3 === 0, tags: name.split(""), note: name + "!" });
        else rows.push({ id: -i, name, score: (i - 1) / (i - 1) + 1 / (i - 3), ok: false, tags: [] });
      }
      return { compact: JSON.stringify(rows), pretty: JSON.stringify(rows, null, 2), tab: JSON.stringify({ rows, n: rows.length }, null, "\\t") };
    `,
    { names: "string[]", scores: "number[]", k: "number" },
    { compact: "string", pretty: "string", tab: "string" },
    [
      { names: ["a", "b", "c"], scores: [1.5, -0, 1e21], k: 1 },
      { names: [], scores: [], k: 1 },
      {
        names: ['q"uote\\\\', "日本👍🏽", "lone \ud800", "\u2028\u2029", "ctl \u0001\u001f"],
        scores: [1e308, -1e308, 5e-324, 0],
        k: 10,
      },
    ],
  ),
  fast(
    "typed-nested-arrays-and-tuples",
    `
      const grid: number[][] = [];
      for (let i = 0; i < inputs.n; i++) {
        const row: number[] = [];
        for (let j = 0; j <= i; j++) row.push(j === 2 ? 0 / 0 : i * j - 0.5);
        grid.push(row);
      }
      const pairs: [string, number][] = [];
      for (let i = 0; i < inputs.n; i++) pairs.push(["p" + i, -i]);
      const maybe: { a?: number; b: string }[] = [{ a: 1, b: "x" }, { b: "y" }];
      return { grid: JSON.stringify(grid), pairs: JSON.stringify(pairs, null, 1), maybe: JSON.stringify(maybe), empty: JSON.stringify({ a: [], b: {} }, null, 4) };
    `,
    { n: "integer" },
    { grid: "string", pairs: "string", maybe: "string", empty: "string" },
    [{ n: 0 }, { n: 1 }, { n: 4 }],
  ),
  fast(
    "any-numbers-without-boxes",
    `
      const v = JSON.parse(inputs.s);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < v.length; i++) {
        sum += v[i].score;
        if (i < v[i].score) count++;
        if (v[i].score >= i) count += 10;
      }
      const len = v.length - 1;
      return { sum: String(sum), count, len: String(len), half: String(v.length / 2) };
    `,
    { s: "string" },
    { sum: "string", count: "integer", len: "string", half: "string" },
    [
      { s: '[{"score": 1}, {"score": 2.5}, {"score": -0}, {"score": 300}]' },
      { s: "[]" },
      { s: '[{"score": null}, {"score": true}, {"score": false}, {"score": 1e300}, {"score": 1e300}]' },
      { s: '[{"x": 1}]' },
      { s: '"abc"' },
      { s: "{}" },
      { s: '{"length": 2, "0": {"score": 4}, "1": {"score": 5}}' },
      { s: '{"length": "2"}' },
      { s: "null" },
    ],
  ),
  fast(
    "deep-nesting-at-the-limit",
    `
      const depth = inputs.depth;
      const text = '[{"a":'.repeat(depth) + "[]" + "}]".repeat(depth);
      const v = JSON.parse(text);
      let d = 0;
      let x = v;
      while (Array.isArray(x) && x.length > 0) { x = x[0].a; d++; }
      return { d, same: JSON.stringify(v) === text, n: JSON.stringify(v, null, depth > 100 ? 0 : 1).length };
    `,
    { depth: "integer" },
    { d: "integer", same: "boolean", n: "integer" },
    [{ depth: 1 }, { depth: 1249 }, { depth: 2500 }],
  ),
  fast(
    "shared-and-cyclic-values",
    `
      const o: any = { a: 1 };
      const list: any[] = [o, o, { x: o, y: [o] }];
      const ok = JSON.stringify({ list, again: list });
      const k = inputs.k;
      if (k === 1) o.self = o;
      if (k === 2) list.push(list);
      if (k === 3) { const b: any = { list }; list.push(b); }
      if (k === 4) o.inner = { deeper: [1, { back: o }] };
      return { ok, out: JSON.stringify([o, list]) };
    `,
    { k: "integer" },
    { ok: "string", out: "string" },
    [{ k: 0 }, { k: 1 }, { k: 2 }, { k: 3 }, { k: 4 }],
  ),
  fast(
    "special-units-at-every-offset",
    `
      const out: string[] = [];
      let same = 0;
      for (let len = 0; len < 11; len++) {
        for (let at = 0; at < len; at++) {
          for (const ch of inputs.specials) {
            const s = "abcdefghijk".slice(0, at) + ch + "ABCDEFGHIJK".slice(at + 1, len);
            const text = JSON.stringify(s);
            const back = JSON.parse(text);
            if (back === s) same++;
            if (at === len - 1 || at === 3 || at === 4) out.push(text);
          }
        }
      }
      return { same, text: out.join("|") };
    `,
    { specials: "string[]" },
    { same: "integer", text: "string" },
    [
      {
        specials: [
          '"',
          "\\",
          "\n",
          "\u0000",
          "\u001f",
          " ",
          "~",
          "\u007f",
          "\u0080",
          "é",
          "\u2028",
          "\ud800",
          "\udc00",
          "\uffff",
          "\u0122",
          "\u015c",
          "\u0a20",
        ],
      },
      { specials: ["\ud83d\ude00", 'a"', "\\\\", "\u0020\u001f"] },
    ],
  ),
  fast(
    "typed-number-digits",
    `
      const rows: { n: number; half: number }[] = [];
      for (const x of inputs.xs) rows.push({ n: x, half: x / 2 });
      for (let d = 1; d < 1e10; d *= 10) rows.push({ n: d, half: d - 1 });
      return { out: JSON.stringify(rows) };
    `,
    { xs: "number[]" },
    { out: "string" },
    [
      { xs: [0, -0, 5, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 12345, 2147483647, 2147483648, 4294967296] },
      { xs: [-1, -10, -2147483648, 1e21, 1e-7, 0.5, 123.456, 9007199254740994] },
    ],
  ),
  fast(
    "literal-of-typed-values",
    `
      const rows = inputs.xs.map((x) => ({ x, s: String(x), half: x / 2 }));
      const tags: string[] = [];
      const note: string | undefined = inputs.xs.length > 1 ? "many" : undefined;
      const extra: any = inputs.xs.length > 2 ? { deep: [1, { e: "x" }] } : undefined;
      const a = JSON.stringify({ rows, n: rows.length, 10: "ten", 2: true, tags, note, extra, tail: null });
      const b = JSON.stringify({ tags, late: tags.push("pushed later"), rows: rows.slice(0, 1) }, null, "--");
      const c = JSON.stringify({ count: rows.length, more: rows.push({ x: -1, s: "added", half: 0 }), rows }, null, 2);
      return { a, b, c };
    `,
    { xs: "number[]" },
    { a: "string", b: "string", c: "string" },
    [{ xs: [] }, { xs: [1.5] }, { xs: [1, -0, 3e21] }],
  ),
];
