/**
 * @fileoverview Isolation of programs whose instances share a pooled memory
 * (runtime/sandbox/memoryPool.ts): with one memory per cap, program A writes a secret into its
 * heap and succeeds, traps, runs out of fuel, times out or grows its memory to several MiB; then
 * program B (another module, same cap) starts on a memory that equals, byte for byte, a fresh
 * instance of B's after `_start` (zeros past it), and its runs give a fresh program's output and
 * fuel. Also interleavings with turns of the event loop between runs (deferred resets), prepare
 * and warm-up during another program's pending reset, a run nested in another's host hook, and
 * separate memories per cap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIG_FUEL, importsFor, memoryMinFromBinary } from "../../bench/sandbox/units.js";
import { SandboxProgram, type SandboxSpec } from "../../runtime/sandbox/index.js";
import { poolMemories, setMemoriesPerCap } from "../../runtime/sandbox/memoryPool.js";
import type { SandboxUnit } from "../../src/emit/wasm/index.js";
import { compileAll, MiB, thrown, unit } from "./helpers.js";

/** Mode 0 succeeds, 1 throws, 2 spins (out of fuel, or past its deadline); `n` pieces of the secret. */
const A_BODY = [
  'const secret = "SECRET-" + inputs.key;',
  "const parts: string[] = [];",
  "for (let i = 0; i < inputs.n; i++) parts.push(secret + i.toString());",
  'const big = parts.join("|");',
  'if (inputs.mode === 1) throw new Error("trap after " + big.length.toString());',
  "if (inputs.mode === 2) {",
  "  let k = 0;",
  "  for (let i = 0; i < 1e15; i++) k += i % 7;",
  "  return { n: k };",
  "}",
  "return { n: big.length };",
].join("\n");
const B_BODY = [
  "const xs: number[] = [];",
  "for (let i = 0; i < inputs.n; i++) xs.push(i * 2);",
  'let text = "";',
  "for (const x of xs) if (x % 10 === 0) text += x.toString();",
  "return { n: xs.length, text: text.slice(0, 30) };",
].join("\n");
const C_BODY = 'const words = inputs.s.split(" ");\nreturn { n: words.length, first: words[0] ?? "" };';

const LIMITS = { fuel: 1e9, memoryBytes: 32 * MiB, timeoutMs: 60_000 };
const MAX_PAGES = LIMITS.memoryBytes / 65_536;
const SMALL_FUEL = { ...LIMITS, fuel: 200_000 };
const SHORT_TIME = { ...LIMITS, fuel: 1e15, timeoutMs: 1 };

interface Loaded {
  readonly wasm: Uint8Array;
  readonly spec: SandboxSpec;
  readonly make: () => SandboxProgram;
}

const loaded = new Map<string, Loaded>();
let previousBound = 0;

beforeAll(async () => {
  previousBound = setMemoriesPerCap(1); // every program of a cap shares one memory
  const units: SandboxUnit[] = [
    unit("secretA", A_BODY, { key: "string", n: "integer", mode: "integer" }, { n: "number" }),
    unit("plainB", B_BODY, { n: "integer" }, { n: "integer", text: "string" }),
    unit("wordsC", C_BODY, { s: "string" }, { n: "integer", first: "string" }),
    unit(
      "loggerD",
      'console.log("hello " + inputs.s);\nreturn { s: inputs.s + "!" };',
      { s: "string" },
      { s: "string" },
      ["log"],
    ),
  ];
  const { artifacts } = await compileAll(units);
  for (const u of units) {
    const wasm = artifacts.find((a) => a.nodeId === u.nodeId)!.wasm;
    const spec = { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: u.capabilities };
    loaded.set(u.nodeId, { wasm, spec, make: () => SandboxProgram.compile(wasm, spec) });
  }
});

afterAll(() => {
  setMemoriesPerCap(previousBound);
});

const get = (id: string): Loaded => loaded.get(id)!;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A fresh instance's memory after instantiation and `_start`, on a memory of its own. */
function freshMemory(id: string): Uint8Array {
  const { wasm } = get(id);
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  const memory = new WebAssembly.Memory({ initial: memoryMinFromBinary(wasm), maximum: MAX_PAGES });
  const exports = new WebAssembly.Instance(
    module,
    importsFor(module, () => memory),
  ).exports as Record<string, unknown>;
  (exports.__ice_fuel as WebAssembly.Global).value = BIG_FUEL;
  (exports._start as () => void)();
  return new Uint8Array(memory.buffer).slice();
}

