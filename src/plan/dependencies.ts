/**
 * @fileoverview What a node waits for. A node depends on the nodes named in its `dependencies`,
 * on the roots of the references in its own fields, on the condition whose branch it is on, and,
 * for loops and parallel blocks, on whatever outer nodes their nested nodes reference. Scheduling,
 * cycle detection and emission all read dependencies from here.
 */
import { pathsIn } from "./expression.js";
import { ROUND_ROOTS, type Named, type PlanNode, type RecursiveNode, type Workflow } from "./node.js";
import { chainHeadsIn, chainOf, type LiteralValue, type RefValue, type Value } from "./value.js";
import { childNodes } from "./visit.js";

/** The root of a reference path that names the workflow inputs. */
export const INPUTS_ROOT = "inputs";

/**
 * The root of a reference path that names an environment variable (`{{ env.NAME }}`), read only
 * where the operator allows it (README "Operator policy": `--allow-env NAME`, `options.policy.allowEnv`).
 */
export const ENV_ROOT = "env";

/** Roots that never name a node. */
export const VALUE_ROOTS: readonly string[] = [INPUTS_ROOT, ENV_ROOT];

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
    case "recursive":
      return node.model ? [node.prompt, node.model] : [node.prompt];
    case "loop":
      return [node.itemsSource];
    case "condition":
    case "parallel":
      return [];
  }
}

/** One reference a node reads: its path, where it is written, its default if it has one. */
export interface OwnReference {
  readonly path: readonly string[];
  readonly span: Named["span"];
  readonly fallback?: LiteralValue | RefValue;
  /** Set on a reference written as another's default (`b` in `a ?? b`): checked with the chain it ends. */
  readonly inDefault?: boolean;
}

/** The references of a value in source order, each default that is a reference marked `inDefault`. */
export function referenceSitesIn(value: Value): OwnReference[] {
  return chainHeadsIn(value).flatMap((head) =>
    chainOf(head).map((ref, i) => (i === 0 ? ref : { ...ref, inDefault: true })),
  );
}

/** Reference paths a node reads in its own fields. */
export function ownReferences(node: PlanNode): OwnReference[] {
  if (node.kind === "condition") return pathsIn(node.expression);
  const values: OwnReference[] = ownValues(node).flatMap(referenceSitesIn);
  if (node.kind === "recursive" && node.convergence) {
    const local = roundRoots(node);
    values.push(...pathsIn(node.convergence.expression).filter((p) => !local.has(p.path[0]!)));
  }
  return values;
}

/**
 * The names a recursive node's convergence expression reads from its own rounds: `iteration`,
 * `last` (the last round's output) and each field of that output by itself (`text`, or the
 * fields of its output_schema), as iceOS evaluates conditions over the round's output.
 */
export function roundRoots(node: RecursiveNode): ReadonlySet<string> {
  const fields = [...(node.outputSchema?.fields.map((f) => f.name) ?? []), "text"];
  return new Set([ROUND_ROOTS.iteration, ROUND_ROOTS.last, ...fields]);
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
  const explicit = node.kind === "recursive" ? [...node.dependencies, ...node.sources] : node.dependencies;
  const edges: DependencyEdge[] = explicit.map((d) => ({
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
