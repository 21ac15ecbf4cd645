/**
 * @fileoverview Schema types as JSON Schema, for structured LLM output and agent tool parameters.
 */
import type { SchemaType } from "./schema.js";

export function toJsonSchema(type: SchemaType): object {
  switch (type.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: type.kind };
    case "any":
      return {};
    case "array":
      return { type: "array", items: toJsonSchema(type.element) };
    case "object":
      return {
        type: "object",
        properties: Object.fromEntries(type.fields.map((f) => [f.name, toJsonSchema(f.type)])),
        required: type.fields.filter((f) => !f.optional).map((f) => f.name),
        additionalProperties: false,
      };
  }
}
