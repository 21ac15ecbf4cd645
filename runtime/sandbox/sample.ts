/**
 * @fileoverview A sample value of a schema type: small but not empty (every optional field, short
 * strings, small integers), so that decoding, validation and the body's usual paths all run.
 * Always valid for the type; used to warm a program's run path before its first real run
 * (program.ts `prepare`).
 *
 * Arrays that are not inside another array get OUTER_ELEMENTS elements, nested ones two: V8
 * gives a function type feedback and baseline code only after it has run a while, so a loop that
 * ran twice in the warm-up still runs interpreted, and slowly, on the first real input (a fresh
 * process's first run of a 36-row node: ~250 us after a two-row warm-up, ~55 us after 16 rows).
 * Nested arrays stay short so that the sample stays small whatever the schema.
 */
import type { ObjectType, SchemaType } from "../schema.js";

/** Elements of an array that is not inside another array. */
const OUTER_ELEMENTS = 16;

/** The sample value of `type`; `inArray` when the value is (inside) an array's element. */
export function sampleValue(type: SchemaType, inArray = false): unknown {
  switch (type.kind) {
    case "string":
      return "ab c";
    case "number":
    case "integer":
      return 1;
    case "boolean":
      return true;
    case "any":
      return { a: [1, "b"] };
    case "array":
      return Array.from({ length: inArray ? 2 : OUTER_ELEMENTS }, () => sampleValue(type.element, true));
    case "object":
      return sampleObject(type, inArray);
  }
}

/** The sample object of `type`. */
export function sampleObject(type: ObjectType, inArray = false): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of type.fields) value[field.name] = sampleValue(field.type, inArray);
  return value;
}
