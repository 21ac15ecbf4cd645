/**
 * @fileoverview Checks a module's interface with the host, from its sections: it imports
 * `env.memory` and the fuel-check `ice.tick`, exports exactly the functions and globals the host
 * drives (the fuel counter a mutable i64 it defines, the out-of-memory flag an i32, optionally the
 * heap's high-water mark an i32), and nothing else
 * (a plugin module's host also drives the Asyncify exports, runtime/plugins/program.ts).
 */
import { EXPORTS, TICK_IMPORT } from "./abi.js";
import type { ExportInfo, ModuleSections } from "./sections.js";
import { VerifyError } from "./verifyError.js";

/** What the code checks need from the interface. */
export interface HostInterface {
  /** Global index of the fuel counter. */
  readonly fuel: number;
  /** The `__ice_reset` export (a function), when there is one. */
  readonly reset: ExportInfo | undefined;
}

/** Throws VerifyError for the first thing the host could not drive. */
export function checkInterface(module: ModuleSections, extraExports: readonly string[] = []): HostInterface {
  const { exports, globals } = module;
  if (module.memoryMinPages < 0) throw new VerifyError("module", "module does not import env.memory");
  for (const name of [EXPORTS.start, EXPORTS.alloc, EXPORTS.run]) {
    if (exports.get(name)?.kind !== 0) throw new VerifyError("module", `missing exported function '${name}'`);
  }
  const fuel = exports.get(EXPORTS.fuel);
  const fuelGlobal = fuel?.kind === 3 ? globals[fuel.index] : undefined;
  if (!fuel || !fuelGlobal || fuel.index < module.importedGlobals || fuelGlobal.type !== 0x7e || !fuelGlobal.mutable) {
    throw new VerifyError("module", `missing fuel counter '${EXPORTS.fuel}' (a mutable i64 global)`);
  }
  const oom = exports.get(EXPORTS.oom);
  if (oom?.kind !== 3 || globals[oom.index]?.type !== 0x7f)
    throw new VerifyError("module", `missing '${EXPORTS.oom}' flag`);
  const heapEnd = exports.get(EXPORTS.heapEnd);
  if (heapEnd && (heapEnd.kind !== 3 || globals[heapEnd.index]?.type !== 0x7f))
    throw new VerifyError("module", `'${EXPORTS.heapEnd}' is not an i32 global`);
  const expected = new Set<string>([...Object.values(EXPORTS), "memory", ...extraExports]);
  for (const name of exports.keys()) {
    if (!expected.has(name)) throw new VerifyError("module", `unexpected export '${name}'`);
  }
  if (module.tick < 0)
    throw new VerifyError("module", `module does not import '${TICK_IMPORT.qualifiedName}' (it is not fuel-metered)`);
  const reset = exports.get(EXPORTS.reset);
  if (reset && reset.kind !== 0) throw new VerifyError("module", `'${EXPORTS.reset}' is not a function`);
  return { fuel: fuel.index, reset };
}
