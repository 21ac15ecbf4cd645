/**
 * @fileoverview holdBaselineTier (src/emit/wasm/loadBinaryen.ts) gives tier-up back when the last
 * hold ends: `--liftoff-only` switches `--wasm-tier-up` and `--wasm-dynamic-tiering` off in V8, and
 * clearing it alone left every later module of the process on Liftoff (~1.6x slower sandboxes);
 * lazy compilation, off while held, comes back too.
 */
import { describe, expect, it, vi } from "vitest";

const flags: string[] = [];
vi.mock("node:v8", () => ({ setFlagsFromString: (f: string) => flags.push(f) }));

describe("holdBaselineTier", () => {
  it("sets --liftoff-only while held and turns tier-up back on after the last release", async () => {
    const { holdBaselineTier } = await import("../../src/emit/wasm/loadBinaryen.js");
    const first = holdBaselineTier();
    const second = holdBaselineTier();
    const held = ["--liftoff-only", "--no-wasm-lazy-compilation"];
    expect(flags).toEqual(held);
    first();
    first();
    expect(flags).toEqual(held);
    second();
    expect(flags).toEqual([
      ...held,
      "--no-liftoff-only",
      "--wasm-lazy-compilation",
      "--wasm-tier-up",
      "--wasm-dynamic-tiering",
    ]);
  });
});
