/**
 * @fileoverview The types of a workflow's outputs, for the generated `Output` type.
 */
import { STRING, type SchemaType } from "../../runtime/schema.js";
import type { Value, Workflow } from "../plan/index.js";

export function outputTypes(
  workflow: Workflow,
  typeOf: (path: readonly string[]) => SchemaType | undefined,
): Map<string, SchemaType | undefined> {
  return new Map(workflow.outputs.map((o) => [o.key, valueType(o.value, typeOf)]));
}

function valueType(value: Value, typeOf: (path: readonly string[]) => SchemaType | undefined): SchemaType | undefined {
  switch (value.kind) {
    case "ref":
      return typeOf(value.path);
    case "template":
      return STRING;
    case "literal":
      return typeof value.value === "string"
        ? STRING
        : typeof value.value === "number"
          ? { kind: "number" }
          : typeof value.value === "boolean"
            ? { kind: "boolean" }
            : undefined;
    default:
      return undefined;
  }
}
