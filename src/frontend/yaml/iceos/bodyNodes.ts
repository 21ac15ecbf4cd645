/**
 * @fileoverview Loop bodies and parallel branches named by reference (iceOS `body_nodes:
 * [listing_agent]`, `branches: [[a, b], [c]]`): the named top-level nodes move into the loop's
 * body (after any `body` written inline) or the branch, in the order named. A name that is not a
 * top-level node, or that two containers claim, is an error at the name.
 */
import { didYouMean, Diagnostics } from "../../../diagnostics/index.js";
import type { LoopNode, Named, ParallelNode, PlanNode } from "../../../plan/index.js";
import type { YamlContext } from "../context.js";

/** The top-level nodes with named loop bodies and parallel branches filled in. */
export function moveBodyNodes(ctx: YamlContext, nodes: readonly PlanNode[]): PlanNode[] {
  if (ctx.bodyNodes.size === 0 && ctx.branchNodes.size === 0) return [...nodes];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const claimed = new Map<string, string>();
  const claim = (containerId: string, names: readonly Named[], what: string): void => {
    for (const name of names) {
      const owner = claimed.get(name.name);
      if (!byId.has(name.name) || name.name === containerId)
        ctx.bag.report(Diagnostics.BadIceosField, name.span, [
          `${what} names '${name.name}', which is not a top-level node${didYouMean(
            name.name,
            [...byId.keys()].filter((id) => id !== containerId),
          )}`,
        ]);
      else if (owner !== undefined)
        ctx.bag.report(Diagnostics.BadIceosField, name.span, [`'${name.name}' is already in '${owner}'`]);
      else claimed.set(name.name, containerId);
    }
  };
  for (const [loopId, names] of ctx.bodyNodes) claim(loopId, names, `body_nodes of loop '${loopId}'`);
  for (const [parallelId, branches] of ctx.branchNodes)
    for (const [i, names] of branches.entries())
      claim(parallelId, names ?? [], `branch ${i} of parallel '${parallelId}'`);
  const moved = (containerId: string, names: readonly Named[]): PlanNode[] =>
    names.filter((n) => claimed.get(n.name) === containerId).map((n) => fill(byId.get(n.name)!));
  const fill = (node: PlanNode): PlanNode => {
    if (node.kind === "loop") {
      const named = ctx.bodyNodes.get(node.id) ?? [];
      const loop: LoopNode = { ...node, body: [...node.body.map(fill), ...moved(node.id, named)] };
      return loop;
    }
    if (node.kind === "parallel") {
      const named = ctx.branchNodes.get(node.id) ?? [];
      const parallel: ParallelNode = {
        ...node,
        branches: node.branches.map((branch, i) => [...branch.map(fill), ...moved(node.id, named[i] ?? [])]),
      };
      return parallel;
    }
    return node;
  };
  return nodes.filter((n) => !claimed.has(n.id)).map(fill);
}
