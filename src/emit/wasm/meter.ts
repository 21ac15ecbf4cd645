/**
 * @fileoverview Instruments an asc-optimised module with binaryen: fuel metering, an
 * out-of-memory flag, and refusal of instructions the sandbox cannot meter.
 *
 * Fuel unit: one WebAssembly expression (binaryen IR node) of the straight-line code a check
 * guards, structural nodes excluded (`block`, `loop`, `nop`, `drop` cost 0, as in wasmtime).
 * Each pass of a loop is charged the expressions of its body outside nested loops (at least 1):
 * the first pass with the straight-line code around the loop (so a function entry is charged its
 * body outside loops plus one pass of each loop), every further pass at the branch that repeats
 * the loop (meterLoops.ts: the host call then sits outside the loop, which V8 compiles better).
 * A loop some `br_table` repeats is checked at its header instead, charged on every pass.
 * Both arms of an `if` are charged, so a unit is an upper bound per pass, and deterministic.
 * `memory.copy` and `memory.fill` are charged 1 like any expression, plus one unit per 8 bytes of
 * their length, checked right before they run (meterBulk.ts; asc's byte-wise memmove, charged per
 * loop pass, took the records kernel to 1.13x its unmetered time).
 * Folded callees: a function that is not exported, not on a cycle of the call graph and not in the
 * table (a `call_indirect` counts as a call to every function the table holds: meterCallGraph.ts)
 * gets no entry check; every direct call to it is charged, in the caller's check, the callee's own
 * straight-line cost instead. Loops inside it keep their checks.
 * Without loops or recursion its body runs a bounded number of times between two checks, so
 * every unbounded run still passes checks (the verifier accepts an unchecked function only when
 * no cycle consists of unchecked functions alone). This takes the entry check out of small
 * helpers called in hot loops (asc's number conversions), where it cost up to 1.5x. A function
 * called only where the call runs on every pass of its caller's charged code (meterSites.ts: not
 * in an `if` arm, not after a branch that skips it) is folded up to a larger cost
 * (MAX_PATH_FOLDED_COST): no call that does not happen is charged for it. A call to a
 * folded callee that never returns (the abort handler: meterTraps.ts) is charged as a call only.
 * Charged entries: every other function off every cycle of calls (not exported, not calling
 * through the table itself) starts with the charge alone, `__ice_fuel -= N`, without the test and the host
 * call: a run cannot come back to it without passing a test elsewhere (a loop's, or a recursive
 * function's), and the verifier bounds the code run between two tests (verify/unchecked.ts). A
 * run then stops at the first test after its budget is spent, at the same place every time. This
 * took ~7% off the object kernel (the allocator, string concatenation, Map lookups). Modules
 * with a table (asc's sort comparators, e.g. for a dictionary's integer-like keys) were left
 * with every entry tested until the table's contents were read (records kernel 1.23x -> 1.12x).
 * The verifier bounds the code a run can go through without a test, counting a call to a function
 * without one as all it can reach, once per call site; where calls fan out past that bound (a large
 * comparator called from every comparison of a sort's merges) the module is metered again with
 * tests at the entries that multiply the most work (meterBound.ts), rather than refused.
 * The check (runtime/sandbox/verify.ts checks it is everywhere):
 *   __ice_fuel -= N; if (__ice_fuel < 0) ice.tick()
 * (at a back edge: `__ice_fuel -= N; br_if $tick (__ice_fuel < 0); br $loop`, meterLoops.ts)
 * The host hands out the budget in slices: `ice.tick` runs when a slice is spent, and either
 * stops the run (budget spent: ICE_FUEL_EXHAUSTED; wall clock past the deadline: ICE_TIMEOUT) or
 * adds the next slice. The trigger condition is the same as "budget < used", so slicing changes
 * neither the fuel used nor where a run stops; it only lets the host look at the clock.
 * Out of memory: every `memory.grow` becomes a call to `__ice_grow`, which sets the exported i32
 * `__ice_oom` when growing fails, so the host tells ICE_MEMORY_LIMIT from other traps. It has no
 * entry check (it cannot loop); each call site is charged its cost, taken or not.
 */
import binaryen from "binaryen";
import { EXPORTS, TICK_IMPORT } from "../../../runtime/sandbox/verify.js";
import { entryPlan } from "./meterCallGraph.js";
import { functionsToTest } from "./meterBound.js";
import { chargeBulkMemory } from "./meterBulk.js";
import { calledOffPath } from "./meterSites.js";
import { addGrowHelper, addReset, GROW_COST, replaceGrows } from "./meterHelpers.js";
import { takeHeapEndExport } from "./meterHeapEnd.js";
import {
  FORBIDDEN_NAMES,
  ForbiddenInstructionError,
  FREE,
  FUNCTION_BODY,
  KINDS,
  LOOP_BODY,
  type Ref,
  slotsOf,
} from "./meterKinds.js";
import { meterBackEdges, TICK_OUT } from "./meterLoops.js";
import { trappingFunctions } from "./meterTraps.js";

