/**
 * @fileoverview Runs one plugin tool's module: a verified, fuel-metered, Asyncify-transformed
 * WebAssembly module (src/plugin). Every call gets a fresh instance and memory (no state survives
 * a call; only `kv` keeps anything), the same limits as a code node (fuel, memory cap, wall-clock
 * deadline) and the host functions of imports.ts.
 *
 * A call is a loop: run `__ice_run`; when a host import unwound the stack to wait for a promise,
 * stop unwinding, wait for the promise (or the deadline: ICE_TIMEOUT, or the node's cancellation),
 * start rewinding and run `__ice_run` again, which resumes exactly where the import was called.
 * The fuel meter stays armed across pauses, so fuel is counted over the whole call, and time spent
 * waiting counts against the deadline. Every way a call ends is an IceError naming the plugin, the
 * tool and the calling node; nothing a plugin does can throw anything else into the host.
 */
import {
  IceError,
  InputInvalidError,
  MemoryLimitError,
  ModuleInvalidError,
  OutputInvalidError,
  SandboxTrapError,
  TimeoutError,
  AbortedError,
} from "../errors.js";
import type { SandboxLimits } from "../profiles.js";
import type { ObjectType } from "../schema.js";
import { makeDecoder, WireError, WireWriter, type Decoder } from "../sandbox/codec.js";
import { encodeInput, makeEncoder, type Encoder } from "../sandbox/encoder.js";
import { readOutput } from "../sandbox/readOutput.js";
import { FuelMeter } from "../sandbox/fuel.js";
import { hostRun, OUTPUT_ABORT_PREFIX, SandboxAbort } from "../sandbox/host.js";
import { IntrinsicError } from "../sandbox/intrinsics.js";
import { pluginImports, type AsyncExports, type CallState, type PluginServices } from "./imports.js";
import { verifyPluginModule } from "./verify.js";
import type { CallKv } from "./callKv.js";
import { KvLimitError } from "./kv.js";

const PAGE = 65_536;
/** Fuel and time a module's initialisation may use (compiler-generated); not charged to the call. */
const START_FUEL = 10_000_000;
const START_TIMEOUT_MS = 1_000;
/**
 * Why a finished call's own signal is aborted (host work it started and left pending is
 * cancelled): one object for every call, as `abort()` without a reason makes a DOMException,
 * whose stack capture was ~7% of a small call.
 */
const CALL_ENDED = new Error("the plugin call ended");
/** Zeroed memories kept per tool for later calls. */
const MEMORY_POOL = 4;
/** Largest memory kept for reuse. */
const POOLED_BYTES = 1_048_576;

interface PluginExports extends AsyncExports {
  readonly _start: () => void;
  readonly __ice_alloc: (length: number) => number;
  readonly __ice_run: () => number;
  readonly __ice_fuel: WebAssembly.Global;
  readonly __ice_oom: WebAssembly.Global;
}

/** One tool of a plugin, as the host knows it. */
export interface PluginToolSpec {
  readonly plugin: string;
  readonly tool: string;
  readonly inputType: ObjectType;
  readonly outputType: ObjectType;
}

/** A successful call. */
export interface PluginResult {
  readonly output: Record<string, unknown>;
  readonly fuelUsed: number;
}

/** A verified plugin tool module, ready to be called any number of times (concurrently too). */
export class PluginProgram {
  private readonly encode: Encoder;
  private readonly decode: Decoder;
  /**
   * Memories of finished calls (at most POOLED_BYTES), zeroed: a new instance on one starts as on
   * a new memory (its data segments are written when it is instantiated; a memory that grew only
   * spares the allocator a `memory.grow`, the cap is the same), and creating a capped
   * `WebAssembly.Memory` costs more than the rest of a small call.
   */
  private readonly memories: { memory: WebAssembly.Memory; maxPages: number }[] = [];
  /** A writer no call is using (one allocation less per call). */
  private idleWriter: WireWriter | undefined;

  private constructor(
    readonly spec: PluginToolSpec,
    private readonly module: WebAssembly.Module,
    private readonly minPages: number,
  ) {
    this.encode = makeEncoder(spec.inputType);
    this.decode = makeDecoder(spec.outputType);
  }

