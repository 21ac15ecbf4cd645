/**
 * @fileoverview The generated output decoder (runtime/sandbox/decoderSource.ts) and the closures
 * it replaces (codec.ts `closureDecoder`) must agree exactly: on messages encoded from random
 * values of random schema types (the wire format is the same both ways), the same records with
 * the same own keys in the same order; on corrupted messages, the same WireError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../propertySeed.js";
import { closureDecoder, makeDecoder, WireReader, WireWriter } from "../../runtime/sandbox/codec.js";
import { closureEncoder } from "../../runtime/sandbox/encoder.js";
import type { ObjectType, SchemaType } from "../../runtime/schema.js";

const NAMES = ["a", "b", "toString", "__proto__", "constructor", "0", "x y"];

const schema: fc.Arbitrary<SchemaType> = fc.letrec<{ type: SchemaType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<SchemaType>(
      { kind: "string" },
      { kind: "number" },
      { kind: "integer" },
      { kind: "boolean" },
      { kind: "any" },
      { kind: "object", fields: [] },
    ),
    tie("type").map((element): SchemaType => ({ kind: "array", element })),
    fc
      .uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), type: tie("type"), optional: fc.boolean() }), {
        selector: (f) => f.name,
        maxLength: 4,
      })
      .map((fields): SchemaType => ({ kind: "object", fields })),
  ),
})).type;

function valueOfType(type: SchemaType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return fc.string();
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "integer":
      return fc.integer();
    case "boolean":
      return fc.boolean();
    case "any":
      return fc.jsonValue();
    case "array":
      return fc.array(valueOfType(type.element), { maxLength: 3 });
    case "object":
      return fc
        .tuple(
          ...type.fields.map((f) =>
            f.optional ? fc.option(valueOfType(f.type), { nil: undefined }) : valueOfType(f.type),
          ),
        )
        .map((values) => {
          const record: Record<string, unknown> = {};
          type.fields.forEach((f, i) => {
            if (values[i] !== undefined)
              Object.defineProperty(record, f.name, {
                value: values[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
          });
          return record;
        });
  }
}

/** What decoding `bytes` gives: the value with its own keys and prototype, or the error message. */
function outcome(decode: ReturnType<typeof makeDecoder>, bytes: Uint8Array): unknown {
  const reader = new WireReader(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.length), 0, bytes.length);
  try {
    const value = decode(reader);
    return { value: shape(value), pos: reader.pos };
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

/** A value as plain data that keeps own keys, their order and prototypes visible. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v === "object" && v !== null)
    return {
      proto: Object.getPrototypeOf(v) === Object.prototype,
      keys: Reflect.ownKeys(v).map(String),
      values: Reflect.ownKeys(v).map((k) => shape((v as Record<string | symbol, unknown>)[k])),
    };
  return Object.is(v, -0) ? "-0" : v;
}

describe("the generated output decoder and the closures", () => {
  const objectSchema = schema.filter((t): t is ObjectType => t.kind === "object");

  it("decode the same records from the same messages", () => {
    fc.assert(
      fc.property(
        objectSchema.chain((type) => fc.tuple(fc.constant(type), valueOfType(type))),
        ([type, value]) => {
          const writer = new WireWriter();
          closureEncoder(type as ObjectType)(writer, value);
          const bytes = writer.bytes.slice(0, writer.pos);
          expect(outcome(makeDecoder(type as ObjectType), bytes)).toEqual(outcome(closureDecoder(type), bytes));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("refuse corrupted messages with the same error", () => {
    fc.assert(
      fc.property(
        objectSchema.chain((type) =>
          fc.tuple(fc.constant(type), valueOfType(type), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat()),
        ),
        ([type, value, at, byte, cut]) => {
          const writer = new WireWriter();
          closureEncoder(type as ObjectType)(writer, value);
          const bytes = writer.bytes.slice(0, writer.pos);
          if (bytes.length > 0) bytes[at % bytes.length] = byte;
          const cutBytes = bytes.slice(0, bytes.length === 0 ? 0 : cut % (bytes.length + 1));
          for (const b of [bytes, cutBytes])
            expect(outcome(makeDecoder(type as ObjectType), b)).toEqual(outcome(closureDecoder(type), b));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