export { ForbiddenInstructionError } from "./meterKinds.js";

const TICK = "__ice_tick";
const ALLOWED_FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.SignExt |
  binaryen.Features.NontrappingFPToInt |
  // memory.copy and memory.fill only (not memory.init, data.drop or passive segments: BulkMemory).
  binaryen.Features.BulkMemoryOpt;

/**
 * Largest straight-line cost of a function whose entry check is folded into its callers. Folding
 * charges a callee at every call site, also in `if` arms not taken, so fuel grows with the bound;
 * each entry check it removes saves a load, a store and a branch per call. At 40 (asc's number
 * conversions cost ~35) the allocator, string concatenation and formatting helpers kept their
 * checks, ~20 per iteration of the object_build kernel (fuel/no fuel 1.27x); at 100 they fold
 * (1.13x) for ~20% more fuel there (the float kernel burns the same fuel either way). At 115
 * the allocator's `__new` (107-114 with its own folded callees) and the hash table's lookup,
 * string hash and string equality (111-119) fold too: entry charges per run of the records kernel
 * 50,800 -> 19,200 (fuel/no fuel ~1.08 -> ~1.05), word_count 355,000 -> 179,000, for 10-37% more
 * fuel on the kernels that allocate or look up keys.
 */
const MAX_FOLDED_COST = 115;

/**
 * Largest straight-line cost folded of a function every call to which runs on each pass of the
 * code its caller's check pays for (meterSites.ts): no call that does not happen is charged, so
 * only the bound on one charge limits it (a caller's cost includes what it folds). At 600 the
 * records kernel's charges per run went 71,400 -> 67,000 and json_roundtrip's 201,900 ->
 * 192,900, fuel within 2% (records +1.6%, json_roundtrip -0.6%); the other kernels' hot helpers
 * are called under an `if` (4x unrolled loops, a lookup behind its one-entry cache) and keep
 * their entry charges.
 */
const MAX_PATH_FOLDED_COST = 600;

/** Rounds of metering again with more tests before the verifier is left to refuse the module. */
const MAX_ROUNDS = 16;

/** Instruments `wasm` (asc output) and returns the metered binary; throws ForbiddenInstructionError. */
export function meterModule(wasm: Uint8Array): Uint8Array {
  // Functions given a test on entry although they could go without one (meterBound.ts).
  const tested = new Set<string>();
  for (let round = 1; ; round++) {
    const { binary, defined } = meterOnce(wasm, tested);
    const more = functionsToTest(binary)
      .map((local) => defined[local]!)
      .filter((name) => !tested.has(name));
    if (more.length === 0 || round === MAX_ROUNDS) return binary;
    for (const name of more) tested.add(name);
  }
}

