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

const TEXT = [{ text: "hello world" }, { text: "" }, { text: "a" }, { text: "🙂 ünï b a b" }];
const NUMS = [{ xs: [3, 1, 4, 1, 5] }, { xs: [] }, { xs: [-0, 0.1, -2.5] }, { xs: [1e21, -7, 0.5] }];

export const CLASSES_2: readonly OracleCase[] = [
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
