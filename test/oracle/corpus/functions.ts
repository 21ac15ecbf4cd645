/**
 * @fileoverview Functions as values and function features, as developers write them: closures
 * returned from helpers and stored in arrays, objects and Maps (memoize, compose/pipe, comparator
 * factories, event handlers, partial application, once), closures in loops (per-iteration `let`
 * against a shared outer variable), recursion and mutual recursion, hoisted nested functions,
 * generic helpers, default/optional/rest parameters, spread in calls, labelled break/continue.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const XS = [{ xs: [3, 1, 2] }, { xs: [] }, { xs: [-1.5, 0, 2147483647, -0, 1e21, 5e-324] }, { xs: [2, 2, 2] }];
const WORDS = [{ words: ["pear", "apple", "fig", "apple"] }, { words: [] }, { words: ["é", "日本", "👍🏽", "", "a"] }];
const ROWS = [
  {
    rows: [
      { name: "bob", age: 30, score: 1.5 },
      { name: "ada", age: 30, score: -2 },
      { name: "cy", age: 25, score: 1.5 },
      { name: "Ada", age: 41, score: 0 },
    ],
  },
  { rows: [] },
  { rows: [{ name: "é", age: 0, score: -0 }] },
];
const ROW_SCHEMA = { rows: [{ name: "string", age: "integer", score: "number" }] } as const;

const fn = cases("functions");

export const FUNCTIONS: readonly OracleCase[] = [
  fn(
    "memoize-with-map",
    `
      let calls = 0;
      function memo(f: (n: number) => number) {
        const cache = new Map<number, number>();
        return (n: number) => {
          const hit = cache.get(n);
          if (hit !== undefined) return hit;
          const v = f(n);
          cache.set(n, v);
          return v;
        };
      }
      const slowSquare = (n: number) => { calls++; return n * n; };
      const fast = memo(slowSquare);
      const ys = inputs.xs.map((x) => fast(x)).concat(inputs.xs.map((x) => fast(x)));
      return { ys, calls };
    `,
    { xs: "number[]" },
    { ys: "number[]", calls: "integer" },
    XS,
  ),
  fn(
    "memoized-recursive-closure",
    `
      const cache = new Map<number, number>();
      const fib = (n: number): number => {
        if (n < 2) return n;
        const c = cache.get(n);
        if (c !== undefined) return c;
        const v = fib(n - 1) + fib(n - 2);
        cache.set(n, v);
        return v;
      };
      return { f: fib(inputs.n), size: cache.size };
    `,
    { n: "integer" },
    { f: "number", size: "integer" },
    [{ n: 0 }, { n: 1 }, { n: 50 }, { n: 90 }],
  ),
  fn(
    "compose-and-pipe",
    `
      type F = (x: number) => number;
      const compose = (f: F, g: F): F => (x) => f(g(x));
      function pipe(fs: F[]): F { return (x) => fs.reduce((acc, f) => f(acc), x); }
      const inc: F = (x) => x + 1;
      const dbl: F = (x) => x * 2;
      const both = compose(inc, dbl);
      const all = pipe([dbl, inc, (x) => x / 3, both]);
      return { a: inputs.xs.map(both), b: inputs.xs.map((x) => all(x)), c: pipe([])(inputs.xs.length) };
    `,
    { xs: "number[]" },
    { a: "number[]", b: "number[]", c: "number" },
    XS,
  ),
  fn(
    "comparator-factory",
    `
      interface Row { name: string; age: number; score: number }
      type Cmp = (a: Row, b: Row) => number;
      function byNumber(key: (r: Row) => number, desc = false): Cmp {
        return (a, b) => (desc ? key(b) - key(a) : key(a) - key(b));
      }
      const byName: Cmp = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      function thenBy(first: Cmp, second: Cmp): Cmp {
        return (a, b) => first(a, b) || second(a, b);
      }
      const sorted = inputs.rows.slice().sort(thenBy(byNumber((r) => r.age, true), byName));
      const byScore = inputs.rows.slice().sort(byNumber((r) => r.score));
      return { names: sorted.map((r) => r.name), scores: byScore.map((r) => r.name + ":" + r.score) };
    `,
    ROW_SCHEMA,
    { names: "string[]", scores: "string[]" },
    ROWS,
  ),
  fn(
    "event-handlers-accumulate",
    `
      const log: string[] = [];
      const handlers: ((e: string) => void)[] = [];
      function on(h: (e: string) => void) { handlers.push(h); }
      let seen = 0;
      on((e) => log.push("a:" + e));
      on((e) => { if (e.length > 2) log.push("b:" + e); });
      on(function (e) { seen += e.length; });
      for (const w of inputs.words) handlers.forEach((h) => h(w));
      return { log, seen, n: handlers.length };
    `,
    { words: "string[]" },
    { log: "string[]", seen: "integer", n: "integer" },
    WORDS,
  ),
  fn(
    "partial-application",
    `
      const add = (a: number, b: number) => a + b;
      const mul = (a: number, b: number) => a * b;
      const partial = (f: (a: number, b: number) => number, a: number) => (b: number) => f(a, b);
      const add10 = partial(add, 10);
      const triple = partial(mul, 3);
      return { ys: inputs.xs.map((x) => add10(triple(x))), z: partial(add, inputs.xs.length)(0.5) };
    `,
    { xs: "number[]" },
    { ys: "number[]", z: "number" },
    XS,
  ),
  fn(
    "recursion-over-nested-arrays",
    `
      function sumRows(rows: number[][], i: number): number {
        return i >= rows.length ? 0 : rows[i].reduce((a, b) => a + b, 0) + sumRows(rows, i + 1);
      }
      function flatten(rows: number[][]): number[] {
        const out: number[] = [];
        const walk = (i: number): void => { if (i < rows.length) { for (const v of rows[i]) out.push(v); walk(i + 1); } };
        walk(0);
        return out;
      }
      function depth(parents: number[], i: number): number { return parents[i] < 0 ? 0 : 1 + depth(parents, parents[i]); }
      const parents = inputs.grid.map((_, i) => i - 1);
      return { sum: sumRows(inputs.grid, 0), flat: flatten(inputs.grid), depths: parents.map((_, i) => depth(parents, i)) };
    `,
    { grid: "number[][]" },
    { sum: "number", flat: "number[]", depths: "integer[]" },
    [{ grid: [[1, 2], [], [3.5, -4]] }, { grid: [] }, { grid: [[0.1, 0.2]] }],
  ),
  fn(
    "closures-in-loop-let-vs-shared",
    `
      let shared = 0;
      const fs: (() => number)[] = [];
      for (let i = 0; i < inputs.n; i++) {
        shared = i;
        const sq = i * i;
        fs.push(() => i * 100 + sq * 10 + shared);
      }
      const gs: (() => string)[] = [];
      for (const w of inputs.words) gs.push(() => w + "!");
      let k = 0;
      const hs: (() => number)[] = [];
      while (k < 3) { const c = k; hs.push(() => c + k); k++; }
      return { a: fs.map((f) => f()), b: gs.map((g) => g()), c: hs.map((h) => h()) };
    `,
    { n: "integer", words: "string[]" },
    { a: "number[]", b: "string[]", c: "number[]" },
    [
      { n: 4, words: ["x", "é"] },
      { n: 0, words: [] },
    ],
  ),
  fn(
    "loop-variable-updated-in-body",
    `
      const fs: (() => number)[] = [];
      for (let i = 0; i < 6; i++) {
        fs.push(() => i);
        if (i % 2 === 0) i++;
        fs.push(() => i * 10);
      }
      return { ys: fs.map((f) => f()) };
    `,
    {},
    { ys: "number[]" },
    [{}],
  ),
  fn(
    "counter-object-with-methods",
    `
      function makeCounter(step: number) {
        let n = 0;
        return { inc: () => (n += step), get: () => n, reset: () => { n = 0; } };
      }
      const a = makeCounter(1);
      const b = makeCounter(inputs.step);
      for (const x of inputs.xs) { a.inc(); if (x > 1) b.inc(); }
      const before = b.get();
      b.reset();
      b.inc();
      return { a: a.get(), before, b: b.get() };
    `,
    { xs: "number[]", step: "number" },
    { a: "integer", before: "number", b: "number" },
    [
      { xs: [3, 1, 2], step: 0.5 },
      { xs: [], step: -1 },
    ],
  ),
  fn(
    "optional-parameter",
    `
      function fmt(x: number, digits?: number): string { return digits === undefined ? String(x) : x.toFixed(digits); }
      function label(name: string, suffix?: string) { return suffix ? name + "-" + suffix : name; }
      return { a: inputs.xs.map((x) => fmt(x)), b: inputs.xs.map((x) => fmt(x, 2)), c: label("n"), d: label("n", ""), e: label("n", "s") };
    `,
    { xs: "number[]" },
    { a: "string[]", b: "string[]", c: "string", d: "string", e: "string" },
    [{ xs: [3, 1.005, -2.5] }, { xs: [] }],
  ),
  fn(
    "default-parameters-referencing-earlier",
    `
      function range(start: number, end = start + 5, step = 1): number[] {
        const out: number[] = [];
        for (let i = start; i < end; i += step) out.push(i);
        return out;
      }
      function greet(name: string, greeting = "Hi", punct = greeting === "Hi" ? "!" : ".") { return greeting + ", " + name + punct; }
      return {
        a: range(inputs.n),
        b: range(inputs.n, inputs.n + 2),
        c: range(0, inputs.n, 0.5),
        d: greet("Ada"),
        e: greet("Ada", "Yo"),
        f: greet("Ada", undefined, "?"),
      };
    `,
    { n: "integer" },
    { a: "number[]", b: "number[]", c: "number[]", d: "string", e: "string", f: "string" },
    [{ n: 0 }, { n: 3 }, { n: -2 }],
  ),
  fn(
    "rest-parameters-and-spread",
    `
      function sum(...xs: number[]) { return xs.reduce((a, b) => a + b, 0); }
      function join(sep: string, ...parts: string[]): string { return parts.join(sep); }
      const more = [1, 2];
      return {
        a: sum(),
        b: sum(1, 2.5),
        c: sum(...inputs.xs),
        d: sum(1, ...inputs.xs, 2, ...more),
        e: join("-"),
        f: join("/", "a", "b"),
        g: join(",", ...inputs.xs.map((x) => String(x))),
      };
    `,
    { xs: "number[]" },
    { a: "number", b: "number", c: "number", d: "number", e: "string", f: "string", g: "string" },
    XS,
  ),
  fn(
    "push-spread",
    `
      const out: number[] = [0];
      out.push(...inputs.xs);
      const n = out.push(...inputs.xs, 9);
      const copy = inputs.xs.slice();
      copy.push(...copy);
      return { out, n, copy };
    `,
    { xs: "number[]" },
    { out: "number[]", n: "integer", copy: "number[]" },
    XS,
  ),
  fn(
    "math-max-min-spread",
    `
      return {
        hi: Math.max(...inputs.xs),
        lo: Math.min(...inputs.xs),
        hi0: Math.max(0, ...inputs.xs),
        lo2: Math.min(...inputs.xs, ...inputs.xs, 7),
        any: Math.max(...inputs.xs) > 0,
      };
    `,
    { xs: "number[]" },
    { hi: "number", lo: "number", hi0: "number", lo2: "number", any: "boolean" },
    [{ xs: [3, 1, 2] }, { xs: [-5] }, { xs: [-0, 0] }, { xs: [0, -0] }, { xs: [1e300, -1e300] }],
  ),
  fn(
    "labelled-continue",
    `
      const sums: number[] = [];
      outer: for (const row of inputs.grid) {
        let s = 0;
        for (const v of row) {
          if (v < 0) continue outer;
          s += v;
        }
        sums.push(s);
      }
      let pairs = 0;
      rows: for (let i = 0; i < inputs.grid.length; i++) {
        for (let j = 0; j < inputs.grid[i].length; j++) {
          let k = 0;
          while (true) {
            k++;
            if (k > j) continue rows;
            if (inputs.grid[i][j] === 0) break rows;
            pairs++;
          }
        }
      }
      return { sums, pairs };
    `,
    { grid: "number[][]" },
    { sums: "number[]", pairs: "integer" },
    [
      { grid: [[1, 2], [3, -1, 4], [], [5]] },
      { grid: [] },
      {
        grid: [
          [1, 2, 3],
          [0, 1],
        ],
      },
    ],
  ),
  fn(
    "labelled-block",
    `
      let r = "";
      check: {
        if (inputs.x < 0) { r = "neg"; break check; }
        for (const d of [10, 100]) if (inputs.x > d) { r = "big" + d; break check; }
        r = "small";
      }
      return { r };
    `,
    { x: "number" },
    { r: "string" },
    [{ x: -1 }, { x: 5 }, { x: 50 }, { x: 500 }],
  ),
  fn(
    "continue-inside-switch",
    `
      const out: string[] = [];
      for (const w of inputs.words) {
        switch (w.length) {
          case 0:
            continue;
          case 1:
            out.push("one:" + w);
            break;
          default:
            if (w === "apple") continue;
            out.push(w);
        }
        out.push("|");
      }
      return { out };
    `,
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
  fn(
    "mutual-recursion-and-hoisting",
    `
      const r = inputs.xs.map((x) => (isEven(Math.abs(Math.trunc(x)) % 50) ? "even" : "odd"));
      return { r, c: collatz(inputs.xs.length + 6) };
      function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
      function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
      function collatz(n: number): number { return n <= 1 ? 0 : 1 + collatz(n % 2 === 0 ? n / 2 : 3 * n + 1); }
    `,
    { xs: "number[]" },
    { r: "string[]", c: "integer" },
    XS,
  ),
  fn(
    "nested-function-declarations",
    `
      function outer(k: number) {
        let calls = 0;
        function inner(x: number) { calls++; return helper(x) * k; }
        function helper(x: number) { return x + calls; }
        const ys = inputs.xs.map(inner);
        return { ys, calls };
      }
      const r = outer(2);
      return { ys: r.ys, calls: r.calls };
    `,
    { xs: "number[]" },
    { ys: "number[]", calls: "integer" },
    XS,
  ),
  fn(
    "generic-helpers",
    `
      function last<T>(xs: T[]): T | undefined { return xs.length > 0 ? xs[xs.length - 1] : undefined; }
      function chunk<T>(xs: T[], n: number): T[][] {
        const out: T[][] = [];
        for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
        return out;
      }
      function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
        const m = new Map<string, T[]>();
        for (const x of xs) {
          const k = key(x);
          const g = m.get(k);
          if (g) g.push(x); else m.set(k, [x]);
        }
        return m;
      }
      function uniqBy<T, K>(xs: T[], key: (x: T) => K): T[] {
        const seen = new Set<K>();
        return xs.filter((x) => { const k = key(x); if (seen.has(k)) return false; seen.add(k); return true; });
      }
      const identity = <T>(x: T): T => x;
      const groups = groupBy(inputs.words, (w) => String(w.length));
      return {
        lastWord: last(inputs.words) ?? "none",
        lastLen: last(inputs.words.map((w) => w.length)) ?? -1,
        chunks: chunk(inputs.words, 2).map((c) => c.join("+")),
        keys: groups.size,
        uniq: uniqBy(inputs.words, (w) => w.length),
        same: identity(inputs.words.length) + identity("!").length,
      };
    `,
    { words: "string[]" },
    { lastWord: "string", lastLen: "integer", chunks: "string[]", keys: "integer", uniq: "string[]", same: "integer" },
    WORDS,
  ),
  fn(
    "generic-zip-and-pairs",
    `
      function zip<A, B>(as: A[], bs: B[]): { a: A; b: B }[] {
        const n = Math.min(as.length, bs.length);
        const out: { a: A; b: B }[] = [];
        for (let i = 0; i < n; i++) out.push({ a: as[i], b: bs[i] });
        return out;
      }
      function mapValues<T, U>(xs: T[], f: (x: T, i: number) => U): U[] { return xs.map((x, i) => f(x, i)); }
      const pairs = zip(inputs.words, inputs.words.map((w) => w.length));
      return { s: mapValues(pairs, (p, i) => i + ":" + p.a + "=" + p.b) };
    `,
    { words: "string[]" },
    { s: "string[]" },
    WORDS,
  ),
  fn(
    "helpers-without-return-types",
    `
      function stats(xs: number[]) {
        const n = xs.length;
        const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
        return { n, mean, label: n > 2 ? "many" : "few" };
      }
      function scaler(k: number) { return (x: number) => x * k; }
      const s = stats(inputs.xs);
      return { n: s.n, mean: s.mean, label: s.label, scaled: inputs.xs.map(scaler(s.n)) };
    `,
    { xs: "number[]" },
    { n: "integer", mean: "number", label: "string", scaled: "number[]" },
    XS,
  ),
  fn(
    "immediately-invoked",
    `
      const total = (() => { let t = 0; for (const x of inputs.xs) t += x; return t; })();
      const label = (function (n: number) { return n > 0 ? "pos" : "non-pos"; })(total);
      return { total, label };
    `,
    { xs: "number[]" },
    { total: "number", label: "string" },
    XS,
  ),
  fn(
    "reassigned-function-variable",
    `
      let op = (a: number, b: number) => a + b;
      if (inputs.mode === "mul") op = (a, b) => a * b;
      else if (inputs.mode === "max") op = (a, b) => Math.max(a, b);
      return { r: inputs.xs.reduce((acc, x) => op(acc, x), inputs.mode === "mul" ? 1 : 0) };
    `,
    { mode: "string", xs: "number[]" },
    { r: "number" },
    [
      { mode: "add", xs: [1, 2, 3.5] },
      { mode: "mul", xs: [2, -0.5] },
      { mode: "max", xs: [] },
    ],
  ),
  fn(
    "strategy-map",
    `
      const ops = new Map<string, (a: number, b: number) => number>();
      ops.set("add", (a, b) => a + b);
      ops.set("sub", (a, b) => a - b);
      ops.set("pow", (a, b) => a ** b);
      const out: number[] = [];
      for (const name of inputs.ops) {
        const f = ops.get(name);
        out.push(f ? f(inputs.a, inputs.b) : NaN);
      }
      return { out: out.map((x) => String(x)) };
    `,
    { ops: "string[]", a: "number", b: "number" },
    { out: "string[]" },
    [
      { ops: ["add", "sub", "pow", "nope"], a: 2, b: 0.5 },
      { ops: [], a: 0, b: 0 },
    ],
  ),
  fn(
    "function-value-passed-to-array-methods",
    `
      function mapAll(xs: number[], f: (x: number) => number) { return xs.map(f); }
      function keep(xs: number[], pred: (x: number, i: number) => boolean) { return xs.filter(pred); }
      const isBig = (x: number) => x > 1;
      const cmp = (a: number, b: number) => b - a;
      const sorter = inputs.desc ? cmp : (a: number, b: number) => a - b;
      return {
        a: mapAll(inputs.xs, (x) => x * 2),
        b: keep(inputs.xs, (x, i) => i % 2 === 0 || isBig(x)),
        c: inputs.xs.slice().sort(sorter),
        d: inputs.xs.some(isBig),
      };
    `,
    { xs: "number[]", desc: "boolean" },
    { a: "number[]", b: "number[]", c: "number[]", d: "boolean" },
    [
      { xs: [3, 1, 2, 0.5], desc: true },
      { xs: [3, 1, 2], desc: false },
      { xs: [], desc: true },
    ],
  ),
  fn(
    "captured-after-creation",
    `
      let base = 1;
      const f = () => base * 2;
      const early = f();
      base = inputs.x;
      const g = f;
      return { early, late: f(), viaCopy: g() };
    `,
    { x: "number" },
    { early: "number", late: "number", viaCopy: "number" },
    [{ x: 5 }, { x: -0.25 }],
  ),
  fn(
    "once-and-accumulator",
    `
      function once(f: () => number) {
        let done = false;
        let v = 0;
        return () => { if (!done) { v = f(); done = true; } return v; };
      }
      let runs = 0;
      const init = once(() => { runs++; return inputs.xs.length * 10; });
      function acc(start: number) { let total = start; return (n: number) => (total += n); }
      const add = acc(100);
      let last = 0;
      for (const x of inputs.xs) last = add(x) + init();
      return { last, runs, again: init() };
    `,
    { xs: "number[]" },
    { last: "number", runs: "integer", again: "integer" },
    XS,
  ),
  fn(
    "curried-three-levels",
    `
      const digits = (x: number) => (y: number) => (z: number) => x * 100 + y * 10 + z;
      const d1 = digits(inputs.a);
      const d2 = d1(inputs.b);
      return { a: d2(inputs.c), b: digits(1)(2)(3), c: [0, 1, 2].map((z) => d1(z)(z)) };
    `,
    { a: "number", b: "number", c: "number" },
    { a: "number", b: "number", c: "number[]" },
    [
      { a: 1, b: 2, c: 3 },
      { a: -1, b: 0.5, c: 0 },
    ],
  ),
  fn(
    "closure-returned-from-loop",
    `
      function finder(xs: number[]) {
        for (const x of xs) if (x > 1) return () => x * 2;
        return () => -1;
      }
      const makers: (() => string)[] = [];
      for (const w of inputs.words) {
        let count = 0;
        makers.push(() => w + ++count);
      }
      return { f: finder(inputs.xs)(), m: makers.map((m) => m() + m()) };
    `,
    { xs: "number[]", words: "string[]" },
    { f: "number", m: "string[]" },
    [
      { xs: [1, 3, 5], words: ["a", "b"] },
      { xs: [], words: [] },
    ],
  ),
  fn(
    "optional-callback-parameter",
    `
      function each(xs: number[], f?: (x: number) => void): number {
        let n = 0;
        for (const x of xs) { n++; if (f) f(x); }
        return n;
      }
      let total = 0;
      const a = each(inputs.xs);
      const b = each(inputs.xs, (x) => { total += x; });
      return { a, b, total };
    `,
    { xs: "number[]" },
    { a: "integer", b: "integer", total: "number" },
    XS,
  ),
  fn(
    "block-scoped-closure-in-if",
    `
      const fs: ((x: number) => number)[] = [];
      for (const x of inputs.xs) {
        if (x > 1) {
          const k = x;
          fs.push((y) => y + k);
        } else {
          const k = -x;
          fs.push((y) => y * k);
        }
      }
      return { ys: fs.map((f, i) => f(i)) };
    `,
    { xs: "number[]" },
    { ys: "number[]" },
    XS,
  ),
  fn(
    "closure-in-switch-case",
    `
      const fs: (() => string)[] = [];
      for (const w of inputs.words) {
        switch (w.length) {
          case 3: {
            const tag = "three";
            fs.push(() => tag + ":" + w);
            break;
          }
          default:
            fs.push(() => w.toUpperCase());
        }
      }
      return { out: fs.map((f) => f()) };
    `,
    { words: "string[]" },
    { out: "string[]" },
    WORDS,
  ),
];
