/**
 * @fileoverview Orders the nodes of one scope (the workflow, a loop body, a parallel branch) into
 * waves: every node of a wave depends only on earlier waves, so a wave runs with `Promise.all`.
 * Nodes keep their written order within a wave.
 */
import { dependenciesOf, nestedIds, type PlanNode } from "../../plan/index.js";

/** Context shared by every scope of a workflow. */
export interface ScheduleContext {
  /** Roots that are not nodes: `inputs` and the loop item variables in scope. */
  readonly nonNodeRoots: ReadonlySet<string>;
  /** Node on a branch -> its condition. */
  readonly branchOf: ReadonlyMap<string, string>;
}

/** Splits `nodes` into dependency waves. Assumes no cycles (the checker rejects them). */
export function scheduleWaves(nodes: readonly PlanNode[], context: ScheduleContext): PlanNode[][] {
  const owner = new Map<string, string>();
  for (const node of nodes) {
    owner.set(node.id, node.id);
    if (node.kind === "parallel") for (const inner of nestedIds(node)) owner.set(inner, node.id);
  }
  const waitsFor = new Map<string, Set<string>>();
  for (const node of nodes) {
    const targets = new Set<string>();
    for (const edge of dependenciesOf(node, context.nonNodeRoots, context.branchOf)) {
      const target = owner.get(edge.target);
      if (target !== undefined && target !== node.id) targets.add(target);
    }
    waitsFor.set(node.id, targets);
  }
  return wavesByDepth(nodes, waitsFor);
}

/**
 * The waves themselves: a node's wave is the longest chain of nodes it waits for (Kahn's order,
 * linear in nodes and edges; scanning what remains once per wave was quadratic on long chains).
 * Nodes caught in a cycle, and those waiting on them, share one last wave.
 */
export function wavesByDepth<T extends { readonly id: string }>(
  nodes: readonly T[],
  waitsFor: ReadonlyMap<string, ReadonlySet<string>>,
): T[][] {
  const waiting = new Map<string, number>();
  const waitedOnBy = new Map<string, string[]>();
  for (const node of nodes) {
    const targets = waitsFor.get(node.id)!;
    waiting.set(node.id, targets.size);
    for (const target of targets) {
      const dependants = waitedOnBy.get(target);
      if (dependants === undefined) waitedOnBy.set(target, [node.id]);
      else dependants.push(node.id);
    }
  }
  const depth = new Map<string, number>();
  const ready = nodes.filter((node) => waiting.get(node.id) === 0).map((node) => node.id);
  for (const id of ready) depth.set(id, 0);
  let deepest = -1;
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    const level = depth.get(id)!;
    if (level > deepest) deepest = level;
    for (const dependant of waitedOnBy.get(id) ?? []) {
      depth.set(dependant, Math.max(depth.get(dependant) ?? 0, level + 1));
      const left = waiting.get(dependant)! - 1;
      waiting.set(dependant, left);
      if (left === 0) ready.push(dependant);
    }
  }
  const waves: T[][] = [];
  for (const node of nodes) {
    const level = waiting.get(node.id) === 0 ? depth.get(node.id)! : deepest + 1;
    while (waves.length <= level) waves.push([]);
    waves[level]!.push(node);
  }
  return waves;
}
