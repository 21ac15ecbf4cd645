/**
 * @fileoverview How commands report: diagnostics to stderr (text or JSON), a thrown run error as
 * one line naming its code and node, and the exit code.
 */
import type { CliIo } from "./io.js";
import { visibleText } from "../util/visibleText.js";
import { diagnosticToJson, formatDiagnostics, hasErrors, type Diagnostic } from "../diagnostics/index.js";

export type DiagnosticFormat = "text" | "json";

/** Prints diagnostics; returns the exit code they imply (1 when any is an error). */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], format: DiagnosticFormat): number {
  if (format === "json") io.stderr(`${JSON.stringify(diagnostics.map(diagnosticToJson), null, 2)}\n`);
  else if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

/**
 * Prints a run's failure as one line (`error ICE_CODE: node 'id': message`, exit 1) when it is one
 * of the runtime's errors; anything else is rethrown (an internal error, reported by main).
 */
export function reportRunError(io: CliIo, error: unknown): number {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === "string" && e.code.startsWith("ICE_")) {
    // The message can carry a code body's, a plugin's or a tool's text: escaped, like diagnostics.
    io.stderr(`error ${e.code}: ${visibleText(String(e.message))}\n`);
    return 1;
  }
  throw error;
}

/** A usage mistake: the message and a pointer to help. */
export class UsageError extends Error {}

/**
 * Prints the run's output as JSON. Its outputs may name one large value many times (a reference
 * shares it); JSON longer than V8's longest string is a RangeError, reported as the run's error.
 */
export function printRunOutput(io: CliIo, output: unknown): number {
  let json: string;
  try {
    json = JSON.stringify(output, null, 2);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.stderr("error ICE_MEMORY_LIMIT: the workflow's output is too large to print as JSON\n");
    return 1;
  }
  io.stdout(`${json}\n`);
  return 0;
}
