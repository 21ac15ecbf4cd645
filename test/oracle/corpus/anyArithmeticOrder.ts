/**
 * @fileoverview Arithmetic with a left operand of type `any`: JavaScript turns it into a number
 * only after evaluating the right operand, which may change it (print/operators.ts keeps the left
 * value in a temporary until then).
 */
import type { OracleCase } from "../oracle.js";

export const ANY_ARITHMETIC_ORDER: readonly OracleCase[] = [
  {
    name: "any-arithmetic/left-changed-by-right",
    body: [
      "const v = inputs.v;",
      "const out: number[] = [];",
      "const grow = (): number => {",
      "  if (Array.isArray(v)) v.push(2);",
      "  return 1;",
      "};",
      "out.push(v - grow());",
      "out.push(v * grow());",
      "out.push(v % (grow() + 1));",
      "out.push(v ** grow());",
      "out.push(v / grow());",
      'return { r: out.map((x) => String(x)).join(",") };',
    ].join("\n"),
    input: { v: "any" },
    output: { r: "string" },
    inputs: [{ v: [] }, { v: [5] }, { v: "7" }, { v: 3 }, { v: null }, { v: {} }, { v: [[1]] }],
  },
];
