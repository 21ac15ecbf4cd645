/**
 * @fileoverview The sandbox host: a verified, compiled module that runs synchronously, one fresh
 * instance and one fresh memory per run (no state survives between runs; a failed run leaves
 * nothing behind). Sets fuel before any module code runs, classifies every way a run can end
 * into the stable error codes of SPEC section 4.
 */
import {
  CapabilityDeniedError,
  FuelExhaustedError,
  IceError,
  InputInvalidError,
  MemoryLimitError,
  ModuleInvalidError,
  OutputInvalidError,
  SandboxTrapError,
  TimeoutError,
} from "../errors.js";
import type { SandboxLimits } from "../profiles.js";
import { validateValue, type ObjectType } from "../schema.js";
import { allowedImports, capabilityForImport } from "./capabilities.js";
import { makeDecoder, makeEncoder, WireError, WireReader, WireWriter, type Decoder, type Encoder } from "./codec.js";
import { createHostFunctions, SandboxAbort, type HostRun } from "./host.js";
import { verifyModule, VerifyError, type ModuleImport } from "./verify.js";

/** What the host must know about a compiled sandbox unit. */
export interface SandboxSpec {
  readonly nodeId: string;
  readonly inputType: ObjectType;
  readonly outputType: ObjectType;
  /** Granted capability names; the module may import only what these allow. */
  readonly capabilities: readonly string[];
}

/** Host services for one run. */
export interface SandboxHooks {
  /** Receives `console.log` output (capability `log`). */
  log?(message: string): void;
  /** Seed of `Math.random` (capability `random`); a random seed when absent. */
  seed?: number;
  /** The clock behind `Date.now()` (capability `time`); the real clock when absent. */
  now?(): number;
}

/** A successful run. */
export interface SandboxResult {
  readonly output: Record<string, unknown>;
  /** Fuel units burnt (deterministic for the same module and input). */
  readonly fuelUsed: number;
}

interface SandboxExports {
  readonly _start: () => void;
  readonly __ice_alloc: (length: number) => number;
  readonly __ice_run: () => number;
  readonly __ice_fuel: WebAssembly.Global;
  readonly __ice_oom: WebAssembly.Global;
}

const PAGE = 65_536;
const MAX_FUEL_BIG = 2n ** 63n - 1n;
const MAX_FUEL = Number(MAX_FUEL_BIG);
/** One writer for all programs: runs are synchronous and encoding finishes before any call. */
const writer = new WireWriter();

/** A verified sandbox module, ready to run any number of times. */
export class SandboxProgram {
  private readonly host: HostRun = { memory: undefined, hooks: undefined };
  private readonly env: Record<string, unknown>;
  private readonly imports: WebAssembly.Imports;
  /** A zeroed memory of `minPages` kept from the last run (see `acquireMemory`). */
  private spare: { memory: WebAssembly.Memory; maxPages: number } | undefined;

  private constructor(
    private readonly spec: SandboxSpec,
    private readonly module: WebAssembly.Module,
    private readonly minPages: number,
    private readonly encode: Encoder,
    private readonly decode: Decoder,
  ) {
    this.env = createHostFunctions(this.host, spec.capabilities);
    this.imports = { env: this.env as WebAssembly.ModuleImports };
  }

