/**
 * @fileoverview ICE2008, ICE2022: a tool node's arguments fit the tool's signature (the node's
 * own `input_schema`, else the tool's declaration in `tools:`, else — in strict mode — the
 * built-in tool's): each argument's type is assignable to its parameter's, and every required
 * parameter is given. Untyped tools are not checked.
 */
import type { CheckContext } from "../context.js";
import { toolInputSchema } from "../toolSignatures.js";
import { checkEntries, reportMissing } from "../valueTypes.js";

export function toolArgumentTypes(context: CheckContext): void {
  for (const { node, containers } of context.entries) {
    if (node.kind !== "tool") continue;
    const schema = toolInputSchema(context.workflow, node, context.options.strict === true);
    if (!schema) continue;
    const tool = node.toolName.name;
    checkEntries(
      context,
      node.args,
      schema,
      (key) => `argument '${key}' of tool '${tool}'`,
      containers,
      (field) =>
        reportMissing(context, node.toolName.span, `the call of tool '${tool}' in '${node.id}'`, "argument", field),
    );
  }
}
