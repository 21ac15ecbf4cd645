/**
 * @fileoverview The types of a workflow's outputs, for the generated `Output` type, and which of
 * them may be null.
 */
import { ANY, STRING, type SchemaType } from "../../runtime/schema.js";
import { CheckContext, findNode, withFallback } from "../check/index.js";
import { chainOf, type RefValue, type Value, type Workflow } from "../plan/index.js";

export function outputTypes(
  workflow: Workflow,
  typeOf: (path: readonly string[]) => SchemaType | undefined,
): Map<string, SchemaType | undefined> {
  return new Map(workflow.outputs.map((o) => [o.key, valueType(o.value, typeOf)]));
}

function valueType(value: Value, typeOf: (path: readonly string[]) => SchemaType | undefined): SchemaType | undefined {
  switch (value.kind) {
    case "ref": {
      const type = typeOf(value.path);
      return value.fallback ? withFallback(type, valueType(value.fallback, typeOf) ?? ANY) : type;
    }
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
 * continue`), with no constant default after it. A chain of references (`a.x ?? b.x`) has one of
 * its nodes run on every path (the checker proved it, ICE2003). Templates are always strings, and
 * loop results always lists.
 */
export function nullableOutputs(workflow: Workflow): Set<string> {
  const context = new CheckContext(workflow, {});
  const nullable = new Set<string>();
  for (const output of workflow.outputs)
    if (output.value.kind === "ref" && mayBeAbsent(context, output.value)) nullable.add(output.key);
  return nullable;
}

function mayBeAbsent(context: CheckContext, ref: RefValue): boolean {
  const links = chainOf(ref);
  const end = links[links.length - 1]!.fallback;
  if (end !== undefined) return end.kind === "literal" && end.value === null;
  const nodes = links.map((l) => (l.path[0] === undefined ? undefined : findNode(context.workflow, l.path[0])));
  if (nodes.some((n) => n === undefined)) return false;
  if (nodes.some((n) => n!.onFailure === "continue")) return true;
  return links.length === 1 && context.guardsOf(nodes[0]!.id).length > 0;
}
