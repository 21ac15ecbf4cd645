/**
 * @fileoverview When a node runs: a node on a condition's `true_path`/`false_path` runs only when
 * that condition ran and chose its branch. Guards nest through the condition's own guard.
 */
import type { PlanNode, Workflow } from "../../plan/index.js";
import { walkNodes } from "../../plan/index.js";

/** One requirement: `condition` ran and evaluated to `branch`. */
export interface GuardTerm {
  readonly condition: string;
  readonly branch: boolean;
}

/** Node id -> the terms that must all hold for it to run (empty: always runs). */
export function computeGuards(workflow: Workflow): Map<string, GuardTerm[]> {
  const direct = new Map<string, GuardTerm>();
  walkNodes(workflow.nodes, (node: PlanNode) => {
    if (node.kind !== "condition") return;
    for (const t of node.truePath) if (!direct.has(t.name)) direct.set(t.name, { condition: node.id, branch: true });
    for (const f of node.falsePath) if (!direct.has(f.name)) direct.set(f.name, { condition: node.id, branch: false });
  });
  const guards = new Map<string, GuardTerm[]>();
  const resolve = (id: string, seen: Set<string>): GuardTerm[] => {
    const known = guards.get(id);
    if (known) return known;
    const term = direct.get(id);
    if (!term || seen.has(id)) return [];
    seen.add(id);
    const result = [...resolve(term.condition, seen), term];
    guards.set(id, result);
    return result;
  };
  walkNodes(workflow.nodes, (node) => void resolve(node.id, new Set()));
  return guards;
}
