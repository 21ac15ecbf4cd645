/**
 * @fileoverview The host side of fuel metering and of the wall-clock timeout. A module's fuel
 * checks (src/emit/wasm/meter.ts) call the imported `ice.tick` when the fuel counter drops below
 * zero; the host hands out the budget in slices, so every slice boundary is a chance to look at
 * the clock. That stops code spinning inside one call on time, on the calling thread, without a
 * worker hop, while a run that fits in one slice (almost all of them) never calls the host.
 *
 * Exactness: with `granted` the fuel handed out so far, the counter holds `granted - used`. A
 * check reaches `tick` exactly when `used > granted`; the run stops with ICE_FUEL_EXHAUSTED
 * exactly when `used > budget`, the same condition, at the same check, as one big slice (or at the
 * end of the run, `finish`, when no test came after the charge that spent it). So the fuel a run
 * uses and where it stops never depend on the slicing (nor on the machine's speed).
 */
import { FuelExhaustedError, TimeoutError } from "../errors.js";

/** The first slice: about 0.3-3 ms of execution, so short runs never call the host. */
const FIRST_SLICE = 1_000_000;
/** Later slices aim at this many milliseconds between two looks at the clock. */
const TARGET_MS = 2;
const MIN_SLICE = 10_000;
const MAX_SLICE = 50_000_000;

/** Fuel accounting of one run. */
export class FuelMeter {
  private counter: WebAssembly.Global | undefined;
  private budget = 0;
  private granted = 0;
  private slice = FIRST_SLICE;
  private deadline = 0;
  private lastTick = 0;

  constructor(
    private readonly nodeId: string,
    private readonly fuelLimit: number,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Arms the meter on a module's fuel counter; the budget is `fuelLimit`, the clock's deadline
   * `startedAt + timeoutMs` (`startedAt` Infinity: no deadline, fuel alone bounds the run).
   */
  start(counter: WebAssembly.Global, startedAt: number): void {
    this.counter = counter;
    this.budget = Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(this.fuelLimit)));
    this.granted = Math.min(this.budget, FIRST_SLICE);
    this.slice = FIRST_SLICE;
    this.deadline = startedAt + this.timeoutMs;
    this.lastTick = startedAt;
    counter.value = BigInt(this.granted);
  }

  /** Fuel used so far. */
  get used(): number {
    return this.counter ? this.granted - Number(this.counter.value as bigint) : 0;
  }

  /**
   * At the end of a run (or of a module's initialisation): ICE_FUEL_EXHAUSTED when it used more
   * than its budget. Functions off every cycle of calls are charged on entry without a test
   * (src/emit/wasm/meter.ts), so the last charges of a run can come after its last test; a run
   * stops at the first test after its budget is spent, or here. `used`: `this.used`, when the
   * caller read it already (a read of the counter makes a BigInt).
   */
  finish(used = this.used): void {
    if (this.counter && used > this.budget) throw new FuelExhaustedError(this.nodeId, this.fuelLimit);
  }

  /** True when the wall clock is past the deadline. */
  overdue(now = performance.now()): boolean {
    return now > this.deadline;
  }

  /**
   * Charges `fuel` for work the host does for the module (hostCost.ts), as a fuel check in the
   * module would: the counter drops, and when it goes below zero `tick` stops the run or grants
   * the next slice (so the clock is looked at as often as the work takes).
   */
  charge(fuel: number): void {
    const counter = this.counter;
    if (!counter) return;
    const left = (counter.value as bigint) - BigInt(Math.min(Number.MAX_SAFE_INTEGER, Math.ceil(fuel)));
    counter.value = left;
    if (left < 0n) this.tick();
  }

  /** `ice.tick`: stops the run, or grants the next slice. */
  tick(): void {
    const counter = this.counter;
    if (!counter) return;
    const used = this.granted - Number(counter.value as bigint);
    if (used > this.budget) throw new FuelExhaustedError(this.nodeId, this.fuelLimit);
    const now = performance.now();
    if (now > this.deadline) throw new TimeoutError(this.nodeId, this.timeoutMs);
    if (used <= this.granted) return; // called with fuel left: nothing to do
    const elapsed = Math.max(now - this.lastTick, 0.01);
    this.lastTick = now;
    this.slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.round((this.slice * TARGET_MS) / elapsed)));
    this.granted = Math.min(this.budget, used + this.slice);
    counter.value = BigInt(this.granted - used);
  }
}
