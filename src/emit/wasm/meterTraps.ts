/**
 * @fileoverview Functions that never return, for the metering pass (meter.ts): a body without
 * branches or returns that ends in `unreachable` (asc's abort handler, `__ice_abort`, which reports
 * the error to the host and traps). A call to one ends the run, so a caller's check does not charge
 * the callee's cost for it: otherwise every function with an error path (a bounds or null check,
 * an allocation limit) carries the abort's cost in its straight-line cost, which pushed small
 * helpers such as the allocator's `__new` past the folding bound (meter.ts MAX_FOLDED_COST) and
 * added ~150 fuel to every check above such a path. The callee's own loops keep their checks, and
 * the verifier bounds the work of functions without an entry test as before (verify/unchecked.ts).
 */
import binaryen from "binaryen";
import { childrenOf, type Ref } from "./meterKinds.js";

/** True when `expr` contains a branch or a return (anything that could leave before its end). */
function branches(expr: Ref): boolean {
  const id = binaryen.getExpressionId(expr);
  if (id === binaryen.BreakId || id === binaryen.SwitchId || id === binaryen.ReturnId) return true;
  return childrenOf(expr).some(branches);
}

/** The expression a body ends with: the last child of its last block, recursively. */
function lastOf(expr: Ref): Ref {
  let at = expr;
  while (binaryen.getExpressionId(at) === binaryen.BlockId) {
    const children = (binaryen.getExpressionInfo(at) as binaryen.BlockInfo).children;
    if (children.length === 0) return at;
    at = children[children.length - 1]!;
  }
  return at;
}

/** Names of the defined functions of `module` that never return (see above). */
export function trappingFunctions(module: binaryen.Module): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!info.body) continue;
    if (binaryen.getExpressionId(lastOf(info.body)) === binaryen.UnreachableId && !branches(info.body))
      found.add(info.name);
  }
  return found;
}
