/**
 * @fileoverview Objects used as dictionaries and the data-shape idioms around them (issue 12 item
 * 2): `Record<string, T>` and index signatures with JavaScript's key order (array-index keys
 * ascending first, then insertion order), missing keys, `delete`, `in`, `for...in`,
 * `Object.keys/values/entries/assign/fromEntries`, object spread and rest, array rest. Realistic
 * bodies (grouping, counting, pivoting, merging configuration, inverting a map) and tricky keys
 * ("__proto__", "constructor", "10", "2", "-1", "01", "", unicode).
 */
import type { OracleCase } from "../oracle.js";
import type { Fields } from "../schema.js";

const TRICKY_WORDS = [
  { words: ["b", "a", "10", "2", "-1", "01", "", "b", "2", "4294967294", "4294967295", "1.5"] },
  { words: ["constructor", "toString", "x", "constructor", "hasOwnProperty"] },
  { words: ["é", "日本", "👍🏽", "e\u0301", "日本"] },
  { words: [] },
];

const WORDS_NO_PROTO = [
  { words: ["b", "a", "10", "2", "-1", "01", "", "b", "2", "4294967294", "4294967295", "1.5"] },
  { words: ["é", "日本", "👍🏽", "e\u0301", "日本", "x"] },
  { words: [] },
];

const ORDERS: Fields = {
  orders: [{ region: "string", sku: "string", qty: "integer", price: "number" }],
};
const ORDER_INPUTS = [
  {
    orders: [
      { region: "west", sku: "B-2", qty: 3, price: 2.5 },
      { region: "east", sku: "A-1", qty: 1, price: 10 },
      { region: "west", sku: "A-1", qty: 2, price: 10 },
      { region: "10", sku: "C", qty: 5, price: 0.1 },
      { region: "2", sku: "C", qty: 1, price: 0.2 },
    ],
  },
  { orders: [] },
];

