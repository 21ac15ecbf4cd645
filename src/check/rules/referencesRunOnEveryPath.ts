/**
 * @fileoverview ICE2003: a reference names a node that has run on every path reaching it. A node
 * on a condition's branch runs only under that branch (and the branches its condition runs
 * under); whatever references it must run under all of those too. Workflow `outputs` run under
 * no branch, so they cannot reference branch-only nodes.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";
import { bindRoot } from "../types.js";

export function referencesRunOnEveryPath(context: CheckContext): void {
  for (const site of context.references) {
    const binding = bindRoot(context.workflow, site.path[0]!, site.scope);
    if (binding?.kind !== "node") continue;
    const target = context.entry(binding.node.id);
    if (target?.containers.some((c) => c.kind === "loop" && !site.scope.includes(c))) continue;
    const have = site.owner ? context.guardsOf(site.owner.node.id) : [];
    const missing = context
      .guardsOf(binding.node.id)
      .find((g) => !have.some((h) => h.condition === g.condition && h.branch === g.branch));
    if (!missing) continue;
    const note = {
      message: `'${binding.node.id}' runs only when '${missing.condition.id}' is ${missing.branch}`,
      span: missing.condition.idSpan,
    };
    context.report(Diagnostics.NotOnEveryPath, site.span, [binding.node.id], [note]);
  }
}
