/**
 * @fileoverview A workflow graph as a Mermaid flowchart: loops and parallel blocks as subgraphs,
 * conditions as diamonds, sandboxed nodes marked.
 */
import type { GraphNode, WorkflowGraph } from "./graphModel.js";

export function toMermaid(graph: WorkflowGraph): string {
  const lines = ["flowchart TD"];
  const emit = (node: GraphNode, depth: number): void => {
    const pad = "  ".repeat(depth);
    if (node.children.length > 0 || node.kind === "loop" || node.kind === "parallel") {
      lines.push(`${pad}subgraph ${id(node.id)} ["${text(node.label)}"]`);
      for (const child of node.children) emit(child, depth + 1);
      lines.push(`${pad}end`);
      return;
    }
    const body = `"${text(node.label)}"`;
    lines.push(
      `${pad}${id(node.id)}${node.kind === "condition" ? `{${body}}` : node.sandboxed ? `[[${body}]]` : `[${body}]`}`,
    );
  };
  for (const node of graph.nodes) emit(node, 1);
  for (const edge of graph.edges)
    lines.push(`  ${id(edge.from)} -->${edge.label ? `|${edge.label}|` : ""} ${id(edge.to)}`);
  return `${lines.join("\n")}\n`;
}

function id(name: string): string {
  return `n_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/**
 * A label inside `"..."`: quotes and markup characters as Mermaid entity codes (a label never
 * closes its string or opens HTML), line breaks as `<br/>`.
 */
function text(label: string): string {
  return label
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/\r?\n|[\r\u2028\u2029]/g, "<br/>");
}
