/**
 * @fileoverview Keeps the code a metered module can run between two fuel tests within the
 * verifier's bound (runtime/sandbox/verify/unchecked.ts MAX_UNCHECKED_WORK). Functions off every
 * cycle of calls go without a test (meter.ts: folded into their callers, or charged on entry), and
 * the verifier counts a call to one as its whole reach, once per call site: a large comparator
 * called from every comparison of a sort's merges (oracle ai9/semver-sort) added up past the bound
 * and the module was refused. Here the metered binary is read as the verifier reads it, and the
 * functions without a test that multiply the most work get one; meter.ts meters again with them.
 */
import { type FunctionCost, functionCosts, VerifyError } from "../../../runtime/sandbox/verify.js";
import { MAX_UNCHECKED_WORK, uncheckedWork } from "../../../runtime/sandbox/verify/unchecked.js";

/**
 * Defined functions of `binary` (by position among the defined functions) that should start with
 * a test for every function to stay within the bound; none when all do. Each function without a
 * test is scored by its reach times the call sites that count it (a call through the table counts
 * as one to the largest: unchecked.ts); those scoring at least half the most are picked, and the
 * caller repeats until none is needed.
 */
export function functionsToTest(binary: Uint8Array): number[] {
  let functions: readonly FunctionCost[];
  let importedFunctions: number;
  let work: number[];
  try {
    ({ functions, importedFunctions } = functionCosts(binary));
    work = uncheckedWork(functions, importedFunctions);
  } catch (error) {
    // Refused for something else (a module the compiler's checks will refuse, or a test's): no tests to add.
    if (error instanceof VerifyError) return [];
    throw error;
  }
  if (work.every((w) => w <= MAX_UNCHECKED_WORK)) return [];
  const unchecked = (local: number): boolean => functions[local]?.metered === false;
  const sites = new Map<number, number>();
  let indirect = 0;
  for (const fn of functions) {
    indirect += fn.indirect;
    for (const { callee } of fn.calls) {
      const local = callee - importedFunctions;
      if (unchecked(local)) sites.set(local, (sites.get(local) ?? 0) + 1);
    }
  }
  let widest = 0;
  for (const [local, fn] of functions.entries()) if (!fn.metered) widest = Math.max(widest, work[local]!);
  const score = (local: number): number =>
    work[local]! * ((sites.get(local) ?? 0) + (work[local] === widest ? indirect : 0));
  let best = 0;
  for (let local = 0; local < functions.length; local++) if (unchecked(local)) best = Math.max(best, score(local));
  const picked: number[] = [];
  for (let local = 0; local < functions.length; local++)
    if (unchecked(local) && score(local) > 0 && score(local) * 2 >= best) picked.push(local);
  return picked;
}
