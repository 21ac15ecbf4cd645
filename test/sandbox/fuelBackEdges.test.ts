/**
 * @fileoverview Loops metered at their back edges (src/emit/wasm/meterLoops.ts): each branch back
 * to a loop charges the next pass and, when the counter is below zero, leaves the loop to a tail
 * that calls the host and re-enters it. The runs stay exact across the host's fuel slices, and
 * the verifier (runtime/sandbox/verify/codeChecker.ts) refuses hand-built modules that use the
 * shape to loop without paying: an unchecked back edge, a conditional one, a jump into the tail or
 * back to its outer loop, a tail that falls in or calls something other than the host, a refund.
 * The forged functions are added to a generated module with binaryen, as a module swapped in
 * beside a generated module would be.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
import { editModule, fuelGlobal, loopResult, loopSpec, meteredLoop, tickImport } from "./fuelModule.js";
import { LIMITS, thrown } from "./helpers.js";

const spec = loopSpec("edges");
const direct = loopResult;

let metered: Uint8Array;

beforeAll(async () => {
  metered = await meteredLoop("edges");
}, 120_000);

/** How a forged loop departs from the shape meterLoops.ts emits. */
interface Forgery {
  /** The back edge: checked `br` (as emitted), a `br` without the check, or a checked `br_if`. */
  readonly edge?: "checked" | "unchecked" | "checked br_if" | "zero charge";
  /** An extra branch in the loop body, taken when the counter argument is odd. */
  readonly extra?: "to tick" | "to outer" | "table to loop";
  /** What the tail calls: a function that only calls the host (as emitted), the host itself, or one that does nothing. */
  readonly tail?: "wrapper" | "host" | "nop";
  /** How the loop is left: `br $done` (as emitted), or falling into the tail. */
  readonly exit?: "br" | "fall";
  /** A tail that writes the counter back up before re-entering. */
  readonly refund?: boolean;
}

/** `metered` plus a function `forged(n: i32)` counting n down in a loop of the back-edge shape, altered by `f`. */
function forge(f: Forgery): Uint8Array {
  return editModule(
    metered,
    (m) => {
      const fuel = fuelGlobal(m);
      const tick = tickImport(m);
      m.addFunction("tick_out", binaryen.none, binaryen.none, [], m.call(tick, [], binaryen.none));
      m.addFunction("nothing", binaryen.none, binaryen.none, [], m.nop());
      const n = (): number => m.local.get(0, binaryen.i32);
      const counter = (): number => m.global.get(fuel, binaryen.i64);
      const charge = f.edge === "zero charge" ? 0n : 5n;
      const check = [
        m.global.set(fuel, m.i64.sub(counter(), m.i64.const(charge))),
        m.br("tick", m.i64.lt_s(counter(), m.i64.const(0n))),
      ];
      const edge =
        f.edge === "unchecked"
          ? [m.br("L")]
          : f.edge === "checked br_if"
            ? [...check, m.br("L", m.i32.gt_s(n(), m.i32.const(0)))]
            : [...check, m.br("L")];
      const extra =
        f.extra === "to tick"
          ? [m.br("tick", m.i32.and(n(), m.i32.const(1)))]
          : f.extra === "to outer"
            ? [m.br("outer", m.i32.and(n(), m.i32.const(1)))]
            : f.extra === "table to loop"
              ? [m.block("skip", [m.switch(["L"], "skip", m.i32.and(n(), m.i32.const(1)))])]
              : [];
      const loop = m.loop(
        "L",
        m.if(
          m.i32.gt_s(n(), m.i32.const(0)),
          m.block(null, [m.local.set(0, m.i32.sub(n(), m.i32.const(1))), ...extra, ...edge]),
        ),
      );
      const callee = f.tail === "host" ? tick : f.tail === "nop" ? "nothing" : "tick_out";
      const refund = f.refund ? [m.global.set(fuel, m.i64.add(counter(), m.i64.const(1000n)))] : [];
      const body = m.block("done", [
        m.loop(
          "outer",
          m.block(null, [
            m.block("tick", f.exit === "fall" ? [loop] : [loop, m.br("done")]),
            m.call(callee, [], binaryen.none),
            ...refund,
            m.br("outer"),
          ]),
        ),
      ]);
      m.addFunction("forged", binaryen.i32, binaryen.none, [], body);
    },
    true,
  );
}

