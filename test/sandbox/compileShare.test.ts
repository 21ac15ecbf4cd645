/**
 * @fileoverview A compiler worker parses AssemblyScript's library once and reuses the parsed files
 * in every later program (src/emit/wasm/compilerWorkerScript.ts). A program compiled after others
 * must come out byte for byte as when compiled alone, with the same diagnostics (builds stay
 * reproducible whatever else the worker compiled before); a worker started ahead of time
 * (prestartCompilerWorker) has the library parsed before its first unit arrives; units optimised
 * apart from their compile (optimizeApart.ts), by either worker, come out as when compiled and
 * optimised in this thread that way; and a worker of the built package meters what it compiles to
 * the bytes the main thread's metering gives.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RUNTIME_LIB_FILE, RUNTIME_LIB_SOURCE } from "../../src/codenode/runtimeLib.js";
import { lowerBody } from "../../src/codenode/index.js";
import { ALLOCATOR_LIBRARY_KEY, ALLOCATOR_SOURCE } from "../../src/emit/wasm/allocator.js";
import { LIBRARY_DIR, LIBRARY_FILE, LIBRARY_SOURCE } from "../../src/emit/wasm/asLibrary.js";
import { ASC_FLAGS, ENTRY_FILE, OUTPUT_FILE } from "../../src/emit/wasm/compilerFlags.js";
import { compileInWorker, prestartCompilerWorker } from "../../src/emit/wasm/compileWorker.js";
import { SHARED_PARSE_SOURCE } from "../../src/emit/wasm/compilerWorkerScript.js";
import { OPTIMIZE_APART_SOURCE } from "../../src/emit/wasm/optimizeApart.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { ROOT } from "../helpers/cli.js";
import { obj } from "./helpers.js";

const SOURCES = [
  lowerBody(
    embedCodeBody('const t = inputs.xs.reduce((a, x) => a + x * 2, 0);\nreturn { s: "sum " + t.toFixed(2) };', "sum"),
    obj({ xs: "number[]" }),
    obj({ s: "string" }),
    [],
  ),
  lowerBody(
    embedCodeBody(
      'const counts = new Map<string, number>();\nfor (const w of inputs.text.split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);\nreturn { s: [...counts.keys()].sort().join(",") };',
      "words",
    ),
    obj({ text: "string" }),
    obj({ s: "string" }),
    [],
  ),
  lowerBody(
    embedCodeBody("return { s: JSON.stringify({ a: inputs.n, b: [inputs.n, -0] }) };", "json"),
    obj({ n: "number" }),
    obj({ s: "string" }),
    ["json"],
  ),
].map((lowered) => lowered.source!);

interface Asc {
  main(argv: readonly string[], options: object): Promise<{ error: Error | null }>;
  createMemoryStream(): object;
}

interface Compiled {
  readonly binary: Uint8Array | undefined;
  readonly diagnostics: readonly string[];
}

/** Compiles in this thread, as the worker does. */
async function compile(asc: Asc, source: string): Promise<Compiled> {
  const outputs: Record<string, Uint8Array> = {};
  const diagnostics: string[] = [];
  const libFiles: Record<string, string> = { [LIBRARY_FILE]: LIBRARY_SOURCE, [RUNTIME_LIB_FILE]: RUNTIME_LIB_SOURCE };
  await asc.main([...ASC_FLAGS], {
    readFile: (name: string, baseDir: string) =>
      baseDir === LIBRARY_DIR ? (libFiles[name] ?? null) : name === ENTRY_FILE ? source : null,
    writeFile: (name: string, contents: Uint8Array) => {
      outputs[name] = contents;
    },
    listFiles: (dir: string) => (dir === LIBRARY_DIR ? Object.keys(libFiles) : []),
    stdout: asc.createMemoryStream(),
    stderr: asc.createMemoryStream(),
    reportDiagnostic: (d: {
      category: number;
      code: number;
      message: string;
      range?: { source: { normalizedPath: string }; start: number; end: number };
    }) => {
      diagnostics.push(
        `${d.category} ${d.code} ${d.message} ${d.range?.source.normalizedPath}:${d.range?.start}-${d.range?.end}`,
      );
    },
  });
  return { binary: outputs[OUTPUT_FILE], diagnostics };
}

/** asc in this thread, with our allocator in place of the stub runtime's (as the worker has it). */
async function compiler(): Promise<{ asc: Asc; as: object }> {
  const module = (await import("assemblyscript/asc")) as unknown as { default?: Asc; libraryFiles: object } & Asc;
  const as = (await import("assemblyscript")) as object;
  (module.libraryFiles as Record<string, string>)[ALLOCATOR_LIBRARY_KEY] = ALLOCATOR_SOURCE;
  return { asc: module.default ?? module, as };
}

