/**
 * @fileoverview ICE2014: a node inside a loop body runs once per item, so only nodes of the same
 * body (or of bodies nested in it) may reference it; outside, read the loop's `results`.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";
import { bindRoot } from "../types.js";

export function noLoopBodyEscapes(context: CheckContext): void {
  for (const site of context.references) {
    const binding = bindRoot(context.workflow, site.path[0]!, site.scope);
    if (binding?.kind !== "node") continue;
    const target = context.entry(binding.node.id);
    const loop = target?.containers.find((c) => c.kind === "loop" && !site.scope.includes(c));
    if (loop)
      context.report(
        Diagnostics.NodeInsideLoopReferenced,
        site.span,
        [binding.node.id, loop.id],
        [{ message: `use '{{ ${loop.id}.results }}' for the outputs of every item`, span: loop.idSpan }],
      );
  }
}
