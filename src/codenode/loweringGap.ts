/**
 * @fileoverview The diagnostic for a gap in the lowering (index.ts, and an AssemblyScript error in
 * lowered code, src/emit/wasm/compileDiagnostics.ts): apart from the lowering so that reporting
 * it does not load TypeScript.
 */
import { createDiagnostic, Diagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { EmbeddedSource } from "../plan/node.js";

/** The diagnostic for an AssemblyScript error in lowered code: a gap in the lowering, reported in TypeScript terms. */
export function loweringGap(body: EmbeddedSource): Diagnostic {
  return createDiagnostic(Diagnostics.UnsupportedIdiom, body.span, [
    "a construct in this code body",
    "the sandbox compiler could not translate it; simplify the expression or split it into statements (and please report it)",
  ]);
}
