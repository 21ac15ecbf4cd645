/**
 * @fileoverview Go to definition: a reference (or a node named in `dependencies`/`after`/a
 * branch) goes to the node's id, an item variable to its loop, a tool name to its declaration.
 */
import type { Location } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Span } from "../diagnostics/index.js";
import type { Analysis } from "./analysis.js";
import { definitionOf, targetAt } from "./locate.js";

export function definitionAt(analysis: Analysis, document: TextDocument, offset: number): Location | null {
  const workflow = analysis.partial;
  if (!workflow) return null;
  const target = targetAt(workflow, offset);
  let span: Span | undefined;
  switch (target?.kind) {
    case "reference":
      span = definitionOf(workflow, target.path[0]!, target.scope);
      break;
    case "nodeName":
      span = definitionOf(workflow, target.name.name);
      break;
    case "toolName":
      span = workflow.tools.find((t) => t.name === target.name.name)?.span;
      break;
    case "node":
      span = target.node.idSpan;
      break;
    case "itemVar":
      span = target.name.span;
      break;
  }
  if (!span) return null;
  return { uri: document.uri, range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } };
}
