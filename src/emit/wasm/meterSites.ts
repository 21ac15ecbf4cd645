/**
 * @fileoverview Which functions are called only where a call runs on every pass of the code
 * charged with it, for the metering pass (meter.ts): such a callee's entry charge can be folded
 * into its callers' checks at any size without charging calls that do not happen, where folding
 * a callee called under an `if` charges it also when the other arm runs.
 *
 * A charge pays for a region: a function's body, or one pass of a loop's body (meterLoops.ts).
 * A call is on its region's path when no `if` arm lies between it and the region, and no branch
 * before it (`br`, `br_if`, `br_table`, and `return` in a function's body) can skip it while
 * staying in the region: one to a block of the region, or to the region's own loop (which starts
 * the next pass). Two exceptions, each charging at most the one pass that leaves a loop for calls
 * it did not make (as the model already charges a loop's body for the pass that ends it): the arm
 * of an `if` that is the whole loop body (`loop $L (if c (then ... br $L))`, binaryen's `while`
 * loop: that arm is every pass that repeats), and branches that leave the loop (its `break`).
 */
import binaryen from "binaryen";
import { field, KINDS, LOOP_BODY, type Ref } from "./meterKinds.js";

const IF_TRUE = field("If", "IfTrue");
const IF_FALSE = field("If", "IfFalse");
const IF_CONDITION = field("If", "Condition");

/** The label a `return` is recorded as, among the labels a branch leaves to. */
const RETURN = "";

/** Defined functions some direct call reaches off its region's path (see above). */
export function calledOffPath(module: binaryen.Module): Set<string> {
  const off = new Set<string>();
  /**
   * Visits `expr` in evaluation order; returns the labels its branches leave it for (RETURN for a
   * `return`). `skips` holds the labels whose branches skip the rest of the region's pass: its
   * blocks, its own loop, and RETURN in a function's body.
   */
  const visit = (expr: Ref, onPath: boolean, skips: Set<string>): Set<string> => {
    const id = binaryen.getExpressionId(expr);
    const out = new Set<string>();
    const skipping = (targets: Set<string>, labels = skips): boolean => [...targets].some((t) => labels.has(t));
    const add = (targets: Set<string>): void => {
      for (const t of targets) out.add(t);
    };
    if (id === binaryen.LoopId) {
      const info = binaryen.getExpressionInfo(expr) as binaryen.LoopInfo;
      // A new region: a branch to its own loop ends the pass; its first pass is charged where it
      // is entered, as its body always was.
      const inner = new Set<string>(info.name ? [info.name] : []);
      const body = LOOP_BODY.get(expr);
      let targets: Set<string>;
      if (binaryen.getExpressionId(body) === binaryen.IfId && IF_FALSE.get(body) === 0) {
        targets = visit(IF_CONDITION.get(body), true, inner);
        for (const t of visit(IF_TRUE.get(body), !skipping(targets, inner), inner)) targets.add(t);
      } else targets = visit(body, true, inner);
      for (const t of targets) if (t !== info.name) out.add(t);
      return out;
    }
    if (id === binaryen.BlockId) {
      const info = binaryen.getExpressionInfo(expr) as binaryen.BlockInfo;
      const inner = info.name ? new Set([...skips, info.name]) : skips;
      let path = onPath;
      for (const child of info.children) {
        const targets = visit(child, path, inner);
        if (skipping(targets, inner)) path = false;
        add(targets);
      }
      if (info.name) out.delete(info.name);
      return out;
    }
    if (id === binaryen.IfId) {
      const condition = visit(IF_CONDITION.get(expr), onPath, skips);
      add(condition);
      add(visit(IF_TRUE.get(expr), false, skips));
      const otherwise = IF_FALSE.get(expr);
      if (otherwise) add(visit(otherwise, false, skips));
      return out;
    }
    let path = onPath;
    const kind = KINDS.get(id);
    if (kind) {
      const children: Ref[] = [];
      for (const f of kind.fields) {
        const child = f.get(expr);
        if (child) children.push(child);
      }
      const list = kind.list;
      if (list) for (let i = 0, n = list.count(expr); i < n; i++) children.push(list.get(expr, i));
      for (const child of children) {
        const targets = visit(child, path, skips);
        if (skipping(targets)) path = false;
        add(targets);
      }
    }
    if (id === binaryen.CallId) {
      if (!path) off.add((binaryen.getExpressionInfo(expr) as binaryen.CallInfo).target);
    } else if (id === binaryen.BreakId) {
      out.add((binaryen.getExpressionInfo(expr) as binaryen.BreakInfo).name);
    } else if (id === binaryen.SwitchId) {
      const info = binaryen.getExpressionInfo(expr) as binaryen.SwitchInfo;
      for (const name of info.names) out.add(name);
      if (info.defaultName) out.add(info.defaultName);
    } else if (id === binaryen.ReturnId) out.add(RETURN);
    return out;
  };
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (info.body) visit(info.body, true, new Set([RETURN]));
  }
  return off;
}
