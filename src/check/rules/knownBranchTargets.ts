/**
 * @fileoverview ICE2010: every id in a condition's `true_path`/`false_path` names a node.
 */
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function knownBranchTargets(context: CheckContext): void {
  for (const { node } of context.entries) {
    if (node.kind !== "condition") continue;
    for (const [field, targets] of [
      ["true_path", node.truePath],
      ["false_path", node.falsePath],
    ] as const) {
      for (const target of targets) {
        if (!context.entry(target.name))
          context.report(Diagnostics.UnknownBranchTarget, target.span, [
            `${field} of '${node.id}'`,
            target.name,
            didYouMean(target.name, context.ids),
          ]);
      }
    }
  }
}
