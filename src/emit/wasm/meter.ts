/**
 * @fileoverview Instruments an asc-optimised module with binaryen: fuel metering, an
 * out-of-memory flag, and refusal of instructions the sandbox cannot meter.
 *
 * Fuel unit: one WebAssembly expression (binaryen IR node) of the straight-line code a check
 * guards, structural nodes excluded (`block`, `loop`, `nop`, `drop` cost 0, as in wasmtime).
 * Each function entry is charged the expressions of its body outside any loop; each loop header
 * is charged, on every iteration, the expressions of its body outside nested loops (at least 1).
 * Both arms of an `if` are charged, so a unit is an upper bound per pass, and deterministic.
 * The check (runtime/sandbox/verify.ts checks it is everywhere):
 *   __ice_fuel -= N; if (__ice_fuel < 0) ice.tick()
 * The host hands out the budget in slices: `ice.tick` runs when a slice is spent, and either
 * stops the run (budget spent: ICE_FUEL_EXHAUSTED; wall clock past the deadline: ICE_TIMEOUT) or
 * adds the next slice. The trigger condition is the same as "budget < used", so slicing changes
 * neither the fuel used nor where a run stops; it only lets the host look at the clock.
 * Out of memory: every `memory.grow` becomes a call to `__ice_grow`, which sets the exported i32
 * `__ice_oom` when growing fails, so the host tells ICE_MEMORY_LIMIT from other traps.
 */
import binaryen from "binaryen";
import { EXPORTS, TICK_IMPORT } from "../../../runtime/sandbox/verify.js";

/** Thrown when the module holds an instruction the sandbox refuses. */
export class ForbiddenInstructionError extends Error {}

type Ref = number;
interface ChildSlots {
  readonly fields?: readonly string[];
  readonly list?: string;
}

const GROW = "__ice_grow";
const TICK = "__ice_tick";
const RESET = "__ice_reset";
const ALLOWED_FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.SignExt |
  binaryen.Features.NontrappingFPToInt;

