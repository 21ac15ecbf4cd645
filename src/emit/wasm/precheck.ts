/**
 * @fileoverview The language server's check of sandbox units before AssemblyScript: syntax,
 * capability use, schema types and unsupported constructs, on the calling thread (lowerUnit.ts).
 * No worker is started, so this is fast enough for an editor; it is not bounded the way a build's
 * typing is (typer.ts; SECURITY.md "Type-checking code bodies").
 */
import type { Diagnostic } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { lowerUnit } from "./lowerUnit.js";

/** The diagnostics found before AssemblyScript runs. */
export function precheckSandboxUnits(units: readonly SandboxUnit[]): Diagnostic[] {
  return units.flatMap((unit) => lowerUnit(unit).diagnostics);
}
