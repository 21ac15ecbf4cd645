/**
 * @fileoverview A compiler worker started ahead of its build (prestartCompilerWorker) must still be
 * there when the build hands it its first unit, however long typing the bodies took: it was ended
 * by the 10 s idle timer of workers kept between compiles, so on a loaded machine a cold build
 * loaded asc twice.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { idleCompilerWorkers, prestartCompilerWorker } from "../../src/emit/wasm/compileWorker.js";

describe("a compiler worker started ahead of time", () => {
  afterEach(() => {
    // Past any idle timer: the worker is ended, then real timers again.
    vi.advanceTimersByTime(10 * 60_000);
    vi.useRealTimers();
  });

  it("outlives the idle timer of workers kept between compiles", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    prestartCompilerWorker();
    expect(idleCompilerWorkers()).toBe(1);
    // A build typing its bodies for 30 s on a loaded machine.
    vi.advanceTimersByTime(30_000);
    expect(idleCompilerWorkers()).toBe(1);
  });
});
