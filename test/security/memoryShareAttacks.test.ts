/**
 * @fileoverview Red team of shared sandbox memories (runtime/sandbox/memoryPool.ts, program.ts):
 * attacks from the outside, as a workflow author or a host embedding the runtime can make them,
 * against the invariant of SPEC sections 4a and 8: a run starts on exactly what a fresh instance
 * of its own program holds, observes nothing of any other run (another program's, or an earlier
 * run of its own, failed or not), keeps its V8-enforced memory cap, and gives a fresh program's
 * output and fuel. Programs are forced onto one memory per cap (`setMemoriesPerCap(1)`); the
 * reference is a program on a brand-new memory (`freshRun`: the pool's bound raised so it makes
 * one) or the body run as plain JavaScript (test/oracle/reference.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram, type SandboxSpec } from "../../runtime/sandbox/index.js";
import type { SandboxLimits } from "../../runtime/profiles.js";
import { MAX_WAITING } from "../../runtime/sandbox/deferredReset.js";
import { poolMemories, setMemoriesPerCap } from "../../runtime/sandbox/memoryPool.js";
import type { SandboxUnit } from "../../src/emit/wasm/index.js";
import { compileAll, MiB, unit } from "../sandbox/helpers.js";
import { referenceBody } from "../oracle/reference.js";

/**
 * Bodies that allocate without writing everything they allocate, or free and reallocate, then read
 * (support-library routines: string builders, padding, repeat, join of holes, sort buffers, JSON,
 * Map buckets after deletes): run after a program that filled the heap with a secret, each must
 * give its plain-JavaScript result and no byte of the secret.
 */
const READERS: [string, string][] = [
  [
    "readJoin",
    'const a: string[] = [];\nfor (let i = 0; i < inputs.n; i++) a.push("");\nreturn { t: a.join(",") + "|" + a.length.toString() };',
  ],
  [
    "readPad",
    'const s = "".padStart(inputs.n, "ab") + "".padEnd(inputs.n % 7, "c");\nreturn { t: s.slice(-40) + s.length.toString() };',
  ],
  [
    "readRepeat",
    'const s = " ".repeat(inputs.n) + "x".repeat(inputs.n % 5);\nreturn { t: JSON.stringify(s.trim()) + s.length.toString() };',
  ],
  [
    "readFill",
    'const a = new Array<number>(inputs.n).fill(0);\nlet sum = 0;\nfor (const x of a) sum += x;\nreturn { t: sum.toString() + "/" + a.length.toString() };',
  ],
  [
    "readFrom",
    'const a = Array.from({ length: inputs.n }, (_, i) => i % 3);\nreturn { t: a.slice(0, 20).join("") + a.length.toString() };',
  ],
  [
    "readSort",
    'const a: number[] = [];\nfor (let i = 0; i < inputs.n; i++) a.push((i * 7919) % 101);\na.sort((x, y) => x - y);\nconst b = a.map((x) => x.toString()).sort();\nreturn { t: a.slice(0, 10).join(",") + "/" + b.slice(-5).join(",") };',
  ],
  [
    "readMap",
    'const m = new Map<string, number>();\nfor (let i = 0; i < inputs.n; i++) m.set("k" + i.toString(), i);\nfor (let i = 0; i < inputs.n; i += 2) m.delete("k" + i.toString());\nfor (let i = 0; i < 5; i++) m.set("z" + i.toString(), i);\nconst keys: string[] = [];\nfor (const [k, v] of m) keys.push(k + "=" + v.toString());\nreturn { t: keys.slice(0, 8).join(",") + "/" + m.size.toString() };',
  ],
  [
    "readJson",
    'const xs: number[] = [];\nfor (let i = 0; i < inputs.n; i++) xs.push(i * 1.5);\nconst text = JSON.stringify({ xs: xs, s: "v" + inputs.n.toString() });\nconst back: number[] = JSON.parse("[" + xs.join(",") + "]");\nreturn { t: text.slice(0, 60) + "/" + back.length.toString() + "/" + text.length.toString() };',
  ],
  [
    "readShrink",
    'const a: number[] = [];\nfor (let i = 0; i < inputs.n; i++) a.push(i + 1);\nwhile (a.length > 2) a.pop();\nfor (let i = 0; i < 3; i++) a.push(-i);\nconst s = a.concat([9]).splice(1, 3);\nreturn { t: a.join(",") + "/" + s.join(",") };',
  ],
  [
    "readChars",
    'let s = "";\nfor (let i = 0; i < inputs.n; i++) s += String.fromCharCode(65 + (i % 26));\nconst parts = s.split("Z");\nreturn { t: parts.length.toString() + [...s.slice(0, 30)].reverse().join("") + s.toLowerCase().slice(-10) };',
  ],
];

