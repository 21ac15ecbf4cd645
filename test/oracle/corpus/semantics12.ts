/**
 * @fileoverview Round 12 of values of type 'any' (parsed JSON, often a tool's or an LLM's) meeting
 * typed code: summed into a typed number by a compound assignment (`sum += row.score`), pushed
 * into a typed array (`names.push(item.name)`), a parsed object taken as a typed record whose
 * fields are missing or of another kind, and optional regex capture groups. Inputs carry null,
 * missing fields, strings where numbers are expected, and unicode. Cases named `...refused` must
 * stay refused with a located message.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const s12 = cases("semantics12", ["json"]);
const OUT = { out: "string" };
const S = { s: "string" };

/** A tool's rows: scores of every kind a JSON reply may give. */
const ROWS = [
  { s: '[{"name":"Ada","score":3,"n":2},{"name":"Bo","score":4.5,"n":1}]' },
  { s: '[{"name":42,"score":"7","n":"2"},{"name":"Cy","score":1}]' },
  { s: '[{"name":null,"score":null,"n":null},{}]' },
  { s: "[]" },
  { s: '[{"name":"Zürich 😀","score":-0,"n":true},{"name":["a"],"score":[2],"n":{}}]' },
  { s: '[{"name":"x","score":1e21,"n":0.1},{"name":"y","score":0.2,"n":0.2}]' },
];

