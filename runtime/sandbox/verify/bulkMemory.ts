/**
 * @fileoverview The one shape in which the verifier accepts `memory.copy` and `memory.fill`
 * (src/emit/wasm/meterBulk.ts writes it): the length goes through a local that a fuel check
 * charges by its value right before the instruction reads it. F = `__ice_fuel`, T = `ice.tick`:
 *
 *   local.set L
 *   global.get F; local.get L; i64.extend_i32_u; i64.const BULK_SHIFT; i64.shr_u; i64.sub; global.set F
 *   global.get F; i64.const 0; i64.lt_s; if; call T; end
 *   local.get L
 *   memory.copy 0 0 | memory.fill 0
 *
 * The sequence is read as one unit and nothing can branch into its middle (WebAssembly's control
 * flow is structured), so the length the instruction reads is the one charged: an unsigned value
 * shifted, never negative, at most 2^29 units. The charge is tested, so a copy that would spend
 * the budget does not run. Every other bulk memory instruction (memory.init, data.drop, table
 * operations), and these two in any other shape, are refused (opcodes.ts).
 */
import { BULK_SHIFT } from "./abi.js";
import type { ByteReader } from "./byteReader.js";

const LOCAL_GET = 0x20;
const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const I64_CONST = 0x42;
const I64_LT_S = 0x53;
const I64_SUB = 0x7d;
const I64_SHR_U = 0x88;
const I64_EXTEND_I32_U = 0xad;
const IF = 0x04;
const VOID_BLOCK = 0x40;
const CALL = 0x10;
const END = 0x0b;
const PREFIX = 0xfc;
const MEMORY_COPY = 10;
const MEMORY_FILL = 11;

/**
 * After a `local.set` opcode: consumes the rest of the shape above and returns true, or leaves
 * the reader where it was and returns false (a plain `local.set`). `fuel` is the counter's global
 * index, `tick` the host function's index.
 */
export function readChargedBulk(r: ByteReader, fuel: number, tick: number): boolean {
  const at = r.pos;
  if (matches(r, fuel, tick)) return true;
  r.pos = at;
  return false;
}

function matches(r: ByteReader, fuel: number, tick: number): boolean {
  const local = r.u32();
  const charge =
    r.byte() === GLOBAL_GET &&
    r.u32() === fuel &&
    r.byte() === LOCAL_GET &&
    r.u32() === local &&
    r.byte() === I64_EXTEND_I32_U &&
    r.byte() === I64_CONST &&
    r.s64() === BULK_SHIFT &&
    r.byte() === I64_SHR_U &&
    r.byte() === I64_SUB &&
    r.byte() === GLOBAL_SET &&
    r.u32() === fuel;
  const test =
    charge &&
    r.byte() === GLOBAL_GET &&
    r.u32() === fuel &&
    r.byte() === I64_CONST &&
    r.s64() === 0 &&
    r.byte() === I64_LT_S &&
    r.byte() === IF &&
    r.byte() === VOID_BLOCK &&
    r.byte() === CALL &&
    r.u32() === tick &&
    r.byte() === END;
  if (!test || r.byte() !== LOCAL_GET || r.u32() !== local || r.byte() !== PREFIX) return false;
  const op = r.u32();
  if (op === MEMORY_COPY) return r.u32() === 0 && r.u32() === 0;
  return op === MEMORY_FILL && r.u32() === 0;
}
