/**
 * @fileoverview ICE2003: a reference names a node that has run on every path reaching it. A node
 * on a condition's branch runs only under that branch (and the branches its condition runs
 * under); whatever references it must run under all of those too. Workflow `outputs` run under
 * no branch, so they cannot reference branch-only nodes.
 *
 * A reference with defaults is one chain, checked as a whole: `{{ x.a | default('none') }}` ends
 * in a constant, so it may read a node that did not run; `{{ approve.text or reject.text }}` is
 * accepted when on every path reaching it one of the chain's nodes has run (the two branches of
 * one condition, typically). That is decided exactly, over every way the conditions involved can
 * turn out (chainCoverage.ts).
 */
import { Diagnostics, type RelatedNote } from "../../diagnostics/index.js";
import type { CheckContext, Guard, ReferenceSite } from "../context.js";
import { bindRoot } from "../types.js";
import { covered } from "./chainCoverage.js";

/** What one link of a chain needs beyond its owner's branches: nothing, or some guards. */
type Need = { readonly kind: "always" } | { readonly kind: "guarded"; readonly id: string; readonly guards: Guard[] };

export function referencesRunOnEveryPath(context: CheckContext): void {
  for (const site of context.references) {
    if (site.inDefault) continue;
    const chain = links(site);
    if (chain.endsInConstant) continue;
    const have = site.owner ? context.guardsOf(site.owner.node.id) : [];
    const needs = chain.paths.map((path) => need(context, site, path, have));
    if (needs.some((n) => n.kind === "always")) continue;
    const guarded = needs as Extract<Need, { kind: "guarded" }>[];
    if (covered(guarded, have)) continue;
    const notes: RelatedNote[] = guarded.map(({ id, guards }) => ({
      message: `'${id}' runs only when ${guards.map((g) => `'${g.condition.id}' is ${g.branch}`).join(" and ")}`,
      span: guards[0]!.condition.idSpan,
    }));
    context.report(Diagnostics.NotOnEveryPath, site.span, [guarded[0]!.id], notes);
  }
}

/** The paths of a reference and of the references among its defaults, and whether a constant ends them. */
function links(site: ReferenceSite): { paths: (readonly string[])[]; endsInConstant: boolean } {
  const paths = [site.path];
  let fallback = site.fallback;
  while (fallback?.kind === "ref") {
    paths.push(fallback.path);
    fallback = fallback.fallback;
  }
  return { paths, endsInConstant: fallback !== undefined };
}

function need(context: CheckContext, site: ReferenceSite, path: readonly string[], have: readonly Guard[]): Need {
  const binding = bindRoot(context.workflow, path[0]!, site.scope);
  if (binding?.kind !== "node") return { kind: "always" };
  const target = context.entry(binding.node.id);
  if (target?.containers.some((c) => c.kind === "loop" && !site.scope.includes(c))) return { kind: "always" };
  const guards = context
    .guardsOf(binding.node.id)
    .filter((g) => !have.some((h) => h.condition === g.condition && h.branch === g.branch));
  return guards.length === 0 ? { kind: "always" } : { kind: "guarded", id: binding.node.id, guards };
}
