/**
 * @fileoverview The call graph of a module, for the metering pass (meter.ts): which defined
 * functions are off every cycle of direct calls and not exported, so their entry check can be
 * folded into their callers or reduced to a charge without a test.
 */
import binaryen from "binaryen";
import { childrenOf } from "./meterKinds.js";

/**
 * The defined functions whose entry check can be folded into their callers: not exported, not on
 * a cycle of direct calls; none when the module calls through a table.
 */
export function foldableFunctions(module: binaryen.Module): Set<string> {
  const calls = new Map<string, Set<string>>();
  let indirect = false;
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!info.body) continue;
    const callees = new Set<string>();
    const stack = [info.body];
    while (stack.length > 0) {
      const expr = stack.pop()!;
      const id = binaryen.getExpressionId(expr);
      if (id === binaryen.CallId) callees.add((binaryen.getExpressionInfo(expr) as binaryen.CallInfo).target);
      else if (id === binaryen.CallIndirectId) indirect = true;
      stack.push(...childrenOf(expr));
    }
    calls.set(info.name, callees);
  }
  if (indirect) return new Set();
  const exported = new Set<string>();
  for (let i = 0; i < module.getNumExports(); i++) {
    const info = binaryen.getExportInfo(module.getExportByIndex(i));
    if (info.kind === binaryen.ExternalFunction) exported.add(info.value);
  }
  const cyclic = cyclicFunctions(calls);
  return new Set([...calls.keys()].filter((name) => !exported.has(name) && !cyclic.has(name)));
}

/** Functions on a cycle of `calls` (Tarjan's strongly connected components; callees outside `calls` are leaves). */
function cyclicFunctions(calls: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cyclic = new Set<string>();
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of calls.get(v)!) {
      if (!calls.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || calls.get(v)!.has(v)) for (const name of component) cyclic.add(name);
  };
  for (const v of calls.keys()) if (!index.has(v)) visit(v);
  return cyclic;
}