export const DICTIONARIES: readonly OracleCase[] = [
  {
    name: "dict/count-words-key-order",
    body: `
      const counts: Record<string, number> = {};
      for (const w of inputs.words) counts[w] = (counts[w] ?? 0) + 1;
      return { keys: Object.keys(counts), values: Object.values(counts), n: Object.keys(counts).length };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", values: "number[]", n: "integer" },
    inputs: TRICKY_WORDS,
  },
  {
    name: "dict/count-with-in-check",
    body: `
      const counts: { [word: string]: number } = {};
      for (const w of inputs.words) {
        if (w in counts) counts[w]++;
        else counts[w] = 1;
      }
      const lines: string[] = [];
      for (const k in counts) lines.push(k + ":" + counts[k]);
      return { lines };
    `,
    input: { words: "string[]" },
    output: { lines: "string[]" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/in-sees-inherited-members",
    body: `
      const o: Record<string, number> = { a: 1 };
      return { found: inputs.words.map((w) => w in o), own: inputs.words.map((w) => Object.hasOwn(o, w)) };
    `,
    input: { words: "string[]" },
    output: { found: "boolean[]", own: "boolean[]" },
    inputs: [{ words: ["a", "b", "constructor", "toString", "__proto__", "valueOf", ""] }],
  },
  {
    name: "dict/proto-key-assignment-creates-no-key",
    body: `
      const o: Record<string, number> = {};
      for (const w of inputs.words) o[w] = w.length;
      o["__proto__"] = 5;
      return { keys: Object.keys(o), n: Object.values(o).reduce((a, b) => a + b, 0) };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", n: "number" },
    inputs: [{ words: ["__proto__", "constructor", "a"] }, { words: [] }],
  },
  {
    name: "dict/fromEntries-keeps-proto-key",
    body: `
      const o = Object.fromEntries(inputs.words.map((w, i) => [w, i]));
      const copy = { ...o };
      return { keys: Object.keys(o), copied: Object.keys(copy), at: o["__proto__"] ?? -1 };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", copied: "string[]", at: "number" },
    inputs: [{ words: ["__proto__", "b", "1", "a", "0"] }, { words: ["x"] }],
  },
  {
    name: "dict/missing-key-is-undefined",
    body: `
      const prices: Record<string, number> = { apple: 1.5, pear: 0 };
      const found = inputs.words.map((w) => prices[w] !== undefined);
      const truthy = inputs.words.map((w) => (prices[w] ? "yes" : "no"));
      const total = inputs.words.reduce((acc, w) => acc + (prices[w] ?? 0), 0);
      const orDefault = inputs.words.map((w) => prices[w] || -1);
      return { found, truthy, total, orDefault };
    `,
    input: { words: "string[]" },
    output: { found: "boolean[]", truthy: "string[]", total: "number", orDefault: "number[]" },
    inputs: [{ words: ["apple", "pear", "fig", ""] }, { words: [] }],
  },
  {
    name: "dict/group-by-region",
    body: `
      const groups: Record<string, string[]> = {};
      for (const o of inputs.orders) {
        const list = groups[o.region];
        if (list) list.push(o.sku);
        else groups[o.region] = [o.sku];
      }
      return { regions: Object.keys(groups), skus: Object.values(groups).map((g) => g.join("+")) };
    `,
    input: ORDERS,
    output: { regions: "string[]", skus: "string[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "dict/group-by-with-coalescing-assignment",
    body: `
      const byRegion: Record<string, { count: number; revenue: number }> = {};
      for (const o of inputs.orders) {
        byRegion[o.region] ??= { count: 0, revenue: 0 };
        byRegion[o.region].count += 1;
        byRegion[o.region].revenue += o.qty * o.price;
      }
      const rows = Object.entries(byRegion).map(([region, g]) => region + "=" + g.count + "/" + g.revenue);
      return { rows };
    `,
    input: ORDERS,
    output: { rows: "string[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "dict/pivot-region-by-sku",
    body: `
      const table: Record<string, Record<string, number>> = {};
      const skus: Record<string, boolean> = {};
      for (const o of inputs.orders) {
        const row = (table[o.region] ??= {});
        row[o.sku] = (row[o.sku] ?? 0) + o.qty;
        skus[o.sku] = true;
      }
      const header = Object.keys(skus).sort();
      const lines = Object.keys(table).map((r) => r + ": " + header.map((s) => table[r][s] ?? 0).join(","));
      return { header, lines };
    `,
    input: ORDERS,
    output: { header: "string[]", lines: "string[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "dict/invert-a-map",
    body: `
      const byName: Record<string, string> = {};
      for (const w of inputs.words) byName[w] = w.toUpperCase();
      const inverted: Record<string, string> = {};
      for (const [k, v] of Object.entries(byName)) inverted[v] = k;
      return { keys: Object.keys(inverted), values: Object.values(inverted) };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", values: "string[]" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/delete-and-re-add-goes-last",
    body: `
      const o: Record<string, number> = { b: 1, a: 2, 5: 3, c: 4 };
      delete o["b"];
      delete o[5];
      const gone = delete o["nothing"];
      o["b"] = 9;
      o[3] = 7;
      for (const w of inputs.words) delete o[w];
      return { keys: Object.keys(o), values: Object.values(o), gone };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", values: "number[]", gone: "boolean" },
    inputs: [{ words: [] }, { words: ["a", "3"] }],
  },
  {
    name: "dict/number-keys-convert-to-strings",
    body: `
      const o: Record<string, string> = {};
      for (const x of inputs.xs) o[x] = String(x);
      return { keys: Object.keys(o), has1: 1 in o, hasStr: "1" in o };
    `,
    input: { xs: "number[]" },
    output: { keys: "string[]", has1: "boolean", hasStr: "boolean" },
    inputs: [{ xs: [10, 2, -1, 1.5, 1, -0, 0, 1e21, 4294967295, 0.1] }, { xs: [] }],
  },
  {
    name: "dict/merge-config-objects",
    body: `
      interface Config { retries: number; verbose: boolean; name: string }
      const defaults: Config = { retries: 3, verbose: false, name: "job" };
      const merged: Config = { ...defaults, ...inputs.overrides, name: inputs.overrides.name ?? defaults.name + "-1" };
      return { retries: merged.retries, verbose: merged.verbose, name: merged.name };
    `,
    input: { overrides: { retries: "integer?", verbose: "boolean?", name: "string?" } },
    output: { retries: "integer", verbose: "boolean", name: "string" },
    inputs: [{ overrides: {} }, { overrides: { retries: 0, verbose: true } }, { overrides: { name: "x", retries: 7 } }],
  },
  {
    name: "dict/merge-records-later-wins",
    body: `
      const a: Record<string, number> = {};
      const b: Record<string, number> = {};
      inputs.words.forEach((w, i) => {
        if (i % 2 === 0) a[w] = i;
        else b[w] = i;
      });
      const merged: Record<string, number> = { ...a, ...b, extra: -1 };
      const assigned = Object.assign({}, b, a);
      return {
        merged: Object.entries(merged).map(([k, v]) => k + "=" + v),
        assigned: Object.entries(assigned).map(([k, v]) => k + "=" + v),
      };
    `,
    input: { words: "string[]" },
    output: { merged: "string[]", assigned: "string[]" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/object-rest-and-keys-of-shapes",
    body: `
      const point = { y: inputs.x, x: 2, label: "p" };
      const { label, ...coords } = point;
      const keys: string[] = [];
      for (const k in coords) keys.push(k);
      return { label, keys, all: Object.keys(point), sum: Object.values(coords).reduce((a, b) => a + b, 0) };
    `,
    input: { x: "number" },
    output: { label: "string", keys: "string[]", all: "string[]", sum: "number" },
    inputs: [{ x: 1 }, { x: -0.5 }],
  },
  {
    name: "dict/array-rest-and-defaults",
    body: `
      const [first, second = "none", ...others] = inputs.words;
      const [[a, b], c] = [[1, 2], [3]];
      const { p: { q = 10, r } } = { p: { q: inputs.words.length > 1 ? 5 : undefined, r: 6 } };
      return { first: first ?? "empty", second, others, n: a + b + c[0] + q + r };
    `,
    input: { words: "string[]" },
    output: { first: "string", second: "string", others: "string[]", n: "number" },
    inputs: [{ words: ["a", "b", "c", "d"] }, { words: ["a"] }, { words: [] }],
  },
  {
    name: "dict/record-with-optional-values",
    body: `
      const last: Record<string, number | undefined> = {};
      for (const w of inputs.words) last[w] = w.length > 1 ? w.length : undefined;
      const keys = Object.keys(last);
      return { keys, defined: keys.filter((k) => last[k] !== undefined).length, has: inputs.words.map((w) => w in last) };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", defined: "integer", has: "boolean[]" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/truthiness-of-optional-numbers",
    body: `
      const o = inputs.o;
      return { a: o.n || 5, b: o.n ? "set" : "unset", c: !o.n, d: o.s || "dflt", e: o.b || false };
    `,
    input: { o: { n: "number?", s: "string?", b: "boolean?" } },
    output: { a: "number", b: "string", c: "boolean", d: "string", e: "boolean" },
    inputs: [{ o: { n: 0, s: "", b: false } }, { o: {} }, { o: { n: 2, s: "x", b: true } }, { o: { n: -0 } }],
  },
  {
    name: "dict/missing-key-in-arithmetic-is-NaN",
    body: `
      const stock: Record<string, number> = { apple: 3, pear: 0 };
      const doubled = inputs.words.map((w) => String(stock[w] * 2));
      const counts: Record<string, number> = {};
      for (const w of inputs.words) counts[w] += 1;
      const bumped: Record<string, number> = {};
      for (const w of inputs.words) bumped[w]++;
      const [a, b, c] = inputs.words.map((w) => w.length);
      return {
        doubled,
        counts: Object.values(counts).map((n) => String(n)),
        bumped: Object.values(bumped).map((n) => String(n)),
        less: stock[inputs.words[0] ?? ""] < 1,
        sum: String(a + b * 10 + c * 100),
      };
    `,
    input: { words: "string[]" },
    output: { doubled: "string[]", counts: "string[]", bumped: "string[]", less: "boolean", sum: "string" },
    inputs: [{ words: ["apple", "fig", "pear"] }, { words: ["fig"] }, { words: [] }],
  },
  {
    name: "dict/entries-sorted-and-rebuilt",
    body: `
      const scores: Record<string, number> = {};
      inputs.words.forEach((w, i) => {
        scores[w] = (scores[w] ?? 0) + i * 1.5 - 2;
      });
      const ranked = Object.entries(scores).sort(([, a], [, b]) => b - a || 0);
      const doubled = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k.toUpperCase(), v * 2]));
      return { ranked: ranked.map(([k, v]) => k + ":" + v), doubled: Object.keys(doubled), sum: Object.values(doubled).reduce((a, b) => a + b, 0) };
    `,
    input: { words: "string[]" },
    output: { ranked: "string[]", doubled: "string[]", sum: "number" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/aliasing-and-copies",
    body: `
      const a: Record<string, number> = { x: 1 };
      const alias = a;
      const copy = { ...a };
      alias["y"] = 2;
      copy["z"] = 3;
      const shape = { p: inputs.x, q: 2 };
      const clone = { ...shape };
      clone.p = 100;
      return { a: Object.keys(a), copy: Object.keys(copy), p: shape.p, cp: clone.p };
    `,
    input: { x: "number" },
    output: { a: "string[]", copy: "string[]", p: "number", cp: "number" },
    inputs: [{ x: 1 }],
  },
  {
    name: "dict/for-in-deleting-and-adding",
    body: `
      const o: Record<string, number> = {};
      inputs.words.forEach((w, i) => {
        o[w] = i;
      });
      const seen: string[] = [];
      for (const k in o) {
        seen.push(k);
        if (o[k] % 2 === 0) delete o[k];
        o[k + "!"] = -1;
      }
      return { seen, left: Object.keys(o) };
    `,
    input: { words: "string[]" },
    output: { seen: "string[]", left: "string[]" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/closures-over-dictionaries",
    body: `
      const index: Record<string, number[]> = {};
      const add = (key: string, at: number) => {
        (index[key] ??= []).push(at);
      };
      inputs.words.forEach((w, i) => add(w.length > 2 ? "long" : "short", i));
      const count = (key: string) => (key in index ? index[key].length : 0);
      let total = 0;
      for (const k in index) total += count(k);
      return { long: index["long"] ?? [], short: count("short"), total };
    `,
    input: { words: "string[]" },
    output: { long: "number[]", short: "integer", total: "integer" },
    inputs: WORDS_NO_PROTO,
  },
  {
    name: "dict/object-assign-into-existing",
    body: `
      const settings = { width: 10, height: 20, title: "t" };
      Object.assign(settings, { width: inputs.x }, { title: "new" });
      const merged: Record<string, number> = Object.assign({}, { b: 1, a: 2 }, { 10: 3, a: 4 });
      return { width: settings.width, title: settings.title, keys: Object.keys(merged), values: Object.values(merged) };
    `,
    input: { x: "number" },
    output: { width: "number", title: "string", keys: "string[]", values: "number[]" },
    inputs: [{ x: 5 }],
  },
  {
    name: "dict/keys-of-input-object-refused",
    body: `
      return { keys: Object.keys(inputs.p) };
    `,
    input: { p: { a: "number", b: "number" } },
    output: { keys: "string[]" },
    inputs: [{ p: { b: 1, a: 2 } }],
    refused: /order of its keys is not known/,
  },
  {
    name: "dict/spread-optional-over-value-refused",
    body: `
      const base = { a: 1, b: 2 };
      const patch: { b?: number } = inputs.x > 0 ? { b: undefined } : {};
      const out = { ...base, ...patch };
      return { b: out.b ?? -1 };
    `,
    input: { x: "number" },
    output: { b: "number" },
    inputs: [{ x: 1 }, { x: -1 }],
    refused: /JavaScript copies it even when it holds undefined/,
  },
  {
    name: "dict/for-in-over-array-refused",
    body: `
      let s = "";
      for (const i in inputs.xs) s += i;
      return { s };
    `,
    input: { xs: "number[]" },
    output: { s: "string" },
    inputs: [{ xs: [1, 2] }],
    refused: /for\.\.\.in over this value/,
  },
  {
    name: "dict/undefined-as-text",
    body: `
      const labels: Record<string, string> = { a: "A" };
      const counts: Record<string, number> = { a: 1 };
      const [first, second] = inputs.words;
      const v = inputs.xs[3];
      return {
        lines: inputs.words.map((w) => w + "=" + labels[w] + "/" + String(counts[w]) + \`/\${counts[w]}\`),
        pair: "first " + first + ", second " + second + ", " + String(v) + " " + \`\${inputs.xs[5]}\`,
      };
    `,
    input: { words: "string[]", xs: "number[]" },
    output: { lines: "string[]", pair: "string" },
    inputs: [
      { words: ["a", "b"], xs: [1, 2, 3, 4.5] },
      { words: [], xs: [] },
    ],
  },
  {
    name: "dict/reading-inherited-member-stops",
    body: `
      const counts: Record<string, number> = {};
      for (const w of inputs.words) counts[w] = (counts[w] ?? 0) + 1;
      return { n: Object.keys(counts).length };
    `,
    input: { words: "string[]" },
    output: { n: "integer" },
    inputs: [{ words: ["a", "b", "a"] }],
  },
];