  /** Verifies and compiles (off the calling thread); throws ModuleInvalidError. */
  static async compile(bytes: Uint8Array, spec: PluginToolSpec): Promise<PluginProgram> {
    try {
      const shape = verifyPluginModule(bytes, spec.plugin, spec.tool);
      const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
      return new PluginProgram(spec, module, shape.memoryMinPages);
    } catch (error) {
      throw new ModuleInvalidError(
        "plugin",
        `plugin '${spec.plugin}' (tool '${spec.tool}'): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Runs the tool once for node `nodeId`; throws IceErrors naming the plugin, the tool and the node. */
  async call(
    input: Record<string, unknown>,
    limits: SandboxLimits,
    services: PluginServices,
    nodeId: string,
    signal?: AbortSignal,
  ): Promise<PluginResult> {
    // The call's own cancellation, made when something needs it (most calls never wait on the host).
    let controller: AbortController | undefined;
    const cancellation = (): AbortController => {
      controller ??= new AbortController();
      return controller;
    };
    const stop = (): void => cancellation().abort(new AbortedError(nodeId));
    // This call's writer: the program's idle one (calls may overlap: each takes its own).
    const writer = this.idleWriter ?? new WireWriter();
    this.idleWriter = undefined;
    signal?.addEventListener("abort", stop, { once: true });
    const meter = new FuelMeter(nodeId, limits.fuel, limits.timeoutMs);
    const state: CallState = {
      nodeId,
      host: hostRun(),
      exports: undefined,
      pending: undefined,
      resumed: undefined,
      text: "",
      kv: undefined,
      get signal() {
        return cancellation().signal;
      },
    };
    let exports: PluginExports | undefined;
    try {
      if (signal?.aborted) throw new AbortedError(nodeId);
      const maxPages = Math.floor(limits.memoryBytes / PAGE);
      const limit = (maxPages - this.minPages) * PAGE;
      const encoded = encodeInput(writer, this.encode, input, this.spec.inputType, "arguments", limit);
      if (encoded.kind === "invalid") throw new InputInvalidError(encoded.problem, nodeId);
      if (encoded.kind === "too-large" || maxPages < this.minPages)
        throw new MemoryLimitError(nodeId, limits.memoryBytes);
      const memory = this.acquire(maxPages);
      state.host.memory = memory;
      state.host.hooks = {
        ...(services.log && { log: services.log }),
        ...(services.seed !== undefined && { seed: services.seed }),
      };
      const imports = pluginImports(state, services);
      (imports.env as Record<string, unknown>).memory = memory;
      exports = new WebAssembly.Instance(this.module, imports).exports as unknown as PluginExports;
      state.exports = exports;
      this.start(exports, state, nodeId);

      const startedAt = performance.now();
      const deadline = startedAt + limits.timeoutMs;
      state.host.meter = meter;
      meter.start(exports.__ice_fuel, startedAt);
      const at = exports.__ice_alloc(writer.pos) >>> 0;
      if (at + writer.pos > memory.buffer.byteLength) throw new SandboxTrapError(nodeId, "input buffer out of bounds");
      new Uint8Array(memory.buffer, at, writer.pos).set(writer.bytes.subarray(0, writer.pos));
      writer.end();
      let out = exports.__ice_run() >>> 0;
      while (state.pending) {
        const { work, stack } = state.pending;
        state.pending = undefined;
        exports.asyncify_stop_unwind();
        state.resumed = await settle(work, deadline, cancellation(), limits.timeoutMs, nodeId);
        if (signal?.aborted) throw new AbortedError(nodeId);
        exports.asyncify_start_rewind(stack);
        out = exports.__ice_run() >>> 0;
      }
      if (state.resumed !== undefined) throw new SandboxTrapError(nodeId, "the module did not resume its host call");
      const output = readOutput(memory, out, this.decode);
      const fuelUsed = meter.used;
      meter.finish();
      if (meter.overdue()) throw new TimeoutError(nodeId, limits.timeoutMs);
      // Only a call that succeeded, in time and not cancelled, changes the kv store (callKv.ts).
      if (state.kv) {
        if (signal?.aborted) throw new AbortedError(nodeId);
        await commitKv(state.kv, nodeId);
      }
      return { output, fuelUsed };
    } catch (error) {
      throw this.attribute(this.classify(error, exports, meter, limits, nodeId), nodeId);
    } finally {
      signal?.removeEventListener("abort", stop);
      controller?.abort(CALL_ENDED);
      writer.end();
      this.idleWriter = writer;
      const memory = state.host.memory;
      state.host.memory = undefined;
      if (memory) this.release(memory, Math.floor(limits.memoryBytes / PAGE));
    }
  }

  private acquire(maxPages: number): WebAssembly.Memory {
    const at = this.memories.findIndex((m) => m.maxPages === maxPages);
    if (at >= 0) return this.memories.splice(at, 1)[0]!.memory;
    return new WebAssembly.Memory({ initial: this.minPages, maximum: maxPages });
  }

  /** Keeps a small memory, zeroed, for a later call (the instance that used it is dropped). */
  private release(memory: WebAssembly.Memory, maxPages: number): void {
    if (memory.buffer.byteLength > POOLED_BYTES || this.memories.length >= MEMORY_POOL) return;
    new Uint8Array(memory.buffer).fill(0);
    this.memories.push({ memory, maxPages });
  }

  /** Runs the module's initialisation under a meter of its own, not charged to the call. */
  private start(exports: PluginExports, state: CallState, nodeId: string): void {
    const meter = new FuelMeter(nodeId, START_FUEL, START_TIMEOUT_MS);
    state.host.meter = meter;
    try {
      meter.start(exports.__ice_fuel, performance.now());
      exports._start();
      meter.finish();
      if (meter.overdue()) throw new TimeoutError(nodeId, START_TIMEOUT_MS);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ModuleInvalidError(nodeId, `module initialisation failed: ${why}`);
    } finally {
      state.host.meter = undefined;
    }
  }

  private classify(
    error: unknown,
    exports: PluginExports | undefined,
    meter: FuelMeter,
    limits: SandboxLimits,
    nodeId: string,
  ): IceError {
    if (error instanceof IceError) return error;
    if (error instanceof SandboxAbort) {
      if (error.message.startsWith(OUTPUT_ABORT_PREFIX))
        return new OutputInvalidError(nodeId, error.message.slice(OUTPUT_ABORT_PREFIX.length));
      return new SandboxTrapError(nodeId, error.message);
    }
    if (exports && exports.__ice_oom.value === 1) return new MemoryLimitError(nodeId, limits.memoryBytes);
    if (meter.overdue()) return new TimeoutError(nodeId, limits.timeoutMs);
    if (error instanceof RangeError && /call stack/i.test(error.message))
      return new SandboxTrapError(nodeId, "stack overflow");
    if (error instanceof WireError) return new OutputInvalidError(nodeId, error.message);
    if (error instanceof WebAssembly.RuntimeError) return new SandboxTrapError(nodeId, error.message);
    if (error instanceof IntrinsicError || error instanceof RangeError)
      return new SandboxTrapError(nodeId, error.message);
    return new SandboxTrapError(nodeId, `host failure: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** The same error, its message naming the plugin and tool (class and code kept). */
  private attribute(error: IceError, nodeId: string): IceError {
    const { plugin, tool } = this.spec;
    const prefix = `plugin '${plugin}' (tool '${tool}'`;
    if (error.message.includes(prefix)) return error;
    const detail = error.message.replace(/^node '[^']*': /, "").replace(new RegExp(`^plugin '${plugin}' `), "");
    const named = new IceError(error.code, `${prefix}): ${detail}`, nodeId, {
      cause: error.cause,
    });
    Object.setPrototypeOf(named, Object.getPrototypeOf(error));
    named.name = error.name;
    return named;
  }
}

/** Applies a call's kv writes; a store that is full is ICE_MEMORY_LIMIT, as when the call wrote. */
async function commitKv(kv: CallKv, nodeId: string): Promise<void> {
  try {
    await kv.commit();
  } catch (error) {
    if (!(error instanceof KvLimitError)) throw error;
    throw Object.assign(new MemoryLimitError(nodeId, 0), { message: `node '${nodeId}': ${error.message}` });
  }
}

/** The value of a host promise, or ICE_TIMEOUT at the deadline, or the cancellation. */
async function settle(
  work: Promise<number>,
  deadline: number,
  controller: AbortController,
  timeoutMs: number,
  nodeId: string,
): Promise<number> {
  if (controller.signal.aborted) throw controller.signal.reason;
  const remaining = deadline - performance.now();
  if (remaining <= 0) throw new TimeoutError(nodeId, timeoutMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(nodeId, timeoutMs)), Math.ceil(remaining) + 1);
    onAbort = () => reject(controller.signal.reason);
    controller.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    if (onAbort) controller.signal.removeEventListener("abort", onAbort);
  }
}
