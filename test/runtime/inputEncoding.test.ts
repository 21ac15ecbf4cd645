/**
 * @fileoverview Three checkers of values against schema types must agree exactly: schema.ts's
 * `problemOf` (the message), conforms.ts (the yes/no that `validateValue` asks first) and the
 * sandbox's encoders, which validate a run's input as they encode it (runtime/sandbox/encoder.ts).
 * Property tests over random schema types and values near them (valid ones, and ones with a
 * field dropped, nulled or of another kind).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../propertySeed.js";
import { WireWriter } from "../../runtime/sandbox/codec.js";
import { closureEncoder, encodeInput, makeEncoder } from "../../runtime/sandbox/encoder.js";
import { conforms } from "../../runtime/conforms.js";
import { problemOf, validateValue, type ObjectType, type SchemaType } from "../../runtime/schema.js";

const leaf: fc.Arbitrary<SchemaType> = fc.constantFrom<SchemaType>(
  { kind: "string" },
  { kind: "number" },
  { kind: "integer" },
  { kind: "boolean" },
  { kind: "any" },
  { kind: "object", fields: [] },
);

const schema: fc.Arbitrary<SchemaType> = fc.letrec<{ type: SchemaType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    tie("type").map((element): SchemaType => ({ kind: "array", element })),
    fc
      .uniqueArray(
        fc.record({ name: fc.constantFrom("a", "b", "c", "d"), type: tie("type"), optional: fc.boolean() }),
        {
          selector: (f) => f.name,
          maxLength: 3,
        },
      )
      .map((fields): SchemaType => ({ kind: "object", fields })),
  ),
})).type;

/** Anything a caller might pass where a value of some type is expected. */
const stray: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null),
  fc.boolean(),
  fc.constantFrom(0, -0, 1.5, -2.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.constantFrom([], {}, [1], { a: 1 }),
);

/** A value of `type`, or near it: each position is sometimes replaced by a stray value. */
function near(type: SchemaType): fc.Arbitrary<unknown> {
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (type.kind) {
      case "string":
        return fc.string();
      case "number":
        return fc.double();
      case "integer":
        return fc.integer();
      case "boolean":
        return fc.boolean();
      case "any":
        return fc.jsonValue();
      case "array":
        return fc.array(near(type.element), { maxLength: 3 });
      case "object":
        return fc.tuple(...type.fields.map((f) => fc.option(near(f.type), { nil: undefined }))).map((values) => {
          const record: Record<string, unknown> = {};
          type.fields.forEach((f, i) => {
            if (values[i] !== undefined || Math.abs(f.name.charCodeAt(0) % 2) === 0) record[f.name] = values[i];
          });
          return record;
        });
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: stray });
}

function encodeAs(type: ObjectType, value: Record<string, unknown>) {
  return encodeInput(new WireWriter(), makeEncoder(type), value, type, "inputs", 1 << 20);
}

