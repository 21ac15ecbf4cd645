/**
 * @fileoverview ICE2004: every id in a node's `dependencies` names a node.
 */
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function knownDependencies(context: CheckContext): void {
  for (const { node } of context.entries) {
    for (const dependency of node.dependencies) {
      if (!context.entry(dependency.name))
        context.report(Diagnostics.UnknownDependency, dependency.span, [
          dependency.name,
          didYouMean(dependency.name, context.ids),
        ]);
    }
  }
}
