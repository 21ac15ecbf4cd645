/**
 * @fileoverview Bulk memory (src/emit/wasm/meterBulk.ts): asc's `memory.copy` and `memory.fill`
 * are single instructions, charged by their length before they run, and the verifier
 * (runtime/sandbox/verify/bulkMemory.ts) accepts them only in that shape. A body that copies a
 * large array over and over stops on fuel, deterministically, and on the wall clock; forged
 * modules (a generated one edited with binaryen) with an uncharged or wrongly charged copy are
 * refused; a copy out of bounds ends the run as an out-of-bounds load does.
 */
import binaryen from "binaryen";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { BULK_SHIFT, EXPORTS, verifyModule } from "../../runtime/sandbox/verify.js";
import { lowerBody } from "../../src/codenode/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { editModule, fuelGlobal, loopInput, loopOutput, loopSpec, tickImport } from "./fuelModule.js";
import { LIMITS, thrown } from "./helpers.js";

/** `inputs.n` numbers moved one place along, by `unshift` (a memmove of the whole array), `rounds` times. */
const rotating = (rounds: string): string =>
  [
    "const a: number[] = [];",
    "for (let i = 0; i < inputs.n; i++) a.push(i);",
    "let v = 0;",
    `for (let r = 0; r < ${rounds}; r++) {`,
    "  a.unshift(a.pop()!);",
    "  v = (v + a[0]) & 1023;",
    "}",
    "return { v: v };",
  ].join("\n");

function rotatingResult(n: number, rounds: number): number {
  const a = Array.from({ length: n }, (_, i) => i);
  let v = 0;
  for (let r = 0; r < rounds; r++) {
    a.unshift(a.pop()!);
    v = (v + a[0]!) & 1023;
  }
  return v;
}

const spec = loopSpec("bulk");

/** asc's output for `body` (input `{ n }`, output `{ v }`), not metered. */
async function compiled(body: string): Promise<Uint8Array> {
  const source = lowerBody(embedCodeBody(body, "bulk"), loopInput, loopOutput, []).source!;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  return outcome!.binary!;
}

let plain: Uint8Array;
let metered: Uint8Array;
let endless: Uint8Array;

beforeAll(async () => {
  plain = await compiled(rotating("50"));
  metered = meterModule(plain);
  endless = meterModule(await compiled(rotating("1_000_000_000")));
}, 180_000);

/** The text of `bytes` as binaryen prints it. */
function text(bytes: Uint8Array): string {
  const m = binaryen.readBinary(bytes);
  try {
    return m.emitText();
  } finally {
    m.dispose();
  }
}

/**
 * A function `name` added to `m` running `op(size)` on local 0 with the length `length` passed
 * through `chargeLocal`/`readLocal`, charged `extend(length) >> shift` and tested (`test`): the
 * shape meterBulk.ts writes when the locals are equal, extend is unsigned, shift is BULK_SHIFT
 * and test is true.
 */
function addCopy(
  m: binaryen.Module,
  options: {
    readonly op?: "copy" | "fill";
    readonly readLocal?: number;
    readonly signed?: boolean;
    readonly shift?: number;
    readonly test?: boolean;
    readonly dest?: number;
  } = {},
): void {
  const fuel = fuelGlobal(m);
  const counter = (): number => m.global.get(fuel, binaryen.i64);
  const length = m.local.get(0, binaryen.i32);
  const extended = options.signed ? m.i64.extend_s(length) : m.i64.extend_u(length);
  const units = m.i64.shr_u(extended, m.i64.const(BigInt(options.shift ?? BULK_SHIFT)));
  const size = m.block(
    null,
    [
      m.local.set(0, m.i32.const(64)),
      m.global.set(fuel, m.i64.sub(counter(), units)),
      ...(options.test === false
        ? []
        : [m.if(m.i64.lt_s(counter(), m.i64.const(0n)), m.call(tickImport(m), [], binaryen.none))]),
      m.local.get(options.readLocal ?? 0, binaryen.i32),
    ],
    binaryen.i32,
  );
  const dest = m.i32.const(options.dest ?? 1024);
  const op =
    options.op === "fill" ? m.memory.fill(dest, m.i32.const(7), size) : m.memory.copy(dest, m.i32.const(0), size);
  m.addFunction("forged", binaryen.none, binaryen.none, [binaryen.i32, binaryen.i32], op);
}