const LIMITS: SandboxLimits = { fuel: 1e9, memoryBytes: 16 * MiB, timeoutMs: 60_000 };

/** Bodies by node id. `grower` grows its memory by one large string (to a size no doubling gives). */
const UNITS: SandboxUnit[] = [
  unit("grower", 'const s = "x".repeat(inputs.n);\nreturn { n: s.length };', { n: "integer" }, { n: "integer" }),
  unit(
    "deepAfterAlloc",
    [
      "function down(k: number): number { return k <= 0 ? 0 : 1 + down(k + 1); }",
      "const parts: string[] = [];",
      'for (let i = 0; i < inputs.n; i++) parts.push("ab".repeat(500) + i.toString());',
      "if (inputs.deep) return { n: down(1) };",
      "return { n: parts.length };",
    ].join("\n"),
    { n: "integer", deep: "boolean" },
    { n: "number" },
  ),
  unit(
    "secret",
    [
      "const parts: string[] = [];",
      'for (let i = 0; i < inputs.n; i++) parts.push("SECRET-" + inputs.key + "-" + i.toString());',
      'const big = parts.join("|");',
      "const seen = new Map<string, number>();",
      "for (let i = 0; i < parts.length; i++) seen.set(parts[i], i);",
      'if (inputs.mode === 1) throw new Error("failed after " + big.length.toString());',
      "if (inputs.mode === 2) { let z = 0; for (let i = 0; i < 1e15; i++) z += i % 3; return { n: z }; }",
      "return { n: big.length + seen.size };",
    ].join("\n"),
    { key: "string", n: "integer", mode: "integer" },
    { n: "number" },
  ),
  unit(
    "logger",
    'console.log("start " + inputs.s);\nconst t = inputs.s + "/" + inputs.s.length.toString();\nconsole.log("end " + t);\nreturn { s: t };',
    { s: "string" },
    { s: "string" },
    ["log"],
  ),
  unit(
    "seeded",
    'const xs: number[] = [];\nfor (let i = 0; i < inputs.n; i++) xs.push(Math.floor(Math.random() * 1000));\nconst t0 = Date.now();\nconst t1 = Date.now();\nreturn { t: xs.join(",") + "@" + (t1 - t0).toString() + "@" + t0.toString() };',
    { n: "integer" },
    { t: "string" },
    ["random", "time", "math"],
  ),
  unit(
    "caught",
    [
      "let total = 0;",
      "function check(i: number): number {",
      '  if (i % 2 === 0) throw new Error("SECRET-" + inputs.key + "-" + i.toString());',
      "  return 1;",
      "}",
      "for (let i = 0; i < inputs.n; i++) {",
      "  try {",
      "    total += check(i);",
      "  } catch (e) {",
      "    total += (e as Error).message.length;",
      "  }",
      "}",
      'if (inputs.mode === 1) throw new Error("after catching " + total.toString());',
      "return { n: total };",
    ].join("\n"),
    { key: "string", n: "integer", mode: "integer" },
    { n: "number" },
  ),
  ...READERS.map(([id, body]) =>
    unit(id, body, { n: "integer" }, { t: "string" }, body.includes("JSON") ? ["json"] : []),
  ),
];

const wasmOf = new Map<string, { wasm: Uint8Array; spec: SandboxSpec }>();
let previousBound = 0;

beforeAll(async () => {
  previousBound = setMemoriesPerCap(1);
  const { artifacts, diagnostics } = await compileAll(UNITS);
  expect(diagnostics.map((d) => `${d.span?.file.path} ${d.message}`)).toEqual([]);
  for (const u of UNITS) {
    const wasm = artifacts.find((a) => a.nodeId === u.nodeId)!.wasm;
    wasmOf.set(u.nodeId, {
      wasm,
      spec: { nodeId: u.nodeId, inputType: u.inputType, outputType: u.outputType, capabilities: u.capabilities },
    });
  }
});

