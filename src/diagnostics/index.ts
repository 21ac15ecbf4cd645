/** @fileoverview Diagnostics: catalog, values, source positions and rendering. */
export { Diagnostics, type DiagnosticKind, type DiagnosticName, type Severity } from "./catalog.js";
export {
  createDiagnostic,
  DiagnosticBag,
  didYouMean,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type RelatedNote,
} from "./diagnostic.js";
export { diagnosticToJson, formatDiagnostic, formatDiagnostics } from "./render.js";
export { formatLocation, SourceFile, span, type Span } from "./sourceFile.js";
