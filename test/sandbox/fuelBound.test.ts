/**
 * @fileoverview The metering pass keeps the code a module can run between two fuel tests within
 * the verifier's bound (src/emit/wasm/meterBound.ts): functions off every cycle of calls go
 * without a test, and a call to one counts as all it can reach, once per call site, so calls that
 * fan out (a large comparator called from every comparison of a sort's merges, oracle
 * ai9/semver-sort) passed the bound and the module was refused. The input here is asc's output of
 * a small program with a chain of such functions added with binaryen, as asc could have made it.
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
  const source = lowerBody(embedCodeBody(body, "bound"), loopInput, loopOutput, []).source!;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  unmetered = outcome!.binary!;
}, 120_000);

/**
 * `levels` functions: the first ~1 KB of straight-line code, each next one calling the one before
 * `fanOut` times. None is on a cycle or exported: the metering pass may leave them without a test.
 */
function withFanOut(levels: number, fanOut: number): Uint8Array {
  return editModule(unmetered, (m) => {
    const work = Array.from({ length: 300 }, (_, i) => m.drop(m.i32.const(100_000 + i)));
    m.addFunction("level0", binaryen.none, binaryen.none, [], m.block(null, work));
    for (let k = 1; k < levels; k++) {
      const calls = Array.from({ length: fanOut }, () => m.call(`level${k - 1}`, [], binaryen.none));
      m.addFunction(`level${k}`, binaryen.none, binaryen.none, [], m.block(null, calls));
    }
  });
}

describe("the bound on work between two fuel tests", () => {
  it("meters calls that fan out with tests where their work would pass the bound", () => {
    // 8^6 calls of ~1 KB: ~260 MB of code without a test, past the verifier's 16 MB.
    const metered = meterModule(withFanOut(7, 8));
    const shape = verifyModule(metered);
    expect(shape.functions.some((f) => !f.metered)).toBe(true);
    const program = SandboxProgram.compile(metered, loopSpec("bound"));
    expect(program.run({ n: 1000 }, LIMITS).output).toEqual({ v: loopResult(1000) });
  });

  it("leaves functions whose work stays under the bound without tests", () => {
    // 8^2 calls of ~1 KB: every level may go without a test.
    const few = verifyModule(meterModule(withFanOut(3, 8))).functions.filter((f) => !f.metered).length;
    const plain = verifyModule(meterModule(unmetered)).functions.filter((f) => !f.metered).length;
    expect(few).toBe(plain + 3);
  });
});
