/**
 * @fileoverview The host functions of one plugin call. The code-node ones come from
 * runtime/sandbox/host.ts (`abort`, the fuel meter's `ice.tick`, the number intrinsics, and
 * `log`/`time`/`random` when granted); the plugin's own (`plugin.*`, abi.ts) are here. An
 * ungranted capability is still imported (the operator decides per registration, after the
 * plugin was compiled), but calling it fails the call with ICE_CAPABILITY_DENIED naming the
 * grant that would allow it.
 *
 * Asynchronous calls (`http`, `kv`): the first time the module calls the import, the host starts
 * the work and, when it returns a promise, unwinds the module's stack into its Asyncify buffer
 * (program.ts then waits, bounded by the call's deadline, and calls the module again to rewind);
 * the second time, rewinding, the import returns the value the promise settled with.
 */
import { CapabilityDeniedError, MemoryLimitError, SandboxTrapError } from "../errors.js";
import { hostAllowed } from "../policy/hosts.js";
import { createImports, type HostRun } from "../sandbox/host.js";
import { ASYNC_STACK_BYTES } from "./abi.js";
import { describeGrants, type PluginGrants } from "./grants.js";
import { CallKv } from "./callKv.js";
import { KvLimitError, type KvStore } from "./kv.js";

/** Code units of a URL, method or content type read from the module. */
const SHORT_TEXT = 8_192;
/** Code units of a request body or kv value read from the module. */
const LONG_TEXT = 1_048_576;
/** Bytes of an HTTP response body kept; a larger one answers status 0. */
export const HTTP_MAX_BODY_BYTES = 1_048_576;
/** Time one HTTP request may take at most (the call's deadline may end it sooner). */
export const HTTP_TIMEOUT_MS = 10_000;

/** What a plugin may use, as the operator registered it. */
export interface PluginServices {
  readonly plugin: string;
  readonly grants: PluginGrants;
  readonly kv: KvStore;
  /** Receives `console.log` output (capability `log`). */
  readonly log?: (message: string) => void;
  readonly seed?: number;
}

/** The Asyncify exports a call drives. */
export interface AsyncExports {
  readonly asyncify_start_unwind: (at: number) => void;
  readonly asyncify_stop_unwind: () => void;
  readonly asyncify_start_rewind: (at: number) => void;
  readonly asyncify_stop_rewind: () => void;
}

/** The state of one call, shared by its host functions and program.ts. */
export interface CallState {
  readonly nodeId: string;
  readonly host: HostRun;
  exports: AsyncExports | undefined;
  /** Set when an import unwound the stack: the work to wait for, and where the Asyncify buffer is. */
  pending: { readonly work: Promise<number>; readonly stack: number } | undefined;
  /** Set while rewinding: the value the paused import returns. */
  resumed: number | undefined;
  /** Text the module takes next (`plugin.text_length`, `plugin.text_take`). */
  text: string;
  /** The call's own cancellation (its deadline and the node's signal). */
  readonly signal: AbortSignal;
  /** The call's kv writes, held until it succeeds (made on the first kv call). */
  kv: CallKv | undefined;
}

