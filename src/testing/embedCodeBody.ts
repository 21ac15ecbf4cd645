/**
 * @fileoverview Embeds a code body in a synthetic one-node YAML workflow file, as the YAML front
 * end would (a block scalar indented six spaces), so sandbox compiles of hand-written units get
 * real file positions. For tests and benchmarks that build sandbox units without a workflow.
 */
import { SourceFile, span } from "../diagnostics/index.js";
import type { EmbeddedSource } from "../plan/node.js";

/** Column where body lines start in the synthetic file, minus one. */
export const EMBED_INDENT = "      ";

/** `body` as the code of node `nodeId` in a file named `<nodeId>.yaml`. */
export function embedCodeBody(body: string, nodeId = "node", workflowName = "test"): EmbeddedSource {
  const header = `name: ${workflowName}\nnodes:\n  - id: ${nodeId}\n    type: code\n    code: |\n`;
  const lines = body.split("\n");
  const text = `${header + lines.map((l) => EMBED_INDENT + l).join("\n")}\n`;
  const file = new SourceFile(`${nodeId}.yaml`, text);
  const lineOrigins: number[] = [];
  let offset = header.length;
  for (const line of lines) {
    lineOrigins.push(offset + EMBED_INDENT.length);
    offset += EMBED_INDENT.length + line.length + 1;
  }
  return { text: body, lineOrigins, span: span(file, header.length + EMBED_INDENT.length, text.length - 1) };
}