interface Apart {
  capturePlans(as: object, binaryen: object): { take(): unknown; restore(): void };
  optimizeRaw(binaryen: object, raw: Uint8Array, plan: unknown): Uint8Array;
}

/** Compiles in this thread, then optimises the unoptimised module apart, as the workers do. */
async function compileApart(asc: Asc, as: object, source: string): Promise<Uint8Array> {
  const binaryen = (await import("binaryen")).default as object;
  const apart = new Function(`${OPTIMIZE_APART_SOURCE}\nreturn { capturePlans, optimizeRaw };`)() as Apart;
  const plans = apart.capturePlans(as, binaryen);
  try {
    const raw = await compile(asc, source);
    expect(raw.diagnostics.filter((d) => d.startsWith("3 "))).toEqual([]);
    return apart.optimizeRaw(binaryen, raw.binary!, plans.take());
  } finally {
    plans.restore();
  }
}

describe("the shared library parse", () => {
  it("gives every program the bytes and diagnostics it gets compiled alone", async () => {
    const { asc, as } = await compiler();
    const alone: Compiled[] = [];
    for (const source of SOURCES) alone.push(await compile(asc, source));
    for (const c of alone) expect(c.binary?.length).toBeGreaterThan(0);

    const share = new Function("as", `${SHARED_PARSE_SOURCE}\nreturn shareLibraryParses(as);`)(as) as {
      reused(): number;
      restore(): void;
    };
    try {
      // Each program after the others, in both orders, and one twice in a row.
      const order = [0, 1, 2, 2, 1, 0];
      for (const i of order) {
        const shared = await compile(asc, SOURCES[i]!);
        expect(shared.diagnostics).toEqual(alone[i]!.diagnostics);
        expect(Buffer.from(shared.binary!).equals(Buffer.from(alone[i]!.binary!))).toBe(true);
      }
      // Everything after the first program's library came from the first parse.
      expect(share.reused()).toBeGreaterThan(order.length * 20);
    } finally {
      share.restore();
    }
  });

  it("is ready in a worker started ahead of time, and the workers' output matches", async () => {
    const { asc, as } = await compiler();
    const alone: Uint8Array[] = [];
    for (const source of SOURCES) alone.push(await compileApart(asc, as, source));
    prestartCompilerWorker();
    // Several units: the optimizer worker takes some, the asc worker the others.
    const outcomes = await compileInWorker([...SOURCES, ...SOURCES], { unitMs: 600_000, totalMs: 600_000 });
    outcomes.forEach((outcome, i) => {
      expect(outcome.failure).toBeUndefined();
      expect(Buffer.from(outcome.binary!).equals(Buffer.from(alone[i % SOURCES.length]!))).toBe(true);
    });
    expect(outcomes[0]!.reusedSources).toBeGreaterThan(20);
  });
});

describe("the optimisation plan", () => {
  // The -optimizing variants re-run binaryen's function pipeline on what they changed: ~20% of a
  // unit's optimisation CPU for 2 bytes of code (bench/README.md, "Cold builds of code nodes").
  it("runs plain simplify-globals and dae where asc asks for their -optimizing variants", async () => {
    const { asc, as } = await compiler();
    const binaryen = (await import("binaryen")).default as object;
    const apart = new Function(`${OPTIMIZE_APART_SOURCE}\nreturn { capturePlans };`)() as Pick<Apart, "capturePlans">;
    const plans = apart.capturePlans(as, binaryen);
    try {
      await compile(asc, SOURCES[0]!);
      const { passes } = plans.take() as { passes: string[] };
      expect(passes).not.toContain("simplify-globals-optimizing");
      expect(passes).not.toContain("dae-optimizing");
      expect(passes).toContain("simplify-globals");
      expect(passes).toContain("dae");
      expect(passes).toContain("inlining-optimizing");
    } finally {
      plans.restore();
    }
  });
});

describe("metering in the worker", () => {
  it("gives the bytes the main thread's metering gives (built package: the worker loads meter.js)", () => {
    const url = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, "dist", "src", ...path.split("/"))).href);
    const script = [
      `const { compileInWorker } = await import(${url("emit/wasm/compileWorker.js")});`,
      `const { meterModule } = await import(${url("emit/wasm/meter.js")});`,
      `const sources = ${JSON.stringify(SOURCES)};`,
      "const outcomes = await compileInWorker(sources, { unitMs: 600000, totalMs: 600000, meter: true });",
      "const same = outcomes.map((o) => !!o.metered && Buffer.from(o.metered).equals(Buffer.from(meterModule(o.binary))));",
      "console.log(JSON.stringify(same));",
    ].join("\n");
    // A file, not `--input-type=module -e`: workers inherit that flag, and asc's worker is a script.
    const file = join(mkdtempSync(join(tmpdir(), "iceosc-worker-meter-")), "meter.mjs");
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual(SOURCES.map(() => true));
  });
});
