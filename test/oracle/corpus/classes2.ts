/**
 * @fileoverview Code-node breadth over classes and objects (SPEC 4a): generic base classes
 * (`class B<T> extends A<T>`, `class C extends A<string>`) with super calls, overrides, instanceof,
 * fields initialized in both and JSON of instances (base-class fields first, in definition order);
 * getters and setters in object literals and classes; a defaulted method parameter captured by a
 * closure; `String(obj)` and templates of objects, arrays of objects and class instances; and the
 * generator forms that stay refused. Cases named `...refused` must be refused with a located message.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const c2 = cases("classes2");

const TEXT_2 = [{ text: "hello world" }, { text: "" }, { text: "a" }, { text: "🙂 ünï b a b" }];
const NUMS = [{ xs: [3, 1, 4, 1, 5] }, { xs: [] }, { xs: [-0, 0.1, -2.5] }, { xs: [1e21, -7, 0.5] }];

export const CLASSES_2: readonly OracleCase[] = [
  // ---- String(x) and templates of objects, arrays and class instances ----
  c2(
    "text-of-plain-objects-and-arrays",
    [
      "const o = { a: 1, b: inputs.text };",
      "const rows = inputs.text.split(' ').map((w, i) => ({ w, i }));",
      "const nested = [[1, 2], [3, -0], []];",
      "const maybe: (string | null)[] = [inputs.text || null, 'x', null];",
      "const nulls: (number | null)[] = [null, 1.5, null];",
      "const first = rows.find((r) => r.w === 'zzz');",
      "const m = new Map<string, number>([[inputs.text, 1]]);",
      "return {",
      "  a: String(o), b: `${o}!`, c: 'o=' + o, d: String(rows), e: `${rows}`, f: String(nested),",
      "  g: String(maybe), h: maybe.join('-'), i: nulls.join(), j: String(first), k: `${rows[0]}|${first}`,",
      "  l: String(m) + String(new Set([1])), n: rows.join(' & '), p: [o, [o], 'x', 1].join(';'), q: String([[], [[]]]),",
      "};",
    ].join("\n"),
    { text: "string" },
    {
      a: "string",
      b: "string",
      c: "string",
      d: "string",
      e: "string",
      f: "string",
      g: "string",
      h: "string",
      i: "string",
      j: "string",
      k: "string",
      l: "string",
      n: "string",
      p: "string",
      q: "string",
    },
    TEXT_2,
  ),
  c2(
    "text-of-class-instances",
    [
      "let calls = 0;",
      "class Plain { x = 1; }",
      "class Money { constructor(public cents: number) {} toString(): string { calls++; return `$${(this.cents / 100).toFixed(2)}#${calls}`; } }",
      "class Tip extends Money { }",
      "class Tagged extends Money { override toString(): string { return 'tag:' + super.toString(); } }",
      "class Oops extends Error { constructor(m: string) { super(m); this.name = 'Oops'; } }",
      "const ms: Money[] = inputs.xs.map((x, i): Money => (i % 2 ? new Tagged(x) : new Tip(x)));",
      "const p = new Plain();",
      "return {",
      "  a: String(p), b: `${new Money(1234)}`, c: 'total ' + new Tip(5), d: String(ms), e: ms.join(' + '),",
      "  f: ms.length > 1 ? `${ms[0]}/${ms[1]}` : '-', g: String([p, p]), h: String(new Oops('bad')), calls,",
      "};",
    ].join("\n"),
    { xs: "number[]" },
    {
      a: "string",
      b: "string",
      c: "string",
      d: "string",
      e: "string",
      f: "string",
      g: "string",
      h: "string",
      calls: "number",
    },
    NUMS,
  ),
  c2(
    "text-of-subclass-only-tostring-refused",
    [
      "class Base { n = 1; }",
      "class Sub extends Base { toString() { return 'sub'; } }",
      "const b: Base = inputs.xs.length ? new Sub() : new Base();",
      "return { s: String(b) };",
    ].join("\n"),
    { xs: "number[]" },
    { s: "string" },
    NUMS,
  ),
  c2(
    "text-of-valueof-refused",
    ["class V { valueOf() { return 42; } }", "return { s: 'v' + new V() };"].join("\n"),
    { xs: "number[]" },
    { s: "string" },
    NUMS,
  ),
  c2(
    "text-of-object-with-tostring-field-refused",
    ["const o = { toString: () => 'custom' };", "return { s: `${o}` };"].join("\n"),
    { xs: "number[]" },
    { s: "string" },
    NUMS,
  ),
  // ---- defaulted method parameters captured by closures ----
  c2(
    "defaulted-method-parameter-captured",
    [
      "class Scaler {",
      "  factor = 2;",
      "  scale(xs: number[], by: number = this.factor, add = 1): number[] {",
      "    return xs.map((x) => x * by + add);",
      "  }",
      "  later(by = 3): () => number { return () => by * 10; }",
      "}",
      "const s = new Scaler();",
      "const f = s.later();",
      "const g = s.later(5);",
      "return { a: s.scale(inputs.xs), b: s.scale(inputs.xs, 10), c: s.scale(inputs.xs, undefined, 0), d: f() + g() };",
    ].join("\n"),
    { xs: "number[]" },
    { a: "number[]", b: "number[]", c: "number[]", d: "number" },
    NUMS,
  ),
  c2(
    "defaulted-parameter-captured-and-reassigned",
    [
      "class Counter {",
      "  run(n: number, step = 1): number {",
      "    const bump = () => { step = step * 2; return step; };",
      "    let total = 0;",
      "    for (let i = 0; i < n; i++) total += bump();",
      "    return total + step;",
      "  }",
      "}",
      "class Greeter {",
      "  out: string[] = [];",
      "  constructor(public who: string = 'you', sep = ', ') { const w = who; const self = this; const add = (x: string) => self.out.length + x + sep + w; this.out.push(add('hi'), add(who)); }",
      "  parts(): string { return this.out.join('/'); }",
      "}",
      "const c = new Counter();",
      "return { a: c.run(inputs.xs.length), b: c.run(3, -1), g: new Greeter().parts(), h: new Greeter(inputs.xs.join('|'), '; ').parts() };",
    ].join("\n"),
    { xs: "number[]" },
    { a: "number", b: "number", g: "string", h: "string" },
    NUMS,
  ),
];
