/**
 * @fileoverview Hover: a node's kind, where it runs and its output type; a reference's type (of
 * the path up to the segment under the cursor) and what its root names; a tool's signature.
 */
import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { outputTypeOf, resolveReference, toolSignature } from "../check/index.js";
import { walkNodes, type PlanNode, type Workflow } from "../plan/index.js";
import { printType } from "../print/iceValues.js";
import { findNode } from "../check/index.js";
import type { Analysis } from "./analysis.js";
import { targetAt } from "./locate.js";

export function hoverAt(analysis: Analysis, document: TextDocument, offset: number): Hover | null {
  const workflow = analysis.partial;
  if (!workflow) return null;
  const target = targetAt(workflow, offset);
  if (!target) {
    // Elsewhere in a node's fields (not in its code): what the node is.
    const node = innermostNode(workflow, offset);
    return node ? markdown(describeNode(workflow, node), undefined) : null;
  }
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  switch (target.kind) {
    case "node":
      return markdown(describeNode(workflow, target.node), range(target.node.idSpan.start, target.node.idSpan.end));
    case "nodeName": {
      const node = findNode(workflow, target.name.name);
      return node ? markdown(describeNode(workflow, node), range(target.name.span.start, target.name.span.end)) : null;
    }
    case "itemVar":
      return markdown(
        `loop item \`${target.name.name}\` of \`${target.loop.id}\``,
        range(target.name.span.start, target.name.span.end),
      );
    case "toolName": {
      const signature = toolSignature(workflow, target.name.name);
      const declared = workflow.tools.find((t) => t.name === target.name.name);
      const text = signature
        ? `${signature.source === "builtin" ? "built-in " : ""}tool \`${target.name.name}\`(${signature.inputSchema ? printType(signature.inputSchema) : "..."})${signature.outputSchema ? `: ${printType(signature.outputSchema)}` : ""}${declared?.description ? `\n\n${declared.description}` : ""}`
        : `tool \`${target.name.name}\` (not declared: untyped)`;
      return markdown(text, range(target.name.span.start, target.name.span.end));
    }
    case "reference": {
      const path = target.path.slice(0, target.segment + 1);
      const resolved = resolveReference(workflow, path, target.scope);
      const type = resolved?.type ? printType(resolved.type) : "unknown";
      const root = resolved?.binding;
      const origin =
        root?.kind === "node"
          ? `output of ${root.node.kind} node \`${root.node.id}\``
          : root?.kind === "item"
            ? `item of loop \`${root.loop.id}\``
            : root?.kind === "inputs"
              ? "workflow input"
              : "names nothing";
      return markdown(`\`${path.join(".")}\`: \`${type}\`\n\n${origin}`, range(target.span.start, target.span.end));
    }
  }
}

function innermostNode(workflow: Workflow, offset: number): PlanNode | undefined {
  let found: PlanNode | undefined;
  walkNodes(workflow.nodes, (node) => {
    if (node.span.start > offset || offset > node.span.end) return;
    const body = node.kind === "code" ? node.code.span : node.kind === "condition" ? node.source.span : undefined;
    found = body && body.start <= offset && offset <= body.end ? undefined : node;
  });
  return found;
}

function describeNode(workflow: Workflow, node: PlanNode): string {
  const where = node.kind === "code" || node.kind === "condition" ? "runs in the WASM sandbox" : "runs directly";
  return `${node.kind} node \`${node.id}\` (${where})\n\noutput: \`${printType(outputTypeOf(workflow, node))}\``;
}

function markdown(value: string, range: Hover["range"] | undefined): Hover {
  return { contents: { kind: "markdown", value }, ...(range && { range }) };
}