/** Fails unless `shared` is `fresh` followed by zeros only (the shared memory may be larger). */
function expectFreshState(shared: Uint8Array, fresh: Uint8Array): void {
  expect(shared.length).toBeGreaterThanOrEqual(fresh.length);
  expect(Buffer.compare(shared.subarray(0, fresh.length), fresh)).toBe(0);
  const rest = shared.subarray(fresh.length);
  const firstNonZero = rest.findIndex((b) => b !== 0);
  expect(firstNonZero).toBe(-1);
}

/** True when `bytes` holds `text` as UTF-16 (how the sandbox keeps strings). */
function holdsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(text, "utf16le"));
}

/** The result of `run`, or the error's code and message when it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code, message: e.message };
  }
}

const A_RUNS = [
  { name: "succeeds", input: { key: "k1", n: 50, mode: 0 }, limits: LIMITS, code: undefined },
  { name: "traps", input: { key: "k2", n: 50, mode: 1 }, limits: LIMITS, code: "ICE_SANDBOX_TRAP" },
  { name: "runs out of fuel", input: { key: "k3", n: 50, mode: 2 }, limits: SMALL_FUEL, code: "ICE_FUEL_EXHAUSTED" },
  { name: "times out", input: { key: "k4", n: 50, mode: 2 }, limits: SHORT_TIME, code: "ICE_TIMEOUT" },
  { name: "grows its memory to a few MiB", input: { key: "k5", n: 40_000, mode: 0 }, limits: LIMITS, code: undefined },
  { name: "grows, then traps", input: { key: "k6", n: 40_000, mode: 1 }, limits: LIMITS, code: "ICE_SANDBOX_TRAP" },
  { name: "grows past KEEP_BYTES", input: { key: "k7", n: 150_000, mode: 0 }, limits: LIMITS, code: undefined },
] as const;

describe("programs sharing a memory", () => {
  for (const a of A_RUNS) {
    it(`start from a fresh state after another program ${a.name}`, () => {
      const A = get("secretA").make();
      const B = get("plainB").make();
      const fresh = freshMemory("plainB");
      B.prepare(LIMITS);
      const result = outcome(() => A.run(a.input, a.limits));
      if (a.code) expect((result as { code: string }).code).toBe(a.code);
      else expect(result).toEqual(outcome(() => get("secretA").make().run(a.input, a.limits)));
      const pool = poolMemories(MAX_PAGES);
      // A memory grown past KEEP_BYTES leaves the pool (B then gets a new one); else A's is B's.
      if (a.input.n > 100_000) expect(pool).toHaveLength(0);
      else {
        expect(pool).toHaveLength(1);
        expect(pool[0]!.memory).toBe(B.memory);
        if (a.input.n > 10_000) expect(pool[0]!.memory.buffer.byteLength).toBeGreaterThan(MiB);
      }
      const start = B.startingMemory(LIMITS);
      expect(B.memory).toBe(poolMemories(MAX_PAGES)[0]!.memory);
      expect(holdsText(start, `SECRET-${a.input.key}`)).toBe(false);
      expectFreshState(start, fresh);
      for (const n of [0, 7, 3_000]) expect(B.run({ n }, LIMITS)).toEqual(get("plainB").make().run({ n }, LIMITS));
      // And back: A's next run starts from A's fresh state, with nothing of B's runs.
      const freshA = freshMemory("secretA");
      expectFreshState(A.startingMemory(LIMITS), freshA);
      const again = { key: "z", n: 20, mode: 0 };
      expect(A.run(again, LIMITS)).toEqual(get("secretA").make().run(again, LIMITS));
    });
  }

  it("keep every run equal to a fresh program's through interleavings, with and without turns between", async () => {
    const programs = { secretA: get("secretA").make(), plainB: get("plainB").make(), wordsC: get("wordsC").make() };
    const freshOf = { secretA: freshMemory("secretA"), plainB: freshMemory("plainB"), wordsC: freshMemory("wordsC") };
    type Id = keyof typeof programs;
    const steps: [Id, Record<string, unknown>, typeof LIMITS][] = [
      ["secretA", { key: "a", n: 10, mode: 0 }, LIMITS],
      ["plainB", { n: 5 }, LIMITS],
      ["secretA", { key: "b", n: 120_000, mode: 0 }, LIMITS],
      ["plainB", { n: 100_000 }, LIMITS],
      ["secretA", { key: "c", n: 30, mode: 1 }, LIMITS],
      ["wordsC", { s: "x y  z" }, LIMITS],
      ["plainB", { n: 2 }, LIMITS],
      ["secretA", { key: "d", n: 30, mode: 2 }, SMALL_FUEL],
      ["secretA", { key: "e", n: 40, mode: 0 }, LIMITS],
      ["wordsC", { s: "" }, LIMITS],
      ["plainB", { n: 9 }, LIMITS],
      ["secretA", { key: "f", n: 200_000, mode: 1 }, LIMITS],
      ["wordsC", { s: "héllo wörld" }, LIMITS],
      ["secretA", { key: "g", n: 1, mode: 0 }, LIMITS],
    ];
    for (const turns of [false, true]) {
      for (const [i, [id, input, limits]] of steps.entries()) {
        // Every third step: look at the memory as the run will start with it.
        if (i % 3 === 0) expectFreshState(programs[id].startingMemory(limits), freshOf[id]);
        const got = outcome(() => programs[id].run(input, limits));
        expect(got).toEqual(outcome(() => get(id).make().run(input, limits)));
        if (turns) await nextTurn();
      }
    }
  });

  it("prepare and its warm-up runs while another program's reset is pending", async () => {
    const A = get("secretA").make();
    const input = { key: "pending", n: 100, mode: 0 };
    const expected = get("secretA").make().run(input, LIMITS);
    expect(A.run(input, LIMITS)).toEqual(expected); // its reset now waits for the next turn
    const C = get("wordsC").make(); // never warmed: prepare runs the warm-up on the shared memory
    C.prepare(LIMITS);
    expect(C.hasReadyInstance).toBe(true);
    expect(A.hasReadyInstance).toBe(false);
    const start = C.startingMemory(LIMITS);
    expect(holdsText(start, "SECRET-pending")).toBe(false);
    expectFreshState(start, freshMemory("wordsC"));
    await nextTurn(); // A's deferred reset: the memory is C's now, so it must leave it alone
    expect(C.hasReadyInstance).toBe(true);
    expect(C.run({ s: "a b" }, LIMITS)).toEqual(get("wordsC").make().run({ s: "a b" }, LIMITS));
    expect(A.run(input, LIMITS)).toEqual(expected);
    expectFreshState(A.startingMemory(LIMITS), freshMemory("secretA"));
  });

  it("give a run nested in another's host hook a memory of its own", () => {
    const D = get("loggerD").make();
    const B = get("plainB").make();
    B.prepare(LIMITS);
    const inner: unknown[] = [];
    const logs: string[] = [];
    const result = D.run({ s: "outer" }, LIMITS, {
      log: (message) => {
        logs.push(message);
        inner.push(B.run({ n: 50 }, LIMITS));
        inner.push(D.run({ s: "inner" }, LIMITS, { log: (m) => logs.push(m) }));
      },
    });
    expect(result).toEqual(
      get("loggerD")
        .make()
        .run({ s: "outer" }, LIMITS, { log: () => undefined }),
    );
    expect(inner).toEqual([
      get("plainB").make().run({ n: 50 }, LIMITS),
      get("loggerD")
        .make()
        .run({ s: "inner" }, LIMITS, { log: () => undefined }),
    ]);
    expect(logs).toEqual(["hello outer", "hello inner"]);
    expect(B.run({ n: 4 }, LIMITS)).toEqual(get("plainB").make().run({ n: 4 }, LIMITS));
  });

  it("are separate per memory cap, each capped by V8", () => {
    const small = { ...LIMITS, memoryBytes: 8 * MiB };
    const A = get("secretA").make();
    const B = get("plainB").make();
    A.prepare(small);
    B.prepare(LIMITS);
    const memoryA = A.memory!;
    expect(memoryA).toBeDefined();
    expect(memoryA).not.toBe(B.memory);
    expect(poolMemories(8 * 16).map((m) => m.memory)).toContain(A.memory);
    expect(poolMemories(MAX_PAGES).map((m) => m.memory)).toContain(B.memory);
    // The smaller cap holds for A whatever B's memory allows.
    const big = { key: "cap", n: 400_000, mode: 0 };
    const onFresh = thrown(() => get("secretA").make().run(big, small));
    expect(onFresh.code).toBe("ICE_MEMORY_LIMIT");
    expect(thrown(() => A.run(big, small))).toEqual(onFresh);
    expect(() => memoryA.grow(8 * 16)).toThrow(RangeError);
    expect(B.run({ n: 3 }, LIMITS)).toEqual(get("plainB").make().run({ n: 3 }, LIMITS));
  });
});
