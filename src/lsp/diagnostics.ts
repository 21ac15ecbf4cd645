/**
 * @fileoverview Compiler diagnostics as LSP diagnostics: the span's file offsets (also those
 * inside code bodies in YAML block scalars and .ice blocks, which the front ends map back to the
 * file) become line/character ranges of the document.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  DiagnosticSeverity,
  type DiagnosticRelatedInformation,
  type Diagnostic as LspDiagnostic,
} from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/index.js";
import { visibleText } from "../util/visibleText.js";

export function toLspDiagnostics(diagnostics: readonly Diagnostic[], document: TextDocument): LspDiagnostic[] {
  return diagnostics.map((d) => {
    const start = d.span?.start ?? 0;
    const end = Math.max(start, d.span?.end ?? 0);
    const related: DiagnosticRelatedInformation[] = d.notes
      .filter((n) => n.span && n.span.file.path === d.span?.file.path)
      .map((n) => ({
        location: {
          uri: document.uri,
          range: { start: document.positionAt(n.span!.start), end: document.positionAt(n.span!.end) },
        },
        message: visibleText(n.message),
      }));
    return {
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      severity:
        d.severity === "error"
          ? DiagnosticSeverity.Error
          : d.severity === "warning"
            ? DiagnosticSeverity.Warning
            : DiagnosticSeverity.Information,
      code: d.code,
      source: "iceosc",
      // Names the workflow chose, escaped: editors in a terminal show messages there.
      message: visibleText(d.message),
      ...(related.length > 0 && { relatedInformation: related }),
    };
  });
}
