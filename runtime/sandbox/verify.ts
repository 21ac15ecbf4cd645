/**
 * @fileoverview Verifies a sandbox module's binary before it is ever instantiated: MVP-only code
 * (plus sign-extension, saturating float-to-int, and memory.copy/fill charged by their length:
 * verify/bulkMemory.ts), fuel metering of every loop (at its header,
 * or at every branch back to it: verify/codeChecker.ts) and at the entry of every function that
 * could otherwise recur unmetered (verify/unchecked.ts),
 * imported memory, no start section, and the export shape the host drives.
 * Shared by the runtime (SandboxProgram.compile) and the compiler (after instrumenting).
 *
 * The steps, each in verify/: read the sections (sections.ts, over byteReader.ts), check the
 * interface with the host (interfaceChecks.ts, names in abi.ts), check every function body for
 * fuel checks and allowed instructions (codeChecker.ts, opcodes.ts), and decide whether instances
 * may be reused (reset.ts).
 */
import { CodeChecker } from "./verify/codeChecker.js";
import { checkInterface } from "./verify/interfaceChecks.js";
import type { FunctionCost, ModuleImport, ModuleShape } from "./verify/moduleShape.js";
import { checkReset } from "./verify/reset.js";
import { readSections } from "./verify/sections.js";
import { checkUncheckedFunctions } from "./verify/unchecked.js";

export { BULK_SHIFT, EXPORTS, TICK_IMPORT } from "./verify/abi.js";
export type { FunctionCost, ModuleImport, ModuleShape } from "./verify/moduleShape.js";
export { VerifyError } from "./verify/verifyError.js";

/**
 * Parses and checks `bytes`; throws VerifyError. `checkImport` sees each import as it is read
 * (before anything else is checked) and may throw to refuse it. `extraExports` are exports the
 * host also drives (a plugin's Asyncify functions), metered like every other function.
 */
export function verifyModule(
  bytes: Uint8Array,
  checkImport?: (item: ModuleImport) => void,
  extraExports: readonly string[] = [],
): ModuleShape {
  const shape = readModule(bytes, checkImport, extraExports);
  checkUncheckedFunctions(shape.functions, shape.importedFunctions, new Set(shape.exportedFunctions.values()));
  return shape;
}

/**
 * What each defined function of `bytes` charges and calls, as verifyModule reads it, without the
 * bound on the work between two tests (the metering pass reads it to stay within that bound:
 * src/emit/wasm/meterBound.ts); throws VerifyError for anything else verifyModule refuses.
 */
export function functionCosts(bytes: Uint8Array): Pick<ModuleShape, "importedFunctions" | "functions"> {
  const exports = readSections(bytes).exports;
  // Whatever else it exports (a plugin's Asyncify functions) is the caller's to check.
  return readModule(bytes, undefined, [...exports.keys()]);
}

/** verifyModule's checks up to the bound on the work between two tests (unchecked.ts). */
function readModule(
  bytes: Uint8Array,
  checkImport: ((item: ModuleImport) => void) | undefined,
  extraExports: readonly string[],
): ModuleShape {
  const module = readSections(bytes, checkImport);
  const { imports, memoryMinPages, importedFunctions, importedGlobals, globals, exports, code, custom } = module;
  const { fuel, reset } = checkInterface(module, extraExports);
  let resettable = false;
  let functions: FunctionCost[] = [];
  if (code) {
    const checker = new CodeChecker(module.reader, fuel, module.tick, importedFunctions);
    const resetBody = checker.checkSection(code.start, code.end, reset ? reset.index - importedFunctions : -1);
    if (resetBody) resettable = checkReset(resetBody, globals, importedGlobals, fuel);
    functions = checker.functions;
  }
  const exportedFunctions = new Map([...exports].filter(([, e]) => e.kind === 0).map(([name, e]) => [name, e.index]));
  return { imports, memoryMinPages, resettable, importedFunctions, functions, exportedFunctions, custom };
}
