/**
 * @fileoverview When a value of one type may flow where another is expected. The rules are those
 * of the run-time validator (runtime/schema.ts), read statically: `any` goes anywhere and takes
 * anything (what is unknown is never an error), an integer is a number, lists are checked element
 * by element, and an object must have every required field of the expected type (extra fields
 * are allowed, as the validator allows them).
 */
import type { SchemaType } from "../../runtime/schema.js";

/** True when a value of type `source` may be used where `target` is expected. */
export function isAssignable(source: SchemaType, target: SchemaType): boolean {
  if (source.kind === "any" || target.kind === "any") return true;
  switch (target.kind) {
    case "number":
      return source.kind === "number" || source.kind === "integer";
    case "array":
      return source.kind === "array" && isAssignable(source.element, target.element);
    case "object": {
      if (source.kind !== "object") return false;
      return target.fields.every((field) => {
        const own = source.fields.find((f) => f.name === field.name);
        if (!own) return field.optional;
        return isAssignable(own.type, field.type);
      });
    }
    default:
      return source.kind === target.kind;
  }
}
