/**
 * @fileoverview Folding by call site (src/emit/wasm/meterSites.ts, meter.ts MAX_PATH_FOLDED_COST):
 * a function too large for the general folding bound, called only where the call runs on every
 * pass of its caller's charged code, loses its entry charge and its callers pay for it in their
 * checks; called under an `if` arm or after a branch that skips it, it keeps its entry charge
 * (folding would charge calls that do not happen). The input is asc's output of a small program
 * with functions added with binaryen, as asc could have made them.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
import { lowerBody } from "../../src/codenode/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { editModule, loopInput, loopOutput, loopResult, loopSpec } from "./fuelModule.js";
import { LIMITS } from "./helpers.js";

let unmetered: Uint8Array;

beforeAll(async () => {
  const body = "let s = 0;\nfor (let i = 0; i < inputs.n; i++) s = (s + (i ^ (i << 3))) & 1023;\nreturn { v: s };";
  const source = lowerBody(embedCodeBody(body, "paths"), loopInput, loopOutput, []).source!;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  unmetered = outcome!.binary!;
}, 120_000);

/**
 * Adds `big` (~450 units of straight-line code: past the general folding bound, within the one by
 * call site) and a caller `caller(x)` whose body `site` makes the call to it.
 */
function withCaller(site: (m: binaryen.Module, call: binaryen.ExpressionRef) => binaryen.ExpressionRef): Uint8Array {
  return editModule(unmetered, (m) => {
    const work = Array.from({ length: 150 }, (_, i) => m.drop(m.i32.add(m.i32.const(i), m.i32.const(7))));
    m.addFunction("big", binaryen.none, binaryen.none, [], m.block(null, work));
    const call = m.call("big", [], binaryen.none);
    m.addFunction("caller", binaryen.i32, binaryen.none, [], site(m, call));
  });
}

/** Functions of the metered `bytes` without any entry charge (folded into their callers). */
const folded = (bytes: Uint8Array): number =>
  verifyModule(meterModule(bytes)).functions.filter((f) => !f.metered && f.entry === 0).length;

describe("folding by call site", () => {
  it("folds a large callee whose every call runs on its caller's path, and leaves the others charged", () => {
    // The caller, called from nowhere, is folded too (small, or a callee of no one): one more.
    const plain = folded(unmetered) + 1;
    const x = (m: binaryen.Module) => m.local.get(0, binaryen.i32);
    // Straight in the caller's body, and in the arm of a `while` loop's body that repeats it: folded.
    expect(folded(withCaller((m, call) => m.block(null, [m.drop(x(m)), call])))).toBe(plain + 1);
    expect(folded(withCaller((m, call) => m.loop("L", m.if(x(m), m.block(null, [call, m.br("L")])))))).toBe(plain + 1);
    // Under an `if`, after a `br_if` that skips it, after the loop's own back edge: charged on entry.
    expect(folded(withCaller((m, call) => m.if(x(m), call)))).toBe(plain);
    expect(folded(withCaller((m, call) => m.block("B", [m.br("B", x(m)), call])))).toBe(plain);
    expect(folded(withCaller((m, call) => m.loop("L", m.block(null, [m.br("L", x(m)), call]))))).toBe(plain);
  });

  it("meters a module with folded calls that still verifies and runs exactly", () => {
    const metered = meterModule(withCaller((_, call) => call));
    const program = SandboxProgram.compile(metered, loopSpec("paths"));
    const { output, fuelUsed } = program.run({ n: 1000 }, LIMITS);
    expect(output).toEqual({ v: loopResult(1000) });
    expect(program.run({ n: 1000 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
  });
});
