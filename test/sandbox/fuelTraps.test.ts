/**
 * @fileoverview Calls to functions that never return (src/emit/wasm/meterTraps.ts): a folded
 * callee that ends the run (asc's abort handler) is not charged at its call sites, so error paths
 * do not inflate their callers' checks or push small helpers past the folding bound. Which
 * functions count, and what the metering pass charges around them, on hand-made modules.
 */
import binaryen from "binaryen";
import { describe, expect, it } from "vitest";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { trappingFunctions } from "../../src/emit/wasm/meterTraps.js";

/** `count` dropped constants: straight-line code of cost 1 each (a drop is free). */
function filler(m: binaryen.Module, count: number): number[] {
  return Array.from({ length: count }, (_, i) => m.drop(m.i32.const(i)));
}

/**
 * A module: `fail` reports and traps (cost ~100, under the folding bound), `helper(x)` calls it when x is 0, and the
 * exported `run(x)` calls `helper` (`failReturns`: `fail` ends without trapping instead).
 */
function module(failReturns: boolean): binaryen.Module {
  const m = new binaryen.Module();
  m.setMemory(1, 1, null);
  m.addFunctionImport("report", "env", "abort", binaryen.createType([binaryen.i32]), binaryen.none);
  const report = m.call("report", [m.i32.const(1)], binaryen.none);
  m.addFunction(
    "fail",
    binaryen.none,
    binaryen.none,
    [],
    m.block(null, [...filler(m, 90), report, failReturns ? m.nop() : m.unreachable()]),
  );
  m.addFunction(
    "helper",
    binaryen.i32,
    binaryen.i32,
    [],
    m.block(
      null,
      [
        m.if(m.i32.eqz(m.local.get(0, binaryen.i32)), m.call("fail", [], binaryen.none)),
        m.i32.add(m.local.get(0, binaryen.i32), m.i32.const(1)),
      ],
      binaryen.i32,
    ),
  );
  m.addFunction("run", binaryen.i32, binaryen.i32, [], m.call("helper", [m.local.get(0, binaryen.i32)], binaryen.i32));
  m.addFunctionExport("run", "run");
  return m;
}

/** The charge of the check `run` starts with, in the metered `bytes`. */
function runCharge(bytes: Uint8Array): number {
  const m = binaryen.readBinary(bytes);
  try {
    const run = binaryen.getExportInfo(m.getExport("run")).value;
    const text = m.emitText();
    const body = text.slice(text.indexOf(`(func $${run} `));
    return Number(/i64\.const (\d+)/.exec(body)![1]);
  } finally {
    m.dispose();
  }
}

function meter(failReturns: boolean): Uint8Array {
  const m = module(failReturns);
  try {
    return meterModule(m.emitBinary());
  } finally {
    m.dispose();
  }
}

describe("calls to functions that never return", () => {
  it("finds a body without branches that ends in unreachable, and nothing else", () => {
    const m = new binaryen.Module();
    try {
      const noop = (): number => m.nop();
      m.addFunction("traps", binaryen.none, binaryen.none, [], m.block(null, [noop(), m.unreachable()]));
      m.addFunction("bare", binaryen.none, binaryen.none, [], m.unreachable());
      m.addFunction("returns", binaryen.none, binaryen.none, [], m.block(null, [noop(), noop()]));
      // An early return (or any branch) may leave before the trap.
      m.addFunction(
        "leaves",
        binaryen.i32,
        binaryen.none,
        [],
        m.block(null, [m.if(m.local.get(0, binaryen.i32), m.return()), m.unreachable()]),
      );
      m.addFunction(
        "breaks",
        binaryen.i32,
        binaryen.none,
        [],
        m.block(null, [m.block("out", [m.br("out", m.local.get(0, binaryen.i32))]), m.unreachable()]),
      );
      expect([...trappingFunctions(m)].sort()).toEqual(["bare", "traps"]);
    } finally {
      m.dispose();
    }
  });

  it("does not charge a trapping callee's cost in its callers' checks", () => {
    const trapping = runCharge(meter(false));
    const returning = runCharge(meter(true));
    // A fail that returns is folded into helper and helper into run: run is charged fail's ~100.
    expect(trapping).toBeLessThan(20);
    expect(returning).toBeGreaterThan(90);
  });
});
