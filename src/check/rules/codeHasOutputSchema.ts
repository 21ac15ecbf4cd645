/**
 * @fileoverview ICE2017: a code node declares `output_schema`, since sandboxed code is compiled
 * against typed outputs.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function codeHasOutputSchema(context: CheckContext): void {
  for (const { node } of context.entries) {
    if (node.kind === "code" && !node.outputSchema)
      context.report(Diagnostics.MissingOutputSchema, node.idSpan, ["code", node.id]);
  }
}
