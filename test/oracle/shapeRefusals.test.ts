/**
 * @fileoverview What recursive types and generic classes in bodies are still refused for
 * (src/codenode/recursiveShapes.ts, print/genericClasses.ts, print/genericMethods.ts): each must be refused at compile
 * time with a located diagnostic in TypeScript terms that says what to write instead. The bodies
 * that compile are in corpus/recursiveTypes.ts and corpus/genericClasses.ts.
 */
import { describe, it } from "vitest";
import type { OracleCase } from "./oracle.js";
import { expectSameAsJs, oracleBatch } from "./expect.js";

const REFUSED: readonly OracleCase[] = [
  {
    name: "shapes/tuple-inside-recursive-type",
    body: "type Pair = { name: string; next: [string, Pair][] };\nconst p: Pair = { name: inputs.t, next: [] };\nreturn { n: p.next.length };",
    input: { t: "string" },
    output: { n: "integer" },
    inputs: [{ t: "a" }],
    refused: /a tuple inside a recursive type is not supported; use an object with named fields/,
  },
  {
    name: "shapes/function-inside-recursive-type",
    body: "type Handler = { name: string; run: (h: Handler) => number };\nconst h: Handler = { name: inputs.t, run: (x) => x.name.length };\nreturn { n: h.run(h) };",
    input: { t: "string" },
    output: { n: "integer" },
    inputs: [{ t: "abc" }],
    refused: /a function type inside a recursive type is not supported/,
  },
  {
    name: "shapes/type-growing-as-it-recurses",
    body: "type G<T> = { v: T; next?: G<T[]> };\nconst g: G<number> = { v: 1 };\nreturn { n: g.v };",
    input: { t: "string" },
    output: { n: "number" },
    inputs: [{ t: "a" }],
    refused: /this type nests too deeply/,
  },
  {
    name: "shapes/generic-class-extends-error",
    body: "class Oops<T> extends Error { constructor(public v: T) { super('oops'); } }\nconst e = new Oops<string>(inputs.t);\nreturn { s: e.message };",
    input: { t: "string" },
    output: { s: "string" },
    inputs: [{ t: "a" }],
    refused: /a generic class that extends a class not declared in the body is not supported/,
  },
  {
    name: "shapes/generic-method-overridden-in-generic-subclass",
    body: "class Base { tag<T>(x: T): string { return 'base ' + String(x); } }\nclass Sub<V> extends Base { override tag<T>(x: T): string { return 'sub ' + String(x); } }\nconst b: Base = new Sub<number>();\nreturn { s: b.tag(inputs.t) };",
    input: { t: "string" },
    output: { s: "string" },
    inputs: [{ t: "a" }],
    refused:
      /a generic method overridden in a generic class, or with other type parameters than the method it overrides is not supported/,
  },
  {
    name: "shapes/generic-class-growing-instances",
    body: "class Nest<T> { constructor(public v: T) {} deeper(): Nest<T[]> { return new Nest<T[]>([this.v]); } }\nconst n = new Nest<number>(1);\nreturn { n: n.v };",
    input: { t: "string" },
    output: { n: "number" },
    inputs: [{ t: "a" }],
    refused: /a generic class whose type arguments grow as it is used/,
  },
  {
    name: "shapes/generic-method-growing-instances",
    body: "class R { nest<T>(x: T, n: number): number { return n <= 0 ? 0 : 1 + this.nest([x], n - 1); } }\nreturn { n: new R().nest(inputs.t, 3) };",
    input: { t: "string" },
    output: { n: "number" },
    inputs: [{ t: "a" }],
    refused: /a generic method whose type arguments grow as it calls itself is not supported/,
  },
  {
    name: "shapes/generic-class-as-value",
    body: "class Box<T> { constructor(public v: T) {} }\nconst K = Box;\nreturn { n: new K<string>(inputs.t).v.length };",
    input: { t: "string" },
    output: { n: "number" },
    inputs: [{ t: "a" }],
    refused: /a generic class used as a value; call 'new' on it/,
  },
];

describe("recursive types and generic classes: what stays refused", () => {
  const batch = oracleBatch(REFUSED);
  for (const c of REFUSED) it(c.name, () => expectSameAsJs(batch.get(c.name)));
});
