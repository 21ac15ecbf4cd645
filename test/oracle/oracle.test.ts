/**
 * @fileoverview The judge, judged: the oracle's verdicts on outcomes made by hand (so each class
 * is reached, whatever the compiler does today), its reading of schemas, its JavaScript reference,
 * and, end to end through the real pipeline, expectSameAsJs on bodies whose verdict does not
 * depend on the compiler's maturity (plain arithmetic; an ungranted capability is refused).
 */
import { describe, expect, it } from "vitest";
import { compareRun, firstDifference, refusalProblems, show } from "./classify.js";
import { expectSameAsJs, oracleBatch } from "./expect.js";
import { differsOnlyInNegativeZero } from "./generator/fuzz.js";
import { dedent, type OracleCase } from "./oracle.js";
import { referenceBody } from "./reference.js";
import { Schema, yamlOf } from "./schema.js";
import { fromJson, toJson } from "./values.js";

const returned = (value: unknown) => ({ kind: "returned" as const, value });
const failed = (code: string, message = "") => ({ kind: "failed" as const, code, message });
const NUMBER = new Schema({ x: "number" });

describe("verdicts", () => {
  it("compares numbers with Object.is: -0 and NaN count", () => {
    expect(compareRun({}, returned({ x: -0 }), returned({ x: 0 }), NUMBER).verdict).toBe("WRONG");
    expect(compareRun({}, returned({ x: -0 }), returned({ x: -0 }), NUMBER).verdict).toBe("SAME");
    expect(firstDifference([1, Number.NaN], [1, Number.NaN], "$")).toBeUndefined();
    expect(firstDifference({ a: [1, 2] }, { a: [1, 3] }, "$")).toBe("at $.a[1]: JavaScript 2, sandbox 3");
    expect(firstDifference(["a"], ["a", "b"], "$")).toBe("at $.length: JavaScript 1, sandbox 2");
  });

  it("ignores fields the output schema does not name, and absent vs undefined", () => {
    expect(compareRun({}, returned({ x: 1, extra: 2 }), returned({ x: 1 }), NUMBER).verdict).toBe("SAME");
    const optional = new Schema({ x: "number?" });
    expect(compareRun({}, returned({ x: undefined }), returned({}), optional).verdict).toBe("SAME");
  });

  it("wants a run-time error where JavaScript returns what the schema rejects", () => {
    const integer = new Schema({ n: "integer" });
    expect(compareRun({}, returned({ n: 1.5 }), failed("ICE_OUTPUT_INVALID"), integer).verdict).toBe("BOTH_THROW");
    expect(compareRun({}, returned({ n: 1.5 }), returned({ n: 1 }), integer).verdict).toBe("WRONG");
    // NaN is no JSON number: returned as is or refused at the boundary, both fine.
    expect(compareRun({}, returned({ x: Number.NaN }), failed("ICE_OUTPUT_INVALID"), NUMBER).verdict).toBe(
      "BOTH_THROW",
    );
    expect(compareRun({}, returned({ x: Number.NaN }), returned({ x: Number.NaN }), NUMBER).verdict).toBe("SAME");
    expect(compareRun({}, returned({ x: Number.NaN }), failed("ICE_SANDBOX_TRAP"), NUMBER).verdict).toBe("WRONG");
  });

  it("wants ICE_SANDBOX_TRAP carrying the message where JavaScript throws", () => {
    const threw = { kind: "threw" as const, message: "too big", userError: true };
    expect(compareRun({}, threw, failed("ICE_SANDBOX_TRAP", "trapped: too big"), NUMBER).verdict).toBe("BOTH_THROW");
    expect(compareRun({}, threw, failed("ICE_SANDBOX_TRAP", "trapped: abort"), NUMBER).verdict).toBe("WRONG");
    expect(compareRun({}, threw, failed("ICE_FUEL_EXHAUSTED"), NUMBER).verdict).toBe("WRONG");
    expect(compareRun({}, threw, returned({ x: 1 }), NUMBER).verdict).toBe("WRONG");
    const typeError = { kind: "threw" as const, message: "x is undefined", userError: false };
    expect(compareRun({}, typeError, failed("ICE_SANDBOX_TRAP", "trapped"), NUMBER).verdict).toBe("BOTH_THROW");
  });

  it("calls a failure that is not a runtime error a CRASH", () => {
    expect(compareRun({}, returned({ x: 1 }), { kind: "internal", message: "TypeError" }, NUMBER).verdict).toBe(
      "CRASH",
    );
  });

  it("counts a program as negative-zero-only only when it ran and -0 is all that differs", () => {
    const c: OracleCase = { name: "p", body: "return { x: 0 };", input: {}, output: { x: "number" }, inputs: [{}] };
    const zero = compareRun({}, returned({ x: -0 }), returned({ x: 0 }), NUMBER);
    const other = compareRun({}, returned({ x: 1 }), returned({ x: 2 }), NUMBER);
    const result = (runs: (typeof zero)[]) => ({ case: c, verdict: "WRONG" as const, runs, refusalProblems: [] });
    expect(differsOnlyInNegativeZero(result([zero]))).toBe(true);
    expect(differsOnlyInNegativeZero(result([zero, other]))).toBe(false);
    // A build that crashed has no runs: not a negative-zero difference.
    const crashed = { case: c, verdict: "CRASH" as const, runs: [], refusalProblems: [], crash: "ICE3006" };
    expect(differsOnlyInNegativeZero(crashed)).toBe(false);
  });

  it("judges refusals: located, in TypeScript terms", () => {
    const refusal = (message: string, located = true) => ({
      diagnostics: [
        { code: "ICE3001", message, located, text: `${located ? "b.yaml:3:4 - " : ""}error ICE3001: ${message}` },
      ],
    });
    expect(refusalProblems(refusal("closures are not supported: write a loop"))).toEqual([]);
    expect(refusalProblems(refusal("Type argument expected. (TS1140)"))).toHaveLength(1);
    expect(refusalProblems(refusal("cannot convert f64 to i32 (AS200)"))).toHaveLength(2);
    expect(refusalProblems(refusal("in ~lib/array.ts"))).toHaveLength(1);
    expect(refusalProblems(refusal("fine words", false))).toHaveLength(1);
    expect(refusalProblems(refusal("Cannot find name 'i32'."), "return { n: <i32>x };")).toEqual([]);
  });

  it("shows values as JavaScript writes them", () => {
    expect(show({ a: -0, b: Number.NaN, c: [Number.POSITIVE_INFINITY, undefined], d: "s" })).toBe(
      '{"a":-0,"b":NaN,"c":[Infinity,undefined],"d":"s"}',
    );
  });
});

