/**
 * @fileoverview ICE2019: a node sits on the branches of at most one condition (otherwise when
 * it runs depends on two decisions that may disagree).
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { ConditionNode, Named } from "../../plan/index.js";
import type { CheckContext } from "../context.js";

export function singleBranchOwner(context: CheckContext): void {
  const owner = new Map<string, { condition: ConditionNode; at: Named }>();
  for (const { node } of context.entries) {
    if (node.kind !== "condition") continue;
    for (const target of [...node.truePath, ...node.falsePath]) {
      const first = owner.get(target.name);
      if (!first) owner.set(target.name, { condition: node, at: target });
      else if (first.condition !== node) {
        context.report(
          Diagnostics.BranchTargetTwice,
          target.span,
          [target.name],
          [{ message: `it is already on a branch of '${first.condition.id}'`, span: first.at.span }],
        );
      }
    }
  }
}