afterAll(() => {
  setMemoriesPerCap(previousBound);
});

/** A new program of node `id` (bound to the pool's shared memory). */
function make(id: string): SandboxProgram {
  const { wasm, spec } = wasmOf.get(id)!;
  return SandboxProgram.compile(wasm, spec);
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

/**
 * What `run` gives a fresh program on a brand-new memory: the pool's bound is raised so the
 * program gets a new memory, which is retired afterwards, so the pool stays one memory per cap.
 */
function onNewMemory<T>(maxPages: number, run: () => T): T {
  const bound = setMemoriesPerCap(1_000_000);
  const before = new Set(poolMemories(maxPages));
  try {
    return run();
  } finally {
    setMemoriesPerCap(bound);
    for (const memory of poolMemories(maxPages)) if (!before.has(memory)) memory.retire();
  }
}

function freshRun(id: string, input: Record<string, unknown>, limits: SandboxLimits): unknown {
  return onNewMemory(Math.floor(limits.memoryBytes / 65_536), () => outcome(() => make(id).run(input, limits)));
}

describe("a memory another program grew", () => {
  // The allocator doubles the memory, and grows by what it needs when doubling passes the cap;
  // whether a doubling fails depends on the size the run's memory starts at, which the last
  // program on a shared memory decided. The out-of-memory flag set by such a refused doubling
  // turned the run's later stack overflow into ICE_MEMORY_LIMIT (fixed: the flag says the LAST
  // grow failed, src/emit/wasm/meterHelpers.ts).
  for (const grownTo of [0, 100_000, 1_500_000, 1_900_000]) {
    it(`changes no outcome (grown by a ${grownTo}-character string)`, () => {
      for (const n of [10, 4_000, 7_000])
        for (const deep of [false, true]) {
          const grower = make("grower");
          const victim = make("deepAfterAlloc");
          if (grownTo > 0) expect(grower.run({ n: grownTo }, LIMITS).output).toEqual({ n: grownTo });
          const input = { n, deep };
          const got = outcome(() => victim.run(input, LIMITS));
          expect({ input, got }).toEqual({ input, got: freshRun("deepAfterAlloc", input, LIMITS) });
          if (deep && n < 7_000) expect(got).toMatchObject({ code: "ICE_SANDBOX_TRAP", message: /stack overflow/ });
        }
    });
  }
});

/** The body of `id` run as plain JavaScript: its return value as a run's output. */
function jsOutput(id: string, input: Record<string, unknown>): unknown {
  const u = UNITS.find((x) => x.nodeId === id)!;
  const ref = referenceBody(u.body.text);
  if (ref.kind !== "ok") throw new Error(ref.message);
  const got = ref.call(input);
  if (got.kind !== "returned") throw new Error(got.message);
  return got.value;
}

/** True when `bytes` holds `text` as UTF-16 (how the sandbox keeps strings). */
function holdsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(text, "utf16le"));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("reads of what a run did not write", () => {
  for (const [id] of READERS) {
    it(`${id}: after a program filled the heap with a secret (succeeding, trapping, out of fuel)`, async () => {
      const reader = make(id);
      for (const [mode, n] of [
        [0, 3_000],
        [1, 2_000],
        [2, 500],
        [0, 40],
      ] as const) {
        const secret = make("secret");
        const key = `${id}${mode}${n}`;
        outcome(() => secret.run({ key, n, mode }, mode === 2 ? { ...LIMITS, fuel: 300_000 } : LIMITS));
        for (const size of [0, 1, 17, 300]) {
          expect(holdsText(reader.startingMemory(LIMITS), `SECRET-${key}`)).toBe(false);
          const got = reader.run({ n: size }, LIMITS);
          expect(got.output).toEqual(jsOutput(id, { n: size }));
          expect(got).toEqual(freshRun(id, { n: size }, LIMITS));
          expect(JSON.stringify(got)).not.toContain("SECRET");
          if (size === 17) await nextTurn(); // the reader's deferred reset, before the secret's next run
          outcome(() => secret.run({ key, n: 50, mode }, mode === 2 ? { ...LIMITS, fuel: 300_000 } : LIMITS));
        }
      }
    });
  }
});

