/**
 * @fileoverview Red team 4: bodies that mutate an array from inside its own sort (the TimSort port,
 * support/mergeSort.ts): a comparator that pushes, pops, truncates, splices or sorts the array
 * again. V8 sorts a copy of the elements and writes it back, so the result is defined; the sandbox
 * must give the same array (elements, length, order) or refuse the body. Also JSON read into
 * Records with integer-like and prototype keys (key order, own keys).
 */
import type { Fields } from "../schema.js";
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const make = cases("redteam4");
const OUT: Fields = { out: "string[]" };
const rt = (name: string, lines: string[], input: Fields, inputs: readonly unknown[]): OracleCase =>
  make(name, lines.join("\n"), input, OUT, inputs, ["math", "json"]);

const NS = { xs: "number[]" };
const S1 = { s: "string" };
const SORT_INPUTS = [
  { xs: [] },
  { xs: [2, 1] },
  { xs: [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] },
  { xs: Array.from({ length: 70 }, (_, i) => (i * 37) % 23) },
  { xs: Array.from({ length: 300 }, (_, i) => (i < 150 ? i : 450 - i) + ((i * 7) % 5)) },
];

export const RED_TEAM_4: readonly OracleCase[] = [
  rt(
    "sort-comparator-pushes",
    [
      "const xs = [...inputs.xs];",
      "const r = xs.sort((x, y) => { if (xs.length < inputs.xs.length + 40) xs.push(x * 1000 + y); return x - y; });",
      "return { out: [String(xs.length), xs.join(','), String(r === xs), String(r.length)] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "sort-comparator-pops",
    [
      "const xs = [...inputs.xs];",
      "const popped: string[] = [];",
      "xs.sort((x, y) => { if (xs.length > 1) popped.push(String(xs.pop())); return x - y; });",
      "return { out: [String(xs.length), xs.join(','), popped.slice(0, 40).join(',')] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "sort-comparator-truncates",
    [
      "const xs = [...inputs.xs];",
      "let n = 0;",
      "xs.sort((x, y) => { n++; if (n === 3) xs.length = 0; return y - x; });",
      "return { out: [String(xs.length), xs.join(',')] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "sort-comparator-splices",
    [
      "const xs = [...inputs.xs];",
      "let n = 0;",
      "xs.sort((x, y) => { n++; if (n % 5 === 0 && xs.length > 2) xs.splice(1, 1, -n, -n - 1); return x - y; });",
      "return { out: [String(xs.length), xs.join(',')] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "sort-comparator-sorts-again",
    [
      "const xs = [...inputs.xs];",
      "let depth = 0;",
      "let inner = 0;",
      "xs.sort((x, y) => { if (depth < 3) { depth++; xs.sort((a, b) => { inner++; return b - a; }); } return x - y; });",
      "return { out: [xs.join(','), String(inner)] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "sort-objects-comparator-rewrites-elements",
    [
      "const rows = inputs.xs.map((v, i) => ({ v, i }));",
      "rows.sort((p, q) => { if (rows.length > 3) rows[rows.length - 1] = { v: -1, i: -1 }; return p.v - q.v; });",
      "return { out: [rows.map((r) => r.v + ':' + r.i).join(',')] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "tosorted-comparator-mutates-source",
    [
      "const xs = [...inputs.xs];",
      "const s = xs.toSorted((x, y) => { if (xs.length < 50) xs.push(x); xs[0] = 99; return x - y; });",
      "return { out: [s.join(','), xs.join(',')] };",
    ],
    NS,
    SORT_INPUTS,
  ),
  rt(
    "json-record-integer-keys-order",
    [
      "const r = JSON.parse(inputs.s) as Record<string, number>;",
      "r['b'] = 1;",
      "r['10'] = 2;",
      "r['2'] = 3;",
      "r['-1'] = 4;",
      "r['01'] = 5;",
      "r['4294967295'] = 6;",
      "r['4294967294'] = 7;",
      "return { out: [Object.keys(r).join(','), JSON.stringify(r), Object.entries(r).map(([k, v]) => k + '=' + v).join(';')] };",
    ],
    S1,
    [
      { s: '{"z": 1, "3": 2, "a": 3, "1": 4}' },
      { s: "{}" },
      { s: '{"__proto__": 5, "constructor": 6, "9007199254740993": 7}' },
    ],
  ),
];
