/**
 * @fileoverview The checked plan as a graph for drawing: one box per node, grouped by the loop or
 * parallel block that holds it, and one edge per dependency, labelled with the branch it takes.
 */
import {
  VALUE_ROOTS,
  branchMembership,
  childNodes,
  dependenciesOf,
  type PlanNode,
  type Workflow,
} from "../../plan/index.js";

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly kind: PlanNode["kind"];
  readonly sandboxed: boolean;
  readonly children: readonly GraphNode[];
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

export interface WorkflowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export function workflowGraph(workflow: Workflow): WorkflowGraph {
  const branchOf = branchMembership(workflow);
  const branchLabel = new Map<string, string>();
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const toGraph = (node: PlanNode, roots: ReadonlySet<string>): GraphNode => {
    if (node.kind === "condition") {
      for (const t of node.truePath) branchLabel.set(`${node.id}->${t.name}`, "true");
      for (const f of node.falsePath) branchLabel.set(`${node.id}->${f.name}`, "false");
    }
    const innerRoots = node.kind === "loop" ? new Set([...roots, node.itemVar.name]) : roots;
    const children = childNodes(node).map((c) => toGraph(c, innerRoots));
    if (node.kind !== "loop" && node.kind !== "parallel") {
      for (const edge of dependenciesOf(node, roots, branchOf)) {
        const key = `${edge.target}->${node.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: edge.target, to: node.id });
      }
    } else {
      for (const edge of node.dependencies) edges.push({ from: edge.name, to: node.id });
    }
    return {
      id: node.id,
      label: label(node),
      kind: node.kind,
      sandboxed: node.kind === "code" || node.kind === "condition",
      children,
    };
  };
  const nodes = workflow.nodes.map((n) => toGraph(n, new Set(VALUE_ROOTS)));
  return {
    nodes,
    edges: edges.map((e) => ({
      ...e,
      ...(branchLabel.has(`${e.from}->${e.to}`) && { label: branchLabel.get(`${e.from}->${e.to}`)! }),
    })),
  };
}

function label(node: PlanNode): string {
  switch (node.kind) {
    case "tool":
      return `${node.id}\ntool ${node.toolName.name}`;
    case "loop":
      return `${node.id}: for each ${node.itemVar.name}`;
    case "parallel":
      return `${node.id}: parallel`;
    case "workflow":
      return `${node.id}\nworkflow ${node.workflowRef.name}`;
    case "condition":
      return `${node.id}\n${node.source.text.trim()}`;
    default:
      return `${node.id}\n${node.kind}`;
  }
}
