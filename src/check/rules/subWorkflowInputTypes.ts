/**
 * @fileoverview ICE2008, ICE2022: a `workflow` node's inputs fit the called workflow's
 * `input_schema`, when the caller knows it (CheckOptions.workflowInputs): each input's type is
 * assignable to the field's, and every required field is given (the callee would reject its
 * input at run time otherwise).
 */
import type { CheckContext } from "../context.js";
import { checkEntries, reportMissing } from "../valueTypes.js";

export function subWorkflowInputTypes(context: CheckContext): void {
  const schemas = context.options.workflowInputs;
  if (!schemas) return;
  for (const { node, containers } of context.entries) {
    if (node.kind !== "workflow") continue;
    const schema = schemas.get(node.workflowRef.name);
    if (!schema) continue;
    const callee = node.workflowRef.name;
    checkEntries(
      context,
      node.inputs,
      schema,
      (key) => `input '${key}' of sub-workflow '${callee}'`,
      containers,
      (field) =>
        reportMissing(
          context,
          node.workflowRef.span,
          `the call of sub-workflow '${callee}' in '${node.id}'`,
          "input",
          field,
        ),
    );
  }
}