describe("runs started from host hooks", () => {
  it("synchronously from a log hook of a run on the same memory, of the same and other programs", () => {
    const logger = make("logger");
    const secret = make("secret");
    const reader = make("readJoin");
    const runs: [string, Record<string, unknown>, SandboxLimits, unknown][] = [];
    const logs: string[] = [];
    let depth = 0;
    const record = (id: string, program: SandboxProgram, input: Record<string, unknown>, limits: SandboxLimits) =>
      runs.push([id, input, limits, outcome(() => program.run(input, limits, depth < 2 ? hooks : undefined))]);
    const hooks = {
      log: (message: string): void => {
        logs.push(message);
        if (depth > 1) return;
        depth++;
        record("secret", secret, { key: `hook${depth}`, n: 400, mode: depth % 2 }, LIMITS);
        record("readJoin", reader, { n: 5 + depth }, LIMITS);
        reader.prepare(LIMITS); // its memory is the one running: nothing to prepare
        if (reader.hasReadyInstance) throw new Error("a program is ready on a memory a run is using");
        record("logger", logger, { s: `inner${depth}` }, LIMITS);
        record("secret", secret, { key: "spin", n: 10, mode: 2 }, { ...LIMITS, fuel: 100_000 });
        depth--;
      },
    };
    record("logger", logger, { s: "outer" }, LIMITS);
    expect(runs.length).toBeGreaterThan(20);
    for (const [id, input, limits, got] of runs)
      expect({ id, input, got }).toEqual({ id, input, got: freshRun(id, input, limits) });
    expect(JSON.stringify([runs, logs])).not.toContain("SECRET");
    expect(new Set(runs.map((r) => (r[3] as { code?: string }).code))).toEqual(
      new Set([undefined, "ICE_SANDBOX_TRAP", "ICE_FUEL_EXHAUSTED"]),
    );
    // Afterwards every program starts fresh on the shared memory.
    expect(reader.run({ n: 3 }, LIMITS)).toEqual(freshRun("readJoin", { n: 3 }, LIMITS));
    expect(logger.run({ s: "after" }, LIMITS)).toEqual(freshRun("logger", { s: "after" }, LIMITS));
    expect(secret.run({ key: "after", n: 10, mode: 0 }, LIMITS)).toEqual(
      freshRun("secret", { key: "after", n: 10, mode: 0 }, LIMITS),
    );
  });

  it("asynchronously from a log hook (microtasks and turns), while resets are pending", async () => {
    const logger = make("logger");
    const secret = make("secret");
    const reader = make("readPad");
    const later: Promise<[string, Record<string, unknown>, unknown]>[] = [];
    const start =
      (id: string, program: SandboxProgram, input: Record<string, unknown>) =>
      (): [string, Record<string, unknown>, unknown] => [id, input, outcome(() => program.run(input, LIMITS))];
    const hooks = {
      log: (message: string): void => {
        later.push(Promise.resolve().then(start("readPad", reader, { n: message.length })));
        later.push(nextTurn().then(start("secret", secret, { key: message, n: 300, mode: message.length % 2 })));
        later.push(nextTurn().then(start("logger", logger, { s: message.slice(0, 3) })));
      },
    };
    for (let i = 0; i < 5; i++) {
      expect(logger.run({ s: `r${i}` }, LIMITS, hooks)).toEqual(freshRun("logger", { s: `r${i}` }, LIMITS));
      if (i % 2 === 0) await nextTurn();
    }
    const results = await Promise.all(later);
    expect(results).toHaveLength(30);
    for (const [id, input, got] of results)
      expect({ id, input, got }).toEqual({ id, input, got: freshRun(id, input, LIMITS) });
    expect(reader.run({ n: 9 }, LIMITS)).toEqual(freshRun("readPad", { n: 9 }, LIMITS));
  });
});

