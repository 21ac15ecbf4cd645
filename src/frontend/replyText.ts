/**
 * @fileoverview `{{ llm.response }}` and `{{ agent.response }}` (iceOS): the text of a model's
 * reply. In the plan the reply text is the `text` field of llm, agent and recursive outputs, so
 * both front ends rewrite `<node>.response` to `<node>.text` for those nodes, unless the node's
 * output_schema declares a `response` field of its own (or has no `text` to read).
 */
import { allNodes, rewriteReferences, type PlanNode, type Workflow } from "../plan/index.js";

const ALIAS = "response";
const TEXT = "text";

/** The workflow with reply-text aliases resolved. */
export function resolveReplyText(workflow: Workflow): Workflow {
  const aliased = new Set(
    allNodes(workflow.nodes)
      .filter(readsReplyText)
      .map((n) => n.id),
  );
  if (aliased.size === 0) return workflow;
  return rewriteReferences(workflow, (path) =>
    path.length >= 2 && path[1] === ALIAS && aliased.has(path[0]!) ? [path[0]!, TEXT, ...path.slice(2)] : path,
  );
}

/**
 * True for model nodes whose output has `text` and no `response` of its own: llm nodes without
 * a structured output_schema, and agent and recursive nodes (their output always has `text`).
 */
function readsReplyText(node: PlanNode): boolean {
  if (node.kind !== "llm" && node.kind !== "agent" && node.kind !== "recursive") return false;
  const fields = node.outputSchema?.fields.map((f) => f.name);
  if (fields === undefined) return true;
  return !fields.includes(ALIAS) && (node.kind !== "llm" || fields.includes(TEXT));
}
