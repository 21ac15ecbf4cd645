/**
 * @fileoverview ICE2015: a `workflow` node calls a workflow being compiled with it, when the
 * caller says which workflows exist.
 */
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function knownSubWorkflows(context: CheckContext): void {
  const names = context.options.workflowNames;
  if (!names) return;
  for (const { node } of context.entries) {
    if (node.kind === "workflow" && !names.has(node.workflowRef.name))
      context.report(Diagnostics.UnknownWorkflow, node.workflowRef.span, [
        node.workflowRef.name,
        didYouMean(node.workflowRef.name, names),
      ]);
  }
}