/** Child slots per expression kind; kinds missing here are refused. */
const SLOTS = new Map<number, ChildSlots & { readonly cls: string }>([
  [binaryen.BlockId, { cls: "Block", list: "children" }],
  [binaryen.IfId, { cls: "If", fields: ["condition", "ifTrue", "ifFalse"] }],
  [binaryen.LoopId, { cls: "Loop", fields: ["body"] }],
  [binaryen.BreakId, { cls: "Break", fields: ["condition", "value"] }],
  [binaryen.SwitchId, { cls: "Switch", fields: ["condition", "value"] }],
  [binaryen.CallId, { cls: "Call", list: "operands" }],
  [binaryen.CallIndirectId, { cls: "CallIndirect", fields: ["target"], list: "operands" }],
  [binaryen.LocalGetId, { cls: "LocalGet" }],
  [binaryen.LocalSetId, { cls: "LocalSet", fields: ["value"] }],
  [binaryen.GlobalGetId, { cls: "GlobalGet" }],
  [binaryen.GlobalSetId, { cls: "GlobalSet", fields: ["value"] }],
  [binaryen.LoadId, { cls: "Load", fields: ["ptr"] }],
  [binaryen.StoreId, { cls: "Store", fields: ["ptr", "value"] }],
  [binaryen.ConstId, { cls: "Const" }],
  [binaryen.UnaryId, { cls: "Unary", fields: ["value"] }],
  [binaryen.BinaryId, { cls: "Binary", fields: ["left", "right"] }],
  [binaryen.SelectId, { cls: "Select", fields: ["ifTrue", "ifFalse", "condition"] }],
  [binaryen.DropId, { cls: "Drop", fields: ["value"] }],
  [binaryen.ReturnId, { cls: "Return", fields: ["value"] }],
  [binaryen.MemorySizeId, { cls: "MemorySize" }],
  [binaryen.MemoryGrowId, { cls: "MemoryGrow", fields: ["delta"] }],
  [binaryen.NopId, { cls: "Nop" }],
  [binaryen.UnreachableId, { cls: "Unreachable" }],
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

// binaryen.js has per-kind getters and setters at run time that index.d.ts does not declare.
const api = binaryen as unknown as Record<string, Record<string, (...args: number[]) => number>>;

function capitalize(name: string): string {
  return name[0]!.toUpperCase() + name.slice(1);
}

/** Instruments `wasm` (asc output) and returns the metered binary; throws ForbiddenInstructionError. */
export function meterModule(wasm: Uint8Array): Uint8Array {
  const module = binaryen.readBinary(wasm);
  try {
    const fuel = "__ice_fuel_global";
    const oom = "__ice_oom_global";
    module.addGlobal(fuel, binaryen.i64, true, module.i64.const(0n));
    module.addGlobal(oom, binaryen.i32, true, module.i32.const(0));
    module.addFunctionImport(TICK, TICK_IMPORT.module, TICK_IMPORT.name, binaryen.none, binaryen.none);

    // Two expressions, spliced into the guarded block so they are emitted flat (verify.ts).
    const check = (cost: number): Ref[] => [
      module.global.set(fuel, module.i64.sub(module.global.get(fuel, binaryen.i64), module.i64.const(BigInt(cost)))),
      module.if(
        module.i64.lt_s(module.global.get(fuel, binaryen.i64), module.i64.const(0n)),
        module.call(TICK, [], binaryen.none),
      ),
    ];

    /** Walks `expr`, instrumenting nested loops; returns the cost of its straight-line part. */
    const walk = (expr: Ref): number => {
      const id = binaryen.getExpressionId(expr);
      const slots = SLOTS.get(id);
      if (!slots)
        throw new ForbiddenInstructionError(FORBIDDEN_NAMES.get(id) ?? `expression kind ${id} (not WebAssembly MVP)`);
      if (
        (id === binaryen.LoadId || id === binaryen.StoreId) &&
        (binaryen.getExpressionInfo(expr) as binaryen.LoadInfo).isAtomic
      ) {
        throw new ForbiddenInstructionError("atomics");
      }
      if (id === binaryen.LoopId) {
        const body = api.Loop!.getBody!(expr);
        const cost = Math.max(1, walk(body));
        api.Loop!.setBody!(expr, module.block(null, [...check(cost), body]));
        return 0;
      }
      let cost = FREE.has(id) ? 0 : 1;
      const cls = api[slots.cls]!;
      for (const field of slots.fields ?? []) {
        const child = cls[`get${capitalize(field)}`]!(expr);
        if (child) cost += walk(child);
      }
      if (slots.list) {
        const count = cls[`getNum${capitalize(slots.list)}`]!(expr);
        const getter = cls[`get${capitalize(slots.list).replace(/ren$|s$/, "")}At`]!;
        for (let i = 0; i < count; i++) cost += walk(getter(expr, i));
      }
      if (id === binaryen.MemoryGrowId) growSites.push(expr);
      return cost;
    };

    const growSites: Ref[] = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const fn = module.getFunctionByIndex(i);
      const info = binaryen.getFunctionInfo(fn);
      if (!info.body) continue;
      const cost = Math.max(1, walk(info.body));
      api.Function!.setBody!(fn, module.block(null, [...check(cost), info.body], info.results));
    }
    replaceGrows(module, growSites);

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
    module.addFunction(
      GROW,
      binaryen.i32,
      binaryen.i32,
      [binaryen.i32],
      module.block(null, [...check(8), helperBody], binaryen.i32),
    );
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
    const slots = SLOTS.get(binaryen.getExpressionId(expr))!;
    const cls = api[slots.cls]!;
    for (const field of slots.fields ?? []) {
      const child = cls[`get${capitalize(field)}`]!(expr);
      if (!child) continue;
      if (targets.has(child)) cls[`set${capitalize(field)}`]!(expr, callGrow(module, child));
      else visit(child);
    }
    if (slots.list) {
      const name = capitalize(slots.list).replace(/ren$|s$/, "");
      const count = cls[`getNum${capitalize(slots.list)}`]!(expr);
      for (let i = 0; i < count; i++) {
        const child = cls[`get${name}At`]!(expr, i);
        if (targets.has(child)) cls[`set${name}At`]!(expr, i, callGrow(module, child));
        else visit(child);
      }
    }
  };
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const body = binaryen.getFunctionInfo(fn).body;
    if (!body) continue;
    if (targets.has(body)) api.Function!.setBody!(fn, callGrow(module, body));
    else visit(body);
  }
}

function callGrow(module: binaryen.Module, grow: Ref): Ref {
  return module.call(GROW, [api.MemoryGrow!.getDelta!(grow)], binaryen.i32);
}
