/**
 * @fileoverview The sandbox host: a verified, compiled module that runs synchronously. Every run
 * starts from a module's initial state (no state survives between runs; a failed run leaves
 * nothing behind), with fuel and the wall-clock deadline armed before any module code runs, and
 * every way a run can end is classified into the stable error codes of README "Errors and diagnostics".
 *
 * Memory: a program's instance is instantiated against a memory of the process's pool for its
 * cap (memoryPool.ts), which other programs' instances may share; a run starts only when the
 * memory is `clean` for this program's instance (exactly a fresh instance's state), else the
 * memory is reset for it first. Fast path: after a successful run the memory is reset to this
 * program's fresh state (the dirty extent zeroed, the data image copied back, every mutable
 * global set back to its initial value by the module's verified `__ice_reset`, `_start` run
 * again), off the critical path when the event loop turns (deferredReset.ts) or at the next run;
 * a fresh `WebAssembly.Instance` costs 10-20 us, a reset ~2 us. An instance whose run failed is
 * dropped (its memory stays in the pool, dirty: the next run on it resets it).
 */
import {
  IceError,
  InputInvalidError,
  MemoryLimitError,
  ModuleInvalidError,
  SandboxTrapError,
  TimeoutError,
} from "../errors.js";
import type { SandboxLimits } from "../profiles.js";
import type { ObjectType } from "../schema.js";
import { checkModule } from "./checkModule.js";
import { makeDecoder, WireWriter, type Decoder } from "./codec.js";
import { encodeInput, makeEncoder, type Encoder } from "./encoder.js";
import { readOutputFrom } from "./readOutput.js";
import { FuelMeter } from "./fuel.js";
import {
  createImports,
  hostRun,
  restoreHost,
  saveHost,
  SEEDED_CLOCK_EPOCH,
  type HostRun,
  type SandboxHooks,
  type SandboxSource,
} from "./host.js";
import { classifyRunError } from "./classify.js";
import { deferReset, type ResetHolder } from "./deferredReset.js";
import { memoryFor, PAGE, privateMemory, type MemoryUser, type SharedMemory, type Slot } from "./memoryPool.js";
import { warmUp } from "./warmUp.js";
import type { ModuleShape } from "./verify.js";
import { initialImage, type SandboxExports } from "./slot.js";

export { GROWN_BUDGET, KEEP_BYTES } from "./memoryPool.js";

/** What the host must know about a compiled sandbox unit. */
export interface SandboxSpec {
  readonly nodeId: string;
  readonly inputType: ObjectType;
  readonly outputType: ObjectType;
  /** Granted capability names; the module may import only what these allow. */
  readonly capabilities: readonly string[];
  /** Where the body is: a trap at body line n names `file:(line + n - 1)`. */
  readonly source?: SandboxSource;
}

/** A successful run. */
export interface SandboxResult {
  readonly output: Record<string, unknown>;
  /** Fuel units burnt (deterministic for the same module and input). */
  readonly fuelUsed: number;
}

/** Fuel and time a module's initialisation may use (compiler-generated); not charged to the run. */
const START_FUEL = 10_000_000;
const START_TIMEOUT_MS = 1_000;
/** One writer for all programs: runs are synchronous and encoding finishes before any call. */
const writer = new WireWriter();

/** A verified sandbox module, ready to run any number of times. */
export class SandboxProgram implements ResetHolder, MemoryUser {
  private readonly host: HostRun;
  private readonly imports: WebAssembly.Imports;
  private readonly env: Record<string, unknown>;
  /**
   * This program's instance and the pooled memory it was instantiated against, kept between
   * runs; ready for a run when the memory's state is `clean` for it.
   */
  private slot: Slot | undefined;
  /** The slot's binding in its memory's list of users (memoryPool.ts). */
  private binding: WeakRef<MemoryUser> | undefined;
  /** The memory image right after instantiation (data segments), up to its last non-zero byte. */
  private image: Uint8Array | undefined;
  /** True once `prepare` has warmed the run path. */
  private warmed = false;

