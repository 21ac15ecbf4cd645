/**
 * @fileoverview Plain objects typed as a body class (SPEC 4a): JavaScript's `instanceof`, methods
 * and prototype reads tell a class instance from an object literal of the same fields, so every
 * way a literal can be given a class type must either keep that difference or be refused.
 * Cases named `...refused` must be refused with a located message.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const cl = cases("classLiterals");

const N = [{ n: 1 }, { n: 0 }, { n: -2.5 }];
const OUT = { a: "boolean", b: "boolean", c: "number" } as const;
const CLASS = "class P { constructor(public x: number) {} }";

export const CLASS_LITERALS: readonly OracleCase[] = [
  cl(
    "as-cast-literal-refused",
    [
      CLASS,
      "const a = { x: inputs.n } as P;",
      "const b = new P(inputs.n);",
      "return { a: a instanceof P, b: b instanceof P, c: a.x + b.x };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "array-of-literals-refused",
    [
      CLASS,
      "const xs: P[] = [{ x: inputs.n }, new P(2)];",
      "return { a: xs[0] instanceof P, b: xs[1] instanceof P, c: xs.length };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "push-literal-refused",
    [
      CLASS,
      "const xs: P[] = [];",
      "xs.push({ x: inputs.n });",
      "return { a: xs[0] instanceof P, b: xs.every((p) => p instanceof P), c: xs[0].x };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "argument-literal-refused",
    [
      CLASS,
      "function isP(p: P): boolean { return p instanceof P; }",
      "return { a: isP({ x: inputs.n }), b: isP(new P(1)), c: 0 };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "return-literal-refused",
    [
      CLASS,
      "function mk(n: number): P { return { x: n }; }",
      "const p = mk(inputs.n);",
      "return { a: p instanceof P, b: mk(1) instanceof P, c: p.x };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "map-to-literal-refused",
    [
      CLASS,
      "const xs: P[] = [inputs.n, 2].map((x) => ({ x }));",
      "return { a: xs[0] instanceof P, b: false, c: xs.length };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "field-of-literal-refused",
    [
      CLASS,
      "interface H { p: P }",
      "const h: H = { p: { x: inputs.n } };",
      "return { a: h.p instanceof P, b: new P(1) instanceof P, c: h.p.x };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "map-value-literal-refused",
    [
      CLASS,
      "const m = new Map<string, P>();",
      "m.set('a', { x: inputs.n });",
      "const v = m.get('a');",
      "return { a: v instanceof P, b: false, c: m.size };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "assign-literal-refused",
    [
      CLASS,
      "let p: P = new P(1);",
      "if (inputs.n > 0) p = { x: inputs.n };",
      "return { a: p instanceof P, b: true, c: p.x };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
  cl(
    "method-class-literal-refused",
    [
      "class Q { constructor(public x: number) {} twice(): number { return this.x * 2; } }",
      "const q = new Q(inputs.n);",
      "const r = { ...q };",
      "return { a: q instanceof Q, b: 'twice' in r, c: q.twice() };",
    ].join("\n"),
    { n: "number" },
    OUT,
    N,
  ),
];