describe("bulk memory, charged by length", () => {
  it("compiles array moves to memory.copy and runs them exactly", () => {
    expect(text(metered)).toMatch(/memory\.copy/);
    expect(verifyModule(metered).functions.length).toBeGreaterThan(0);
    const program = SandboxProgram.compile(metered, spec);
    const { output, fuelUsed } = program.run({ n: 1000 }, LIMITS);
    expect(output).toEqual({ v: rotatingResult(1000, 50) });
    // Same code and input, same fuel; one unit less stops it.
    expect(program.run({ n: 1000 }, LIMITS).fuelUsed).toBe(fuelUsed);
    expect(program.run({ n: 1000 }, { ...LIMITS, fuel: fuelUsed }).fuelUsed).toBe(fuelUsed);
    expect(thrown(() => program.run({ n: 1000 }, { ...LIMITS, fuel: fuelUsed - 1 })).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("charges a copy by the bytes it moves", () => {
    const program = SandboxProgram.compile(metered, spec);
    const small = program.run({ n: 1000 }, LIMITS).fuelUsed;
    const large = program.run({ n: 9000 }, LIMITS).fuelUsed;
    // 50 moves of 8,000 more elements (8 bytes each), one unit per 8 bytes, beyond the pushes.
    expect(large - small).toBeGreaterThan(50 * 8000);
  });

  it("stops endless copying on fuel, at the same place every time", () => {
    const program = SandboxProgram.compile(endless, spec);
    const limits = { ...LIMITS, fuel: 3_000_000, timeoutMs: 60_000 };
    for (let i = 0; i < 3; i++)
      expect(thrown(() => program.run({ n: 50_000 }, limits)).code).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("stops endless copying on the wall clock when fuel is plentiful", () => {
    const program = SandboxProgram.compile(endless, spec);
    const limits = { ...LIMITS, fuel: 1e15, timeoutMs: 200 };
    expect(thrown(() => program.run({ n: 50_000 }, limits)).code).toBe("ICE_TIMEOUT");
  });

  it("accepts the charged shape built by hand", () => {
    expect(() =>
      SandboxProgram.compile(
        editModule(metered, (m) => addCopy(m)),
        spec,
      ),
    ).not.toThrow();
    expect(() =>
      SandboxProgram.compile(
        editModule(metered, (m) => addCopy(m, { op: "fill" })),
        spec,
      ),
    ).not.toThrow();
  });

  it.each([
    [
      "an uncharged memory.copy",
      (m: binaryen.Module) =>
        m.addFunction(
          "forged",
          binaryen.none,
          binaryen.none,
          [],
          m.memory.copy(m.i32.const(0), m.i32.const(64), m.i32.const(1 << 20)),
        ),
    ],
    [
      "an uncharged memory.fill",
      (m: binaryen.Module) =>
        m.addFunction(
          "forged",
          binaryen.none,
          binaryen.none,
          [],
          m.memory.fill(m.i32.const(0), m.i32.const(1), m.i32.const(1 << 20)),
        ),
    ],
    ["a copy of another local than the one charged", (m: binaryen.Module) => addCopy(m, { readLocal: 1 })],
    ["a length extended as signed (a negative charge)", (m: binaryen.Module) => addCopy(m, { signed: true })],
    ["a charge per 16 bytes", (m: binaryen.Module) => addCopy(m, { shift: BULK_SHIFT + 1 })],
    ["a charge without its test", (m: binaryen.Module) => addCopy(m, { test: false })],
  ])("refuses %s", (_, edit) => {
    const error = thrown(() => SandboxProgram.compile(editModule(metered, edit), spec));
    expect(error.code).toBe("ICE_MODULE_INVALID");
  });

  it("ends a copy out of bounds as an out-of-bounds store does", () => {
    // __ice_run forged (before metering) to start with a copy, or a store, past the memory's end.
    const forge = (first: (m: binaryen.Module) => number): SandboxProgram => {
      const bytes = editModule(plain, (m) => {
        const run = binaryen.getExportInfo(m.getExport(EXPORTS.run)).value;
        const info = binaryen.getFunctionInfo(m.getFunction(run));
        m.removeFunction(run);
        m.addFunction(run, info.params, info.results, info.vars, m.block(null, [first(m), info.body], info.results));
      });
      return SandboxProgram.compile(meterModule(bytes), spec);
    };
    const end = m32(0xffff_0000);
    const copy = thrown(() =>
      forge((m) => m.memory.copy(m.i32.const(end), m.i32.const(0), m.i32.const(0x2_0000))).run({ n: 3 }, LIMITS),
    );
    const store = thrown(() => forge((m) => m.i32.store(0, 0, m.i32.const(end), m.i32.const(1))).run({ n: 3 }, LIMITS));
    expect(store.code).toBe("ICE_SANDBOX_TRAP");
    expect({ code: copy.code, message: copy.message }).toEqual({ code: store.code, message: store.message });
  });
});

/** `x` as the signed 32-bit constant binaryen takes. */
function m32(x: number): number {
  return x | 0;
}
