/**
 * @fileoverview Walking the plan: every node including those nested in loops and parallel
 * branches, with the chain of containers that holds it.
 */
import type { PlanNode } from "./node.js";

/** Children nested directly in a node (loop body, parallel branches). */
export function childNodes(node: PlanNode): readonly PlanNode[] {
  switch (node.kind) {
    case "loop":
      return node.body;
    case "parallel":
      return node.branches.flat();
    default:
      return [];
  }
}

/** Calls `visit` on every node, depth first, with the containers above it (outermost first). */
export function walkNodes(
  nodes: readonly PlanNode[],
  visit: (node: PlanNode, containers: readonly PlanNode[]) => void,
  containers: readonly PlanNode[] = [],
): void {
  for (const node of nodes) {
    visit(node, containers);
    const children = childNodes(node);
    if (children.length > 0) walkNodes(children, visit, [...containers, node]);
  }
}

/** Every node, flattened. */
export function allNodes(nodes: readonly PlanNode[]): PlanNode[] {
  const out: PlanNode[] = [];
  walkNodes(nodes, (n) => out.push(n));
  return out;
}
