/**
 * @fileoverview The functions the metering pass (meter.ts) adds beside the checks: `__ice_grow`,
 * which every `memory.grow` becomes (it sets the out-of-memory flag when growing fails), and
 * `__ice_reset`, which puts the module's globals back so the host can reuse an instance.
 */
import binaryen from "binaryen";
import { EXPORTS } from "../../../runtime/sandbox/verify.js";
import { FUNCTION_BODY, GROW_DELTA, KINDS, type Ref } from "./meterKinds.js";

const GROW = "__ice_grow";
const RESET = "__ice_reset";

/**
 * Cost of `__ice_grow`'s body, charged at each `memory.grow` it replaces like a folded callee's:
 * fuel then does not depend on how many grows a run makes, which depends on the size its memory
 * starts at (the host keeps grown memories between runs: runtime/sandbox/program.ts).
 */
export const GROW_COST = 8;

/**
 * Adds `__ice_grow(delta)`: `memory.grow`, setting the global `oom` to whether it failed, so `oom`
 * says the LAST grow failed. The allocator first tries to double the memory and, when that fails
 * under the cap, grows by what it needs: a run that goes on after such a refused doubling has not
 * run out of memory. (A flag set by any failed grow made a later stack overflow or trap report
 * ICE_MEMORY_LIMIT, and whether the doubling fails depends on the size the memory starts at,
 * which another program's run on a shared memory decides: test/security/memoryShareAttacks.test.ts.)
 */
export function addGrowHelper(module: binaryen.Module, oom: string): void {
  const param = module.local.get(0, binaryen.i32);
  const grown = module.local.tee(1, module.memory.grow(param), binaryen.i32);
  const helperBody = module.block(
    null,
    [module.global.set(oom, module.i32.eq(grown, module.i32.const(-1))), module.local.get(1, binaryen.i32)],
    binaryen.i32,
  );
  // No entry check: its cost is charged where each grow was (GROW_COST), whether or not that grow runs.
  module.addFunction(GROW, binaryen.i32, binaryen.i32, [binaryen.i32], helperBody);
}

/**
 * Adds `__ice_reset`: sets every mutable global but the fuel counter back to its initial
 * constant, so the host can reuse an instance (runtime/sandbox/verify.ts checks exactly this).
 * Not added when some global starts from something other than a constant.
 */
export function addReset(module: binaryen.Module, fuel: string, check: (cost: number) => Ref[]): void {
  const sets: Ref[] = [];
  for (let i = 0; i < module.getNumGlobals(); i++) {
    const info = binaryen.getGlobalInfo(module.getGlobalByIndex(i));
    if (info.module || !info.mutable || info.name === fuel) continue;
    if (binaryen.getExpressionId(info.init) !== binaryen.ConstId) return;
    sets.push(module.global.set(info.name, module.copyExpression(info.init)));
  }
  module.addFunction(
    RESET,
    binaryen.none,
    binaryen.none,
    [],
    module.block(null, [...check(Math.max(1, sets.length)), ...sets]),
  );
  module.addFunctionExport(RESET, EXPORTS.reset);
}

/** Turns every recorded `memory.grow(delta)` into `call __ice_grow(delta)`, in place. */
export function replaceGrows(module: binaryen.Module, sites: readonly Ref[]): void {
  if (sites.length === 0) return;
  const targets = new Set(sites);
  const visit = (expr: Ref): void => {
    const kind = KINDS.get(binaryen.getExpressionId(expr))!;
    for (const slot of kind.fields) {
      const child = slot.get(expr);
      if (!child) continue;
      if (targets.has(child)) slot.set(expr, callGrow(module, child));
      else visit(child);
    }
    const children = kind.list;
    if (children) {
      const count = children.count(expr);
      for (let i = 0; i < count; i++) {
        const child = children.get(expr, i);
        if (targets.has(child)) children.set(expr, i, callGrow(module, child));
        else visit(child);
      }
    }
  };
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const body = binaryen.getFunctionInfo(fn).body;
    if (!body) continue;
    if (targets.has(body)) FUNCTION_BODY.set(fn, callGrow(module, body));
    else visit(body);
  }
}

function callGrow(module: binaryen.Module, grow: Ref): Ref {
  return module.call(GROW, [GROW_DELTA.get(grow)], binaryen.i32);
}
