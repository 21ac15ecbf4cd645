/**
 * @fileoverview What a node waits for. A node depends on the nodes named in its `dependencies`,
 * on the roots of the references in its own fields, on the condition whose branch it is on, and,
 * for loops and parallel blocks, on whatever outer nodes their nested nodes reference. Scheduling,
 * cycle detection and emission all read dependencies from here.
 */
import { pathsIn } from "./expression.js";
import type { Named, PlanNode, Workflow } from "./node.js";
import { referencesIn, type Value } from "./value.js";
import { childNodes } from "./visit.js";

/** The root of a reference path that names the workflow inputs. */
export const INPUTS_ROOT = "inputs";

/** One reason a node waits for another. */
export interface DependencyEdge {
  /** Id of the node waited for (not checked to exist). */
  readonly target: string;
  /** Where the dependency comes from: a `dependencies` entry, a reference, a branch list. */
  readonly at: Named["span"];
  readonly via: "explicit" | "reference" | "branch";
}

/** The values a node reads in its own fields (not those of nested nodes). */
export function ownValues(node: PlanNode): Value[] {
  switch (node.kind) {
    case "tool":
      return node.args.map((e) => e.value);
    case "code":
    case "workflow":
      return node.inputs.map((e) => e.value);
    case "llm":
    case "agent":
      return [node.prompt];
    case "loop":
      return [node.itemsSource];
    case "condition":
    case "parallel":
      return [];
  }
}

/** Reference paths a node reads in its own fields, as `{ path, span }`. */
export function ownReferences(node: PlanNode): { path: readonly string[]; span: Named["span"] }[] {
  if (node.kind === "condition") return pathsIn(node.expression);
  return ownValues(node).flatMap(referencesIn);
}

/**
 * Direct dependencies of `node`, given the names visible as non-node roots (`inputs`, loop item
 * variables) and the condition that puts each node on a branch (`branchOf`).
 */
export function dependenciesOf(
  node: PlanNode,
  nonNodeRoots: ReadonlySet<string>,
  branchOf: ReadonlyMap<string, string>,
): DependencyEdge[] {
  const edges: DependencyEdge[] = node.dependencies.map((d) => ({
    target: d.name,
    at: d.span,
    via: "explicit" as const,
  }));
  for (const ref of ownReferences(node)) {
    const root = ref.path[0];
    if (root !== undefined && !nonNodeRoots.has(root) && root !== node.id)
      edges.push({ target: root, at: ref.span, via: "reference" });
  }
  const condition = branchOf.get(node.id);
  if (condition !== undefined) edges.push({ target: condition, at: node.idSpan, via: "branch" });
  if (node.kind === "loop" || node.kind === "parallel") {
    const inner = new Set(nestedIds(node));
    const innerRoots = node.kind === "loop" ? new Set([...nonNodeRoots, node.itemVar.name]) : nonNodeRoots;
    for (const child of childNodes(node)) {
      for (const edge of dependenciesOf(child, innerRoots, branchOf)) if (!inner.has(edge.target)) edges.push(edge);
    }
  }
  return edges;
}

/** Ids of every node nested (at any depth) inside a loop or parallel node. */
export function nestedIds(node: PlanNode): string[] {
  return childNodes(node).flatMap((c) => [c.id, ...nestedIds(c)]);
}

/** Maps each node id on a condition's `true_path`/`false_path` to that condition's id. */
export function branchMembership(workflow: Workflow): Map<string, string> {
  const branchOf = new Map<string, string>();
  const visit = (nodes: readonly PlanNode[]): void => {
    for (const node of nodes) {
      if (node.kind === "condition")
        for (const target of [...node.truePath, ...node.falsePath])
          if (!branchOf.has(target.name)) branchOf.set(target.name, node.id);
      visit(childNodes(node));
    }
  };
  visit(workflow.nodes);
  return branchOf;
}