describe("conforms", () => {
  it("says yes exactly when problemOf finds no problem", () => {
    fc.assert(
      fc.property(
        schema.chain((type) => fc.tuple(fc.constant(type), near(type))),
        ([type, value]) => {
          expect(conforms(value, type)).toBe(problemOf(value, type, "v") === undefined);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe("input encoding validates as validateValue does", () => {
  it("refuses exactly the inputs validateValue refuses, with its message", () => {
    const objectSchema = schema.filter((t): t is ObjectType => t.kind === "object");
    fc.assert(
      fc.property(
        objectSchema.chain((type) => fc.tuple(fc.constant(type), near(type))),
        ([type, value]) => {
          const expected = validateValue(value, type, "inputs");
          if (typeof value !== "object" || value === null || Array.isArray(value)) {
            expect(expected).toBeDefined();
            return;
          }
          const result = encodeAs(type as ObjectType, value as Record<string, unknown>);
          if (expected === undefined) expect(result.kind).toBe("encoded");
          else expect(result).toEqual({ kind: "invalid", problem: expected });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("refuses undefined where an `any` value is required, also as an array element (holes too)", () => {
    const type: ObjectType = {
      kind: "object",
      fields: [{ name: "xs", type: { kind: "array", element: { kind: "any" } }, optional: false }],
    };
    const holey: unknown[] = [];
    holey[1] = 1;
    for (const xs of [[1, undefined], holey]) {
      const problem = validateValue({ xs }, type, "inputs");
      expect(problem).toBeDefined();
      expect(encodeAs(type, { xs })).toEqual({ kind: "invalid", problem });
    }
  });

  it("reports a type problem before a too-large input", () => {
    const type: ObjectType = {
      kind: "object",
      fields: [
        { name: "big", type: { kind: "string" }, optional: false },
        { name: "n", type: { kind: "integer" }, optional: false },
      ],
    };
    const input = { big: "x".repeat(1_000), n: 1.5 };
    const tooSmall = encodeInput(new WireWriter(), makeEncoder(type), input, type, "inputs", 100);
    expect(tooSmall).toEqual({ kind: "invalid", problem: "inputs.n: expected integer, got the number 1.5" });
    const fine = { big: "x".repeat(1_000), n: 1 };
    expect(encodeInput(new WireWriter(), makeEncoder(type), fine, type, "inputs", 100).kind).toBe("too-large");
    // Within the writer's first buffer (1 KiB) too.
    const small = { big: "x".repeat(60), n: 1 };
    expect(encodeInput(new WireWriter(), makeEncoder(type), small, type, "inputs", 100).kind).toBe("too-large");
    expect(encodeInput(new WireWriter(), makeEncoder(type), small, type, "inputs", 132)).toEqual({
      kind: "encoded",
      length: 132,
    });
  });

  it("encodes an optional field given null as absent, except in an `any` field", () => {
    const type: ObjectType = {
      kind: "object",
      fields: [
        { name: "map", type: { kind: "object", fields: [] }, optional: true },
        { name: "json", type: { kind: "any" }, optional: true },
      ],
    };
    const writer = new WireWriter();
    const result = encodeInput(writer, makeEncoder(type), { map: null, json: null }, type, "inputs", 1 << 10);
    expect(result).toEqual({ kind: "encoded", length: 3 });
    // map: absent (flag 0); json: present (flag 1), then the JSON tag of null (1).
    expect([...writer.bytes.subarray(0, 3)]).toEqual([0, 1, 1]);
  });
});

describe("the generated encoder (encoderSource.ts) and the closures", () => {
  /** The bytes (or the refusal) of encoding `value` with `encode`. */
  function bytesOf(encode: ReturnType<typeof makeEncoder>, type: ObjectType, value: Record<string, unknown>) {
    const writer = new WireWriter();
    const result = encodeInput(writer, encode, value, type, "inputs", 1 << 20);
    return result.kind === "encoded" ? [...writer.bytes.subarray(0, result.length)] : result;
  }

  it("write the same bytes and refuse the same values", () => {
    const objectSchema = schema.filter((t): t is ObjectType => t.kind === "object");
    fc.assert(
      fc.property(
        objectSchema.chain((type) => fc.tuple(fc.constant(type), near(type))),
        ([type, value]) => {
          if (typeof value !== "object" || value === null || Array.isArray(value)) return;
          const record = value as Record<string, unknown>;
          expect(bytesOf(makeEncoder(type as ObjectType), type as ObjectType, record)).toEqual(
            bytesOf(closureEncoder(type), type as ObjectType, record),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("read fields named like Object.prototype members and unusual names only as own properties", () => {
    const names = ["toString", "constructor", "__proto__", "a b", 'q"uote', "\u2028", "hasOwnProperty"];
    const type: ObjectType = {
      kind: "object",
      fields: names.map((name, i) => ({ name, type: { kind: "string" }, optional: i % 2 === 0 })),
    };
    const own: Record<string, unknown> = {};
    for (const [i, name] of names.entries())
      if (i % 3 !== 0) Object.defineProperty(own, name, { value: name, enumerable: true });
    for (const value of [own, {}, Object.create(null) as Record<string, unknown>]) {
      expect(bytesOf(makeEncoder(type), type, value)).toEqual(bytesOf(closureEncoder(type), type, value));
    }
  });

  it("stop at the same limit and grow the writer's buffer alike (values past its first 1 KiB)", () => {
    const objectSchema = schema.filter((t): t is ObjectType => t.kind === "object");
    /** Long strings and arrays, so messages cross the writer's first buffer and small limits. */
    const long = (type: SchemaType): fc.Arbitrary<unknown> =>
      type.kind === "string"
        ? fc.string({ minLength: 100, maxLength: 700 })
        : type.kind === "array"
          ? fc.array(long(type.element), { minLength: 1, maxLength: 40 })
          : type.kind === "object" && type.fields.length > 0
            ? fc.record(Object.fromEntries(type.fields.map((f) => [f.name, long(f.type)])))
            : near(type);
    fc.assert(
      fc.property(
        objectSchema.chain((type) =>
          fc.tuple(fc.constant(type), fc.oneof(long(type), near(type)), fc.integer({ min: 0, max: 3_000 })),
        ),
        ([type, value, limit]) => {
          if (typeof value !== "object" || value === null || Array.isArray(value)) return;
          const record = value as Record<string, unknown>;
          const objectType = type as ObjectType;
          const run = (encode: ReturnType<typeof makeEncoder>) => {
            const writer = new WireWriter();
            const result = encodeInput(writer, encode, record, objectType, "inputs", limit);
            return result.kind === "encoded" ? [...writer.bytes.subarray(0, result.length)] : result;
          };
          expect(run(makeEncoder(objectType))).toEqual(run(closureEncoder(objectType)));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
