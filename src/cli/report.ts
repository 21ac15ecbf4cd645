/**
 * @fileoverview How commands report: diagnostics to stderr (text or JSON), a thrown run error as
 * one line naming its code and node, and the exit code.
 */
import type { CliIo } from "./io.js";
import { diagnosticToJson, formatDiagnostics, hasErrors, type Diagnostic } from "../diagnostics/index.js";

export type DiagnosticFormat = "text" | "json";

/** Prints diagnostics; returns the exit code they imply (1 when any is an error). */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], format: DiagnosticFormat): number {
  if (format === "json") io.stderr(`${JSON.stringify(diagnostics.map(diagnosticToJson), null, 2)}\n`);
  else if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

/** A usage mistake: the message and a pointer to help. */
export class UsageError extends Error {}
