/**
 * @fileoverview ICE2023: every node can run. A node whose guards need one condition to be both
 * true and false never runs: it sits on both branches of a condition, or one of its guards puts
 * it (or a loop or parallel block around it) on one branch while another puts it on the other.
 * Only the first node of such a chain is reported: nodes on its branches or inside it follow.
 */
import { Diagnostics, type RelatedNote } from "../../diagnostics/index.js";
import type { ConditionNode, Named, PlanNode } from "../../plan/index.js";
import type { CheckContext, NodeEntry } from "../context.js";

export function reachableNodes(context: CheckContext): void {
  const never = new Map<string, ConditionNode>();
  for (const { node } of context.entries) {
    const guards = context.guardsOf(node.id);
    const split = guards.find((g) => g.branch && guards.some((h) => h.condition === g.condition && !h.branch));
    if (split) never.set(node.id, split.condition);
  }
  for (const entry of context.entries) {
    const condition = never.get(entry.node.id);
    if (!condition || parentsOf(context, entry).some((p) => never.has(p.id))) continue;
    const onTrue = placement(context, entry.node, condition, true);
    const onFalse = placement(context, entry.node, condition, false);
    const direct =
      condition.truePath.some((t) => t.name === entry.node.id) &&
      condition.falsePath.some((t) => t.name === entry.node.id);
    const reason = direct
      ? `it is on both the true and the false path of '${condition.id}'; to run it either way, take it off both and let it follow the condition`
      : `it runs only when '${condition.id}' is true and also only when '${condition.id}' is false`;
    const notes: RelatedNote[] = [];
    if (onTrue) notes.push({ message: `put on the true path of '${condition.id}' here`, span: onTrue.span });
    if (onFalse) notes.push({ message: `put on the false path of '${condition.id}' here`, span: onFalse.span });
    context.report(Diagnostics.UnreachableNode, entry.node.idSpan, [entry.node.id, reason], notes);
  }
}

/** The conditions that name a node on a branch, and the containers around it. */
function parentsOf(context: CheckContext, entry: NodeEntry): PlanNode[] {
  const conditions = context.entries
    .map((e) => e.node)
    .filter(
      (n): n is ConditionNode =>
        n.kind === "condition" && [...n.truePath, ...n.falsePath].some((t) => t.name === entry.node.id),
    );
  return [...conditions, ...entry.containers];
}

/** Where `node`, or a node it runs under, is named on `condition`'s `branch` path. */
function placement(
  context: CheckContext,
  node: PlanNode,
  condition: ConditionNode,
  branch: boolean,
  seen: Set<string> = new Set(),
): Named | undefined {
  if (seen.has(node.id)) return undefined;
  seen.add(node.id);
  const own = (branch ? condition.truePath : condition.falsePath).find((t) => t.name === node.id);
  if (own) return own;
  const entry = context.entry(node.id);
  if (!entry) return undefined;
  for (const parent of parentsOf(context, entry)) {
    const found = placement(context, parent, condition, branch, seen);
    if (found) return found;
  }
  return undefined;
}
