/**
 * @fileoverview The host functions a sandbox may import: `abort` always, the rest per granted
 * capability. Written here as plain functions; nothing is looked up on `globalThis`. Strings
 * coming out of the sandbox are read defensively (bounds-checked, length-capped).
 */
import { LOG_IMPORTS } from "./capabilities.js";
import type { SandboxHooks } from "./program.js";

/** Thrown by `env.abort` to unwind the sandbox; carries the decoded abort message. */
export class SandboxAbort extends Error {}

/** The per-run state the import functions read. */
export interface HostRun {
  memory: WebAssembly.Memory | undefined;
  hooks: SandboxHooks | undefined;
}

const ABORT_MESSAGE_LIMIT = 300;
const LOG_MESSAGE_LIMIT = 16_384;

/**
 * Reads an AssemblyScript string (UTF-16 code units; byte length in the u32 before `ptr`), at
 * most `limit` code units. Returns undefined when the pointer is not a plausible string.
 */
export function readSandboxString(memory: WebAssembly.Memory, ptr: number, limit: number): string | undefined {
  const buffer = memory.buffer;
  ptr >>>= 0;
  if (ptr < 4 || ptr % 2 !== 0 || ptr > buffer.byteLength) return undefined;
  const view = new DataView(buffer);
  const byteLength = view.getUint32(ptr - 4, true);
  const available = Math.floor((buffer.byteLength - ptr) / 2);
  const units = Math.min(Math.floor(byteLength / 2), available, limit);
  let text = "";
  for (let i = 0; i < units; i++) text += String.fromCharCode(view.getUint16(ptr + 2 * i, true));
  return units < byteLength / 2 ? `${text}...` : text;
}

/** Strips control characters so hostile messages cannot forge terminal output. */
function sanitize(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "?");
}

/** Builds the `env` import functions for the granted capabilities. */
export function createHostFunctions(run: HostRun, capabilities: readonly string[]): Record<string, (...args: number[]) => unknown> {
  const env: Record<string, (...args: number[]) => unknown> = {
    abort(message: number): never {
      const text = run.memory ? readSandboxString(run.memory, message, ABORT_MESSAGE_LIMIT) : undefined;
      throw new SandboxAbort(text === undefined ? "abort" : sanitize(text));
    },
  };
  const granted = new Set(capabilities);
  if (granted.has("random")) {
    env.seed = () => run.hooks?.seed ?? Math.floor(Math.random() * 2 ** 52);
  }
  if (granted.has("time")) {
    env["Date.now"] = () => run.hooks?.now?.() ?? Date.now();
  }
  if (granted.has("log")) {
    const log = (ptr: number): void => {
      const text = run.memory ? readSandboxString(run.memory, ptr, LOG_MESSAGE_LIMIT) : undefined;
      if (text !== undefined) run.hooks?.log?.(text);
    };
    for (const name of LOG_IMPORTS) env[name.slice("env.".length)] = log;
  }
  return env;
}
