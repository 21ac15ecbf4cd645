/**
 * @fileoverview ICE2008, ICE2016: the values bound to a code node's `inputs` fit its
 * `input_schema`. A field with nothing bound reads the workflow input of the same name, if there
 * is one (as lowering binds it, src/lower/sandboxes.ts); otherwise a required field is an error.
 */
import { formatType } from "../../../runtime/schema.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";
import { isAssignable } from "../assignable.js";
import { checkValue } from "../valueTypes.js";

export function codeInputTypes(context: CheckContext): void {
  for (const { node, containers } of context.entries) {
    if (node.kind !== "code" || !node.inputSchema) continue;
    for (const field of node.inputSchema.fields) {
      const label = (path: string): string => `input '${path}' of code node '${node.id}'`;
      const bound = node.inputs.find((e) => e.key === field.name);
      if (bound) {
        checkValue(context, bound.value, field.type, field.name, label, containers);
        continue;
      }
      const implicit = context.workflow.inputSchema.fields.find((f) => f.name === field.name);
      if (implicit) {
        if (!isAssignable(implicit.type, field.type))
          context.report(Diagnostics.TypeMismatch, node.idSpan, [
            `${label(field.name)} (bound to inputs.${field.name})`,
            formatType(field.type),
            formatType(implicit.type),
          ]);
      } else if (!field.optional) context.report(Diagnostics.MissingCodeInput, node.idSpan, [node.id, field.name]);
    }
  }
}
