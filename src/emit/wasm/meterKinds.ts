/**
 * @fileoverview The binaryen expression kinds the sandbox allows, and how the metering pass
 * (meter.ts) reaches and replaces each one's children; kinds missing here are refused
 * (ForbiddenInstructionError), with a name for the ones WebAssembly features would bring in.
 */
import binaryen from "binaryen";
import type { Slot } from "./meterLoops.js";

/** Thrown when the module holds an instruction the sandbox refuses. */
export class ForbiddenInstructionError extends Error {}

export type Ref = number;

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
export function field(kind: string, name: string): Field {
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

export const LOOP_BODY = field("Loop", "Body");
export const FUNCTION_BODY = field("Function", "Body");
export const GROW_DELTA = field("MemoryGrow", "Delta");

/** The children of every expression kind the sandbox allows; kinds missing here are refused. */
export const KINDS = new Map<number, Kind>([
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
  // Charged by their length (meterBulk.ts).
  [
    binaryen.MemoryCopyId,
    { fields: [field("MemoryCopy", "Dest"), field("MemoryCopy", "Source"), field("MemoryCopy", "Size")] },
  ],
  [
    binaryen.MemoryFillId,
    { fields: [field("MemoryFill", "Dest"), field("MemoryFill", "Value"), field("MemoryFill", "Size")] },
  ],
  [binaryen.NopId, { fields: [] }],
  [binaryen.UnreachableId, { fields: [] }],
]);

export const FREE = new Set<number>([binaryen.BlockId, binaryen.LoopId, binaryen.NopId, binaryen.DropId]);

export const FORBIDDEN_NAMES = new Map<number, string>([
  [binaryen.MemoryInitId, "memory.init (bulk memory)"],
  [binaryen.DataDropId, "data.drop (bulk memory)"],
  [binaryen.AtomicRMWId, "atomics"],
  [binaryen.AtomicCmpxchgId, "atomics"],
  [binaryen.AtomicWaitId, "atomics"],
  [binaryen.AtomicNotifyId, "atomics"],
  [binaryen.AtomicFenceId, "atomics"],
]);

/** The child slots of `expr`, each readable and replaceable (kinds the sandbox refuses have none). */
export function slotsOf(expr: Ref): Slot[] {
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
export function childrenOf(expr: Ref): Ref[] {
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
