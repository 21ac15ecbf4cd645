/**
 * @fileoverview The fuel-check verifier: walks the code section and checks that every function
 * starts with a fuel check and every loop header has one, that nothing else writes the fuel
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
      for (let groups = r.u32(); groups > 0; groups--) r.u32(), r.byte();
      const entry = this.meterAt();
      if (entry < 0) throw new VerifyError("module", `function ${index} is not fuel-metered`);
      if (index === resetIndex) reset = readResetWrites(r, bodyEnd);
      const summary: FunctionCost = { entry, loops: [], calls: [], indirect: false };
      this.functions.push(summary);
      this.checkBody(bodyEnd, summary);
      if (r.pos !== bodyEnd) throw new VerifyError("module", `function ${index} has trailing bytes`);
    }
    return reset;
  }

  /** Consumes a metering sequence at the current position, if there is one; returns its charge (or -1). */
  private meterAt(): number {
    const r = this.r;
    const at = r.pos;
    let cost = -1;
    const ok =
      r.byte() === 0x23 &&
      r.u32() === this.fuel &&
      r.byte() === 0x42 &&
      (cost = r.s64()) >= 1 &&
      r.byte() === 0x7d &&
      r.byte() === 0x24 &&
      r.u32() === this.fuel &&
      r.byte() === 0x23 &&
      r.u32() === this.fuel &&
      r.byte() === 0x42 &&
      r.s64() === 0 &&
      r.byte() === 0x53 &&
      r.byte() === 0x04 &&
      r.byte() === 0x40 &&
      r.byte() === 0x10 &&
      r.u32() === this.tick &&
      r.byte() === 0x0b;
    if (!ok) r.pos = at;
    return ok ? cost : -1;
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
      } else if (op === 0x02 || op === 0x04) readBlockType(r), depth++;
      else if (op === 0x03) {
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
