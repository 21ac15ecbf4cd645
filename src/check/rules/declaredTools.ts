/**
 * @fileoverview ICE2011: the tools that tool and agent nodes use are declared in `tools:` or
 * built in (runtime/tools). An undeclared tool runs untyped: a warning when the workflow declares
 * some tools (it probably meant to declare this one too), nothing when it declares none; in strict
 * mode, always an error.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { Named } from "../../plan/index.js";
import type { CheckContext } from "../context.js";
import { builtinSignatures } from "../toolSignatures.js";

export function declaredTools(context: CheckContext): void {
  const declared = new Set(context.workflow.tools.map((t) => t.name));
  const strict = context.options.strict === true;
  if (declared.size === 0 && !strict) return;
  const builtins = builtinSignatures();
  for (const { node } of context.entries) {
    const used: readonly Named[] =
      node.kind === "tool" ? [node.toolName] : node.kind === "agent" || node.kind === "recursive" ? node.tools : [];
    for (const tool of used) {
      if (declared.has(tool.name) || builtins.has(tool.name)) continue;
      context.report(strict ? Diagnostics.UnknownToolStrict : Diagnostics.UnknownTool, tool.span, [tool.name]);
    }
  }
}
