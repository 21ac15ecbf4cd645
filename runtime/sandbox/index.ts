/** @fileoverview The WASM sandbox host: verify, instantiate, meter and run compiled sandbox units. */
export { SandboxProgram, type SandboxResult, type SandboxSpec } from "./program.js";
export { OUTPUT_ABORT_PREFIX, type SandboxHooks } from "./host.js";
export {
  BASE_IMPORTS,
  CAPABILITY_IMPORTS,
  CAPABILITY_NAMES,
  allowedImports,
  capabilityForImport,
} from "./capabilities.js";
export {
  EXPORTS as SANDBOX_EXPORTS,
  verifyModule,
  VerifyError,
  type ModuleImport,
  type ModuleShape,
} from "./verify.js";
