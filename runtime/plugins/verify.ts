/**
 * @fileoverview Verification of a plugin tool's module, before it is compiled by V8 (and by the
 * compiler after instrumenting): everything runtime/sandbox/verify checks for a code node (MVP
 * code, a fuel check at every function entry and loop, imported memory, no start section), with
 * exactly the imports a plugin may have (the code-node base imports, `log`/`time`/`random`, and
 * the plugin host calls of abi.ts) and exactly the exports the host drives, Asyncify's included.
 */
import { allowedImports } from "../sandbox/capabilities.js";
import { verifyModule, VerifyError, type ModuleImport, type ModuleShape } from "../sandbox/verify.js";
import { ASYNCIFY_EXPORTS, PLUGIN_IMPORTS } from "./abi.js";

/** Every import a plugin module may have; which of them work is the operator's grant (imports.ts). */
export const PLUGIN_ALLOWED_IMPORTS: ReadonlySet<string> = new Set([
  ...allowedImports(["math", "log", "time", "random"]),
  ...Object.keys(PLUGIN_IMPORTS),
]);

/** A module that failed verification. */
export class PluginModuleError extends Error {}

/** Verifies a plugin tool's module; throws PluginModuleError naming the plugin and tool. */
export function verifyPluginModule(bytes: Uint8Array, plugin: string, tool: string): ModuleShape {
  const checkImport = (item: ModuleImport): void => {
    if (!PLUGIN_ALLOWED_IMPORTS.has(item.qualifiedName))
      throw new VerifyError("import", `module imports '${item.qualifiedName}', which no plugin capability provides`);
    if (item.qualifiedName !== "env.memory" && item.kind !== "function")
      throw new VerifyError("import", `'${item.qualifiedName}' must be imported as a function`);
  };
  try {
    return verifyModule(bytes, checkImport, ASYNCIFY_EXPORTS);
  } catch (error) {
    if (error instanceof VerifyError)
      throw new PluginModuleError(`plugin '${plugin}' (tool '${tool}'): module rejected: ${error.message}`);
    throw error;
  }
}
