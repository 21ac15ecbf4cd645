/**
 * @fileoverview A workflow's `tools:` declarations against the plugins the operator registers:
 * a declared tool that a plugin gives must take what the declaration says it is called with
 * (the declared arguments fit the plugin's parameter type) and return what the declaration
 * promises (the plugin's result type fits the declared output). A mismatch is ICE3033 at the
 * declaration, before anything runs. For checking, an undeclared plugin tool counts as declared
 * with its signature (`withPluginDeclarations`), so its arguments and the uses of its result are
 * typed like a declared tool's.
 */
import { formatType, type ObjectType, type SchemaType } from "../../runtime/schema.js";
import { isAssignable } from "../check/assignable.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { Workflow } from "../plan/index.js";

/** What the checker knows of one plugin tool. */
export interface PluginToolSignature {
  readonly plugin: string;
  readonly inputType: ObjectType;
  /** The result type. */
  readonly outputType: SchemaType;
}

/** ICE3033 for each declaration a registered plugin tool does not satisfy. */
export function checkPluginDeclarations(
  workflow: Workflow,
  tools: ReadonlyMap<string, PluginToolSignature>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const declaration of workflow.tools) {
    const tool = tools.get(declaration.name);
    if (!tool) continue;
    if (declaration.inputSchema && !isAssignable(declaration.inputSchema, tool.inputType))
      found.push(
        createDiagnostic(Diagnostics.PluginDeclarationMismatch, declaration.span, [
          declaration.name,
          `arguments ${formatType(declaration.inputSchema)}`,
          tool.plugin,
          `takes ${formatType(tool.inputType)}`,
        ]),
      );
    if (declaration.outputSchema && !isAssignable(tool.outputType, declaration.outputSchema))
      found.push(
        createDiagnostic(Diagnostics.PluginDeclarationMismatch, declaration.span, [
          declaration.name,
          `output ${formatType(declaration.outputSchema)}`,
          tool.plugin,
          `returns ${formatType(tool.outputType)}`,
        ]),
      );
  }
  return found;
}

/** `workflow` with a declaration for each plugin tool it does not declare (for the checker only). */
export function withPluginDeclarations(workflow: Workflow, tools: ReadonlyMap<string, PluginToolSignature>): Workflow {
  const declared = new Set(workflow.tools.map((t) => t.name));
  const added = [...tools]
    .filter(([name]) => !declared.has(name))
    .map(([name, tool]) => ({
      name,
      span: workflow.span,
      description: `${name} (plugin ${tool.plugin})`,
      inputSchema: tool.inputType,
      outputSchema: tool.outputType,
    }));
  return added.length === 0 ? workflow : { ...workflow, tools: [...workflow.tools, ...added] };
}
