/**
 * @fileoverview The fuel-check verifier: walks the code section and checks that every loop header
 * has a fuel check, records which functions start with one (unchecked.ts decides which may go
 * without: folded callees), that nothing else writes the fuel
 * counter, and that every instruction is allowed (opcodes.ts). On the way it records what each
 * function's checks charge and what it calls, for the static risk report.
 *
 * Metering pattern (what src/emit/wasm/meter.ts injects; checked byte-wise here):
 *   global.get F; i64.const N; i64.sub; global.set F;
 *   global.get F; i64.const 0; i64.lt_s; if; call T; end             (N >= 1, F = `__ice_fuel`)
 * where T is the imported host function `ice.tick`, which stops the run or hands out more fuel.
 */
import type { ByteReader } from "./byteReader.js";
import type { FunctionCost } from "./moduleShape.js";
import { readBlockType, readInstruction } from "./opcodes.js";
import { readResetWrites, type ResetWrite } from "./reset.js";
import { VerifyError } from "./verifyError.js";

/** One step of the metering sequence: an opcode byte, or an operand checked against the module. */
type MeterStep = number | "fuel" | "tick" | "charge" | "zero";

const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const I64_CONST = 0x42;
const I64_SUB = 0x7d;
const I64_LT_S = 0x53;
const IF = 0x04;
const VOID_BLOCK = 0x40;
const CALL = 0x10;
const END = 0x0b;

/** The metering pattern above, step by step ("charge" is N, "zero" the 0 it is compared with). */
const METER_SEQUENCE: readonly MeterStep[] = [
  GLOBAL_GET,
  "fuel",
  I64_CONST,
  "charge",
  I64_SUB,
  GLOBAL_SET,
  "fuel",
  GLOBAL_GET,
  "fuel",
  I64_CONST,
  "zero",
  I64_LT_S,
  IF,
  VOID_BLOCK,
  CALL,
  "tick",
  END,
];

/** Walks function bodies: allowed opcodes only, metering at every entry and loop. */
export class CodeChecker {
  /** Per defined function, in order: what the fuel checks charge and what it calls. */
  readonly functions: FunctionCost[] = [];

  constructor(
    private readonly r: ByteReader,
    private readonly fuel: number,
    private readonly tick: number,
  ) {}

  /** Checks every body; returns the global writes of the body at `resetIndex` when it is a reset. */
  checkSection(start: number, end: number, resetIndex: number): ResetWrite[] | undefined {
    const r = this.r;
    r.pos = start;
    let reset: ResetWrite[] | undefined;
    for (let n = r.u32(), index = 0; n > 0; n--, index++) {
      const size = r.u32();
      const bodyEnd = r.pos + size;
      if (bodyEnd > end) throw new VerifyError("module", "function body overruns the code section");
      for (let groups = r.u32(); groups > 0; groups--) {
        r.u32(); // locals in the group
        r.byte(); // their type
      }
      const entry = this.meterAt();
      if (index === resetIndex) reset = readResetWrites(r, bodyEnd);
      // No entry check: allowed only for folded callees (checked afterwards by unchecked.ts).
      const summary: FunctionCost = {
        entry: Math.max(0, entry),
        metered: entry >= 0,
        loops: [],
        calls: [],
        indirect: false,
      };
      this.functions.push(summary);
      this.checkBody(bodyEnd, summary);
      if (r.pos !== bodyEnd) throw new VerifyError("module", `function ${index} has trailing bytes`);
    }
    return reset;
  }

  /** Consumes a metering sequence at the current position, if there is one; returns its charge (or -1). */
  private meterAt(): number {
    const at = this.r.pos;
    const charge = { cost: -1 };
    if (METER_SEQUENCE.every((step) => this.meterStep(step, charge))) return charge.cost;
    this.r.pos = at;
    return -1;
  }

  /** Reads one step of the metering sequence; false when the bytes are not that step. */
  private meterStep(step: MeterStep, charge: { cost: number }): boolean {
    const r = this.r;
    switch (step) {
      case "fuel":
        return r.u32() === this.fuel;
      case "tick":
        return r.u32() === this.tick;
      case "charge":
        charge.cost = r.s64();
        return charge.cost >= 1;
      case "zero":
        return r.s64() === 0;
      default:
        return r.byte() === step;
    }
  }

  /** Checks one body (after its entry check) up to its final `end`, recording loops and calls in `summary`. */
  private checkBody(bodyEnd: number, summary: FunctionCost): void {
    const r = this.r;
    let depth = 1;
    /** Block depths at which the open loops start. */
    const loops: number[] = [];
    while (depth > 0) {
      if (r.pos >= bodyEnd) throw new VerifyError("module", "function body is not terminated");
      const op = r.byte();
      if (op === 0x0b) {
        if (loops[loops.length - 1] === depth) loops.pop();
        depth--;
      } else if (op === 0x02 || op === 0x04) {
        readBlockType(r);
        depth++;
      } else if (op === 0x03) {
        readBlockType(r);
        depth++;
        const cost = this.meterAt();
        if (cost < 0) throw new VerifyError("module", "a loop is not fuel-metered");
        summary.loops.push({ cost, nested: loops.length > 0 });
        loops.push(depth);
      } else if (op === 0x10) summary.calls.push({ callee: r.u32(), inLoop: loops.length > 0 });
      else if (op === 0x24) {
        if (r.u32() === this.fuel) throw new VerifyError("instruction", "code writes the fuel counter");
      } else if (op === 0x11) {
        summary.indirect = true;
        r.u32();
        if (r.byte() !== 0) throw new VerifyError("instruction", "call_indirect on a table other than 0");
      } else readInstruction(r, op);
    }
  }
}
