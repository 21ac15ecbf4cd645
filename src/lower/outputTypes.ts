/**
 * @fileoverview The types of a workflow's outputs, for the generated `Output` type, and which of
 * them may be null.
 */
import { STRING, type SchemaType } from "../../runtime/schema.js";
import { CheckContext, findNode } from "../check/index.js";
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

/**
 * Outputs that may be null at run time: they read (directly) a node that may be skipped (it runs
 * only on one branch of a condition) or whose failure is turned into no output (`on_failure:
 * continue`). Templates are always strings, and loop results always lists.
 */
export function nullableOutputs(workflow: Workflow): Set<string> {
  const context = new CheckContext(workflow, {});
  const nullable = new Set<string>();
  for (const output of workflow.outputs) {
    if (output.value.kind !== "ref") continue;
    const root = output.value.path[0];
    const node = root === undefined ? undefined : findNode(workflow, root);
    if (!node) continue;
    if (node.onFailure === "continue" || context.guardsOf(node.id).length > 0) nullable.add(output.key);
  }
  return nullable;
}
