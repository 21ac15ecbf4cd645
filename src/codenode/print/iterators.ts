/**
 * @fileoverview Iterators kept as values and stepped by hand: `const it = m.keys()`,
 * `it.next().value`, `let r = it.next(); while (!r.done) { ...; r = it.next(); }`, over the
 * keys, values and entries of arrays, Maps and Sets. Each such iterator is an object of a class
 * generated per call site from the loop that `for...of` would run (iteration.ts `steps`), which
 * it runs one step per `next()`: it reads the collection live (an array's length at each step,
 * a Map's live positions), and once finished it stays finished, as JavaScript's iterators do.
 * `next()` returns a new `{ done, value }` object (iteratorResults.ts), `value` undefined once done;
 * `for...of`, spread and `Array.from` of a kept iterator go on from where it is.
 */
import type { ts } from "ts-morph";
import { asType, optional, type ValueType, zeroValue } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr } from "./expressions.js";
import { elementOf, sequenceOf } from "./iteration.js";
import { iteratorResultShape } from "../iteratorResults.js";

/** `m.keys()`, `xs.entries()`, ... as an iterator object. */
export function iteratorValue(ctx: PrintContext, node: ts.CallExpression): Printed {
  const sequence = sequenceOf(ctx, node);
  if (!sequence.steps)
    return ctx.refuse(node, "keeping this iterator", "iterate it directly: `for (const x of ...)` or `[...]`");
  const s = sequence.steps("c", "p");
  const E = asType(sequence.element);
  const C = asType(sequence.collection.type);
  const name = ctx.fresh("It");
  ctx.hoisted.push(
    [
      `class ${name} extends __ice_Iter<${E}> {`,
      `  c: ${C}; p: i32 = 0; s: i32 = 0;`,
      `  constructor(c: ${C}) { super(); this.c = c; }`,
      "  step(): bool {",
      "    if (this.s == 2) return false;",
      "    const c = this.c;",
      "    let p = this.p;",
      `    if (this.s == 0) { this.s = 1; p = ${s.init}; } else { ${s.advance}; }`,
      "    this.p = p;",
      `    if (!(${s.more})) { this.s = 2; return false; }`,
      "    return true;",
      "  }",
      `  current(): ${E} { const c = this.c; const p = this.p; return ${elementOf(sequence, s.parts)}; }`,
      "}",
    ].join("\n"),
  );
  return {
    text: `(<__ice_Iter<${E}>>new ${name}(${sequence.collection.text}))`,
    type: { kind: "iterator", element: sequence.element },
  };
}

/** `it.next()`: one step, as a new `{ done, value }`. */
export function iteratorNext(ctx: PrintContext, node: ts.CallExpression, receiver: ts.Expression): Printed {
  if (node.arguments.length > 0) return ctx.refuse(node, "next(value) of an iterator", "call next() without arguments");
  const it = printExpr(ctx, receiver);
  if (it.type.kind !== "iterator") return ctx.refuse(node, "next() of this iterator", "iterate it with for...of");
  const element: ValueType = it.type.element;
  const result = iteratorResultShape(ctx.classes, element);
  const R = asType(result);
  const t = ctx.temp(it.type);
  const value = coerce(ctx, { text: `${t}.current()`, type: element }, optional(element), node);
  return {
    text: `(${t} = ${it.text}, ${t}.step() ? new ${R}(false, ${value}) : new ${R}(true, ${zeroValue(optional(element))}))`,
    type: result,
  };
}