  private constructor(
    private readonly spec: SandboxSpec,
    private readonly module: WebAssembly.Module,
    private readonly minPages: number,
    private readonly resettable: boolean,
    private readonly encode: Encoder,
    private readonly decode: Decoder,
  ) {
    this.host = hostRun(spec.source);
    const { env, ice } = createImports(this.host, spec.capabilities);
    this.env = env;
    this.imports = { env: env as WebAssembly.ModuleImports, ice: ice as WebAssembly.ModuleImports };
  }

  /** Verifies and compiles `bytes`. Throws CapabilityDeniedError or ModuleInvalidError. */
  static compile(bytes: Uint8Array, spec: SandboxSpec): SandboxProgram {
    const checked = checkModule(bytes, spec);
    return SandboxProgram.create(spec, checked, () => new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));
  }

  /**
   * The same, with V8's compilation off the calling thread (`WebAssembly.compile`): generated
   * modules start it when they are imported, so a node's first run does not wait for it.
   */
  static async compileAsync(bytes: Uint8Array, spec: SandboxSpec): Promise<SandboxProgram> {
    const checked = checkModule(bytes, spec);
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    } catch (error) {
      throw new ModuleInvalidError(
        spec.nodeId,
        `sandbox module rejected: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return SandboxProgram.create(spec, checked, () => module);
  }

  private static create(spec: SandboxSpec, shape: ModuleShape, module: () => WebAssembly.Module): SandboxProgram {
    try {
      return new SandboxProgram(
        spec,
        module(),
        shape.memoryMinPages,
        shape.resettable,
        makeEncoder(spec.inputType),
        makeDecoder(spec.outputType),
      );
    } catch (error) {
      if (error instanceof IceError) throw error;
      throw new ModuleInvalidError(
        spec.nodeId,
        `sandbox module rejected: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Runs once from the module's initial state. Synchronous; throws IceError subclasses. */
  run(input: Record<string, unknown>, limits: SandboxLimits, hooks?: SandboxHooks): SandboxResult {
    const spec = this.spec;
    const maxPages = Math.floor(limits.memoryBytes / PAGE);
    // Validated while encoding; the input must fit in the memory cap (checked before the buffer grows).
    const limit = (maxPages - this.minPages) * PAGE;
    const encoded = encodeInput(writer, this.encode, input, spec.inputType, "inputs", limit);
    if (encoded.kind === "invalid") throw new InputInvalidError(encoded.problem, spec.nodeId);
    if (encoded.kind === "too-large" || maxPages < this.minPages) {
      writer.end();
      throw new MemoryLimitError(spec.nodeId, limits.memoryBytes);
    }
    const { length } = encoded;

    const meter = new FuelMeter(spec.nodeId, limits.fuel, limits.timeoutMs);
    // The host state of this run, put back when it ends (withHostState's contract, written out).
    const host = this.host;
    const saved = saveHost(host);
    host.hooks = hooks;
    host.logUnits = 0;
    host.logMessages = 0;
    host.clock = SEEDED_CLOCK_EPOCH;
    let slot: Slot | undefined;
    let keep = false;
    try {
      slot = this.claim(maxPages);
      const { exports } = slot;
      const shared = slot.memory;
      shared.enter(); // from here on the memory is not clean for anyone (memoryPool.ts)
      host.memory = shared.memory;
      host.meter = meter;
      meter.start(exports.__ice_fuel, performance.now());
      const at = exports.__ice_alloc(length) >>> 0;
      const { bytes } = shared.views();
      if (at + length > bytes.length) throw new SandboxTrapError(spec.nodeId, "input buffer out of bounds");
      bytes.set(writer.bytes.subarray(0, length), at);
      writer.end();
      const out = exports.__ice_run() >>> 0;
      const fuelUsed = meter.used;
      meter.finish(fuelUsed);
      shared.views();
      const output = readOutputFrom(shared.bytes, shared.view, out, this.decode);
      if (meter.overdue()) throw new TimeoutError(spec.nodeId, limits.timeoutMs);
      keep = true;
      return { output, fuelUsed };
    } catch (error) {
      throw classifyRunError(spec.nodeId, error, slot?.exports.__ice_oom.value === 1, meter, limits);
    } finally {
      restoreHost(host, saved);
      writer.end();
      if (slot) {
        const heapEnd = keep ? slot.exports.__ice_heap_end : undefined;
        slot.memory.ran(slot, heapEnd ? (heapEnd.value as number) >>> 0 : undefined);
        if (slot === this.slot) {
          if (keep && this.resettable && !slot.memory.retired) deferReset(this);
          else this.drop();
        }
      }
    }
  }

  /** Resets the memory for this program's instance when this program's run left it dirty; see deferredReset.ts. */
  resetUsed(): void {
    const slot = this.slot;
    if (!slot) return;
    const state = slot.memory.state;
    if (state.kind !== "dirty" || state.by !== slot) return; // clean, busy, or another program's run since
    if (!this.reset(slot)) this.drop();
  }

  /** True when this program's instance is ready for a run: its memory holds its fresh state. */
  get hasReadyInstance(): boolean {
    this.resetUsed();
    return this.isClean(this.slot);
  }

  /** The WebAssembly memory this program's instance runs on (tests look at it), if it has one. */
  get memory(): WebAssembly.Memory | undefined {
    return this.slot?.memory.memory;
  }

  /**
   * A copy of the memory as the next run under `limits` starts with it (the memory is made
   * clean for this program first, as a run would): the test seam of the isolation tests.
   */
  startingMemory(limits: SandboxLimits): Uint8Array {
    const slot = this.claim(Math.floor(limits.memoryBytes / PAGE));
    return slot.memory.views().bytes.slice();
  }

  /**
   * Prepares an instance for runs under `limits` ahead of need (generated modules do this right
   * after loading, outside any run): instantiated, initialised and with its memory's pages
   * already touched, so the first run costs what every later run costs. The first time, the
   * whole run path is warmed too: runs on the input schema's sample value (`warmUp`), after
   * which the memory is reset like after any run (or a new instance made when the sample
   * failed). V8 compiles the host's functions and the module's entry points on their first call
   * (~1 ms in all) and runs them in its interpreter until they have run a while, so without
   * this a process's first real run pays it.
   */
  prepare(limits: SandboxLimits): void {
    this.resetUsed();
    const maxPages = Math.floor(limits.memoryBytes / PAGE);
    if (maxPages < this.minPages) return;
    if (this.isClean(this.slot) && this.slot?.memory.maxPages === maxPages) return;
    if (!this.warmed) {
      this.warmed = true;
      warmUp((input, l, hooks) => this.run(input, l, hooks), this.spec.inputType, limits);
      this.resetUsed(); // the last warm-up run's memory, reset now: it is the prepared one
      if (this.isClean(this.slot) && this.slot?.memory.maxPages === maxPages) return;
    }
    try {
      this.claim(maxPages);
    } catch {
      // the run that needs an instance reports why it cannot have one
    }
  }

  /** The retired memory's users drop their instances (memoryPool.ts). */
  memoryRetired(memory: SharedMemory): void {
    if (this.slot?.memory === memory) this.drop();
  }

  private isClean(slot: Slot | undefined): boolean {
    if (!slot) return false;
    const state = slot.memory.state;
    return state.kind === "clean" && state.owner === slot;
  }

  /** Drops this program's instance (its memory stays in its pool for others). */
  private drop(): void {
    const slot = this.slot;
    this.slot = undefined;
    if (slot && this.binding) slot.memory.unbind(this.binding);
    this.binding = undefined;
  }

  /**
   * An instance whose memory, capped at `maxPages`, holds exactly a fresh instance's state: this
   * program's kept one (reset first unless its memory is clean for it), or a new one on a pooled
   * memory (kept), or, when its memory is busy with a run this one is nested in, a new one on a
   * private memory (used once).
   */
  private claim(maxPages: number): Slot {
    let slot = this.slot;
    if (slot && (slot.memory.retired || slot.memory.maxPages !== maxPages)) {
      this.drop();
      slot = undefined;
    }
    if (slot) {
      const state = slot.memory.state;
      if (state.kind === "clean" && state.owner === slot) return slot;
      if (state.kind === "running") return this.instantiate(privateMemory(maxPages, this.minPages));
      if (this.reset(slot)) return slot;
      this.drop();
    }
    const shared = memoryFor(maxPages, this.minPages);
    slot = this.instantiate(shared);
    if (shared.pooled) {
      this.slot = slot;
      this.binding = shared.bind(this);
    }
    return slot;
  }

  /**
   * A new instance on `shared`, which is zeroed first (nothing of an earlier run can reach the
   * data image or the new instance); leaves the memory clean for it. Throws when V8 refuses the
   * instance or the module's initialisation fails (the memory is then dirty).
   */
  private instantiate(shared: SharedMemory): Slot {
    shared.zero();
    shared.enter();
    this.env.memory = shared.memory;
    let exports: SandboxExports;
    try {
      exports = new WebAssembly.Instance(this.module, this.imports).exports as unknown as SandboxExports;
    } catch (error) {
      shared.ran(undefined);
      throw error;
    } finally {
      this.env.memory = undefined; // the import object keeps no memory alive
    }
    const slot: Slot = { exports, memory: shared };
    try {
      if (this.resettable && this.image === undefined) this.image = initialImage(shared.memory);
      this.start(exports, shared.memory);
    } finally {
      shared.ran(slot);
    }
    shared.state = { kind: "clean", owner: slot, end: shared.bytes.length };
    return slot;
  }

  /**
   * Puts `slot`'s memory (not busy) in this program's fresh state and its instance's globals back
   * to their initial values: the dirty extent zeroed, the data image copied, `__ice_reset` and
   * `_start` run. False when the module cannot be reset or its initialisation failed (the memory
   * is then dirty).
   */
  private reset(slot: Slot): boolean {
    const { exports } = slot;
    const shared = slot.memory;
    const image = this.image;
    const state = shared.state;
    if (!this.resettable || !image || !exports.__ice_reset || state.kind === "running") return false;
    const { bytes } = shared.views();
    // Past its own run's high-water mark a module wrote nothing: a tiny node's warm call spent
    // most of its time zeroing the rest of a 64 KiB memory (memoryPool.ts MemoryState).
    const end = state.kind === "dirty" && state.by === slot ? state.written : state.end;
    if (end > image.length) bytes.fill(0, image.length, end);
    bytes.set(image);
    shared.enter();
    try {
      this.start(exports, shared.memory, true);
    } catch {
      shared.ran(slot);
      return false;
    }
    shared.ran(slot);
    if (shared.retired) return false;
    shared.state = { kind: "clean", owner: slot, end: shared.bytes.length };
    return true;
  }

  /**
   * Runs the module's initialisation (`__ice_reset` first when resetting, then `_start`) on
   * `memory` under a meter of its own: START_FUEL and START_TIMEOUT_MS, not charged to the run.
   * A module whose initialisation spins, traps or runs out is invalid, never a hang of the host.
   */
  private start(exports: SandboxExports, memory: WebAssembly.Memory, reset = false): void {
    const meter = new FuelMeter(this.spec.nodeId, START_FUEL, START_TIMEOUT_MS);
    const host = this.host;
    const saved = saveHost(host);
    host.meter = meter;
    host.memory = memory;
    try {
      // A reset runs the same initialisation on the same state as the instantiation that passed
      // the time test below (deterministic, and within the same fuel): fuel alone bounds it, and
      // its clock is not read (a run's warm path reads it twice, not three times).
      meter.start(exports.__ice_fuel, reset ? Number.POSITIVE_INFINITY : performance.now());
      if (reset) exports.__ice_reset?.();
      exports._start();
      meter.finish();
      if (!reset && meter.overdue()) throw new TimeoutError(this.spec.nodeId, START_TIMEOUT_MS);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ModuleInvalidError(this.spec.nodeId, `module initialisation failed: ${why}`);
    } finally {
      restoreHost(host, saved);
    }
  }
}
