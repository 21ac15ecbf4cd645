/**
 * @fileoverview What a sandbox module must be before the host compiles it (program.ts): every
 * import one the node's granted capabilities allow (intrinsics imported as functions), and the
 * module verified (verify.ts: instructions, metering, exports). A module that is not is refused
 * with ICE_CAPABILITY_DENIED or ICE_MODULE_INVALID, before V8 sees it.
 */
import { CapabilityDeniedError, ModuleInvalidError } from "../errors.js";
import { allowedImports, capabilityForImport } from "./capabilities.js";
import { INTRINSIC_IMPORTS } from "./intrinsics.js";
import type { SandboxSpec } from "./program.js";
import { verifyModule, VerifyError, type ModuleImport, type ModuleShape } from "./verify.js";

/** Verification of the bytes against the spec: imports, instructions, metering, exports. */
export function checkModule(bytes: Uint8Array, spec: SandboxSpec): ModuleShape {
  const { nodeId } = spec;
  const allowed = allowedImports(spec.capabilities);
  const checkImport = (item: ModuleImport): void => {
    if (item.qualifiedName in INTRINSIC_IMPORTS && item.kind !== "function")
      throw new ModuleInvalidError(
        nodeId,
        `sandbox module rejected: '${item.qualifiedName}' must be imported as a function`,
      );
    if (allowed.has(item.qualifiedName)) return;
    const capability = capabilityForImport(item.qualifiedName);
    throw new CapabilityDeniedError(
      nodeId,
      capability
        ? `module imports '${item.qualifiedName}', which needs capability '${capability}'`
        : `module imports '${item.qualifiedName}', which no capability provides`,
    );
  };
  try {
    return verifyModule(bytes, checkImport);
  } catch (error) {
    if (error instanceof VerifyError) throw new ModuleInvalidError(nodeId, `sandbox module rejected: ${error.message}`);
    throw error;
  }
}
