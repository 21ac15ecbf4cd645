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
 * Folded callees: a function that is not exported and not on a cycle of the call graph (and the
 * module has no `call_indirect`) gets no entry check; every direct call to it is charged, in the
 * caller's check, the callee's own straight-line cost instead. Loops inside it keep their checks.
 * Without loops or recursion its body runs a bounded number of times between two checks, so
 * every unbounded run still passes checks (the verifier accepts an unchecked function only when
 * no cycle consists of unchecked functions alone). This takes the entry check out of small
 * helpers called in hot loops (asc's number conversions), where it cost up to 1.5x.
 * Charged entries: every other function off every cycle of calls (not exported, no `call_indirect`
 * in the module) starts with the charge alone, `__ice_fuel -= N`, without the test and the host
 * call: a run cannot come back to it without passing a test elsewhere (a loop's, or a recursive
 * function's), and the verifier bounds the code run between two tests (verify/unchecked.ts). A
 * run then stops at the first test after its budget is spent, at the same place every time. This
 * took ~7% off the object kernel (the allocator, string concatenation, Map lookups).
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
import { meterBackEdges, type Slot, TICK_OUT } from "./meterLoops.js";

/** Thrown when the module holds an instruction the sandbox refuses. */
export class ForbiddenInstructionError extends Error {}

type Ref = number;

/** A fixed child of an expression (an `if`'s condition, a store's value), read and replaced in place. */
interface Field {
  readonly get: (expr: Ref) => Ref;
  readonly set: (expr: Ref, child: Ref) => void;
}

/** A list of children (a block's, a call's operands). */
interface List {
  readonly count: (expr: Ref) => number;
  readonly get: (expr: Ref, index: number) => Ref;
  readonly set: (expr: Ref, index: number, child: Ref) => void;
}

/** How to reach the children of one expression kind. */
interface Kind {
  readonly fields: readonly Field[];
  readonly list?: List;
}

/** binaryen.js's per-kind accessors (`binaryen.If.getCondition`, ...): there at run time, not in index.d.ts. */
const accessors = binaryen as unknown as Record<string, Record<string, ((...args: number[]) => number) | undefined>>;

function accessor(kind: string, method: string): (...args: number[]) => number {
  const found = accessors[kind]?.[method];
  if (!found) throw new Error(`binaryen.${kind}.${method} is missing: this binaryen version is not supported`);
  return found;
}

/** `binaryen.<kind>.get<name>` and `set<name>`, e.g. field("If", "Condition"). */
function field(kind: string, name: string): Field {
  return { get: accessor(kind, `get${name}`), set: accessor(kind, `set${name}`) };
}

/** `binaryen.<kind>.getNum<plural>`, `get<singular>At` and `set<singular>At`, e.g. list("Block", "Children", "Child"). */
function list(kind: string, plural: string, singular: string): List {
  return {
    count: accessor(kind, `getNum${plural}`),
    get: accessor(kind, `get${singular}At`),
    set: accessor(kind, `set${singular}At`),
  };
}

const GROW = "__ice_grow";
const TICK = "__ice_tick";
const RESET = "__ice_reset";
const ALLOWED_FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.SignExt |
  binaryen.Features.NontrappingFPToInt;

const LOOP_BODY = field("Loop", "Body");
const FUNCTION_BODY = field("Function", "Body");
const GROW_DELTA = field("MemoryGrow", "Delta");

/** The children of every expression kind the sandbox allows; kinds missing here are refused. */
const KINDS = new Map<number, Kind>([
  [binaryen.BlockId, { fields: [], list: list("Block", "Children", "Child") }],
  [binaryen.IfId, { fields: [field("If", "Condition"), field("If", "IfTrue"), field("If", "IfFalse")] }],
  [binaryen.LoopId, { fields: [LOOP_BODY] }],
  [binaryen.BreakId, { fields: [field("Break", "Condition"), field("Break", "Value")] }],
  [binaryen.SwitchId, { fields: [field("Switch", "Condition"), field("Switch", "Value")] }],
  [binaryen.CallId, { fields: [], list: list("Call", "Operands", "Operand") }],
  [
    binaryen.CallIndirectId,
    { fields: [field("CallIndirect", "Target")], list: list("CallIndirect", "Operands", "Operand") },
  ],
  [binaryen.LocalGetId, { fields: [] }],
  [binaryen.LocalSetId, { fields: [field("LocalSet", "Value")] }],
  [binaryen.GlobalGetId, { fields: [] }],
  [binaryen.GlobalSetId, { fields: [field("GlobalSet", "Value")] }],
  [binaryen.LoadId, { fields: [field("Load", "Ptr")] }],
  [binaryen.StoreId, { fields: [field("Store", "Ptr"), field("Store", "Value")] }],
  [binaryen.ConstId, { fields: [] }],
  [binaryen.UnaryId, { fields: [field("Unary", "Value")] }],
  [binaryen.BinaryId, { fields: [field("Binary", "Left"), field("Binary", "Right")] }],
  [
    binaryen.SelectId,
    { fields: [field("Select", "IfTrue"), field("Select", "IfFalse"), field("Select", "Condition")] },
  ],
  [binaryen.DropId, { fields: [field("Drop", "Value")] }],
  [binaryen.ReturnId, { fields: [field("Return", "Value")] }],
  [binaryen.MemorySizeId, { fields: [] }],
  [binaryen.MemoryGrowId, { fields: [GROW_DELTA] }],
  [binaryen.NopId, { fields: [] }],
  [binaryen.UnreachableId, { fields: [] }],
]);

const FREE = new Set<number>([binaryen.BlockId, binaryen.LoopId, binaryen.NopId, binaryen.DropId]);

const FORBIDDEN_NAMES = new Map<number, string>([
  [binaryen.MemoryCopyId, "memory.copy (bulk memory)"],
  [binaryen.MemoryFillId, "memory.fill (bulk memory)"],
  [binaryen.MemoryInitId, "memory.init (bulk memory)"],
  [binaryen.DataDropId, "data.drop (bulk memory)"],
  [binaryen.AtomicRMWId, "atomics"],
  [binaryen.AtomicCmpxchgId, "atomics"],
  [binaryen.AtomicWaitId, "atomics"],
  [binaryen.AtomicNotifyId, "atomics"],
  [binaryen.AtomicFenceId, "atomics"],
]);

/**
 * Largest straight-line cost of a function whose entry check is folded into its callers. Folding
 * charges a callee at every call site, also in `if` arms not taken, so fuel grows with the bound;
 * each entry check it removes saves a load, a store and a branch per call. At 40 (asc's number
 * conversions cost ~35) the allocator, string concatenation and formatting helpers kept their
 * checks, ~20 per iteration of the object_build kernel (fuel/no fuel 1.27x); at 100 they fold
 * (1.13x) for ~20% more fuel there (the float kernel burns the same fuel either way).
 */
const MAX_FOLDED_COST = 100;

/**
 * Cost of `__ice_grow`'s body, charged at each `memory.grow` it replaces like a folded callee's:
 * fuel then does not depend on how many grows a run makes, which depends on the size its memory
 * starts at (the host keeps grown memories between runs: runtime/sandbox/program.ts).
 */
const GROW_COST = 8;

/** The child slots of `expr`, each readable and replaceable (kinds the sandbox refuses have none). */
function slotsOf(expr: Ref): Slot[] {
  const kind = KINDS.get(binaryen.getExpressionId(expr));
  if (!kind) return [];
  const out: Slot[] = [];
  for (const f of kind.fields) {
    const child = f.get(expr);
    if (child) out.push({ child, set: (r) => f.set(expr, r) });
  }
  const items = kind.list;
  if (items) {
    for (let i = 0, n = items.count(expr); i < n; i++)
      out.push({ child: items.get(expr, i), set: (r) => items.set(expr, i, r) });
  }
  return out;
}

/** Children of `expr` (for the call-graph pre-pass; kinds the sandbox refuses have none here). */
function childrenOf(expr: Ref): Ref[] {
  const kind = KINDS.get(binaryen.getExpressionId(expr));
  if (!kind) return [];
  const out: Ref[] = [];
  for (const f of kind.fields) {
    const ref = f.get(expr);
    if (ref) out.push(ref);
  }
  if (kind.list) for (let i = 0, n = kind.list.count(expr); i < n; i++) out.push(kind.list.get(expr, i));
  return out;
}

/**
 * The defined functions whose entry check can be folded into their callers: not exported, not on
 * a cycle of direct calls; none when the module calls through a table.
 */
function foldableFunctions(module: binaryen.Module): Set<string> {
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

/** Instruments `wasm` (asc output) and returns the metered binary; throws ForbiddenInstructionError. */
export function meterModule(wasm: Uint8Array): Uint8Array {
  const module = binaryen.readBinary(wasm);
  try {
    const candidates = foldableFunctions(module);
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
        if (folded(target)) cost += costOf(target);
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
    const folded = (name: string): boolean => candidates.has(name) && costOf(name) <= MAX_FOLDED_COST;

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
    // No entry check: the verifier accepts it only as this (verify/codeChecker.ts).
    if (tickOut) module.addFunction(TICK_OUT, binaryen.none, binaryen.none, [], module.call(TICK, [], binaryen.none));

    const param = module.local.get(0, binaryen.i32);
    const grown = module.local.tee(1, module.memory.grow(param), binaryen.i32);
    const helperBody = module.block(
      null,
      [
        module.if(module.i32.eq(grown, module.i32.const(-1)), module.global.set(oom, module.i32.const(1))),
        module.local.get(1, binaryen.i32),
      ],
      binaryen.i32,
    );
    // No entry check: its cost is charged where each grow was (GROW_COST), whether or not that grow runs.
    module.addFunction(GROW, binaryen.i32, binaryen.i32, [binaryen.i32], helperBody);
    addReset(module, fuel, check);
    module.addGlobalExport(fuel, EXPORTS.fuel);
    module.addGlobalExport(oom, EXPORTS.oom);

    module.setFeatures(ALLOWED_FEATURES);
    if (!module.validate()) throw new Error("instrumented module failed binaryen validation");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/**
 * Adds `__ice_reset`: sets every mutable global but the fuel counter back to its initial
 * constant, so the host can reuse an instance (runtime/sandbox/verify.ts checks exactly this).
 * Not added when some global starts from something other than a constant.
 */
function addReset(module: binaryen.Module, fuel: string, check: (cost: number) => Ref[]): void {
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
function replaceGrows(module: binaryen.Module, sites: readonly Ref[]): void {
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