const refusal = (f: Forgery): string => {
  const error = thrown(() => SandboxProgram.compile(forge(f), spec));
  expect(error.code).toBe("ICE_MODULE_INVALID");
  return error.message;
};

describe("fuel checks at loop back edges", () => {
  it("meters the generated loops at their back edges, and runs them exactly", () => {
    const shape = verifyModule(metered);
    expect(shape.functions.some((fn) => fn.loops.length > 0)).toBe(true);
    const program = SandboxProgram.compile(metered, spec);
    const { output: out, fuelUsed } = program.run({ n: 5000 }, LIMITS);
    expect(out).toEqual({ v: direct(5000) });
    expect(program.run({ n: 5000 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(thrown(() => program.run({ n: 5000 }, { ...LIMITS, fuel: fuelUsed - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("charges every pass once across the host's fuel slices (the tail re-enters without charging again)", () => {
    const program = SandboxProgram.compile(metered, spec);
    const limits = { ...LIMITS, fuel: 1e12 };
    const at = (n: number): number => program.run({ n }, limits).fuelUsed;
    // The printer unrolls the loop 4 times: whole unrolled passes from 40 on.
    const base = at(40);
    const perFour = at(44) - base;
    expect(perFour).toBeGreaterThan(0);
    const n = 40 + 4 * 200_000;
    const used = at(n);
    // Past the first slice (1,000,000), so the host was called from the tail at least once.
    expect(used).toBeGreaterThan(2_000_000);
    expect(used).toBe(base + 200_000 * perFour);
    expect(thrown(() => program.run({ n }, { ...LIMITS, fuel: used - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("accepts the emitted shape, with the tail calling the host directly or through a function", () => {
    expect(() => SandboxProgram.compile(forge({}), spec)).not.toThrow();
    expect(() => SandboxProgram.compile(forge({ tail: "host" }), spec)).not.toThrow();
  });

  it("accepts a loop that no branch repeats, without a check", () => {
    const bytes = editModule(metered, (m) => {
      m.addFunction("once", binaryen.none, binaryen.none, [], m.loop("L", m.nop()));
    });
    expect(() => SandboxProgram.compile(bytes, spec)).not.toThrow();
  });

  it("refuses a back edge without a check", () => {
    expect(refusal({ edge: "unchecked" })).toMatch(/not fuel-metered/);
  });

  it("refuses a checked conditional back edge (only a br right after a check repeats the loop)", () => {
    expect(refusal({ edge: "checked br_if" })).toMatch(/not fuel-metered/);
  });

  it("refuses a check that charges nothing", () => {
    expect(refusal({ edge: "zero charge" })).toMatch(/writes the fuel counter/);
  });

  it("refuses a branch into the tail that no check took (host call and re-entry without a charge)", () => {
    expect(refusal({ extra: "to tick" })).toMatch(/fuel tail/);
  });

  it("refuses a branch back to the outer loop from the loop body", () => {
    expect(refusal({ extra: "to outer" })).toMatch(/fuel tail/);
  });

  it("refuses a br_table that repeats the loop", () => {
    expect(refusal({ extra: "table to loop" })).toMatch(/not fuel-metered/);
  });

  it("refuses a loop that can fall into its tail", () => {
    expect(refusal({ exit: "fall" })).toMatch(/fuel tail is malformed/);
  });

  it("refuses a tail that calls something other than the host", () => {
    expect(refusal({ tail: "nop" })).toMatch(/not ice\.tick/);
  });

  it("refuses a tail that gives fuel back", () => {
    expect(refusal({ refund: true })).toMatch(/fuel tail is malformed/);
  });

  it("refuses the shape without its outer loop (a back edge checked against a plain block)", () => {
    const bytes = editModule(metered, (m) => {
      const fuel = fuelGlobal(m);
      const counter = (): number => m.global.get(fuel, binaryen.i64);
      const loop = m.loop(
        "L",
        m.block(null, [
          m.global.set(fuel, m.i64.sub(counter(), m.i64.const(5n))),
          m.br("exit", m.i64.lt_s(counter(), m.i64.const(0n))),
          m.br("L"),
        ]),
      );
      m.addFunction("spin", binaryen.none, binaryen.none, [], m.block("exit", [loop]));
    });
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).message).toMatch(/writes the fuel counter/);
  });
});
