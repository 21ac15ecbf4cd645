/**
 * @fileoverview Binaryen's Asyncify on a plugin tool's module (asc output, before metering): calls
 * of the asynchronous host imports (pluginSupport.ts) can unwind the WebAssembly stack into the
 * module's Asyncify buffer and rewind it when the host's promise settles
 * (runtime/plugins/program.ts drives it). Only functions that can reach one of those imports are
 * instrumented. Metering (src/emit/wasm/meter.ts) runs afterwards, so the added code is metered
 * and checked like the rest; a rewind passes the fuel checks of the paused frames again, the same
 * way on every run, so fuel stays deterministic.
 */
import binaryen from "binaryen";
import { ASYNC_PLUGIN_IMPORTS } from "./pluginSupport.js";

/** The functions Asyncify exports, which the plugin host calls. */
export { ASYNCIFY_EXPORTS } from "../../runtime/plugins/abi.js";

const FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.SignExt |
  binaryen.Features.NontrappingFPToInt |
  // asc's memory.copy/fill (charged by length when metered); without it binaryen's optimiser aborts on them.
  binaryen.Features.BulkMemoryOpt;

/** The module with Asyncify applied around the asynchronous plugin imports. */
export function asyncifyModule(wasm: Uint8Array): Uint8Array {
  const module = binaryen.readBinary(wasm);
  try {
    module.setFeatures(FEATURES);
    binaryen.setPassArgument("asyncify-imports", ASYNC_PLUGIN_IMPORTS.join(","));
    try {
      module.runPasses(["asyncify"]);
    } finally {
      binaryen.clearPassArguments();
    }
    const level = binaryen.getOptimizeLevel();
    binaryen.setOptimizeLevel(2);
    try {
      module.optimize();
    } finally {
      binaryen.setOptimizeLevel(level);
    }
    if (!module.validate()) throw new Error("the asyncified plugin module failed binaryen validation");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}
