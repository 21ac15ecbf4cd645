/**
 * @fileoverview What is at an offset of a document, in terms of its plan: a reference (and the
 * segment under the cursor), a node's id, a node named in `dependencies`/`after` or a branch, or
 * a tool name. Hover and go-to-definition both start here.
 */
import { CheckContext, type ReferenceScope } from "../check/index.js";
import type { Span } from "../diagnostics/index.js";
import { walkNodes, type Named, type PlanNode, type Workflow } from "../plan/index.js";

export type Target =
  | {
      readonly kind: "reference";
      readonly path: readonly string[];
      /** Index of the segment under the cursor. */
      readonly segment: number;
      readonly span: Span;
      readonly scope: ReferenceScope;
    }
  | { readonly kind: "node"; readonly node: PlanNode }
  | { readonly kind: "nodeName"; readonly name: Named }
  | { readonly kind: "toolName"; readonly name: Named }
  | { readonly kind: "itemVar"; readonly loop: PlanNode; readonly name: Named };

const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function targetAt(workflow: Workflow, offset: number): Target | undefined {
  for (const site of new CheckContext(workflow, {}).references) {
    if (!within(site.span, offset)) continue;
    return {
      kind: "reference",
      path: site.path,
      segment: segmentAt(site.span, site.path, offset),
      span: site.span,
      scope: site.scope,
    };
  }
  let found: Target | undefined;
  walkNodes(workflow.nodes, (node) => {
    if (found) return;
    if (within(node.idSpan, offset)) found = { kind: "node", node };
    const names: [Named, "nodeName" | "toolName"][] = node.dependencies.map((d) => [d, "nodeName"]);
    if (node.kind === "condition")
      names.push(...[...node.truePath, ...node.falsePath].map((n): [Named, "nodeName"] => [n, "nodeName"]));
    if (node.kind === "tool") names.push([node.toolName, "toolName"]);
    if (node.kind === "agent") names.push(...node.tools.map((n): [Named, "toolName"] => [n, "toolName"]));
    if (node.kind === "loop" && within(node.itemVar.span, offset) && node.itemVar.span !== node.idSpan)
      found = { kind: "itemVar", loop: node, name: node.itemVar };
    for (const [name, kind] of names) if (!found && within(name.span, offset)) found = { kind, name };
  });
  return found;
}

/** Which segment of `path`, written somewhere in `span`, holds `offset` (the last when unsure). */
function segmentAt(span: Span, path: readonly string[], offset: number): number {
  const text = span.file.text.slice(span.start, span.end);
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    const at = text.indexOf(path[i]!, from);
    if (at < 0) break;
    if (offset <= span.start + at + path[i]!.length) return i;
    from = at + path[i]!.length;
  }
  return path.length - 1;
}

/** The span of the node named `id`, or of the loop whose item variable it is in `scope`. */
export function definitionOf(workflow: Workflow, id: string, scope: ReferenceScope = []): Span | undefined {
  for (let i = scope.length - 1; i >= 0; i--) {
    const container = scope[i]!;
    if (container.kind === "loop" && container.itemVar.name === id) return container.itemVar.span;
  }
  let span: Span | undefined;
  walkNodes(workflow.nodes, (node) => {
    if (!span && node.id === id) span = node.idSpan;
  });
  return span;
}
