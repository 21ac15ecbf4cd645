/**
 * @fileoverview The heap's high-water mark as an exported global. The code-node entry exports a
 * function `__ice_heap_end` returning the allocator's `high` (allocator.ts); optimised, its body
 * is a single `global.get`. Metering replaces the function export with an export of that global,
 * so the host reads how far a run wrote (runtime/sandbox/program.ts zeroes only that far) without
 * running module code after the run: no fuel charged, nothing that could trap or spin.
 *
 * When the body is anything else (an asc or binaryen change), the export is just removed: the
 * host then zeroes the whole memory as before, slower but the same results.
 */
import binaryen from "binaryen";
import { EXPORTS } from "../../../runtime/sandbox/verify.js";

/**
 * Removes the `__ice_heap_end` function export (before the metering pass sees it as an entry)
 * and returns the name of the global it reads, to export under the same name once metering is
 * done; undefined when the module has no such export or its body is not one `global.get`.
 */
export function takeHeapEndExport(module: binaryen.Module): string | undefined {
  const ref = module.getExport(EXPORTS.heapEnd);
  if (!ref) return undefined;
  const info = binaryen.getExportInfo(ref);
  module.removeExport(EXPORTS.heapEnd);
  if (info.kind !== binaryen.ExternalFunction) return undefined;
  const body = binaryen.getFunctionInfo(module.getFunction(info.value)).body;
  // Nothing calls the entry's wrapper: only the export referred to it.
  module.removeFunction(info.value);
  if (!body || binaryen.getExpressionId(body) !== binaryen.GlobalGetId) return undefined;
  const global = (binaryen.getExpressionInfo(body) as binaryen.GlobalGetInfo).name;
  const globalInfo = binaryen.getGlobalInfo(module.getGlobal(global));
  return globalInfo.type === binaryen.i32 && !globalInfo.module ? global : undefined;
}