export const SEMANTICS_12: readonly OracleCase[] = [
  s12(
    "sum-plus-assign-any",
    [
      "const rows = JSON.parse(inputs.s);",
      "let sum = 0;",
      "for (const row of rows) sum += row.score;",
      "return { out: String(sum) + ' ' + typeof sum };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "sum-typed-plus-assign-any",
    [
      "const rows: any[] = JSON.parse(inputs.s);",
      "let total: number = 0;",
      "let weighted = 0;",
      "for (const row of rows) {",
      "  total += row.score;",
      "  weighted = weighted + row.n * 2;",
      "}",
      "return { out: JSON.stringify({ total, weighted }) + ' ' + (total > 3) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "compound-assign-minus-times-any",
    [
      "const rows = JSON.parse(inputs.s);",
      "let budget = 100;",
      "let product = 1;",
      "let count = 0;",
      "for (let i = 0; i < rows.length; i++) {",
      "  budget -= rows[i].score;",
      "  product *= rows[i].n;",
      "  count++;",
      "}",
      "return { out: [budget, product, count].join(',') };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "string-plus-assign-any",
    [
      "const rows = JSON.parse(inputs.s);",
      "let line = '';",
      "for (const row of rows) line += row.name + ';';",
      "let report: string = 'names:';",
      "for (const row of rows) report += row.name;",
      "return { out: line + ' ' + report };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "logical-assign-any",
    [
      "const rows = JSON.parse(inputs.s);",
      "const first = rows[0] ?? {};",
      "let label = '';",
      "label ||= first.name;",
      "let score = 0;",
      "score ??= first.score;",
      "let n = 1;",
      "n &&= first.n;",
      "return { out: JSON.stringify([label, score, n]) + typeof label };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "average-score-of-tool-rows",
    [
      "const data = JSON.parse(inputs.s);",
      "let sum = 0;",
      "let seen = 0;",
      "for (const row of data) {",
      "  if (row.score === undefined || row.score === null) continue;",
      "  sum += row.score;",
      "  seen += 1;",
      "}",
      "const avg = seen === 0 ? 0 : sum / seen;",
      "return { out: `avg=${avg} of ${seen}` };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "push-any-into-string-array",
    [
      "const items = JSON.parse(inputs.s);",
      "const names: string[] = [];",
      "for (const item of items) names.push(item.name);",
      "return { out: names.join('|') + ' ' + names.length + ' ' + JSON.stringify(names) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "push-any-into-number-array-and-sum",
    [
      "const items = JSON.parse(inputs.s);",
      "const scores: number[] = [];",
      "for (const item of items) scores.push(item.score);",
      "const top = scores.length > 0 ? scores[0] : -1;",
      "return { out: JSON.stringify(scores) + ' ' + top };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "index-assign-any-into-array",
    [
      "const items = JSON.parse(inputs.s);",
      "const names: string[] = items.map(() => '');",
      "for (let i = 0; i < items.length; i++) names[i] = items[i].name;",
      "const scores: number[] = [];",
      "for (let i = 0; i < items.length; i++) scores[i] = items[i].score;",
      "return { out: JSON.stringify(names) + JSON.stringify(scores) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "spread-and-concat-any-into-array",
    [
      "const items = JSON.parse(inputs.s);",
      "let names: string[] = ['start'];",
      "for (const item of items) names = [...names, item.name];",
      "const more = names.concat(items.map((i: any) => i.name));",
      "return { out: JSON.stringify(more) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "config-from-json-parse",
    [
      "interface Config { retries: number; model: string; verbose: boolean }",
      "const cfg: Config = JSON.parse(inputs.s);",
      "const retries = cfg.retries ?? 3;",
      "return { out: `${cfg.model} x${retries} ${cfg.verbose ? 'loud' : 'quiet'}` };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: '{"retries":2,"model":"gpt","verbose":true}' },
      { s: '{"model":"m"}' },
      { s: '{"retries":"5","model":7,"verbose":"no"}' },
      { s: "{}" },
    ],
  ),
  s12(
    "user-as-typed-record",
    [
      "type User = { name: string; age: number };",
      "const data = JSON.parse(inputs.s);",
      "const user = data.user as User;",
      "const label = user.name + ' (' + user.age + ')';",
      "return { out: label };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: '{"user":{"name":"Ada","age":36}}' },
      { s: '{"user":{"name":"Bo"}}' },
      { s: '{"user":{"name":5,"age":"x"}}' },
    ],
  ),
  s12(
    "optional-capture-group-tested",
    [
      "const m = /(\\d+)(?:\\.(\\d+))?/.exec(inputs.s);",
      "if (!m) return { out: 'none' };",
      "const minor = m[2] ?? 'undef';",
      "const patch = m[2] === undefined ? 0 : Number(m[2]);",
      "return { out: m[1] + ':' + minor + ':' + patch };",
    ].join("\n"),
    S,
    OUT,
    [{ s: "v1.2" }, { s: "v10" }, { s: "none" }, { s: "3.14 and 7" }],
    ["math"],
  ),
  // Refused: `minor` is a string, which cannot hold the undefined of a group that did not take
  // part; the message says to test it at the read (`m[2] ?? ""`) or declare it `string | undefined`.
  s12(
    "optional-capture-group-refused",
    [
      "const m = /(\\d+)(?:\\.(\\d+))?/.exec(inputs.s);",
      "if (!m) return { out: 'none' };",
      "const minor = m[2];",
      "return { out: m[1] + ':' + (minor === undefined ? 'undef' : minor) + ':' + String(m[2]) };",
    ].join("\n"),
    S,
    OUT,
    [{ s: "v1.2" }, { s: "v10" }, { s: "none" }, { s: "3.14 and 7" }],
    ["math"],
  ),
  s12(
    "match-or-empty",
    [
      "const tags = inputs.s.match(/#\\w+/g) ?? [];",
      "const first = (inputs.s.match(/@(\\w+)/) || [])[1] || 'nobody';",
      "const second = (inputs.s.match(/@(\\w+) @(\\w+)/) ?? [])[2] ?? 'none';",
      "return { out: tags.join(',') + ' ' + tags.length + ' ' + first + ' ' + second };",
    ].join("\n"),
    S,
    OUT,
    [{ s: "#a #b @me" }, { s: "nothing" }, { s: "@only @two" }, { s: "" }],
    ["math"],
  ),
  // Refused: when nothing matched the element is undefined, which `first` (a string) cannot hold;
  // the message says to write `?? ""` at the read, or to test the match first.
  s12(
    "match-or-empty-index-refused",
    ["const first = (inputs.s.match(/@(\\w+)/) || [])[1];", "return { out: String(first) };"].join("\n"),
    S,
    OUT,
    [{ s: "@me" }, { s: "nothing" }],
    ["math"],
  ),
  // Refused: a parameter typed `Iterable<T>` (an array, a Set, a generator may come in); the
  // message says how iterators are used. `values: readonly number[]` compiles.
  s12(
    "iterable-parameter-refused",
    [
      "function total(values: Iterable<number>): number {",
      "  let t = 0;",
      "  for (const v of values) t += v;",
      "  return t;",
      "}",
      "const xs = inputs.s.split(',').map(Number);",
      "return { out: String(total(xs)) + ' ' + total(new Set(xs)) };",
    ].join("\n"),
    S,
    OUT,
    [{ s: "1,2,3" }, { s: "" }, { s: "2,2,5" }],
    ["math"],
  ),
  s12(
    "object-literal-totals-plus-assign",
    [
      "const rows = JSON.parse(inputs.s);",
      "const stats = { total: 0, count: 0 };",
      "for (const r of rows) {",
      "  stats.total += r.score;",
      "  stats.count++;",
      "}",
      "return { out: JSON.stringify(stats) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "record-totals-by-name",
    [
      "const rows = JSON.parse(inputs.s);",
      "const totals: Record<string, number> = {};",
      "for (const r of rows) {",
      "  const key = String(r.name);",
      "  totals[key] = (totals[key] ?? 0) + r.score;",
      "}",
      "return { out: JSON.stringify(totals) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "class-field-plus-assign",
    [
      "class Tally {",
      "  total = 0;",
      "  add(row: any): void {",
      "    this.total += row.score;",
      "  }",
      "}",
      "const t = new Tally();",
      "for (const r of JSON.parse(inputs.s)) t.add(r);",
      "return { out: String(t.total) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "push-spread-and-typed-from-any",
    [
      "const data = { items: JSON.parse(inputs.s) };",
      "const names: string[] = ['head'];",
      "names.push(...data.items.map((i: any) => i.name));",
      "const scores: number[] = data.items.map((i: any) => i.score);",
      "return { out: JSON.stringify(names) + ' ' + JSON.stringify(scores) + ' ' + names.length };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  // Refused: `(t) => ...` over a field of the widened record would be an implicit 'any', so the
  // record keeps its declared type, and JSON.stringify of a typed parsed record is refused (its
  // keys are known only at run time); the message says to declare it 'any'.
  s12(
    "config-nested-and-extra-keys-refused",
    [
      "type Limits = { max: number; min: number };",
      "interface Settings { name: string; tags: string[]; limits: Limits }",
      "const cfg = JSON.parse(inputs.s) as Settings;",
      "const tags = (cfg.tags ?? []).map((t) => String(t).toUpperCase());",
      "const span = cfg.limits ? cfg.limits.max - cfg.limits.min : -1;",
      "return { out: `${cfg.name}|${tags.join(',')}|${span}|${JSON.stringify(cfg)}` };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: '{"name":"a","tags":["x","y"],"limits":{"max":5,"min":1},"extra":true}' },
      { s: '{"name":3,"tags":[1,null],"limits":{"max":"9","min":null}}' },
      { s: '{"tags":[]}' },
    ],
  ),
  s12(
    "array-of-records-from-parse-mistyped",
    [
      "type Row = { name: string; score: number };",
      "const rows: Row[] = JSON.parse(inputs.s);",
      "let best = '';",
      "let top = -Infinity;",
      "for (const r of rows) if (r.score > top) { top = r.score; best = r.name; }",
      "return { out: best + ' ' + top };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "map-and-dictionary-counts",
    [
      "const rows = JSON.parse(inputs.s);",
      "const byName = new Map<string, number>();",
      "const sums: { [k: string]: number } = {};",
      "for (const r of rows) {",
      "  byName.set(String(r.name), r.n);",
      "  const k = typeof r.name;",
      "  sums[k] = (sums[k] ?? 0) + r.score;",
      "}",
      "return { out: JSON.stringify([...byName.entries()]) + ' ' + JSON.stringify(sums) };",
    ].join("\n"),
    S,
    OUT,
    ROWS,
  ),
  s12(
    "config-nested-unknown-callback",
    [
      "type Limits = { max: number; min: number };",
      "interface Settings { name: string; tags: string[]; limits: Limits }",
      "const cfg = JSON.parse(inputs.s) as Settings;",
      "const tags = (cfg.tags ?? []).map((t: unknown) => String(t).toUpperCase());",
      "const span = cfg.limits ? cfg.limits.max - cfg.limits.min : -1;",
      "return { out: `${cfg.name}|${tags.join(',')}|${span}|${JSON.stringify(cfg)}` };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: '{"name":"a","tags":["x","y"],"limits":{"max":5,"min":1},"extra":true}' },
      { s: '{"name":3,"tags":[1,null],"limits":{"max":"9","min":null}}' },
      { s: '{"tags":[]}' },
    ],
  ),
  s12(
    "typed-view-of-parsed-stays-shared",
    [
      "const d = JSON.parse(inputs.s);",
      "const v: { n: number } = d;",
      "d.n = 2;",
      "return { out: JSON.stringify({ n: v.n, same: v === d }) };",
    ].join("\n"),
    S,
    OUT,
    [{ s: '{"n":1}' }, { s: "{}" }, { s: '{"n":"x","m":[1]}' }],
  ),
  // A nested pattern's default over an 'any' (found when parsed records became 'any': CI, session 18).
  s12(
    "nested-pattern-defaults-of-any",
    [
      "const cfg: any = JSON.parse(inputs.s);",
      "const { server: { host = 'localhost', port = 80 } = {}, retries = 5, tags: [tag0 = 'none'] = [] } = cfg;",
      "return { out: JSON.stringify({ host, port, retries, tag0 }) };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: "{}" },
      { s: '{"server":{"host":"a"}}' },
      { s: '{"server":{"port":null},"tags":["x"],"retries":0}' },
      { s: '{"server":{}}' },
    ],
  ),
  s12(
    "has-own-property-method-of-any-refused",
    ["const cfg: any = JSON.parse(inputs.s);", "return { out: String(cfg.hasOwnProperty('a')) };"].join("\n"),
    S,
    OUT,
    [{ s: '{"a":1}' }, { s: '{"hasOwnProperty":3}' }],
  ),
];
