/**
 * @fileoverview Loop bodies named by reference (iceOS `body_nodes: [listing_agent]`): the named
 * top-level nodes move into the loop's body, in the order named, after any `body` written inline.
 * A name that is not a top-level node, or that two loops claim, is an error at the name.
 */
import { didYouMean, Diagnostics } from "../../../diagnostics/index.js";
import type { LoopNode, PlanNode } from "../../../plan/index.js";
import type { YamlContext } from "../context.js";

/** The top-level nodes with named bodies filled in. */
export function moveBodyNodes(ctx: YamlContext, nodes: readonly PlanNode[]): PlanNode[] {
  if (ctx.bodyNodes.size === 0) return [...nodes];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const claimed = new Map<string, string>();
  for (const [loopId, names] of ctx.bodyNodes) {
    for (const name of names) {
      const owner = claimed.get(name.name);
      if (!byId.has(name.name) || name.name === loopId)
        ctx.bag.report(Diagnostics.BadIceosField, name.span, [
          `body_nodes of loop '${loopId}' names '${name.name}', which is not a top-level node${didYouMean(
            name.name,
            [...byId.keys()].filter((id) => id !== loopId),
          )}`,
        ]);
      else if (owner !== undefined)
        ctx.bag.report(Diagnostics.BadIceosField, name.span, [
          `'${name.name}' is already in the body of loop '${owner}'`,
        ]);
      else claimed.set(name.name, loopId);
    }
  }
  const fill = (node: PlanNode): PlanNode => {
    if (node.kind !== "loop") return node;
    const names = ctx.bodyNodes.get(node.id) ?? [];
    const moved = names.filter((n) => claimed.get(n.name) === node.id).map((n) => fill(byId.get(n.name)!));
    const loop: LoopNode = { ...node, body: [...node.body.map(fill), ...moved] };
    return loop;
  };
  return nodes.filter((n) => !claimed.has(n.id)).map(fill);
}
