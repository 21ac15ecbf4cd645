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
  const waves: PlanNode[][] = [];
  const done = new Set<string>();
  let remaining = [...nodes];
  while (remaining.length > 0) {
    let wave = remaining.filter((node) => [...waitsFor.get(node.id)!].every((t) => done.has(t)));
    if (wave.length === 0) wave = remaining;
    for (const node of wave) done.add(node.id);
    waves.push(wave);
    remaining = remaining.filter((node) => !done.has(node.id));
  }
  return waves;
}
