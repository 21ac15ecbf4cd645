/**
 * @fileoverview Schema types as TypeScript type text, for the generated `Input`/`Output` types.
 */
import type { SchemaType } from "../../plan/index.js";
import { typeKey } from "./literals.js";

export function typeText(type: SchemaType | undefined): string {
  if (type === undefined) return "unknown";
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return type.kind;
    case "integer":
      return "number";
    case "any":
      return "unknown";
    case "array": {
      const element = typeText(type.element);
      return /^[\w.]+$/.test(element) ? `${element}[]` : `Array<${element}>`;
    }
    case "object":
      return type.fields.length === 0
        ? "Record<string, never>"
        : `{ ${type.fields.map((f) => `${typeKey(f.name)}${f.optional ? "?" : ""}: ${typeText(f.type)}`).join("; ")} }`;
  }
}
