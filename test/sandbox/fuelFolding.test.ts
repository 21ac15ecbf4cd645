/**
 * @fileoverview Folded fuel checks (src/emit/wasm/meter.ts): small helpers called in hot loops
 * have no entry check of their own, their callers are charged for them, and the verifier
 * (runtime/sandbox/verify/unchecked.ts) accepts a function without an entry check only when no
 * cycle of calls consists of unchecked functions alone. The forged modules are generated programs
 * edited with binaryen, as a module swapped in beside a generated module would be.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
import { lowerBody } from "../../src/codenode/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { LIMITS, obj, thrown } from "./helpers.js";

const input = obj({ n: "integer" });
const output = obj({ v: "integer" });
const spec = { nodeId: "folded", inputType: input, outputType: output, capabilities: [] };
const BODY = "let s = 0;\nfor (let i = 0; i < inputs.n; i++) s = (s + (i ^ (i << 3))) & 1023;\nreturn { v: s };";
const direct = (n: number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + (i ^ (i << 3))) & 1023;
  return s;
};

let metered: Uint8Array;

beforeAll(async () => {
  const source = lowerBody(embedCodeBody(BODY, "folded"), input, output, []).source!;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  metered = meterModule(outcome!.binary!);
}, 120_000);

/** `metered` with extra functions added by `edit` (no fuel checks in them). */
function forge(edit: (m: binaryen.Module) => void): Uint8Array {
  const m = binaryen.readBinary(metered);
  try {
    edit(m);
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

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

  it("refuses unchecked functions that call each other", () => {
    const bytes = forge((m) => {
      m.addFunction("ping", binaryen.none, binaryen.none, [], m.call("pong", [], binaryen.none));
      m.addFunction("pong", binaryen.none, binaryen.none, [], m.call("ping", [], binaryen.none));
    });
    expect(thrown(() => SandboxProgram.compile(bytes, spec)).code).toBe("ICE_MODULE_INVALID");
  });
});
