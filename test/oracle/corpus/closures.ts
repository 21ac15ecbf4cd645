/**
 * @fileoverview Closures where JavaScript's binding rules are easy to get wrong: per-iteration
 * `let` with `continue`, shadowing, captured parameters and defaults, per-call environments in
 * recursion, closures in generic helpers, labelled jumps around closures, rest parameters as
 * values, assignment of function-typed fields. The realistic uses are in functions.ts.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const XS = [{ xs: [3, 1, 2] }, { xs: [] }, { xs: [-1.5, 0, 7, -0] }];

const closure = cases("closures");

export const CLOSURES: readonly OracleCase[] = [
  closure(
    "for-let-with-continue",
    `
      const fs: (() => number)[] = [];
      for (let i = 0; i < inputs.n; i++) {
        if (i % 2 === 1) continue;
        fs.push(() => i);
      }
      for (let i = 0, j = 10; i < 3; i++, j--) fs.push(() => i * j);
      let peek = () => -1;
      for (let i = 0, f = () => i; i < 3; i++) { i++; peek = f; fs.push(() => i); }
      fs.push(peek);
      for (const x of inputs.xs.concat([inputs.n]).filter((v) => v !== inputs.n || fs.length > 0)) fs.push(() => x);
      return { ys: fs.map((f) => f()) };
    `,
    { n: "integer", xs: "number[]" },
    { ys: "number[]" },
    [
      { n: 0, xs: [] },
      { n: 5, xs: [1, 5] },
    ],
  ),
  closure(
    "shadowing-captured-names",
    `
      let x = 1;
      const outer = () => x;
      const fs: (() => number)[] = [outer];
      {
        const x = 2;
        fs.push(() => x);
        {
          let x = 3;
          fs.push(() => x);
          x = 4;
        }
      }
      x = 5;
      return { ys: fs.map((f) => f()) };
    `,
    {},
    { ys: "number[]" },
    [{}],
  ),
  closure(
    "captured-parameter-and-default",
    `
      function bump(x: number) { const inc = () => x++; inc(); inc(); return x; }
      function pair(a: number, b = a * 2) { return () => a + ":" + b; }
      function later(k: number, f = (v: number) => v * k) { k = 10; return f(1); }
      return { a: bump(inputs.x), b: pair(inputs.x)(), c: pair(inputs.x, 0)(), d: later(inputs.x) };
    `,
    { x: "number" },
    { a: "number", b: "string", c: "string", d: "number" },
    [{ x: 1 }, { x: -0.5 }],
  ),
  closure(
    "per-call-environments-in-recursion",
    `
      function build(n: number): (() => number)[] {
        if (n <= 0) return [];
        const rest = build(n - 1);
        const sq = n * n;
        rest.push(() => n + sq / 100);
        return rest;
      }
      return { ys: build(inputs.n).map((f) => f()) };
    `,
    { n: "integer" },
    { ys: "number[]" },
    [{ n: 0 }, { n: 4 }],
  ),
  closure(
    "closures-inside-generic-helper",
    `
      function counterBy<T>(xs: T[], key: (x: T) => string) {
        const counts = new Map<string, number>();
        let total = 0;
        xs.forEach((x) => {
          const k = key(x);
          counts.set(k, (counts.get(k) ?? 0) + 1);
          total++;
        });
        return (k: string) => (counts.get(k) ?? 0) / total;
      }
      const byLen = counterBy(inputs.words, (w) => String(w.length));
      const byFirst = counterBy(inputs.xs, (x) => (x > 0 ? "pos" : "other"));
      return { a: byLen("3"), b: byFirst("pos"), c: byFirst("other") };
    `,
    { words: "string[]", xs: "number[]" },
    { a: "number", b: "number", c: "number" },
    [
      { words: ["fig", "pear", "ham"], xs: [1, -1, 2] },
      { words: ["a"], xs: [0] },
    ],
  ),
  closure(
    "labelled-jumps-around-closures",
    `
      const fs: (() => string)[] = [];
      rows: for (let i = 0; i < inputs.grid.length; i++) {
        const row = inputs.grid[i];
        for (const v of row) {
          if (v < 0) continue rows;
          if (v > 100) break rows;
          fs.push(() => i + "/" + v + "/" + row.length);
        }
      }
      return { out: fs.map((f) => f()) };
    `,
    { grid: "number[][]" },
    { out: "string[]" },
    [{ grid: [[1, 2], [3, -1, 4], [5, 200, 6], [7]] }, { grid: [] }],
  ),
  closure(
    "labelled-break-from-switch-in-while",
    `
      let i = 0;
      let log = "";
      scan: while (i < inputs.words.length) {
        const w = inputs.words[i++];
        switch (w) {
          case "stop":
            break scan;
          case "skip":
            continue scan;
          default:
            for (const ch of w) {
              if (ch === "!") continue scan;
              log += ch;
            }
        }
        log += ",";
      }
      return { log, i };
    `,
    { words: "string[]" },
    { log: "string", i: "integer" },
    [{ words: ["ab", "skip", "c!d", "é", "stop", "zz"] }, { words: [] }, { words: ["x"] }],
  ),
  closure(
    "rest-parameter-function-values",
    `
      const count = (...xs: number[]) => xs.length;
      const f: (...xs: number[]) => number = count;
      const g = (head: string, ...tail: number[]) => head + tail.join("");
      const table: ((...xs: number[]) => number)[] = [count, (...xs) => xs.reduce((a, b) => a + b, 0)];
      return { a: f(), b: f(1, 2, 3), c: g("h"), d: g("h", ...inputs.xs), e: table.map((t) => t(...inputs.xs, 1)) };
    `,
    { xs: "number[]" },
    { a: "integer", b: "integer", c: "string", d: "string", e: "number[]" },
    XS,
  ),
  closure(
    "function-typed-fields",
    `
      interface Rule { name: string; test: (x: number) => boolean }
      const rules: Rule[] = [
        { name: "positive", test: (x) => x > 0 },
        { name: "integer", test: (x) => Number.isInteger(x) },
      ];
      const limit = inputs.xs.length;
      rules.push({ name: "small", test: (x) => Math.abs(x) < limit });
      const o = { f: (x: number) => x + 1 };
      const before = o.f(1);
      o.f = (x) => x * 10;
      return {
        before,
        after: o.f(1),
        names: inputs.xs.map((x) => rules.filter((r) => r.test(x)).map((r) => r.name).join("+")),
      };
    `,
    { xs: "number[]" },
    { before: "number", after: "number", names: "string[]" },
    XS,
  ),
  closure(
    "spread-of-call-results-and-explicit-type-arguments",
    `
      function sum(...xs: number[]) { let s = 0; for (const x of xs) s += x; return s; }
      function make<T>(n: number, v: T): T[] { const out: T[] = []; for (let i = 0; i < n; i++) out.push(v); return out; }
      const twice = (xs: number[]) => xs.concat(xs);
      return { a: sum(...twice(inputs.xs)), b: make<string>(2, "x").join(""), c: sum(...make(3, 0.1)) };
    `,
    { xs: "number[]" },
    { a: "number", b: "string", c: "number" },
    XS,
  ),
  closure(
    "sort-with-captured-rank",
    `
      const rank = new Map<string, number>();
      inputs.order.forEach((w, i) => rank.set(w, i));
      const by = (a: string, b: string) => (rank.get(a) ?? 99) - (rank.get(b) ?? 99) || (a < b ? -1 : a > b ? 1 : 0);
      return { sorted: inputs.words.slice().sort(by) };
    `,
    { order: "string[]", words: "string[]" },
    { sorted: "string[]" },
    [
      { order: ["c", "a"], words: ["a", "b", "c", "d", "a"] },
      { order: [], words: ["z", "y"] },
    ],
  ),
  closure(
    "do-while-and-nested-function-in-loop",
    `
      const fs: (() => number)[] = [];
      let n = 0;
      do {
        const m = n;
        const twice = function () { return m * 2; };
        fs.push(twice);
        n++;
      } while (n < 3);
      return { ys: fs.map((f) => f()) };
    `,
    {},
    { ys: "number[]" },
    [{}],
  ),
  closure(
    "object-literal-methods",
    `
      function makeStack() {
        const items: number[] = [];
        return {
          push(x: number) { items.push(x); return items.length; },
          pop(): number | undefined { return items.pop(); },
          peek() { return items.length ? items[items.length - 1] : -1; },
          size: () => items.length,
        };
      }
      const s = makeStack();
      for (const x of inputs.xs) s.push(x * 2);
      const top = s.peek();
      const popped = s.pop() ?? -1;
      return { top, popped, size: s.size() };
    `,
    { xs: "number[]" },
    { top: "number", popped: "number", size: "integer" },
    XS,
  ),
  closure(
    "callback-in-for-of-iterable",
    `
const v2 = [(-0), 0.1, 1e-7];
for (const e0 of [(1 / 3), (1 / 3), 9007199254740991, 1e21].map((p1) => "a").map((p0) => p0)) {
  let v3 = v2.concat(inputs.xs.slice().sort((p, q) => p - q)).reduce((acc3, p2) => e0.length, 2147483647);
}
return { r0: v2, r1: v2, r2: inputs.xs };
`,
    { xs: "number[]" },
    { r0: "number[]", r1: "number[]", r2: "number[]" },
    [{ xs: [-97.32, -49.417, -10] }],
  ),
  closure(
    "thunks-in-for-of-branches",
    `
const thunks: (() => number)[] = [];
for (const e0 of inputs.xs.slice().sort((p, q) => p - q)) {
  if ((!"日本".startsWith(inputs.s))) {
    let v1 = Math.min(e0, (inputs.xs.length > 0 ? inputs.xs[0] : 0));
    const v4: number[] = [];
  } else {
    thunks.push(() => (\`\${(1000000000 + e0)}:\${inputs.ws.join(",")}\`).length);
    thunks.push(() => (", ").length);
  }
}
return { rt: thunks.map((f) => f()) };
`,
    { xs: "number[]", s: "string", ws: "string[]" },
    { rt: "number[]" },
    [
      { s: "Z", xs: [], ws: ["Z", "ab"] },
      { s: "héllo", xs: [-41.49, -10, 4], ws: [] },
    ],
  ),
  closure(
    "case-clause-bindings-and-recursive-helper-in-loop",
    `
      const fs: (() => string)[] = [];
      for (const w of inputs.words) {
        switch (w.length % 3) {
          case 0:
            const tag = "zero";
            fs.push(() => tag + w);
            break;
          default:
            fs.push(() => "other" + w.length);
        }
        function count(i: number): number { return i >= w.length ? 0 : (w[i] === "a" ? 1 : 0) + count(i + 1); }
        const n = count(0);
        fs.push(() => w + "#" + n + "/" + count(0));
      }
      return { out: fs.map((f) => f()) };
    `,
    { words: "string[]" },
    { out: "string[]" },
    [{ words: ["banana", "a", "", "cab"] }, { words: [] }],
  ),
  closure(
    "labelled-continue-in-do-while-and-closure-in-condition",
    `
      let i = 0;
      let s = 0;
      const checks: (() => boolean)[] = [];
      outer: do {
        i++;
        for (let j = 0; j < 3; j++) {
          if ((i + j) % 4 === 0) continue outer;
          s += i * j;
        }
      } while (i < inputs.n);
      for (let k = 0; checks.push(() => k < 2) > 0 && k < 3; k++) s += k;
      return { s, i, c: checks.map((f) => f()) };
    `,
    { n: "integer" },
    { s: "number", i: "integer", c: "boolean[]" },
    [{ n: 0 }, { n: 6 }],
  ),
];