describe("schemas", () => {
  it("prints the YAML short form", () => {
    expect(yamlOf({ text: "string", xs: "number[]", rows: [{ n: "integer?" }], m: {} })).toBe(
      '{ text: string, xs: "number[]", rows: [{ n: "integer?" }], m: {} }',
    );
  });

  it("checks values by the code-node value rules (an integer is any integral number)", () => {
    const s = new Schema({ n: "integer", xs: "number[]", o: "string?" });
    expect(s.check({ n: 9007199254740991, xs: [] })).toBeUndefined();
    expect(s.check({ n: 1.5, xs: [] })?.problem).toMatch(/\$\.n: expected integer/);
    expect(s.check({ n: 1, xs: [Number.POSITIVE_INFINITY] })?.nonFinite).toBe(true);
    expect(s.check({ n: 1, xs: [], o: 3 })?.problem).toMatch(/\$\.o: expected string/);
  });

  it("keeps -0, NaN and Infinity through saved JSON", () => {
    const value = { a: -0, b: [Number.NaN, Number.NEGATIVE_INFINITY], c: { $d: 1 } };
    expect(fromJson(toJson(value))).toEqual(value);
    expect(Object.is((fromJson(toJson({ a: -0 })) as { a: number }).a, -0)).toBe(true);
  });
});

describe("the JavaScript reference", () => {
  it("erases types and runs the body on a copy of its input", () => {
    const body = referenceBody(
      dedent(`
        interface P { x: number }
        const p: P = { x: inputs.xs.length as number };
        inputs.xs.push(1);
        return { n: <number>p.x, generic: ((v: number): number => v)(2) };
      `),
    );
    expect(body.kind).toBe("ok");
    if (body.kind !== "ok") return;
    const input = { xs: [1, 2] };
    expect(body.call(input)).toEqual({ kind: "returned", value: { n: 2, generic: 2 } });
    expect(body.call(input)).toEqual({ kind: "returned", value: { n: 2, generic: 2 } });
    expect(input.xs).toEqual([1, 2]);
  });

  it("reports what a body throws", () => {
    const body = referenceBody('if (inputs.x > 1) throw new Error("big");\nreturn { y: inputs.x.y.z };');
    if (body.kind !== "ok") throw new Error(body.message);
    expect(body.call({ x: 2 })).toEqual({ kind: "threw", message: "big", userError: true });
    expect(body.call({ x: 0 })).toMatchObject({ kind: "threw", userError: false });
  });

  it("rejects a body that is not TypeScript", () => {
    expect(referenceBody("return { ;").kind).toBe("invalid");
  });
});

const END_TO_END: OracleCase[] = [
  {
    name: "plain-arithmetic",
    body: "const total = inputs.a + inputs.b;\nreturn { total, bigger: inputs.a > inputs.b };",
    input: { a: "integer", b: "integer" },
    output: { total: "integer", bigger: "boolean" },
    inputs: [
      { a: 1, b: 2 },
      { a: -5, b: -7 },
    ],
  },
  {
    name: "throws-with-message",
    body: 'if (inputs.a > 10) throw new Error("a is too big");\nreturn { a: inputs.a };',
    input: { a: "integer" },
    output: { a: "integer" },
    inputs: [{ a: 1 }, { a: 11 }],
  },
  {
    name: "ungranted-capability",
    body: "return { n: Math.floor(inputs.a / 2) };",
    input: { a: "integer" },
    output: { n: "integer" },
    capabilities: [],
    inputs: [{ a: 3 }],
    refused: /:\d+:\d+ - error ICE\d{4}: .*math/,
  },
];

describe("expectSameAsJs through the real pipeline", () => {
  const batch = oracleBatch(END_TO_END);
  for (const c of END_TO_END) it(c.name, () => expectSameAsJs(batch.get(c.name)));

  it("builds the batch as workflows and sorts each body into one verdict", () => {
    expect(batch.all().map((r) => r.verdict)).toEqual(["SAME", "BOTH_THROW", "REFUSED"]);
  });
});
