/**
 * @fileoverview The sandbox host: a verified, compiled module that runs synchronously. Every run
 * starts from a module's initial state (no state survives between runs; a failed run leaves
 * nothing behind), with fuel and the wall-clock deadline armed before any module code runs, and
 * every way a run can end is classified into the stable error codes of README "Errors and diagnostics".
 *
 * Fast path: after a successful run the instance is reset to exactly the state of a fresh one
 * (the data segments copied back over zeroed memory, every mutable global set back to its
 * initial value by the module's verified `__ice_reset`, `_start` run again) and kept for the next
 * run; a fresh `WebAssembly.Instance` costs 10-20 us, a reset ~2 us. An instance that failed, or
 * whose memory grew, is dropped.
 */
import {
  CapabilityDeniedError,
  IceError,
  InputInvalidError,
  MemoryLimitError,
  ModuleInvalidError,
  SandboxTrapError,
  TimeoutError,
} from "../errors.js";
import type { SandboxLimits } from "../profiles.js";
import type { ObjectType } from "../schema.js";
import { allowedImports, capabilityForImport } from "./capabilities.js";
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
  withHostState,
  type HostRun,
  type SandboxHooks,
  type SandboxSource,
} from "./host.js";
import { INTRINSIC_IMPORTS } from "./intrinsics.js";
import { classifyRunError } from "./classify.js";
import { deferReset, type ResetHolder } from "./deferredReset.js";
import { keepReady, type ReadyHolder } from "./readyInstances.js";
import { warmUp } from "./warmUp.js";
import { verifyModule, VerifyError, type ModuleImport, type ModuleShape } from "./verify.js";
import { initialImage, type SandboxExports, type Slot, views } from "./slot.js";

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

const PAGE = 65_536;
/** Fuel and time a module's initialisation may use (compiler-generated); not charged to the run. */
const START_FUEL = 10_000_000;
const START_TIMEOUT_MS = 1_000;
/**
 * Largest memory an instance keeps between runs. A run that grew its memory up to this size
 * leaves it grown for the next run (zeroed, with the data image restored): a fresh memory's
 * pages cost a page fault each on first touch (~7 ms for 4 MiB on the bench machine, against
 * ~0.1 ms to zero the same kept pages), so a node that allocates a few MiB per run would pay
 * that on every run. Results do not depend on the starting size: the allocator only grows the
 * memory later, fuel charges no size-dependent path, and the cap (maxPages) is the same. All
 * programs of a process together keep at most GROWN_BUDGET of grown memories.
 */
export const KEEP_BYTES = 4 * 1024 * 1024;
/** Bytes of grown memories kept ready across all programs of the process, at most. */
export const GROWN_BUDGET = 64 * 1024 * 1024;
/** Bytes of grown memories kept ready now (see Slot.grown). */
let grownKept = 0;
/** One writer for all programs: runs are synchronous and encoding finishes before any call. */
const writer = new WireWriter();

