/**
 * @fileoverview A workflow's output is copied as plain JSON (runtime/plainOutput.ts): plain data
 * without a JSON text, anything else through JSON. Both paths must give the same value, -0s and
 * key order included: a property test over plain data and over values that leave the fast path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../propertySeed.js";
import { jsonCopy, plainOutput } from "../../runtime/plainOutput.js";

/** The same value, -0 and key order included (toEqual treats -0 as 0 and ignores key order). */
function expectSame(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  const walk = (a: unknown, b: unknown): void => {
    if (typeof a === "number") expect(Object.is(a, b)).toBe(true);
    if (a === null || typeof a !== "object") {
      expect(a).toEqual(b);
      return;
    }
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.keys(a)).toEqual(Object.keys(b as object));
    for (const key of Object.keys(a)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
  };
  walk(actual, expected);
}

const leaf = fc.oneof(
  fc.constantFrom(undefined, null, -0, 0, Number.NaN, Number.POSITIVE_INFINITY, "", "\ud800", true),
  fc.double(),
  fc.string(),
  fc.boolean(),
);
const keys = fc.constantFrom("a", "b", "10", "2", "__proto__", "constructor", "toString", "é");
const plain = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(keys, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Values the fast path must leave to JSON. */
const unusual = fc.constantFrom<unknown>(
  new Date(0),
  { toJSON: () => "custom" },
  () => 1,
  Symbol("s"),
  new Map([[1, 2]]),
  new (class Point {
    x = 1;
  })(),
  Object.assign(Object.create(null), { a: 1 }),
);

describe("a run's output copy", () => {
  it("copies plain data as the JSON copy does", () => {
    fc.assert(
      fc.property(fc.dictionary(keys, plain, { maxKeys: 5 }), (values) => {
        expectSame(plainOutput(values), jsonCopy(values));
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives the JSON copy's answer for values that are not plain data, anywhere inside", () => {
    fc.assert(
      fc.property(fc.dictionary(keys, plain, { maxKeys: 3 }), unusual, keys, (values, odd, key) => {
        const withOdd = { ...values, nested: [{ [key]: odd }] };
        expectSame(plainOutput(withOdd), jsonCopy(withOdd));
      }),
      { numRuns: 300 },
    );
  });

  it("reports a cycle as the JSON copy does, and copies deep acyclic data", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => plainOutput(cyclic)).toThrow(TypeError);
    let deep: unknown = -0;
    for (let i = 0; i < 500; i++) deep = [deep];
    expectSame(plainOutput({ deep }), jsonCopy({ deep }));
  });
});
