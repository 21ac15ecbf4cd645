/**
 * @fileoverview Folded fuel checks (src/emit/wasm/meter.ts): small helpers called in hot loops
 * have no entry check of their own, their callers are charged for them; other functions off every
 * cycle of calls are charged on entry without a test. The verifier
 * (runtime/sandbox/verify/unchecked.ts) accepts a function without an entry test only when no
 * cycle of calls consists of such functions alone and the code they can run between two tests is
 * bounded; the host ends a run that spent its budget after its last test. The forged modules are generated programs
 * edited with binaryen, as a module swapped in beside a generated module would be.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
import { charge, editModule, loopResult, loopSpec, meteredLoop } from "./fuelModule.js";
import { LIMITS, thrown } from "./helpers.js";

const spec = loopSpec("folded");
const direct = loopResult;

let metered: Uint8Array;

beforeAll(async () => {
  metered = await meteredLoop("folded");
}, 120_000);

/** `metered` with extra functions added by `edit` (no fuel checks in them). */
const forge = (edit: (m: binaryen.Module) => void): Uint8Array => editModule(metered, edit);

describe("folded fuel checks", () => {
  it("leaves some helper of an integer loop without an entry check, and the run stays exact", () => {
    expect(verifyModule(metered).functions.some((f) => !f.metered)).toBe(true);
    const program = SandboxProgram.compile(metered, spec);
    const { output: out, fuelUsed } = program.run({ n: 5000 }, LIMITS);
    expect(out).toEqual({ v: direct(5000) });
    // Same code and input, same fuel; one unit less stops it.
    expect(program.run({ n: 5000 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(thrown(() => program.run({ n: 5000 }, { ...LIMITS, fuel: fuelUsed - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("accepts an unchecked function that cannot recur", () => {
    const bytes = forge((m) => {
      m.addFunction("leaf", binaryen.none, binaryen.none, [], m.nop());
      m.addFunction("caller", binaryen.none, binaryen.none, [], m.call("leaf", [], binaryen.none));
    });
    expect(() => SandboxProgram.compile(bytes, spec)).not.toThrow();
  });

  it("refuses an unchecked function that calls itself", () => {
    const bytes = forge((m) =>
      m.addFunction("spin", binaryen.none, binaryen.none, [], m.call("spin", [], binaryen.none)),
    );
    const error = thrown(() => SandboxProgram.compile(bytes, spec));
    expect(error.code).toBe("ICE_MODULE_INVALID");
    expect(error.message).toMatch(/not fuel-metered and can call itself/);
  });

  it("refuses a function charged on entry without a test that calls itself", () => {
    const bytes = forge((m) => {
      m.addFunction(
        "spin",
        binaryen.none,
        binaryen.none,
        [],
        m.block(null, [charge(m, 3n), m.call("spin", [], binaryen.none)]),
      );
    });
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).message).toMatch(/not fuel-metered and can call itself/);
  });

  it("refuses unchecked functions whose calls multiply past the bound on work between two tests", () => {
    // f0 calls f1 twice, f1 calls f2 twice, ...: no cycle, but 2^40 calls before any test.
    const bytes = forge((m) => {
      m.addFunction("f40", binaryen.none, binaryen.none, [], m.nop());
      for (let i = 39; i >= 0; i--) {
        const next = m.call(`f${i + 1}`, [], binaryen.none);
        m.addFunction(`f${i}`, binaryen.none, binaryen.none, [], m.block(null, [next, m.copyExpression(next)]));
      }
    });
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).message).toMatch(/between two fuel checks/);
  });

  it("refuses a charge too large for the counter to add up safely", () => {
    const bytes = forge((m) => m.addFunction("huge", binaryen.none, binaryen.none, [], charge(m, 2n ** 62n)));
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).message).toMatch(/writes the fuel counter/);
  });

  it("ends a run that spends its budget after its last test with ICE_FUEL_EXHAUSTED", () => {
    const program = SandboxProgram.compile(metered, spec);
    const { fuelUsed } = program.run({ n: 0 }, LIMITS);
    expect(program.run({ n: 0 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(thrown(() => program.run({ n: 0 }, { ...LIMITS, fuel: fuelUsed - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("refuses unchecked functions that call each other", () => {
    const bytes = forge((m) => {
      m.addFunction("ping", binaryen.none, binaryen.none, [], m.call("pong", [], binaryen.none));
      m.addFunction("pong", binaryen.none, binaryen.none, [], m.call("ping", [], binaryen.none));
    });
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).code).toBe("ICE_MODULE_INVALID");
  });
});
