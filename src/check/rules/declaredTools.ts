/**
 * @fileoverview ICE2011 (warning): when a workflow declares tool signatures in `tools:`, the
 * tools its tool and agent nodes use are among them. A workflow with no declarations uses tools
 * untyped and gets no warning.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { Named } from "../../plan/index.js";
import type { CheckContext } from "../context.js";

export function declaredTools(context: CheckContext): void {
  const declared = new Set(context.workflow.tools.map((t) => t.name));
  if (declared.size === 0) return;
  for (const { node } of context.entries) {
    const used: readonly Named[] = node.kind === "tool" ? [node.toolName] : node.kind === "agent" ? node.tools : [];
    for (const tool of used) if (!declared.has(tool.name)) context.report(Diagnostics.UnknownTool, tool.span, [tool.name]);
  }
}
