/**
 * @fileoverview Document symbols: the workflow, its tool declarations, its nodes (loop bodies and
 * parallel branches nested under their node) and its outputs, for the outline and breadcrumbs.
 */
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Span } from "../diagnostics/index.js";
import { childNodes, type PlanNode } from "../plan/index.js";
import type { Analysis } from "./analysis.js";

export function documentSymbols(analysis: Analysis, document: TextDocument): DocumentSymbol[] {
  const workflow = analysis.partial;
  if (!workflow) return [];
  const range = (span: Span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const node = (n: PlanNode): DocumentSymbol => ({
    name: n.id,
    detail: n.kind,
    kind: n.kind === "code" || n.kind === "condition" ? SymbolKind.Function : SymbolKind.Object,
    range: range(n.span.end > n.span.start ? n.span : n.idSpan),
    selectionRange: range(n.idSpan),
    children: childNodes(n).map(node),
  });
  const children: DocumentSymbol[] = [
    ...workflow.tools.map((t) => ({
      name: t.name,
      detail: "tool",
      kind: SymbolKind.Interface,
      range: range(t.span),
      selectionRange: range(t.span),
    })),
    ...workflow.nodes.map(node),
    ...workflow.outputs.map((o) => ({
      name: o.key,
      detail: "output",
      kind: SymbolKind.Property,
      range: range(o.keySpan),
      selectionRange: range(o.keySpan),
    })),
  ];
  return [
    {
      name: workflow.name,
      detail: "workflow",
      kind: SymbolKind.Module,
      range: range(workflow.span),
      selectionRange: range(workflow.span),
      children,
    },
  ];
}
