/**
 * @fileoverview ICE2004: every id in a node's `dependencies` (and a recursive node's
 * `recursive_sources`) names a node.
 */
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function knownDependencies(context: CheckContext): void {
  for (const { node } of context.entries) {
    const named = node.kind === "recursive" ? [...node.dependencies, ...node.sources] : node.dependencies;
    for (const dependency of named) {
      if (!context.entry(dependency.name))
        context.report(Diagnostics.UnknownDependency, dependency.span, [
          dependency.name,
          didYouMean(dependency.name, context.ids),
        ]);
    }
  }
}