describe("caught errors and failing hooks", () => {
  it("leave nothing of a thrown-and-caught secret, nor of a run a hook's exception ended", () => {
    const caught = make("caught");
    const logger = make("logger");
    const reader = make("readChars");
    for (const [i, [n, mode]] of [
      [300, 0],
      [301, 1],
      [7, 0],
      [2_000, 1],
      [0, 0],
    ].entries()) {
      const input = { key: `c${i}`, n, mode };
      expect(outcome(() => caught.run(input, LIMITS))).toEqual(freshRun("caught", input, LIMITS));
      // A log hook that throws ends the run from outside the module, mid-run.
      const hookError = outcome(() =>
        logger.run({ s: `SECRET-hook${i}` }, LIMITS, {
          log: () => {
            throw new Error("hook refused");
          },
        }),
      );
      expect(hookError).toMatchObject({ message: "hook refused" });
      expect(holdsText(reader.startingMemory(LIMITS), "SECRET-")).toBe(false);
      expect(reader.run({ n: i * 40 }, LIMITS)).toEqual(freshRun("readChars", { n: i * 40 }, LIMITS));
      expect(logger.run({ s: `x${i}` }, LIMITS)).toEqual(freshRun("logger", { s: `x${i}` }, LIMITS));
    }
  });
});

describe("many programs on one memory", () => {
  it("past MAX_WAITING pending resets (all reset at once inside a run's end), each run equals a fresh one", async () => {
    const programs = Array.from({ length: MAX_WAITING + 40 }, (_, i) =>
      i % 3 === 0 ? make("secret") : make("readMap"),
    );
    for (let round = 0; round < 2; round++) {
      for (const [i, program] of programs.entries()) {
        if (i % 3 === 0) program.run({ key: `many${round}-${i}`, n: 60, mode: 0 }, LIMITS);
        else {
          const got = program.run({ n: (i + round) % 50 }, LIMITS);
          if (i % 37 === 1) expect(got).toEqual(freshRun("readMap", { n: (i + round) % 50 }, LIMITS));
          expect(JSON.stringify(got)).not.toContain("SECRET");
        }
      }
      if (round === 0) await nextTurn();
    }
    for (const program of programs.slice(-5)) {
      // (the secret program's own data image holds the literal "SECRET-"; the runs' keys must not be there)
      expect(holdsText(program.startingMemory(LIMITS), "SECRET-many")).toBe(false);
    }
  });
});

describe("seeded runs (random and time capabilities)", () => {
  it("draw a fresh program's numbers and clock after other programs' runs and resets on the memory", async () => {
    const seeded = make("seeded");
    const secret = make("secret");
    const fresh = (seed: number, n: number): unknown =>
      onNewMemory(LIMITS.memoryBytes / 65_536, () => make("seeded").run({ n }, LIMITS, { seed }));
    for (const [i, seed] of [1, 2, 1, 99, 2].entries()) {
      const n = 3 + i;
      expect(seeded.run({ n }, LIMITS, { seed })).toEqual(fresh(seed, n));
      if (i % 2 === 0)
        await nextTurn(); // the deferred reset runs _start outside any run's hooks
      else outcome(() => secret.run({ key: `s${i}`, n: 100, mode: i % 3 }, { ...LIMITS, fuel: 400_000 }));
      expect(seeded.run({ n }, LIMITS, { seed })).toEqual(fresh(seed, n));
    }
  });
});

describe("per-run limits that differ", () => {
  it("keep each run's cap and give a fresh program's outcome, interleaved with a secret's runs", () => {
    const secret = make("secret");
    const victim = make("deepAfterAlloc");
    const caps = [16 * MiB, 8 * MiB, 16 * MiB, 10.5 * MiB, 4 * MiB, 16 * MiB, 8 * MiB];
    for (const [i, memoryBytes] of caps.entries()) {
      const limits = { ...LIMITS, memoryBytes, fuel: i % 3 === 2 ? 2_000_000 : LIMITS.fuel };
      outcome(() => secret.run({ key: `cap${i}`, n: 20_000 + i * 9_000, mode: i % 2 }, limits));
      for (const n of [5, 1_200, 3_000]) {
        const input = { n, deep: false };
        const got = outcome(() => victim.run(input, limits));
        expect({ i, n, got }).toEqual({ i, n, got: freshRun("deepAfterAlloc", input, limits) });
      }
      victim.prepare({ ...limits, memoryBytes: caps[(i + 1) % caps.length]! });
    }
  });
});
