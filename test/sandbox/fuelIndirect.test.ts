/**
 * @fileoverview Fuel metering of modules that call through the table (asc's sort comparators, in
 * every module whose dictionaries order integer-like keys): the functions the table holds are
 * charged on entry without a test like any function off every cycle of calls, and the other
 * small helpers are still folded into their callers (src/emit/wasm/meterCallGraph.ts). The
 * verifier (runtime/sandbox/verify/unchecked.ts) counts each call through the table as a call to
 * the largest function without a test, so such calls cannot multiply the work between two tests
 * past its bound. Forged modules are generated programs edited with binaryen.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
import { MAX_UNCHECKED_WORK } from "../../runtime/sandbox/verify/unchecked.js";
import { charge, editModule, fuelGlobal, loopSpec, meteredLoop, tickImport } from "./fuelModule.js";
import { LIMITS, thrown } from "./helpers.js";

const spec = loopSpec("indirect");
/** A dictionary with integer-like keys: Object.keys sorts them (asc's sort, through the table). */
const BODY = [
  "const d: Record<string, number> = {};",
  "for (let i = 0; i < inputs.n; i++) d[((i * 7) % 13).toString()] = i;",
  "let s = 0;",
  "for (const k of Object.keys(d)) s = (s * 31 + Number(k) + d[k]) % 1000003;",
  "return { v: s };",
].join("\n");
const direct = (n: number): number => {
  const d: Record<string, number> = {};
  for (let i = 0; i < n; i++) d[((i * 7) % 13).toString()] = i;
  let s = 0;
  for (const k of Object.keys(d)) s = (s * 31 + Number(k) + d[k]!) % 1000003;
  return s;
};

let metered: Uint8Array;
let loop: Uint8Array;

beforeAll(async () => {
  [metered, loop] = await Promise.all([meteredLoop("indirect", BODY), meteredLoop("indirect")]);
}, 120_000);

/** Function indices (imports first) of the table's functions, and of the functions calling through it. */
function tableUse(bytes: Uint8Array): { inTable: number[]; callers: number[] } {
  const shape = verifyModule(bytes);
  const m = binaryen.readBinary(bytes);
  try {
    const index = new Map<string, number>();
    for (let i = 0; i < m.getNumFunctions(); i++) index.set(binaryen.getFunctionInfo(m.getFunctionByIndex(i)).name, i);
    const inTable: number[] = [];
    for (let i = 0; i < m.getNumElementSegments(); i++)
      for (const name of binaryen.getElementSegmentInfo(m.getElementSegmentByIndex(i)).data)
        inTable.push(index.get(name)!);
    const callers = shape.functions.flatMap((f, i) => (f.indirect > 0 ? [i + shape.importedFunctions] : []));
    return { inTable, callers };
  } finally {
    m.dispose();
  }
}

/**
 * The loop module plus a table holding `callee` (no entry check, `size` nops) and a function
 * with an entry check that calls through the table `sites` times.
 */
function forge(size: number, sites: number): Uint8Array {
  return editModule(loop, (m) => {
    const fuel = fuelGlobal(m);
    const tick = tickImport(m);
    m.addFunction(
      "callee",
      binaryen.none,
      binaryen.none,
      [],
      m.block(
        null,
        Array.from({ length: size }, () => m.nop()),
      ),
    );
    m.addTable("table", 1, 1);
    m.addActiveElementSegment("table", "elements", ["callee"], m.i32.const(0));
    const test = m.if(m.i64.lt_s(m.global.get(fuel, binaryen.i64), m.i64.const(0n)), m.call(tick, [], binaryen.none));
    const calls = Array.from({ length: sites }, () =>
      m.call_indirect("table", m.i32.const(0), [], binaryen.none, binaryen.none),
    );
    m.addFunction("caller", binaryen.none, binaryen.none, [], m.block(null, [charge(m, 5n), test, ...calls]));
  });
}

describe("fuel checks of modules that call through the table", () => {
  it("charges the table's functions on entry without a test, keeps the callers' tests, and runs exactly", () => {
    const { inTable, callers } = tableUse(metered);
    expect(inTable.length).toBeGreaterThan(0);
    expect(callers.length).toBeGreaterThan(0);
    const shape = verifyModule(metered);
    const at = (index: number) => shape.functions[index - shape.importedFunctions]!;
    for (const index of inTable) expect(at(index)).toMatchObject({ metered: false });
    expect(at(inTable[0]!).entry).toBeGreaterThan(0);
    for (const index of callers) expect(at(index).metered).toBe(true);
    // Folding is not switched off by the table: some helper has no entry charge at all.
    expect(shape.functions.some((f) => !f.metered && f.entry === 0)).toBe(true);
    const program = SandboxProgram.compile(metered, spec);
    const { output, fuelUsed } = program.run({ n: 40 }, LIMITS);
    expect(output).toEqual({ v: direct(40) });
    expect(program.run({ n: 40 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(thrown(() => program.run({ n: 40 }, { ...LIMITS, fuel: fuelUsed - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("accepts a call through the table to a function without a test", () => {
    expect(() => SandboxProgram.compile(forge(1_000, 4), spec)).not.toThrow();
  });

  it("refuses calls through the table that add up past the bound on work between two tests", () => {
    const size = 1_000_000;
    const sites = Math.ceil(MAX_UNCHECKED_WORK / size) + 1;
    const error = thrown(() => SandboxProgram.compile(forge(size, sites), spec));
    expect(error.code).toBe("ICE_MODULE_INVALID");
    expect(error.message).toMatch(/between two fuel checks/);
  });
});
