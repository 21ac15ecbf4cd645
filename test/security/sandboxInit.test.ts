/**
 * @fileoverview A module's own initialisation (`_start`, run at instantiation and again on every
 * reset) is metered and has a deadline: a module that spins there is refused as invalid, quickly,
 * and the host stays healthy. Such a module cannot come from a code body (bodies never reach the
 * module's top level); it is made here by appending a spinning top-level loop to a generated
 * program and metering it, as a forged module beside a generated module would be.
 */
import { describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { meterModule } from "../../src/emit/wasm/meter.js";
import { lowerBody } from "../../src/codenode/index.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";
import { LIMITS, obj, thrown } from "../sandbox/helpers.js";

const input = obj({ n: "number" });
const output = obj({ y: "number" });

async function forged(topLevel: string, body = "return { y: inputs.n + 1 };", inputType = input): Promise<Uint8Array> {
  const source = `${lowerBody(embedCodeBody(body, "forged"), inputType, output, []).source!}\n${topLevel}\n`;
  const [outcome] = await compileInWorker([source], { unitMs: 60_000, totalMs: 120_000 });
  expect(outcome!.diagnostics.filter((d) => d.category === 3)).toEqual([]);
  return meterModule(outcome!.binary!);
}

const spec = { nodeId: "forged", inputType: input, outputType: output, capabilities: [] };

describe("module initialisation", () => {
  it("stops a module that spins in _start, as an invalid module", async () => {
    const wasm = await forged("let spins = 0;\nwhile (spins >= 0) { spins = (spins + 1) % 1000; }");
    const program = SandboxProgram.compile(wasm, spec);
    const started = performance.now();
    const error = thrown(() => program.run({ n: 1 }, LIMITS));
    expect(error.code).toBe("ICE_MODULE_INVALID");
    expect(error.message).toMatch(/initialisation/);
    // Bounded by the initialisation budget (fuel or a 1 s deadline), not by the run's limits.
    expect(performance.now() - started).toBeLessThan(30_000);
    // Preparing an instance ahead of need (what generated modules do on import) must not throw.
    expect(() => program.prepare(LIMITS)).not.toThrow();
  });

  it("runs a module with ordinary initialisation normally, again and again", async () => {
    const wasm = await forged("let table = new Array<f64>(); for (let i = 0; i < 100; i++) table.push(i);");
    const program = SandboxProgram.compile(wasm, spec);
    for (let i = 0; i < 3; i++) expect(program.run({ n: i }, LIMITS).output).toEqual({ y: i + 1 });
  });
});

describe("input larger than the node's memory cap", () => {
  it("is refused before it is encoded, and no buffer keeps it alive", async () => {
    const textInput = obj({ text: "string" });
    const wasm = await forged("", "return { y: inputs.text.length };", textInput);
    const program = SandboxProgram.compile(wasm, {
      nodeId: "big",
      inputType: textInput,
      outputType: output,
      capabilities: [],
    });
    const text = "x".repeat(20_000_000);
    const before = process.memoryUsage().arrayBuffers;
    const error = thrown(() => program.run({ text }, { ...LIMITS, memoryBytes: 1024 * 1024 }));
    expect(error.code).toBe("ICE_MEMORY_LIMIT");
    // Encoding the whole input would take 40 MB of buffers (kept by the shared writer before).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("names the sandbox reserves", () => {
  it("refuses a body that declares abort or reaches the codec's functions, at the name", async () => {
    const { compileAll, unit, where } = await import("../sandbox/helpers.js");
    const bodies = {
      shadow: "function abort(): void {}\nthrow new Error('x');\nreturn { y: 1 };",
      codec: "const p = __ice_alloc(8);\nreturn { y: p };",
      local: "const __tmp = inputs.n;\nreturn { y: __tmp };",
    };
    const result = await compileAll(
      Object.entries(bodies).map(([id, body]) => unit(id, body, { n: "number" }, { y: "number" })),
    );
    expect(result.artifacts).toEqual([]);
    expect(result.diagnostics.map(where)).toEqual([
      "shadow.yaml:6:16 ICE3020",
      "codec.yaml:6:17 ICE3020",
      "local.yaml:6:13 ICE3020",
    ]);
  });
});

describe("the build's compile budget", () => {
  it("fails the units it has no time left for with ICE4012, without a timeout each", async () => {
    const { compileSandboxUnits } = await import("../../src/emit/wasm/index.js");
    const { unit, where } = await import("../sandbox/helpers.js");
    const units = ["a", "b", "c", "d", "e", "f"].map((id) =>
      unit(id, `return { y: inputs.n * ${id.charCodeAt(0)} };`, { n: "number" }, { y: "number" }),
    );
    const started = performance.now();
    const result = await compileSandboxUnits(units, { budgetMs: 1, timeoutMs: 60_000 });
    expect(result.artifacts).toEqual([]);
    expect(result.diagnostics.map(where)).toEqual(units.map((u) => `${u.nodeId}.yaml:6:7 ICE4012`));
    // Six units with a 60 s timeout each, but one 1 ms budget: over as soon as the workers stop.
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
