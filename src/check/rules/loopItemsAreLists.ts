/**
 * @fileoverview ICE2008: a loop's `items_source` is a list (a template is a string, and a
 * reference must name a list-typed value; unknown types pass).
 */
import { formatType } from "../../../runtime/schema.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";
import { typeOfValue } from "../types.js";

export function loopItemsAreLists(context: CheckContext): void {
  for (const { node, containers } of context.entries) {
    if (node.kind !== "loop") continue;
    const type = typeOfValue(context.workflow, node.itemsSource, containers);
    if (type && type.kind !== "array" && type.kind !== "any")
      context.report(Diagnostics.TypeMismatch, node.itemsSource.span, [
        `items_source of loop '${node.id}'`,
        "a list",
        formatType(type),
      ]);
  }
}
