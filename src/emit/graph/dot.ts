/**
 * @fileoverview A workflow graph in Graphviz DOT: loops and parallel blocks as clusters,
 * conditions as diamonds, sandboxed nodes double-bordered.
 */
import type { GraphNode, WorkflowGraph } from "./graphModel.js";

export function toDot(graph: WorkflowGraph, name: string): string {
  const lines = [`digraph ${JSON.stringify(name)} {`, "  rankdir=TB;", "  node [shape=box, fontname=Helvetica];"];
  const emit = (node: GraphNode, depth: number): void => {
    const pad = "  ".repeat(depth);
    if (node.children.length > 0 || node.kind === "loop" || node.kind === "parallel") {
      lines.push(
        `${pad}subgraph ${JSON.stringify(`cluster_${node.id}`)} {`,
        `${pad}  label=${JSON.stringify(node.label)};`,
      );
      for (const child of node.children) emit(child, depth + 1);
      lines.push(`${pad}}`);
      return;
    }
    const shape = node.kind === "condition" ? ", shape=diamond" : node.sandboxed ? ", peripheries=2" : "";
    lines.push(`${pad}${JSON.stringify(node.id)} [label=${JSON.stringify(node.label)}${shape}];`);
  };
  for (const node of graph.nodes) emit(node, 1);
  for (const edge of graph.edges)
    lines.push(
      `  ${JSON.stringify(edge.from)} -> ${JSON.stringify(edge.to)}${edge.label ? ` [label=${JSON.stringify(edge.label)}]` : ""};`,
    );
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
