/**
 * @fileoverview The fuel-check verifier: walks the code section and checks that no loop can
 * repeat without a fuel check, records which functions start with one (unchecked.ts decides which
 * may go without: folded callees, and functions that start with a charge alone), that nothing else
 * writes the fuel counter (charges are 1..2^32), and that every
 * instruction is allowed (opcodes.ts; `memory.copy` and `memory.fill` only right after a charge
 * by their length: bulkMemory.ts). On the way it records what each function's checks charge
 * and what it calls, for the static risk report.
 *
 * A check (what src/emit/wasm/meter.ts injects; checked byte-wise here, F = `__ice_fuel`, N >= 1):
 *   global.get F; i64.const N; i64.sub; global.set F; global.get F; i64.const 0; i64.lt_s;
 * then either `if; call T; end` (T the imported host function `ice.tick`, which stops the run or
 * hands out more fuel), or `br_if` to a tick block (below).
 *
 * The only backward jumps of WebAssembly are branches to a loop, so a run cannot go on without
 * checks when every branch to a loop passes one. A loop is accepted when either
 *  - it starts with a check (the header form: every pass is charged), or
 *  - every branch to it is a `br` right after a check (the back-edge form: every repetition is
 *    charged; its first pass is charged where it is entered). A loop no branch reaches does not
 *    repeat. The back-edge form comes in the shape of src/emit/wasm/meterLoops.ts:
 *      loop (outer); block (tick); loop (L) ... end; br k>=2 | return | unreachable; end;
 *      call W; br 0; end
 *    where W is `ice.tick` or a function whose whole body is `call ice.tick`. Only a check's
 *    `br_if` may leave to the tick block, only that `br 0` may go back to the outer loop, and the
 *    code after L cannot fall into the tail; so the outer loop repeats only through a check that
 *    found the counter below zero, and then only after the host was called.
 */
import { readChargedBulk } from "./bulkMemory.js";
import type { ByteReader } from "./byteReader.js";
import type { FunctionCost } from "./moduleShape.js";
import { readBlockType, readInstruction } from "./opcodes.js";
import { readResetWrites, type ResetWrite } from "./reset.js";
import { VerifyError } from "./verifyError.js";

/** One step of the metering sequence: an opcode byte, or an operand checked against the module. */
type MeterStep = number | "fuel" | "tick" | "charge" | "zero";

const UNREACHABLE = 0x00;
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const BR_TABLE = 0x0e;
const RETURN = 0x0f;
const CALL = 0x10;
const CALL_INDIRECT = 0x11;
const LOCAL_SET = 0x21;
const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const I64_CONST = 0x42;
const I64_SUB = 0x7d;
const I64_LT_S = 0x53;
const VOID_BLOCK = 0x40;

/**
 * The largest charge one check may make. Charges without a test add up between two tests (at most
 * MAX_UNCHECKED_WORK of them, unchecked.ts), and must not wrap the 64-bit counter around.
 */
const MAX_CHARGE = 2 ** 32;

/** A check's charge and test, after its first `global.get F` (the header form's start, below). */
const CHARGE_AND_TEST: readonly MeterStep[] = [
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
];

/** The check with the host call in line: at function entries and loop headers. */
const METER_SEQUENCE: readonly MeterStep[] = [
  GLOBAL_GET,
  "fuel",
  ...CHARGE_AND_TEST,
  IF,
  VOID_BLOCK,
  CALL,
  "tick",
  END,
];

/**
 * What a branch to a label needs: `plain` labels take any branch (blocks, ifs, loops with a
 * header check, the function body); an `edge` loop only a `br` right after a check; a `tick`
 * block only a check's `br_if`; an `outer` loop only its tail's `br 0`.
 */
type Role = "plain" | "edge" | "tick" | "outer";

interface Frame {
  readonly role: Role;
  /** A loop of the function's own code (not the outer loop of a tail): for `nested` and `inLoop`. */
  readonly loop: boolean;
  /** An edge loop's entry in the summary, pushed at its first back edge. */
  readonly cost?: { cost: number; nested: boolean };
  /** An edge loop directly inside a tick block: its tail follows its `end`. */
  readonly tail?: boolean;
}

/** Walks function bodies: allowed opcodes only, metering at every entry and loop. */
export class CodeChecker {
  /** Per defined function, in order: what the fuel checks charge and what it calls. */
  readonly functions: FunctionCost[] = [];
  /** Functions (by index) whose whole body is `call ice.tick`. */
  private readonly tickWrappers = new Set<number>();
  /** Functions (by index) a tail calls in place of `ice.tick`. */
  private readonly tailCallees = new Set<number>();

