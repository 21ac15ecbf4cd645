/**
 * @fileoverview Turns what the compiler pipeline reports into workflow diagnostics. An
 * AssemblyScript error in a lowered body is a gap in the lowering (src/codenode), never the
 * user's to read in AssemblyScript terms: it becomes one located "not supported" diagnostic per
 * body. The compiled module's imports are checked against the granted capabilities.
 */
import { capabilityForImport, allowedImports } from "../../../runtime/sandbox/capabilities.js";
import { verifyModule, VerifyError, type ModuleShape } from "../../../runtime/sandbox/verify.js";
import { loweringGap } from "../../codenode/loweringGap.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import type { AscDiagnostic } from "./compileWorker.js";

/** asc errors of one unit: one diagnostic for the body (its details go to ICEOSC_DEBUG's stderr). */
export function mapAscDiagnostics(found: readonly AscDiagnostic[], map: BodyMap): Diagnostic[] {
  const errors = found.filter((d) => d.category === 3);
  if (errors.length === 0) return [];
  if (process.env.ICEOSC_DEBUG)
    for (const e of errors) process.stderr.write(`asc: ${e.message} (${e.path}:${e.start})\n`);
  return [loweringGap(map.body)];
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
export function checkModule(
  wasm: Uint8Array,
  granted: readonly string[],
  map: BodyMap,
  alreadyReported: ReadonlySet<string>,
): Diagnostic[] {
  let shape: ModuleShape;
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