/** One metering of `wasm`, every function in `tested` starting with a test; the defined functions' names in order. */
function meterOnce(wasm: Uint8Array, tested: ReadonlySet<string>): { binary: Uint8Array; defined: string[] } {
  const module = binaryen.readBinary(wasm);
  try {
    const heapEnd = takeHeapEndExport(module);
    const plan = entryPlan(module);
    const inTable = plan.inTable;
    const candidates = new Set([...plan.untested].filter((name) => !tested.has(name)));
    const trapping = trappingFunctions(module);
    const offPath = calledOffPath(module);
    const fuel = "__ice_fuel_global";
    const oom = "__ice_oom_global";
    module.addGlobal(fuel, binaryen.i64, true, module.i64.const(0n));
    module.addGlobal(oom, binaryen.i32, true, module.i32.const(0));
    module.addFunctionImport(TICK, TICK_IMPORT.module, TICK_IMPORT.name, binaryen.none, binaryen.none);

    const charge = (cost: number): Ref =>
      module.global.set(fuel, module.i64.sub(module.global.get(fuel, binaryen.i64), module.i64.const(BigInt(cost))));
    // Two expressions, spliced into the guarded block so they are emitted flat (verify.ts).
    const check = (cost: number): Ref[] => [
      charge(cost),
      module.if(
        module.i64.lt_s(module.global.get(fuel, binaryen.i64), module.i64.const(0n)),
        module.call(TICK, [], binaryen.none),
      ),
    ];

    /** Walks `expr`, instrumenting nested loops; returns the cost of its straight-line part. */
    const walk = (expr: Ref): number => {
      const id = binaryen.getExpressionId(expr);
      const kind = KINDS.get(id);
      if (!kind)
        throw new ForbiddenInstructionError(FORBIDDEN_NAMES.get(id) ?? `expression kind ${id} (not WebAssembly MVP)`);
      if (
        (id === binaryen.LoadId || id === binaryen.StoreId) &&
        (binaryen.getExpressionInfo(expr) as binaryen.LoadInfo).isAtomic
      ) {
        throw new ForbiddenInstructionError("atomics");
      }
      if (id === binaryen.LoopId) {
        const cost = Math.max(1, walk(LOOP_BODY.get(expr)));
        const inner = replaced.get(LOOP_BODY.get(expr));
        if (inner !== undefined) LOOP_BODY.set(expr, inner);
        const body = LOOP_BODY.get(expr);
        const edged = meterBackEdges(module, expr, cost, fuel, slotsOf);
        if (edged !== undefined) {
          if (edged !== expr) {
            replaced.set(expr, edged);
            tickOut = true;
          }
          return cost; // the first pass, charged where the loop is entered
        }
        // A br_table reaches the loop: the check at its header, charged every pass.
        // The block keeps the body's type: an optimised loop may yield a value.
        LOOP_BODY.set(expr, module.block(null, [...check(cost), body], binaryen.getExpressionType(body)));
        return 0;
      }
      let cost = FREE.has(id) ? 0 : 1;
      if (id === binaryen.CallId) {
        const target = (binaryen.getExpressionInfo(expr) as binaryen.CallInfo).target;
        // A callee that never returns ends the run: its cost is not charged (meterTraps.ts).
        if (folded(target) && !trapping.has(target)) cost += costOf(target);
      }
      for (const { child, set } of slotsOf(expr)) {
        cost += walk(child);
        const wrapper = replaced.get(child);
        if (wrapper !== undefined) set(wrapper);
      }
      if (id === binaryen.MemoryGrowId) {
        growSites.push(expr);
        cost += GROW_COST;
      }
      return cost;
    };

    /** Loops metered by their back edges, and the wrapper (meterLoops.ts) that takes each one's place. */
    const replaced = new Map<Ref, Ref>();
    let tickOut = false;

    /** The straight-line cost of a function's body, walked (and its loops instrumented) once. */
    const costs = new Map<string, number>();
    const costOf = (name: string): number => {
      let cost = costs.get(name);
      if (cost === undefined) {
        const fn = module.getFunction(name);
        const body = binaryen.getFunctionInfo(fn).body;
        cost = walk(body);
        const wrapper = replaced.get(body);
        if (wrapper !== undefined) FUNCTION_BODY.set(fn, wrapper);
        costs.set(name, cost);
      }
      return cost;
    };
    /** True when calls to `name` are charged its cost and it has no entry check of its own. */
    const folded = (name: string): boolean =>
      candidates.has(name) &&
      !inTable.has(name) &&
      costOf(name) <= (offPath.has(name) ? MAX_FOLDED_COST : MAX_PATH_FOLDED_COST);

    const growSites: Ref[] = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const fn = module.getFunctionByIndex(i);
      const info = binaryen.getFunctionInfo(fn);
      if (!info.body) continue;
      const cost = Math.max(1, costOf(info.name));
      // The body as walked: a loop that was the whole body is now its wrapper.
      const body = binaryen.getFunctionInfo(fn).body;
      // Not on a cycle of calls: charged on entry, no test (the next check on the way tests).
      const entry = candidates.has(info.name) ? [charge(cost)] : check(cost);
      if (!folded(info.name)) FUNCTION_BODY.set(fn, module.block(null, [...entry, body], info.results));
    }
    replaceGrows(module, growSites);
    chargeBulkMemory(module, fuel, TICK);
    // No entry check: the verifier accepts it only as this (verify/codeChecker.ts).
    if (tickOut) module.addFunction(TICK_OUT, binaryen.none, binaryen.none, [], module.call(TICK, [], binaryen.none));

    addGrowHelper(module, oom);
    addReset(module, fuel, check);
    module.addGlobalExport(fuel, EXPORTS.fuel);
    module.addGlobalExport(oom, EXPORTS.oom);
    if (heapEnd !== undefined) module.addGlobalExport(heapEnd, EXPORTS.heapEnd);

    module.setFeatures(ALLOWED_FEATURES);
    if (!module.validate()) throw new Error("instrumented module failed binaryen validation");
    // Defined functions come after the imported ones in the binary, in the module's order.
    const defined: string[] = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
      if (!info.module) defined.push(info.name);
    }
    return { binary: module.emitBinary(), defined };
  } finally {
    module.dispose();
  }
}