  constructor(
    private readonly r: ByteReader,
    private readonly fuel: number,
    private readonly tick: number,
    private readonly importedFunctions = 0,
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
      let locals = 0;
      for (let groups = r.u32(); groups > 0; groups--) {
        locals += r.u32(); // locals in the group
        r.byte(); // their type
      }
      if (locals === 0 && this.callsTickOnly(bodyEnd)) this.tickWrappers.add(index + this.importedFunctions);
      const entry = this.meterAt();
      // Without a test on entry (a charge alone, or nothing: folded callees), allowed only off
      // cycles of calls and for bounded work (checked afterwards by unchecked.ts).
      const charged = entry < 0 ? this.chargeAt() : entry;
      if (index === resetIndex) reset = readResetWrites(r, bodyEnd);
      const summary: FunctionCost = {
        entry: Math.max(0, charged),
        metered: entry >= 0,
        size,
        loops: [],
        calls: [],
        indirect: 0,
      };
      this.functions.push(summary);
      this.checkBody(bodyEnd, summary);
      if (r.pos !== bodyEnd) throw new VerifyError("module", `function ${index} has trailing bytes`);
    }
    for (const callee of this.tailCallees) {
      if (!this.tickWrappers.has(callee))
        throw new VerifyError("module", `a loop's fuel tail calls function ${callee}, which is not ice.tick`);
    }
    return reset;
  }

  /** True when the body from the reader's position to `bodyEnd` is `call T; end` (reader not moved). */
  private callsTickOnly(bodyEnd: number): boolean {
    const r = this.r;
    const at = r.pos;
    const match = r.byte() === CALL && r.u32() === this.tick && r.byte() === END && r.pos === bodyEnd;
    r.pos = at;
    return match;
  }

  /** Consumes a charge without a test (`global.get F; i64.const N; i64.sub; global.set F`), if there is one; returns N (or -1). */
  private chargeAt(): number {
    const at = this.r.pos;
    const charge = { cost: -1 };
    if ([GLOBAL_GET, "fuel", ...CHARGE_AND_TEST.slice(0, 5)].every((s) => this.meterStep(s as MeterStep, charge)))
      return charge.cost;
    this.r.pos = at;
    return -1;
  }

  /** Consumes a metering sequence (header form) at the current position, if there is one; returns its charge (or -1). */
  private meterAt(): number {
    const at = this.r.pos;
    const charge = { cost: -1 };
    if (METER_SEQUENCE.every((step) => this.meterStep(step, charge))) return charge.cost;
    this.r.pos = at;
    return -1;
  }

  /**
   * After a `global.get F` in the code: consumes the rest of a check in either form, if there is
   * one, and returns its charge; otherwise leaves the reader where it was and returns -1 (a plain
   * read of the counter).
   */
  private checkAfterRead(frames: readonly Frame[]): number {
    const r = this.r;
    const at = r.pos;
    const charge = { cost: -1 };
    if (CHARGE_AND_TEST.every((step) => this.meterStep(step, charge))) {
      const op = r.byte();
      if (op === IF && [VOID_BLOCK, CALL, "tick", END].every((step) => this.meterStep(step as MeterStep, charge)))
        return charge.cost;
      if (op === BR_IF && this.target(frames, r.u32()).role === "tick") return charge.cost;
    }
    r.pos = at;
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
        return charge.cost >= 1 && charge.cost <= MAX_CHARGE;
      case "zero":
        return r.s64() === 0;
      default:
        return r.byte() === step;
    }
  }

  /** The frame a branch of depth `depth` targets. */
  private target(frames: readonly Frame[], depth: number): Frame {
    const frame = frames[frames.length - 1 - depth];
    if (!frame) throw new VerifyError("module", "branch to a label that does not exist");
    return frame;
  }

  /** Checks one body (after its entry check) up to its final `end`, recording loops and calls in `summary`. */
  private checkBody(bodyEnd: number, summary: FunctionCost): void {
    const r = this.r;
    const frames: Frame[] = [{ role: "plain", loop: false }];
    /** Where the last check ended, and what it charged. */
    let checkedAt = -1;
    let checkCost = 0;
    const inLoop = (): boolean => frames.some((f) => f.loop);
    while (frames.length > 0) {
      if (r.pos >= bodyEnd) throw new VerifyError("module", "function body is not terminated");
      const at = r.pos;
      const op = r.byte();
      if (op === END) {
        const frame = frames.pop()!;
        if (frame.tail) this.readTail(frames, summary, inLoop());
      } else if (op === BLOCK || op === IF) {
        readBlockType(r);
        frames.push({ role: "plain", loop: false });
      } else if (op === LOOP) {
        this.openLoop(frames, summary, inLoop());
      } else if (op === BR) {
        const frame = this.target(frames, r.u32());
        if (frame.role === "edge") {
          if (checkedAt !== at) throw new VerifyError("module", "a loop is not fuel-metered");
          if (frame.cost) {
            if (frame.cost.cost === 0) summary.loops.push(frame.cost);
            frame.cost.cost = Math.max(frame.cost.cost, checkCost);
          }
        } else this.plainBranch(frame);
      } else if (op === BR_IF) {
        this.plainBranch(this.target(frames, r.u32()));
      } else if (op === BR_TABLE) {
        for (let n = r.u32(); n >= 0; n--) this.plainBranch(this.target(frames, r.u32()));
      } else if (op === CALL) summary.calls.push({ callee: r.u32(), inLoop: inLoop() });
      else if (op === GLOBAL_GET) {
        if (r.u32() === this.fuel) {
          const cost = this.checkAfterRead(frames);
          if (cost >= 0) {
            checkedAt = r.pos;
            checkCost = cost;
          }
        }
      } else if (op === GLOBAL_SET) {
        if (r.u32() === this.fuel) throw new VerifyError("instruction", "code writes the fuel counter");
      } else if (op === CALL_INDIRECT) {
        summary.indirect++;
        r.u32();
        if (r.byte() !== 0) throw new VerifyError("instruction", "call_indirect on a table other than 0");
      } else if (op === LOCAL_SET) {
        // memory.copy/fill charged by their length (bulkMemory.ts): for the risk report, a loop
        // of cost 1 per pass is an upper bound on the charge per byte.
        if (readChargedBulk(r, this.fuel, this.tick)) summary.loops.push({ cost: 1, nested: inLoop() });
        else r.u32();
      } else readInstruction(r, op);
    }
  }

  /** A branch that is not a metered back edge: refused to the labels only metering may use. */
  private plainBranch(frame: Frame): void {
    if (frame.role === "edge") throw new VerifyError("module", "a loop is not fuel-metered");
    if (frame.role !== "plain") throw new VerifyError("module", "a branch into a loop's fuel tail");
  }

  /** After `loop`: a header check, the start of a back-edge shape, or a loop whose branches must be checked. */
  private openLoop(frames: Frame[], summary: FunctionCost, nested: boolean): void {
    const r = this.r;
    const type = readBlockType(r);
    const header = this.meterAt();
    if (header >= 0) {
      summary.loops.push({ cost: header, nested });
      frames.push({ role: "plain", loop: true });
      return;
    }
    const at = r.pos;
    if (type === VOID_BLOCK && r.byte() === BLOCK && r.byte() === VOID_BLOCK && r.byte() === LOOP) {
      readBlockType(r);
      if (this.meterAt() < 0) {
        frames.push({ role: "outer", loop: false }, { role: "tick", loop: false });
        frames.push({ role: "edge", loop: true, cost: { cost: 0, nested }, tail: true });
        return;
      }
    }
    r.pos = at;
    frames.push({ role: "edge", loop: true, cost: { cost: 0, nested } });
  }

  /** After the `end` of a loop in a tick block: the exit, the tick block's end, the host call, the way back. */
  private readTail(frames: Frame[], summary: FunctionCost, inLoop: boolean): void {
    const r = this.r;
    const malformed = (): never => {
      throw new VerifyError("module", "a loop's fuel tail is malformed");
    };
    const op = r.byte();
    if (op === BR) {
      const depth = r.u32();
      if (depth < 2) malformed();
      this.plainBranch(this.target(frames, depth));
    } else if (op !== RETURN && op !== UNREACHABLE) malformed();
    if (r.byte() !== END || frames.pop()?.role !== "tick") malformed();
    if (r.byte() !== CALL) malformed();
    const callee = r.u32();
    if (callee !== this.tick) this.tailCallees.add(callee);
    summary.calls.push({ callee, inLoop });
    if (r.byte() !== BR || r.u32() !== 0) malformed();
    if (r.byte() !== END || frames.pop()?.role !== "outer") malformed();
  }
}
