/**
 * @fileoverview The host functions a sandbox may import: `abort` and the fuel meter's `ice.tick`
 * always, the rest per granted capability. Written here as plain functions; nothing is looked up
 * on `globalThis`. Strings coming out of the sandbox are read defensively (bounds-checked,
 * length-capped), and a run's log output is bounded.
 */
import { LOG_IMPORTS } from "./capabilities.js";
import { createIntrinsics } from "./intrinsics.js";
import type { FuelMeter } from "./fuel.js";

/** Host services for one run. */
export interface SandboxHooks {
  /** Receives `console.log` output (capability `log`), bounded per run. */
  log?(message: string): void;
  /**
   * Seed of `Math.random` (capability `random`); a random seed when absent. With a seed and no
   * `now`, `Date.now()` (capability `time`) is a deterministic clock too.
   */
  seed?: number;
  /** The clock behind `Date.now()` (capability `time`); the real clock when absent. */
  now?(): number;
}

/** Thrown by `env.abort` to unwind the sandbox; carries the decoded abort message. */
export class SandboxAbort extends Error {}

/**
 * Abort messages starting with this mark are output-schema violations found inside the sandbox
 * (a non-integral number returned for an `integer` field): ICE_OUTPUT_INVALID, not a trap. The
 * compiler's AssemblyScript library (src/emit/wasm/asLibrary.ts) spells its aborts with it.
 */
export const OUTPUT_ABORT_PREFIX = "__ice_output_invalid:";

/** The per-run state the import functions read. */
/** A body's place in its workflow file: the file's name and the line of the body's first line. */
export interface SandboxSource {
  readonly file: string;
  readonly line: number;
}

export interface HostRun {
  /** Where the module's body is (trap messages add it to the body line); fixed per program. */
  readonly source: SandboxSource | undefined;
  memory: WebAssembly.Memory | undefined;
  hooks: SandboxHooks | undefined;
  meter: FuelMeter | undefined;
  /** Log output of this run so far (code units, messages). */
  logUnits: number;
  logMessages: number;
  /** The deterministic clock's next reading (capability `time` under a seed). */
  clock: number;
}

/** Characters of an abort message kept. */
export const ABORT_MESSAGE_LIMIT = 300;
/** Characters of one log message kept. */
export const LOG_MESSAGE_LIMIT = 4_096;
/** Log output of one run: at most this many messages and characters, then one truncation notice. */
export const LOG_RUN_MESSAGES = 1_000;
export const LOG_RUN_UNITS = 65_536;
/** The deterministic clock (capability `time` when the run has a seed): 2024-01-01T00:00:00Z, +1 ms per reading. */
export const SEEDED_CLOCK_EPOCH = 1_704_067_200_000;

/**
 * Runs `body` with `changes` applied to the host state and puts every field back afterwards (also
 * when it throws), so nested uses (a run that instantiates, an instance reset) restore correctly.
 */
export function withHostState<T>(host: HostRun, changes: Partial<HostRun>, body: () => T): T {
  const saved: HostRun = { ...host };
  Object.assign(host, changes);
  try {
    return body();
  } finally {
    Object.assign(host, saved);
  }
}

/** The mutable fields of a HostRun, copied by `saveHost`; `restoreHost` puts them back. */
export interface HostSnapshot {
  readonly memory: WebAssembly.Memory | undefined;
  readonly hooks: SandboxHooks | undefined;
  readonly meter: FuelMeter | undefined;
  readonly logUnits: number;
  readonly logMessages: number;
  readonly clock: number;
}

/**
 * withHostState's save and restore, for the run path (program.ts `run`), which a process's first
 * runs execute cold: a literal and six stores instead of a spread, two `Object.assign`s and a closure.
 */
export function saveHost(host: HostRun): HostSnapshot {
  return {
    memory: host.memory,
    hooks: host.hooks,
    meter: host.meter,
    logUnits: host.logUnits,
    logMessages: host.logMessages,
    clock: host.clock,
  };
}

export function restoreHost(host: HostRun, saved: HostSnapshot): void {
  host.memory = saved.memory;
  host.hooks = saved.hooks;
  host.meter = saved.meter;
  host.logUnits = saved.logUnits;
  host.logMessages = saved.logMessages;
  host.clock = saved.clock;
}

/** A fresh per-run state. */
export function hostRun(source?: SandboxSource): HostRun {
  return {
    source,
    memory: undefined,
    hooks: undefined,
    meter: undefined,
    logUnits: 0,
    logMessages: 0,
    clock: SEEDED_CLOCK_EPOCH,
  };
}

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

/** Strips control and bidi characters so hostile messages cannot forge terminal output. */
export function sanitize(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "?");
}

/**
 * An abort message with where it happened: code nodes pass the line of the statement running,
 * counted from the body's first line (src/codenode/support/exceptions.ts), and no file; the
 * program's `source` turns it into the workflow file's line. A module that names a file (asc's
 * own aborts) keeps its file and line.
 */
function withLocation(run: HostRun, text: string, file: number, line: number): string {
  if (!run.memory || !Number.isInteger(line) || line <= 0 || text.startsWith(OUTPUT_ABORT_PREFIX)) return text;
  const name = file ? readSandboxString(run.memory, file, 200) : undefined;
  if (name) return `${text} (at ${name}:${line})`;
  const source = run.source;
  return source ? `${text} (at ${source.file}:${source.line + line - 1})` : `${text} (at body line ${line})`;
}

/** The import object for a module granted `capabilities`: `env` (abort + capabilities) and `ice` (tick). */
export function createImports(
  run: HostRun,
  capabilities: readonly string[],
): { env: Record<string, unknown>; ice: Record<string, unknown> } {
  const env: Record<string, unknown> = {
    abort(message: number, file: number, line: number): never {
      const text = run.memory ? readSandboxString(run.memory, message, ABORT_MESSAGE_LIMIT) : undefined;
      throw new SandboxAbort(sanitize(withLocation(run, text ?? "abort", file, line)));
    },
  };
  const granted = new Set(capabilities);
  if (granted.has("random")) {
    env.seed = (): number => run.hooks?.seed ?? Math.floor(Math.random() * 2 ** 52);
  }
  if (granted.has("time")) {
    env["Date.now"] = (): number => {
      const hooks = run.hooks;
      if (hooks?.now) return hooks.now();
      if (hooks?.seed !== undefined) return run.clock++;
      return Date.now();
    };
  }
  if (granted.has("log")) {
    const log = (ptr: number): void => {
      if (run.logMessages > LOG_RUN_MESSAGES || !run.memory) return;
      const text = readSandboxString(run.memory, ptr, LOG_MESSAGE_LIMIT);
      if (text === undefined) return;
      run.logMessages++;
      run.logUnits += text.length;
      if (run.logMessages > LOG_RUN_MESSAGES || run.logUnits > LOG_RUN_UNITS) {
        run.logMessages = LOG_RUN_MESSAGES + 1;
        run.hooks?.log?.(
          `[log output truncated: a run may log ${LOG_RUN_MESSAGES} messages or ${LOG_RUN_UNITS} characters]`,
        );
        return;
      }
      run.hooks?.log?.(sanitizeLog(text));
    };
    for (const name of LOG_IMPORTS) env[name.slice("env.".length)] = log;
  }
  const ice = {
    tick: (): void => run.meter?.tick(),
    ...createIntrinsics(
      () => run.memory,
      (fuel) => run.meter?.charge(fuel),
    ),
  };
  return { env, ice };
}

/** Log lines keep newlines and tabs; other control characters are replaced. */
function sanitizeLog(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "?");
}