  /** Verifies and compiles `bytes`. Throws CapabilityDeniedError or ModuleInvalidError. */
  static compile(bytes: Uint8Array, spec: SandboxSpec): SandboxProgram {
    const { nodeId } = spec;
    const allowed = allowedImports(spec.capabilities);
    const checkImport = (item: ModuleImport): void => {
      if (allowed.has(item.qualifiedName)) return;
      const capability = capabilityForImport(item.qualifiedName);
      throw new CapabilityDeniedError(
        nodeId,
        capability
          ? `module imports '${item.qualifiedName}', which needs capability '${capability}'`
          : `module imports '${item.qualifiedName}', which no capability provides`,
      );
    };
    let shape;
    try {
      shape = verifyModule(bytes, checkImport);
    } catch (error) {
      if (error instanceof VerifyError) throw new ModuleInvalidError(nodeId, `sandbox module rejected: ${error.message}`);
      throw error;
    }
    let encode: Encoder;
    let decode: Decoder;
    let module: WebAssembly.Module;
    try {
      encode = makeEncoder(spec.inputType);
      decode = makeDecoder(spec.outputType);
      module = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
    } catch (error) {
      throw new ModuleInvalidError(nodeId, `sandbox module rejected: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new SandboxProgram(spec, module, shape.memoryMinPages, encode, decode);
  }

  /** Runs once with a fresh instance. Synchronous; throws IceError subclasses. */
  run(input: Record<string, unknown>, limits: SandboxLimits, hooks?: SandboxHooks): SandboxResult {
    const { nodeId } = this.spec;
    const problem = validateValue(input, this.spec.inputType, "inputs");
    if (problem !== undefined) throw new InputInvalidError(problem, nodeId);
    writer.pos = 0;
    this.encode(writer, input);
    const length = writer.pos;
    const maxPages = Math.floor(limits.memoryBytes / PAGE);
    if (maxPages < this.minPages) throw new MemoryLimitError(nodeId, limits.memoryBytes);

    const memory = this.acquireMemory(maxPages);
    const saved = { memory: this.host.memory, hooks: this.host.hooks };
    this.host.memory = memory;
    this.host.hooks = hooks;
    this.env.memory = memory;
    let exports: SandboxExports | undefined;
    const started = performance.now();
    try {
      exports = new WebAssembly.Instance(this.module, this.imports).exports as unknown as SandboxExports;
      exports.__ice_fuel.value = limits.fuel >= MAX_FUEL ? MAX_FUEL_BIG : BigInt(Math.max(0, Math.floor(limits.fuel)));
      exports._start();
      const at = exports.__ice_alloc(length) >>> 0;
      if (at + length > memory.buffer.byteLength) throw new SandboxTrapError(nodeId, "input buffer out of bounds");
      new Uint8Array(memory.buffer, at, length).set(writer.bytes.subarray(0, length));
      const out = exports.__ice_run() >>> 0;
      const fuelUsed = limits.fuel - Number(exports.__ice_fuel.value as bigint);
      const output = this.readOutput(memory, out);
      this.checkTime(started, limits);
      return { output, fuelUsed };
    } catch (error) {
      throw this.classify(error, exports, memory, maxPages, limits, started);
    } finally {
      this.host.memory = saved.memory;
      this.host.hooks = saved.hooks;
      this.releaseMemory(memory, maxPages);
    }
  }

  /**
   * A memory indistinguishable from a fresh one: `minPages` long, all zero, same maximum. A fresh
   * memory costs ~100 us at instantiation (V8 sets it up on first use); reusing the last run's,
   * zeroed, costs ~1 us. A memory that grew is never reused, so a run always starts from the same
   * size and burns the same fuel.
   */
  private acquireMemory(maxPages: number): WebAssembly.Memory {
    const spare = this.spare;
    if (spare && spare.maxPages === maxPages) {
      this.spare = undefined;
      return spare.memory;
    }
    return new WebAssembly.Memory({ initial: this.minPages, maximum: maxPages });
  }

  private releaseMemory(memory: WebAssembly.Memory, maxPages: number): void {
    if (memory.buffer.byteLength !== this.minPages * PAGE) return;
    new Uint8Array(memory.buffer).fill(0);
    this.spare = { memory, maxPages };
  }

  private readOutput(memory: WebAssembly.Memory, at: number): Record<string, unknown> {
    const bytes = new Uint8Array(memory.buffer);
    const view = new DataView(memory.buffer);
    if (at < 1 || at + 4 > bytes.length) throw new WireError("output pointer out of bounds");
    const length = view.getUint32(at, true);
    if (length > bytes.length - at - 4) throw new WireError("output length out of bounds");
    const reader = new WireReader(bytes, view, at + 4, at + 4 + length);
    const output = this.decode(reader) as Record<string, unknown>;
    if (reader.pos !== reader.end) throw new WireError("output message has trailing bytes");
    return output;
  }

  private checkTime(started: number, limits: SandboxLimits): void {
    if (performance.now() - started > limits.timeoutMs) throw new TimeoutError(this.spec.nodeId, limits.timeoutMs);
  }

  private classify(
    error: unknown,
    exports: SandboxExports | undefined,
    memory: WebAssembly.Memory,
    maxPages: number,
    limits: SandboxLimits,
    started: number,
  ): unknown {
    const { nodeId } = this.spec;
    if (error instanceof IceError) return error;
    if (error instanceof SandboxAbort) return new SandboxTrapError(nodeId, error.message);
    if (exports && (exports.__ice_fuel.value as bigint) < 0n) return new FuelExhaustedError(nodeId, limits.fuel);
    const trap = error instanceof WebAssembly.RuntimeError;
    if (exports && (exports.__ice_oom.value === 1 || (trap && memory.buffer.byteLength >= maxPages * PAGE))) {
      return new MemoryLimitError(nodeId, limits.memoryBytes);
    }
    if (performance.now() - started > limits.timeoutMs) return new TimeoutError(nodeId, limits.timeoutMs);
    if (error instanceof RangeError && /call stack/i.test(error.message)) return new SandboxTrapError(nodeId, "stack overflow");
    if (trap) return new SandboxTrapError(nodeId, error.message);
    if (error instanceof WireError) return new OutputInvalidError(nodeId, error.message);
    if (error instanceof WebAssembly.LinkError || error instanceof WebAssembly.CompileError) {
      return new ModuleInvalidError(nodeId, error.message);
    }
    return error;
  }
}
