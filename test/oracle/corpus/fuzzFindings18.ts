/**
 * @fileoverview What the program fuzzer found in session 18, shrunk (test/oracle/generator/: the
 * sections of `any` from JSON, classes, try/catch and closures in loops). `Math.max(d.m, d.x)` of a
 * parsed value holding a text or undefined stopped the node ("a value of type 'any' is undefined
 * where the code expects a number") where JavaScript converts it with ToNumber: Math functions now
 * convert an `any` argument as `+v` does (print/numberGlobals.ts toNumberArgument).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ff = cases("fuzz18", ["math", "json"]);

const J = [
  { j: '{"x":-7,"m":"5"}' },
  { j: '{"x":-7}' },
  { j: '{"x":2,"m":null}' },
  { j: '{"x":2,"m":" 7 "}' },
  { j: '{"x":2,"m":"abc"}' },
  { j: '{"x":2,"m":true}' },
  { j: '{"x":2,"m":[3]}' },
  { j: '{"x":2,"m":{"a":1}}' },
  { j: '{"x":-0,"m":"-0"}' },
  { j: '{"x":1,"m":"0x10"}' },
];

export const FUZZ_FINDINGS_18: readonly OracleCase[] = [
  ff(
    "math-max-of-any",
    ["const d = JSON.parse(inputs.j);", "const f: number = Math.max(d.m, d.x);", "return { f: String(f) };"].join("\n"),
    { j: "string" },
    { f: "string" },
    J,
  ),
  ff(
    "math-functions-of-any",
    [
      "const d: any = JSON.parse(inputs.j);",
      "const out = [Math.floor(d.m), Math.abs(d.m), Math.min(d.x, d.m, 3), Math.sign(d.m), Math.pow(d.m, 2),",
      "  Math.hypot(d.m, d.x, 1), Math.hypot(d.m, 4), Math.clz32(d.m), Math.imul(d.m, 3), Math.round(d.missing)];",
      "return { out: out.map((v) => String(v)) };",
    ].join("\n"),
    { j: "string" },
    { out: "string[]" },
    J,
  ),
  ff(
    "math-max-spread-and-any",
    [
      "const d = JSON.parse(inputs.j);",
      "const xs: number[] = [1, -2];",
      "return { f: String(Math.max(...xs, d.m)) + String(Math.min(d.m, ...xs)) };",
    ].join("\n"),
    { j: "string" },
    { f: "string" },
    J,
  ),
  // A text `any` added into a typed number slot (semantics12's widened compound stores).
  ff(
    "any-text-added-into-typed-number",
    ["const d: any = JSON.parse(inputs.j);", "let acc: number = 0;", "acc += d.m;", "return { r: String(acc) };"].join(
      "\n",
    ),
    { j: "string" },
    { r: "string" },
    [{ j: '{"m":"abc"}' }, { j: '{"m":2}' }],
  ),
  // fuzz/1/0: a body with a `u`-flagged regex was never typed again with its 'any' stores widened
  // (tsc's "flag only available when targeting es6" counted against the retyped text, though not
  // against the body as written), so `let u: string = d.k` of a boolean stopped the node.
  ff(
    "any-stored-in-string-beside-unicode-regex",
    [
      "const d: any = JSON.parse(inputs.j);",
      "let u: string = d.m;",
      "u += d.m;",
      'return { r: String(u), n: ("a".match(/\\p{Lu}/giu) ?? []).length + (/(?<w>x)/.test(String(u)) ? 1 : 0) };',
    ].join("\n"),
    { j: "string" },
    { r: "string", n: "number" },
    J,
  ),
];
