/**
 * @fileoverview The call graph of a module, for the metering pass (meter.ts): which defined
 * functions are off every cycle of calls and not exported, so their entry check can be folded
 * into their callers or reduced to a charge without a test.
 */
import binaryen from "binaryen";
import { childrenOf } from "./meterKinds.js";

/** Which defined functions may go without an entry test (meter.ts). */
export interface EntryPlan {
  /**
   * Not exported, not on a cycle of calls, not calling through the table: charged on entry
   * without a test, or folded into their callers.
   */
  readonly untested: ReadonlySet<string>;
  /** Functions in the table: a call through it charges nothing at the call site, so never folded. */
  readonly inTable: ReadonlySet<string>;
}

/**
 * The defined functions that may go without an entry test. A `call_indirect` may reach any
 * function of the table (asc's sort comparators): counted as a call to each of them, so a cycle
 * through the table is a cycle; its caller keeps its test (the verifier wants that,
 * verify/unchecked.ts). None when a table is imported or exported (its contents are not known).
 */
export function entryPlan(module: binaryen.Module): EntryPlan {
  const none = { untested: new Set<string>(), inTable: new Set<string>() };
  for (let i = 0; i < module.getNumTables(); i++) {
    if (binaryen.getTableInfo(module.getTableByIndex(i)).module) return none;
  }
  for (let i = 0; i < module.getNumExports(); i++) {
    if (binaryen.getExportInfo(module.getExportByIndex(i)).kind === binaryen.ExternalTable) return none;
  }
  const inTable = new Set<string>();
  for (let i = 0; i < module.getNumElementSegments(); i++) {
    for (const name of binaryen.getElementSegmentInfo(module.getElementSegmentByIndex(i)).data) inTable.add(name);
  }
  const calls = new Map<string, Set<string>>();
  const indirect = new Set<string>();
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!info.body) continue;
    const callees = new Set<string>();
    const stack = [info.body];
    while (stack.length > 0) {
      const expr = stack.pop()!;
      const id = binaryen.getExpressionId(expr);
      if (id === binaryen.CallId) callees.add((binaryen.getExpressionInfo(expr) as binaryen.CallInfo).target);
      else if (id === binaryen.CallIndirectId) indirect.add(info.name);
      stack.push(...childrenOf(expr));
    }
    if (indirect.has(info.name)) for (const name of inTable) callees.add(name);
    calls.set(info.name, callees);
  }
  const exported = new Set<string>();
  for (let i = 0; i < module.getNumExports(); i++) {
    const info = binaryen.getExportInfo(module.getExportByIndex(i));
    if (info.kind === binaryen.ExternalFunction) exported.add(info.value);
  }
  const cyclic = cyclicFunctions(calls);
  const untested = [...calls.keys()].filter((name) => !exported.has(name) && !cyclic.has(name) && !indirect.has(name));
  return { untested: new Set(untested), inTable };
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
