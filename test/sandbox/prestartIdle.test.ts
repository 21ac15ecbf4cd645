/**
 * @fileoverview A compiler worker started ahead of its build (prestartCompilerWorker) must still be
 * there when the build hands it its first unit, however long typing the bodies took: it was ended
 * by the 10 s idle timer of workers kept between compiles, so on a loaded machine a cold build
 * loaded asc twice. And once the caller is done compiling (`iceosc run` of a workflow whose pieces
 * all came from the cache), such a worker is ended with its hold on V8's baseline tier: the run's
 * own sandboxes compiled under `--liftoff-only` while it was still loading binaryen.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  idleCompilerWorkers,
  prestartCompilerWorker,
  stopIdleCompilerWorkers,
} from "../../src/emit/wasm/compileWorker.js";
import { baselineTierHeld } from "../../src/emit/wasm/loadBinaryen.js";

describe("a compiler worker started ahead of a build that did not need it", () => {
  it("is ended, with its hold on the baseline tier, when the caller is done compiling", () => {
    prestartCompilerWorker();
    expect(idleCompilerWorkers()).toBe(1);
    // Still loading asc and binaryen (its first message cannot have come in this tick).
    expect(baselineTierHeld()).toBe(true);
    stopIdleCompilerWorkers();
    expect(idleCompilerWorkers()).toBe(0);
    expect(baselineTierHeld()).toBe(false);
  });
});

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
