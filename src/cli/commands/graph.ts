/**
 * @fileoverview `iceosc graph <file> [--format dot]`: the checked plan as a Mermaid flowchart or DOT.
 */
import { DiagnosticBag } from "../../diagnostics/index.js";
import { checkWorkflow } from "../../check/index.js";
import { loadWorkflowSet } from "../../build/workflowSet.js";
import { toDot } from "../../emit/graph/dot.js";
import { workflowGraph } from "../../emit/graph/graphModel.js";
import { toMermaid } from "../../emit/graph/mermaid.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";

export async function graphCommand(
  io: CliIo,
  args: {
    readonly path: string;
    readonly format: "mermaid" | "dot";
  },
): Promise<number> {
  const diagnostics = new DiagnosticBag();
  const set = await loadWorkflowSet([args.path], diagnostics);
  const main = set.workflows.find((w) => w.requested);
  if (main) {
    const names = new Set([
      ...set.workflows.map((w) => w.workflow.name),
      ...(set.references.get(main.workflow.name)?.keys() ?? []),
    ]);
    diagnostics.addAll(checkWorkflow(main.workflow, { workflowNames: names }));
  }
  const status = reportDiagnostics(io, diagnostics.all, "text");
  if (status !== 0 || !main) return status || 1;
  const graph = workflowGraph(main.workflow);
  io.stdout(args.format === "dot" ? toDot(graph, main.workflow.name) : toMermaid(graph));
  return 0;
}
