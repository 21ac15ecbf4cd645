/**
 * @fileoverview A sample value of a schema type: small but not empty (two-element arrays, short
 * strings, small integers, every optional field), so that decoding, validation and the body's
 * usual paths all run. Always valid for the type; used to warm a program's run path before its
 * first real run (program.ts `prepare`).
 */
import type { ObjectType, SchemaType } from "../schema.js";

/** The sample value of `type`. */
export function sampleValue(type: SchemaType): unknown {
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
    case "array": {
      const element = sampleValue(type.element);
      return [element, element];
    }
    case "object":
      return sampleObject(type);
  }
}

/** The sample object of `type`. */
export function sampleObject(type: ObjectType): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of type.fields) value[field.name] = sampleValue(field.type);
  return value;
}
