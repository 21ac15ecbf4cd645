/**
 * @fileoverview ICE2005: the dependency graph (explicit dependencies, references, branch
 * membership; see plan/dependencies.ts) has no cycle. A loop or parallel block also waits for
 * the nodes inside it, so a body node that reads its own loop closes a cycle. Each strongly
 * connected component is one cycle, reported once at its first node as `a -> b -> a`.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import { branchMembership, dependenciesOf, VALUE_ROOTS } from "../../plan/dependencies.js";
import { childNodes } from "../../plan/index.js";
import type { CheckContext } from "../context.js";

export function noCycles(context: CheckContext): void {
  const branchOf = branchMembership(context.workflow);
  const order = new Map<string, number>();
  const edges = new Map<string, string[]>();
  for (const { node, containers } of context.entries) {
    if (order.has(node.id)) continue;
    order.set(node.id, order.size);
    const roots = new Set([...VALUE_ROOTS, ...containers.flatMap((c) => (c.kind === "loop" ? [c.itemVar.name] : []))]);
    const own = dependenciesOf(node, roots, branchOf).filter((e) => e.target !== node.id || e.via === "explicit");
    edges.set(node.id, [...new Set([...own.map((e) => e.target), ...childNodes(node).map((c) => c.id)])]);
  }
  for (const [id, targets] of edges)
    edges.set(
      id,
      targets.filter((t) => edges.has(t)),
    );
  for (const component of stronglyConnected([...order.keys()], edges)) {
    const start = component.sort((a, b) => order.get(a)! - order.get(b)!)[0]!;
    if (component.length === 1 && !edges.get(start)!.includes(start)) continue;
    const path = cyclePath(start, new Set(component), edges);
    context.report(Diagnostics.Cycle, context.entry(start)!.node.idSpan, [path.join(" -> ")]);
  }
}

/** Tarjan's algorithm: the strongly connected components of the graph. */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return components;
}

/** A path from `start` back to `start` inside one component (breadth first: a shortest one). */
function cyclePath(
  start: string,
  component: ReadonlySet<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = previous.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
