/**
 * @fileoverview The per-node cache (src/emit/wasm/nodeCache.ts): a rebuild where one node changed
 * types and lowers that node only (asks the typer to), the others get the very module they had; a damaged entry is a
 * miss (the unit is lowered again, its module found by content, the entry written anew); a body
 * that lowers with a diagnostic is not recorded, so its diagnostic is reported every time.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compileAll, LIMITS, unit } from "./helpers.js";

const lowered = vi.hoisted(() => [] as string[]);

// Bodies are lowered in the typer worker (typer.ts): what the build asks it to lower is recorded.
vi.mock("../../src/emit/wasm/typer.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/emit/wasm/typer.js")>();
  class RecordingSession extends original.TypeSession {
    override lower(...args: Parameters<typeof original.TypeSession.prototype.lower>) {
      lowered.push(args[0].body.text);
      return super.lower(...args);
    }
  }
  return { ...original, TypeSession: RecordingSession };
});

const N = { n: "integer" } as const;

describe("per-node cache", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "iceosc-node-cache-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lowers only the node that changed; the others get the modules they had", async () => {
    const a = unit("a", "return { n: inputs.n + 1 };", N, N);
    const b = unit("b", "return { n: inputs.n * 2 };", N, N);
    const first = await compileAll([a, b], dir);
    expect(first.diagnostics).toEqual([]);
    expect(await readdir(join(dir, "nodes"))).toHaveLength(2);

    lowered.length = 0;
    const changed = unit("b", "return { n: inputs.n * 3 };", N, N);
    const second = await compileAll([a, changed], dir);
    expect(second.diagnostics).toEqual([]);
    expect(lowered).toEqual(["return { n: inputs.n * 3 };"]);
    expect(second.stats).toEqual({ cacheHits: 1, compiled: 1, workerStarted: true });
    expect(second.artifacts[0]!.hash).toBe(first.artifacts[0]!.hash);
    expect(Buffer.from(second.artifacts[0]!.wasm).equals(Buffer.from(first.artifacts[0]!.wasm))).toBe(true);
    expect(second.programs.get("a")!.run({ n: 41 }, LIMITS).output).toEqual({ n: 42 });
    expect(second.programs.get("b")!.run({ n: 5 }, LIMITS).output).toEqual({ n: 15 });
  }, 120_000);

  it("takes a damaged entry for a miss and writes it anew", async () => {
    const a = unit("a", "return { n: inputs.n - 1 };", N, N);
    await compileAll([a], dir);
    const entries = await readdir(join(dir, "nodes"));
    for (const entry of entries) await writeFile(join(dir, "nodes", entry), "0".repeat(64));
    lowered.length = 0;
    const again = await compileAll([a], dir);
    expect(lowered).toEqual(["return { n: inputs.n - 1 };"]);
    expect(again.stats).toEqual({ cacheHits: 1, compiled: 0, workerStarted: false });
    expect(again.programs.get("a")!.run({ n: 1 }, LIMITS).output).toEqual({ n: 0 });
    lowered.length = 0;
    await compileAll([a], dir);
    expect(lowered).toEqual([]);
  }, 120_000);

  it("does not record a body that lowers with a diagnostic", async () => {
    const bad = unit("bad", "const s: string = 1;\nreturn { n: 1 };", N, N);
    const first = await compileAll([bad], dir);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    const second = await compileAll([bad], dir);
    expect(second.diagnostics.map((d) => d.code)).toEqual(first.diagnostics.map((d) => d.code));
  }, 120_000);
});
