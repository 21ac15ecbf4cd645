/**
 * @fileoverview Turns what the compiler pipeline reports into workflow diagnostics: asc errors
 * mapped from the generated source back into the body (or onto the body's span when they are in
 * generated code), and the compiled module's imports checked against the granted capabilities.
 */
import { capabilityForImport, allowedImports } from "../../../runtime/sandbox/capabilities.js";
import { verifyModule, VerifyError } from "../../../runtime/sandbox/verify.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import type { AscDiagnostic } from "./compileWorker.js";
import { ENTRY_FILE, type WrappedUnit } from "./wrapUnit.js";

/** Maps asc errors of one unit onto the workflow file. */
export function mapAscDiagnostics(found: readonly AscDiagnostic[], wrapped: WrappedUnit, map: BodyMap): Diagnostic[] {
  const starts = lineStarts(wrapped.source);
  const result: Diagnostic[] = [];
  for (const d of found) {
    if (d.category !== 3) continue;
    const code = `${d.code < 1000 ? "AS" : "TS"}${d.code}`;
    const inEntry = d.path === ENTRY_FILE && d.start >= 0;
    const start = inEntry ? position(starts, d.start) : undefined;
    const bodyLine = start ? start.line - wrapped.bodyLine : -1;
    if (start && bodyLine >= 0 && bodyLine < wrapped.bodyLines) {
      const end = position(starts, Math.max(d.start, d.end));
      const from = map.fileOffsetAt(bodyLine, start.column);
      const to = end.line === start.line ? map.fileOffsetAt(bodyLine, end.column) : from + 1;
      result.push(createDiagnostic(Diagnostics.CodeCompileError, { file: map.whole.file, start: from, end: Math.max(from, to) }, [`${d.message} (${code})`]));
    } else {
      const where = inEntry ? "in code generated for the node's schemas" : `in ${d.path || "the standard library"}`;
      result.push(createDiagnostic(Diagnostics.CodeCompileError, map.whole, [`${d.message} (${code}, ${where})`]));
    }
  }
  return result;
}

/** What a capability import is called in source code. */
const SOURCE_NAMES: { readonly [qualified: string]: string } = {
  "env.seed": "Math.random",
  "env.Date.now": "Date.now",
  "env.trace": "trace",
};

/**
 * Verifies a metered module and checks its imports: anything not granted is ICE3002 (a known
 * capability, unless `alreadyReported` has it) or ICE3003 (never allowed).
 */
export function checkModule(wasm: Uint8Array, granted: readonly string[], map: BodyMap, alreadyReported: ReadonlySet<string>): Diagnostic[] {
  let shape;
  try {
    shape = verifyModule(wasm);
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    const kind = error.reason === "instruction" ? Diagnostics.ForbiddenInstruction : Diagnostics.CompilerCrashed;
    return [createDiagnostic(kind, map.whole, [error.message])];
  }
  const allowed = allowedImports(granted);
  const result: Diagnostic[] = [];
  for (const item of shape.imports) {
    if (allowed.has(item.qualifiedName)) continue;
    const capability = capabilityForImport(item.qualifiedName);
    if (capability === undefined) {
      result.push(createDiagnostic(Diagnostics.ForbiddenImport, map.whole, [item.qualifiedName]));
    } else if (!alreadyReported.has(capability)) {
      const used = SOURCE_NAMES[item.qualifiedName] ?? item.qualifiedName.replace(/^env\./, "");
      result.push(createDiagnostic(Diagnostics.CapabilityNotGranted, map.whole, [used, capability]));
    }
  }
  return result;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, column: offset - starts[line]! };
}