/** A verified sandbox module, ready to run any number of times. */
export class SandboxProgram implements ReadyHolder, ResetHolder {
  private readonly host: HostRun;
  private readonly imports: WebAssembly.Imports;
  private readonly env: Record<string, unknown>;
  /** An instance in its initial state, kept from the last successful run. */
  private ready: Slot | undefined;
  /** The instance of the last successful run, waiting for its reset (deferredReset.ts). */
  private used: Slot | undefined;
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
    const checked = SandboxProgram.check(bytes, spec);
    return SandboxProgram.create(spec, checked, () => new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));
  }

  /**
   * The same, with V8's compilation off the calling thread (`WebAssembly.compile`): generated
   * modules start it when they are imported, so a node's first run does not wait for it.
   */
  static async compileAsync(bytes: Uint8Array, spec: SandboxSpec): Promise<SandboxProgram> {
    const checked = SandboxProgram.check(bytes, spec);
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

  /** Verification of the bytes against the spec: imports, instructions, metering, exports. */
  private static check(bytes: Uint8Array, spec: SandboxSpec): ModuleShape {
    const { nodeId } = spec;
    const allowed = allowedImports(spec.capabilities);
    const checkImport = (item: ModuleImport): void => {
      if (item.qualifiedName in INTRINSIC_IMPORTS && item.kind !== "function")
        throw new ModuleInvalidError(
          nodeId,
          `sandbox module rejected: '${item.qualifiedName}' must be imported as a function`,
        );
      if (allowed.has(item.qualifiedName)) return;
      const capability = capabilityForImport(item.qualifiedName);
      throw new CapabilityDeniedError(
        nodeId,
        capability
          ? `module imports '${item.qualifiedName}', which needs capability '${capability}'`
          : `module imports '${item.qualifiedName}', which no capability provides`,
      );
    };
    try {
      return verifyModule(bytes, checkImport);
    } catch (error) {
      if (error instanceof VerifyError)
        throw new ModuleInvalidError(nodeId, `sandbox module rejected: ${error.message}`);
      throw error;
    }
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
      slot = this.acquire(maxPages);
      const { exports, memory } = slot;
      host.memory = memory;
      host.meter = meter;
      meter.start(exports.__ice_fuel, performance.now());
      const at = exports.__ice_alloc(length) >>> 0;
      const { bytes } = views(slot);
      if (at + length > bytes.length) throw new SandboxTrapError(spec.nodeId, "input buffer out of bounds");
      bytes.set(writer.bytes.subarray(0, length), at);
      writer.end();
      const out = exports.__ice_run() >>> 0;
      const fuelUsed = meter.used;
      meter.finish();
      views(slot);
      const output = readOutputFrom(slot.bytes, slot.view, out, this.decode);
      if (meter.overdue()) throw new TimeoutError(spec.nodeId, limits.timeoutMs);
      keep = true;
      return { output, fuelUsed };
    } catch (error) {
      throw classifyRunError(spec.nodeId, error, slot?.exports.__ice_oom.value === 1, meter, limits);
    } finally {
      restoreHost(host, saved);
      writer.end();
      if (keep && slot) {
        this.used = slot;
        deferReset(this);
      }
    }
  }

  /** Puts the used instance back in its initial state (or drops it); see deferredReset.ts. */
  resetUsed(): void {
    const used = this.used;
    if (!used) return;
    this.used = undefined;
    this.release(used);
  }

  /** True when an instance in its initial state is waiting for the next run (prepared or reset). */
  get hasReadyInstance(): boolean {
    this.resetUsed();
    return this.ready !== undefined;
  }

  /**
   * Prepares an instance for runs under `limits` ahead of need (generated modules do this right
   * after loading, outside any run): instantiated, initialised and with its memory's pages
   * already touched, so the first run costs what every later run costs. The first time, the
   * whole run path is warmed too: runs on the input schema's sample value (`warmUp`), after
   * which the instance is reset like after any run (or dropped and made fresh when the sample
   * failed). V8 compiles the host's functions and the module's entry points on their first call
   * (~1 ms in all) and runs them in its interpreter until they have run a while, so without
   * this a process's first real run pays it.
   */
  prepare(limits: SandboxLimits): void {
    this.resetUsed();
    const maxPages = Math.floor(limits.memoryBytes / PAGE);
    if (this.ready || maxPages < this.minPages) return;
    if (!this.warmed) {
      this.warmed = true;
      warmUp((input, l, hooks) => this.run(input, l, hooks), this.spec.inputType, limits);
      this.resetUsed(); // the last warm-up run's instance, reset now: it is the prepared one
      if (this.ready) return;
    }
    let slot: Slot;
    try {
      slot = this.acquire(maxPages);
    } catch {
      return; // the run that needs an instance reports why it cannot have one
    }
    new Uint8Array(slot.memory.buffer).fill(0, this.image?.length ?? 0);
    this.keep(slot);
  }

  /** Keeps `slot` as the ready instance, within the process's bound on ready instances. */
  private keep(slot: Slot): void {
    this.ready = slot;
    keepReady(this);
  }

  /** Gives up the ready instance (the process keeps too many: readyInstances.ts). */
  dropReady(): void {
    this.used = undefined;
    this.take();
  }

  /** Takes the ready instance (for a run, or to drop it), out of the grown-memory count. */
  private take(): Slot | undefined {
    const ready = this.ready;
    this.ready = undefined;
    if (ready) {
      grownKept -= ready.grown;
      ready.grown = 0;
    }
    return ready;
  }

  /** An instance in its initial state, with a memory capped at `maxPages`. */
  private acquire(maxPages: number): Slot {
    this.resetUsed();
    const ready = this.take();
    if (ready && ready.maxPages === maxPages) return ready;
    const memory = new WebAssembly.Memory({ initial: this.minPages, maximum: maxPages });
    this.env.memory = memory;
    return withHostState(this.host, { memory }, () => {
      const exports = new WebAssembly.Instance(this.module, this.imports).exports as unknown as SandboxExports;
      if (this.resettable && this.image === undefined) this.image = initialImage(memory);
      this.start(exports);
      const buffer = memory.buffer;
      return { exports, memory, maxPages, grown: 0, buffer, bytes: new Uint8Array(buffer), view: new DataView(buffer) };
    });
  }

  /**
   * Runs the module's initialisation (`__ice_reset` first when resetting, then `_start`) under a
   * meter of its own: START_FUEL and START_TIMEOUT_MS, not charged to the run. A module whose
   * initialisation spins, traps or runs out is invalid, never a hang of the host.
   */
  private start(exports: SandboxExports, reset = false): void {
    const meter = new FuelMeter(this.spec.nodeId, START_FUEL, START_TIMEOUT_MS);
    const host = this.host;
    const saved = saveHost(host);
    host.meter = meter;
    try {
      meter.start(exports.__ice_fuel, performance.now());
      if (reset) exports.__ice_reset?.();
      exports._start();
      meter.finish();
      if (meter.overdue()) throw new TimeoutError(this.spec.nodeId, START_TIMEOUT_MS);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ModuleInvalidError(this.spec.nodeId, `module initialisation failed: ${why}`);
    } finally {
      restoreHost(host, saved);
    }
  }

  /** Puts an instance back in its initial state and keeps it, when that is possible and cheap. */
  private release(slot: Slot): void {
    const { memory, exports } = slot;
    const image = this.image;
    const { bytes } = views(slot);
    const size = bytes.length;
    const grown = size > this.minPages * PAGE ? size : 0;
    if (!this.resettable || !image || !exports.__ice_reset || size > KEEP_BYTES) return;
    if (grownKept + grown > GROWN_BUDGET) return;
    bytes.fill(0, image.length);
    bytes.set(image);
    const host = this.host;
    const saved = saveHost(host);
    host.memory = memory;
    try {
      this.start(exports, true);
    } catch {
      return;
    } finally {
      restoreHost(host, saved);
    }
    if (memory.buffer.byteLength !== size) return;
    slot.grown = grown;
    grownKept += grown;
    this.keep(slot);
  }
}
