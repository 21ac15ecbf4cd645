/**
 * @fileoverview Fuel for `memory.copy` and `memory.fill` (bulk memory), charged by length. asc
 * without bulk memory copied through its own byte-wise memmove, a loop charged at every back
 * edge (~18,400 charges per run of the records kernel); with bulk memory each copy is one
 * instruction, fast in V8, whose work grows with its length, so the metering pass (meter.ts)
 * rewrites its length operand to go through a local that a check charges first:
 *
 *   memory.copy(dest, src, n)  ->  memory.copy(dest, src, (
 *     local.set $L n;
 *     __ice_fuel -= i64.extend_i32_u($L) >> BULK_SHIFT;
 *     if (__ice_fuel < 0) ice.tick();
 *     local.get $L))
 *
 * The operation itself is charged 1, as any instruction, in the straight-line code around it.
 * The test stops a run whose budget the copy spends before the copy starts; the verifier accepts
 * these instructions in exactly this shape, the charge's local being the length the instruction
 * reads (runtime/sandbox/verify/bulkMemory.ts).
 */
import binaryen from "binaryen";
import { BULK_SHIFT } from "../../../runtime/sandbox/verify.js";
import { type Ref, slotsOf } from "./meterKinds.js";

/** binaryen.js's accessors for the bulk memory operands and locals: there at run time, not in index.d.ts. */
interface BulkApi {
  readonly MemoryCopy: { getSize(expr: Ref): Ref; setSize(expr: Ref, size: Ref): void };
  readonly MemoryFill: { getSize(expr: Ref): Ref; setSize(expr: Ref, size: Ref): void };
  _BinaryenFunctionAddVar(fn: number, type: number): number;
}
const api = binaryen as unknown as BulkApi;

/** Rewrites every `memory.copy` and `memory.fill` of `module` to charge `fuel` by its length first. */
export function chargeBulkMemory(module: binaryen.Module, fuel: string, tick: string): void {
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const body = binaryen.getFunctionInfo(fn).body;
    if (!body) continue;
    const sites: Ref[] = [];
    const find = (expr: Ref): void => {
      const id = binaryen.getExpressionId(expr);
      if (id === binaryen.MemoryCopyId || id === binaryen.MemoryFillId) sites.push(expr);
      for (const { child } of slotsOf(expr)) find(child);
    };
    find(body);
    if (sites.length === 0) continue;
    // One local serves every site: each one's length is set, charged and read before any other
    // site's (a site nested in another's operands completes while those are computed).
    const local = api._BinaryenFunctionAddVar(fn, binaryen.i32);
    for (const site of sites) {
      const accessors = binaryen.getExpressionId(site) === binaryen.MemoryCopyId ? api.MemoryCopy : api.MemoryFill;
      accessors.setSize(site, charged(module, accessors.getSize(site), local, fuel, tick));
    }
  }
}

/** The length `size` through `local`, charged and tested first (the shape in the file comment). */
function charged(module: binaryen.Module, size: Ref, local: number, fuel: string, tick: string): Ref {
  const counter = (): Ref => module.global.get(fuel, binaryen.i64);
  const units = module.i64.shr_u(
    module.i64.extend_u(module.local.get(local, binaryen.i32)),
    module.i64.const(BigInt(BULK_SHIFT)),
  );
  return module.block(
    null,
    [
      module.local.set(local, size),
      module.global.set(fuel, module.i64.sub(counter(), units)),
      module.if(module.i64.lt_s(counter(), module.i64.const(0n)), module.call(tick, [], binaryen.none)),
      module.local.get(local, binaryen.i32),
    ],
    binaryen.i32,
  );
}
