/**
 * @fileoverview toFixed of integers (runtimeLib.ts `__ice_num_fmt`, the host's formatter): -0,
 * negative values, 1e15 and past it, digits 0 to 100, fractional and NaN digit counts, and the
 * RangeError for digits out of range. (An in-sandbox fast path for integers was tried and taken
 * out: it saved ~0.1 us per call and cost ~20 ms of compile time per code node using toFixed.)
 */
import type { OracleCase } from "../oracle.js";

const INTEGERS = [0, -0, 7, -37, 255, 256, -2147483648, 2147483648, 999999999999999, 1e15, -1e15, 1e21, 4.5].map(
  (x) => ({
    x,
  }),
);

export const FIXED_INTEGERS: readonly OracleCase[] = [
  {
    name: "fixed-integers/digits",
    body: 'return { r: [0, 1, 2, 3, 20, 100, 1.7, NaN].map((d) => inputs.x.toFixed(d)).join("|") + "|" + inputs.x.toFixed() };',
    input: { x: "number" },
    output: { r: "string" },
    inputs: INTEGERS,
  },
  {
    name: "fixed-integers/out-of-range",
    body: "return { r: inputs.x.toFixed(101) };",
    input: { x: "number" },
    output: { r: "string" },
    inputs: [{ x: 5 }],
  },
  {
    name: "fixed-integers/negative-digits",
    body: "return { r: inputs.x.toFixed(-1) };",
    input: { x: "number" },
    output: { r: "string" },
    inputs: [{ x: 5 }],
  },
];
