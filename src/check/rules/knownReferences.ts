/**
 * @fileoverview ICE2002, ICE2006, ICE2007: every reference names something. Its root is a loop
 * item variable in scope, `inputs`, `env` or a node id; `inputs.x` names a field of
 * `input_schema`; further segments name fields of the node's (or input's) known output type.
 * An undeclared input read with a default (`{{ inputs.x or 'a' }}`) is a warning (ICE2025): the
 * value is used when given, the default otherwise.
 */
import { didYouMean, Diagnostics, span, type Span } from "../../diagnostics/index.js";
import { VALUE_ROOTS } from "../../plan/dependencies.js";
import type { CheckContext, ReferenceSite } from "../context.js";
import { resolveReference } from "../types.js";

export function knownReferences(context: CheckContext): void {
  for (const site of context.references) {
    const resolved = resolveReference(context.workflow, site.path, site.scope);
    const root = site.path[0]!;
    if (!resolved) {
      const itemVars = site.scope.flatMap((c) => (c.kind === "loop" ? [c.itemVar.name] : []));
      context.report(Diagnostics.UnknownReference, segmentSpan(site, 0), [
        root,
        didYouMean(root, [...context.ids, ...VALUE_ROOTS, ...itemVars]),
      ]);
      continue;
    }
    const failure = resolved.failure;
    if (!failure) continue;
    const segment = site.path[failure.index]!;
    const fields = failure.parent.kind === "object" ? failure.parent.fields.map((f) => f.name) : [];
    const suggestion = didYouMean(segment, fields);
    const at = segmentSpan(site, failure.index);
    if (resolved.binding.kind === "inputs" && failure.index === 1 && site.fallback)
      // iceOS reads undeclared inputs with a default (`{{ inputs.session_id or 'chat' }}`).
      context.report(Diagnostics.UndeclaredInputWithDefault, at, [
        segment,
        site.fallback.kind === "ref" ? site.fallback.path.join(".") : JSON.stringify(site.fallback.value),
      ]);
    else if (resolved.binding.kind === "inputs" && failure.index === 1)
      context.report(Diagnostics.UnknownInput, at, [segment, suggestion]);
    else
      context.report(Diagnostics.UnknownOutputField, at, [
        site.path.slice(0, failure.index).join("."),
        segment,
        suggestion,
      ]);
  }
}

/** The span of segment `index` of the path, when the reference is written as the plain path. */
function segmentSpan(site: ReferenceSite, index: number): Span {
  const written = site.span.file.text.slice(site.span.start, site.span.end);
  if (written !== site.path.join(".")) return site.span;
  const start = site.span.start + site.path.slice(0, index).reduce((n, s) => n + s.length + 1, 0);
  return span(site.span.file, start, start + site.path[index]!.length);
}
