/**
 * @fileoverview ICE2001: node ids are unique across the whole workflow, loop bodies and parallel
 * branches included (references name nodes by id alone).
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function noDuplicateIds(context: CheckContext): void {
  for (const { node } of context.entries) {
    const first = context.entry(node.id)!.node;
    if (first !== node)
      context.report(
        Diagnostics.DuplicateId,
        node.idSpan,
        [node.id],
        [{ message: `'${node.id}' is first defined here`, span: first.idSpan }],
      );
  }
}