/** The import object of one call. */
export function pluginImports(state: CallState, services: PluginServices): WebAssembly.Imports {
  const { grants, plugin } = services;
  const granted = (["log", "time", "random"] as const).filter((c) => grants[c]);
  const { env, ice } = createImports(state.host, granted);
  const deny = (capability: string, detail = `capability '${capability}'`): CapabilityDeniedError =>
    new CapabilityDeniedError(
      state.nodeId,
      `plugin '${plugin}' used ${detail}, which the operator did not grant (granted: ${describeGrants(grants)}); to allow it run with --grant ${plugin}=${capability === "http" ? "http:<host>" : capability} (options.plugins[].grant)`,
    );
  const denied = (capability: string) => () => {
    throw deny(capability);
  };
  if (!grants.log)
    for (const name of ["console.log", "console.debug", "console.info", "console.warn", "console.error", "trace"])
      env[name] = denied("log");
  if (!grants.time) env["Date.now"] = denied("time");
  if (!grants.random) env.seed = denied("random");

  const memory = (): WebAssembly.Memory => {
    const m = state.host.memory;
    if (!m) throw new SandboxTrapError(state.nodeId, "memory is not ready");
    return m;
  };
  const text = (ptr: number, limit: number, what: string): string => {
    const value = readText(memory(), ptr, limit);
    if (value === undefined) throw new SandboxTrapError(state.nodeId, `plugin '${plugin}' passed a bad ${what}`);
    if (value === null) throw new MemoryLimitError(state.nodeId, limit * 2);
    return value;
  };

  /**
   * Runs `work` for an asynchronous import: its value now when it is synchronous, else the stack
   * unwinds and program.ts resumes the call with the value later. While rewinding, the value.
   */
  const suspend = (stack: number, work: () => Promise<number> | number): number => {
    const exports = state.exports!;
    if (state.resumed !== undefined) {
      const value = state.resumed;
      state.resumed = undefined;
      exports.asyncify_stop_rewind();
      return value;
    }
    const result = work();
    if (typeof result === "number") return result;
    const buffer = memory().buffer;
    if (stack % 4 !== 0 || stack < 8 || stack + ASYNC_STACK_BYTES > buffer.byteLength)
      throw new SandboxTrapError(state.nodeId, `plugin '${plugin}' passed a bad asynchronous stack`);
    const view = new DataView(buffer);
    view.setUint32(stack, stack + 8, true);
    view.setUint32(stack + 4, stack + ASYNC_STACK_BYTES, true);
    result.catch(() => undefined); // observed by program.ts; never an unhandled rejection
    state.pending = { work: result, stack };
    exports.asyncify_start_unwind(stack);
    return 0;
  };

  const kvStore = (): CallKv => {
    if (!grants.kv) throw deny("kv");
    state.kv ??= new CallKv(services.kv);
    return state.kv;
  };
  const kvCall = <T>(call: () => Promise<T> | T, then: (value: T) => number): Promise<number> | number => {
    let value: Promise<T> | T;
    try {
      value = call();
    } catch (error) {
      throw kvError(error);
    }
    if (value instanceof Promise) return value.then(then, (error: unknown) => Promise.reject(kvError(error)));
    return then(value);
  };
  const kvError = (error: unknown): unknown =>
    error instanceof KvLimitError
      ? Object.assign(new MemoryLimitError(state.nodeId, 0), {
          message: `node '${state.nodeId}': ${error.message}`,
        })
      : error;

  const pluginModule = {
    http(methodPtr: number, urlPtr: number, bodyPtr: number, typePtr: number, stack: number): number {
      return suspend(stack, () => {
        const method = text(methodPtr, SHORT_TEXT, "method");
        const raw = text(urlPtr, SHORT_TEXT, "URL");
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          throw new SandboxTrapError(state.nodeId, `plugin '${plugin}': '${raw.slice(0, 200)}' is not a URL`);
        }
        if (url.protocol !== "http:" && url.protocol !== "https:")
          throw deny("http", `a ${url.protocol} URL (only http and https)`);
        if (grants.hosts.length === 0) throw deny("http");
        if (!hostAllowed(url, grants.hosts)) throw deny(`http:${url.host}`, `host '${url.host}'`);
        const body = method === "POST" ? text(bodyPtr, LONG_TEXT, "request body") : undefined;
        const contentType = method === "POST" ? text(typePtr, SHORT_TEXT, "content type") : undefined;
        return request(url, method, body, contentType, state.signal).then(({ status, body: answer }) => {
          state.text = answer;
          return status;
        });
      });
    },
    kv_get(keyPtr: number, stack: number): number {
      return suspend(stack, () => {
        const store = kvStore();
        const key = text(keyPtr, SHORT_TEXT, "key");
        return kvCall(
          () => store.get(key),
          (value) => {
            if (value === undefined) return -1;
            state.text = value;
            return value.length;
          },
        );
      });
    },
    kv_set(keyPtr: number, valuePtr: number, stack: number): number {
      return suspend(stack, () => {
        const store = kvStore();
        const key = text(keyPtr, SHORT_TEXT, "key");
        const value = text(valuePtr, LONG_TEXT, "value");
        return kvCall(
          () => store.set(key, value),
          () => 0,
        );
      });
    },
    kv_delete(keyPtr: number, stack: number): number {
      return suspend(stack, () => {
        const store = kvStore();
        const key = text(keyPtr, SHORT_TEXT, "key");
        return kvCall(
          () => store.delete(key),
          (found) => (found ? 1 : 0),
        );
      });
    },
    text_length(): number {
      return state.text.length;
    },
    text_take(ptr: number): void {
      const value = state.text;
      state.text = "";
      const buffer = memory().buffer;
      if (ptr % 2 !== 0 || ptr < 0 || ptr + value.length * 2 > buffer.byteLength)
        throw new SandboxTrapError(state.nodeId, `plugin '${plugin}' gave a bad buffer`);
      const units = new Uint16Array(buffer, ptr, value.length);
      for (let i = 0; i < value.length; i++) units[i] = value.charCodeAt(i);
    },
  };
  return {
    env: env as WebAssembly.ModuleImports,
    ice: ice as WebAssembly.ModuleImports,
    plugin: pluginModule as unknown as WebAssembly.ModuleImports,
  };
}

/** One HTTP request: no redirects followed, body bounded; a failure is status 0 with the reason. */
async function request(
  url: URL,
  method: string,
  body: string | undefined,
  contentType: string | undefined,
  signal: AbortSignal,
): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, {
      method,
      ...(body !== undefined && { body, headers: { "content-type": contentType || "application/json" } }),
      redirect: "manual",
      signal: AbortSignal.any([signal, AbortSignal.timeout(HTTP_TIMEOUT_MS)]),
    });
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > HTTP_MAX_BODY_BYTES) {
          await response.body.cancel().catch(() => undefined);
          return { status: 0, body: `response body larger than ${HTTP_MAX_BODY_BYTES} bytes` };
        }
        chunks.push(chunk);
      }
    }
    return { status: response.status, body: Buffer.concat(chunks).toString("utf8") };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { status: 0, body: `request failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * An AssemblyScript string of the module (UTF-16 code units, byte length in the u32 before
 * `ptr`), exactly (lone surrogates kept), in chunks; undefined when `ptr` is not a plausible
 * string, null when it is longer than `limit` code units.
 */
function readText(memory: WebAssembly.Memory, ptr: number, limit: number): string | undefined | null {
  const buffer = memory.buffer;
  ptr >>>= 0;
  if (ptr < 4 || ptr % 2 !== 0 || ptr > buffer.byteLength) return undefined;
  const bytes = new DataView(buffer).getUint32(ptr - 4, true);
  if (bytes % 2 !== 0 || ptr + bytes > buffer.byteLength) return undefined;
  const units = bytes / 2;
  if (units > limit) return null;
  const view = new Uint16Array(buffer, ptr, units);
  let out = "";
  for (let i = 0; i < units; i += 8_192)
    out += String.fromCharCode.apply(null, view.subarray(i, i + 8_192) as unknown as number[]);
  return out;
}
