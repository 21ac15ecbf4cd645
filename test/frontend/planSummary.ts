/**
 * @fileoverview A compact printout of a plan for golden files: each node with its kind, what it
 * waits for and its output type; each output with its type.
 */
import { referenceText } from "../../src/frontend/index.js";
import { formatType } from "../../runtime/schema.js";
import { outputTypeOf, typeOfValue } from "../../src/check/index.js";
import { formatLocation } from "../../src/diagnostics/index.js";
import { branchMembership, dependenciesOf, INPUTS_ROOT } from "../../src/plan/dependencies.js";
import { childNodes, walkNodes, type PlanNode, type Workflow } from "../../src/plan/index.js";

export function planSummary(workflow: Workflow): string {
  const branchOf = branchMembership(workflow);
  const lines = [`workflow ${workflow.name}`, `inputs: ${formatType(workflow.inputSchema)}`];
  if (workflow.tools.length > 0)
    lines.push(
      `tools: ${workflow.tools.map((t) => `${t.name}${t.outputSchema ? ` -> ${formatType(t.outputSchema)}` : ""}`).join(", ")}`,
    );
  walkNodes(workflow.nodes, (node, containers) => {
    const roots = new Set([INPUTS_ROOT, ...containers.flatMap((c) => (c.kind === "loop" ? [c.itemVar.name] : []))]);
    const waits = [...new Set(dependenciesOf(node, roots, branchOf).map((e) => e.target))];
    const indent = "  ".repeat(containers.length + 1);
    lines.push(`${indent}${node.id}: ${node.kind}${detail(node)} at ${formatLocation(node.idSpan)}`);
    lines.push(`${indent}  waits for: ${waits.join(", ") || "-"}; output: ${formatType(outputTypeOf(workflow, node))}`);
  });
  for (const output of workflow.outputs) {
    const type = typeOfValue(workflow, output.value, []);
    lines.push(`output ${output.key}: ${type ? formatType(type) : "?"}`);
  }
  return `${lines.join("\n")}\n`;
}

function detail(node: PlanNode): string {
  switch (node.kind) {
    case "tool":
      return ` ${node.toolName.name}(${node.args.map((a) => a.key).join(", ")})`;
    case "code":
      return ` imports [${node.imports.map((i) => i.name).join(", ")}], ${node.code.text.split("\n").length} lines`;
    case "condition":
      return ` true [${node.truePath.map((t) => t.name).join(", ")}] false [${node.falsePath.map((t) => t.name).join(", ")}]`;
    case "loop":
      return ` over ${node.itemVar.name}, max_parallel ${node.maxParallel}, body ${childNodes(node).length}`;
    case "parallel":
      return ` ${node.branches.length} branches`;
    case "workflow":
      return ` ${node.workflowRef.name}`;
    case "llm":
      return `${node.model ? ` ${node.model.kind === "literal" ? node.model.value : `{{ ${referenceText(node.model.kind === "ref" ? node.model : { kind: "ref", path: ["?"], span: node.model.span })} }}`}` : ""}, prompt of ${node.prompt.parts.length} parts`;
    case "agent":
      return ` tools [${node.tools.map((t) => t.name).join(", ")}], max_iterations ${node.maxIterations}`;
    case "recursive":
      return ` sources [${node.sources.map((s) => s.name).join(", ")}], max_rounds ${node.maxRounds}${node.convergence ? `, until ${node.convergence.source.text}` : ""}`;
  }
}
