/**
 * @fileoverview holdBaselineTier (src/emit/wasm/loadBinaryen.ts) gives tier-up back when the last
 * hold ends: `--liftoff-only` switches `--wasm-tier-up` and `--wasm-dynamic-tiering` off in V8, and
 * clearing it alone left every later module of the process on Liftoff (~1.6x slower sandboxes).
 */
import { describe, expect, it, vi } from "vitest";

const flags: string[] = [];
vi.mock("node:v8", () => ({ setFlagsFromString: (f: string) => flags.push(f) }));

describe("holdBaselineTier", () => {
  it("sets --liftoff-only while held and turns tier-up back on after the last release", async () => {
    const { holdBaselineTier } = await import("../../src/emit/wasm/loadBinaryen.js");
    const first = holdBaselineTier();
    const second = holdBaselineTier();
    expect(flags).toEqual(["--liftoff-only"]);
    first();
    first();
    expect(flags).toEqual(["--liftoff-only"]);
    second();
    expect(flags).toEqual(["--liftoff-only", "--no-liftoff-only", "--wasm-tier-up", "--wasm-dynamic-tiering"]);
  });
});
