/**
 * @fileoverview Shared by the fuel-metering tests (fuelBackEdges, fuelFolding, ...): a generated
 * module of a small integer loop, metered by src/emit/wasm/meter.ts, its schemas and the same loop
 * as JavaScript; and helpers that edit a copy of it with binaryen, as a module forged beside a
 * generated one would be.
 */
import binaryen from "binaryen";
import { EXPORTS, TICK_IMPORT } from "../../runtime/sandbox/verify.js";
import { lowerBody } from "../../src/codenode/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { obj } from "./helpers.js";

export const loopInput = obj({ n: "integer" });
export const loopOutput = obj({ v: "integer" });
const LOOP_BODY = "let s = 0;\nfor (let i = 0; i < inputs.n; i++) s = (s + (i ^ (i << 3))) & 1023;\nreturn { v: s };";

/** The program spec of the loop module for SandboxProgram.compile. */
export const loopSpec = (nodeId: string) => ({
  nodeId,
  inputType: loopInput,
  outputType: loopOutput,
  capabilities: [],
});

/** The loop's result, computed in JavaScript. */
export function loopResult(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + (i ^ (i << 3))) & 1023;
  return s;
}

/** The loop's module (asc output) after meterModule; `body` replaces the loop with another body. */
export async function meteredLoop(nodeId: string, body = LOOP_BODY): Promise<Uint8Array> {
  const source = lowerBody(embedCodeBody(body, nodeId), loopInput, loopOutput, []).source!;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  return meterModule(outcome!.binary!);
}

/** The fuel counter's internal name in a metered module (read from its export). */
export function fuelGlobal(m: binaryen.Module): string {
  return binaryen.getExportInfo(m.getExport(EXPORTS.fuel)).value;
}

/** The internal name of the imported host function `ice.tick`. */
export function tickImport(m: binaryen.Module): string {
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    if (info.module === TICK_IMPORT.module && info.base === TICK_IMPORT.name) return info.name;
  }
  throw new Error("the module does not import ice.tick");
}

/** `fuel -= cost` on module `m` (a charge without a test). */
export function charge(m: binaryen.Module, cost: bigint): number {
  const fuel = fuelGlobal(m);
  return m.global.set(fuel, m.i64.sub(m.global.get(fuel, binaryen.i64), m.i64.const(cost)));
}

/** `bytes` edited by `edit` (functions added with binaryen; validated when `validate`), as a binary. */
export function editModule(bytes: Uint8Array, edit: (m: binaryen.Module) => void, validate = false): Uint8Array {
  const m = binaryen.readBinary(bytes);
  try {
    edit(m);
    if (validate) {
      m.setFeatures(
        binaryen.Features.MutableGlobals |
          binaryen.Features.SignExt |
          binaryen.Features.NontrappingFPToInt |
          binaryen.Features.BulkMemoryOpt,
      );
      if (!m.validate()) throw new Error("forged module is not valid WebAssembly");
    }
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}
