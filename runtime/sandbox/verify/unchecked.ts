/**
 * @fileoverview Which functions may go without an entry fuel check that tests the counter. The
 * metering pass folds a small callee's cost into its callers' checks, and charges other functions
 * off every cycle of calls on entry without testing (src/emit/wasm/meter.ts); that is safe only
 * when a run cannot call its way around forever without passing a test. Loops always have checks,
 * so that holds when no cycle of direct calls consists of unchecked functions alone, and no
 * unchecked function calls through the table (its target is unknown) or is exported (the host
 * calls exports; keeping them checked means every run starts with a check).
 * Without cycles the work between two tests is still bounded only by how the unchecked functions
 * call each other (f calling g twice, g calling h twice, ... doubles it at every level), so the
 * bytes a function can run before the next test, its body plus that of every unchecked function
 * it can reach (once per call site), must stay under MAX_UNCHECKED_WORK: the wall clock is only
 * looked at in tests, and charges without a test must not add up past what the counter holds.
 * A call through the table (from a function with a test: see above) may reach any unchecked
 * function the table holds (the metering pass leaves asc's sort comparators without a test):
 * each such call site counts as the largest of them all.
 */
import type { FunctionCost } from "./moduleShape.js";
import { VerifyError } from "./verifyError.js";

/** Bytes of code a function may run, through unchecked callees, without passing a test (~10 ms). */
export const MAX_UNCHECKED_WORK = 16_000_000;

/** Throws unless every function without an entry check is folded safely (see above). */
export function checkUncheckedFunctions(
  functions: readonly FunctionCost[],
  importedFunctions: number,
  exported: ReadonlySet<number>,
): void {
  for (const [local, fn] of functions.entries()) {
    if (fn.metered) continue;
    const index = local + importedFunctions;
    if (exported.has(index)) throw new VerifyError("module", `function ${index} is exported but not fuel-metered`);
    if (fn.indirect > 0) throw new VerifyError("module", `function ${index} calls indirectly but is not fuel-metered`);
  }
  const work = uncheckedWork(functions, importedFunctions);
  for (let local = 0; local < functions.length; local++) {
    if (work[local]! > MAX_UNCHECKED_WORK)
      throw new VerifyError(
        "module",
        `function ${local + importedFunctions} can run more than ${MAX_UNCHECKED_WORK} bytes of code between two fuel checks`,
      );
  }
}

/**
 * The bytes of code each defined function (by index less `importedFunctions`) can run through
 * functions without a test before the next test; throws when unchecked functions form a cycle.
 * The metering pass reads it too, to add tests where the bound would be passed
 * (src/emit/wasm/meterBound.ts).
 */
export function uncheckedWork(functions: readonly FunctionCost[], importedFunctions: number): number[] {
  const unchecked = (index: number): boolean =>
    index >= importedFunctions && functions[index - importedFunctions]?.metered === false;
  // Depth-first search for a cycle among unchecked functions (0 unvisited, 1 on the path, 2 done).
  const state = new Uint8Array(functions.length);
  for (let root = 0; root < functions.length; root++) {
    if (functions[root]!.metered || state[root] !== 0) continue;
    const path: { local: number; next: number }[] = [{ local: root, next: 0 }];
    state[root] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const calls = functions[top.local]!.calls;
      if (top.next >= calls.length) {
        state[top.local] = 2;
        path.pop();
        continue;
      }
      const callee = calls[top.next++]!.callee;
      if (!unchecked(callee)) continue;
      const local = callee - importedFunctions;
      if (state[local] === 1)
        throw new VerifyError("module", `function ${callee} is not fuel-metered and can call itself`);
      if (state[local] === 0) {
        state[local] = 1;
        path.push({ local, next: 0 });
      }
    }
  }
  // Acyclic now: the bytes each function runs through unchecked callees before the next test.
  const work = new Map<number, number>();
  const reach = (local: number): number => {
    const known = work.get(local);
    if (known !== undefined) return known;
    const fn = functions[local]!;
    let total = fn.size + fn.indirect * widest;
    for (const call of fn.calls) if (unchecked(call.callee)) total += reach(call.callee - importedFunctions);
    work.set(local, total);
    return total;
  };
  // Unchecked functions make no calls through the table (checkUncheckedFunctions refuses them
  // first; the metering pass makes none): their reach is known first.
  let widest = 0;
  for (let local = 0; local < functions.length; local++)
    if (!functions[local]!.metered) widest = Math.max(widest, reach(local));
  return functions.map((_, local) => reach(local));
}
