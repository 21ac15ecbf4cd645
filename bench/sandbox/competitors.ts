/**
 * @fileoverview The sandboxes a user would otherwise pick, each running the same JavaScript (a
 * workload's body, types erased) with a fresh isolation unit per run, its resource guard on, and
 * JSON in and out:
 * - quickjs-emscripten: a new runtime (memory limit, stack limit, interrupt handler on a
 *   deadline) and context per run; also a context on one shared runtime, for reference;
 * - node:vm: a new context per run, `timeout` on the call (not a security boundary: a baseline);
 * - isolated-vm: a new isolate (memory limit) and context per run, `timeout` on the call.
 * The optional packages load dynamically; when absent the engine is reported as skipped.
 */
import { createRequire } from "node:module";
import vm from "node:vm";
import { javascriptOf, type Workload } from "./units.js";

/** Runs one workload once, end to end; returns the output as a host object. */
export type EngineRun = (input: Record<string, unknown>) => unknown;

export interface Engine {
  readonly name: string;
  /** Prepares a workload (compiles what can be compiled once). */
  prepare(w: Workload): EngineRun;
}

const MEMORY_LIMIT = 16 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

/** Loads an optional package by name; undefined when not installed. */
async function optional(name: string): Promise<unknown> {
  try {
    createRequire(import.meta.url).resolve(name);
  } catch {
    return undefined;
  }
  const mod = (await import(name)) as { default?: unknown };
  return mod.default ?? mod;
}

interface QuickJsHandle {
  dispose(): void;
}
interface QuickJsContext {
  evalCode(code: string): { error?: QuickJsHandle; value?: QuickJsHandle };
  dump(handle: QuickJsHandle): unknown;
  dispose(): void;
}
interface QuickJsRuntime {
  setMemoryLimit(bytes: number): void;
  setMaxStackSize(bytes: number): void;
  setInterruptHandler(handler: () => boolean): void;
  newContext(): QuickJsContext;
  dispose(): void;
}
interface QuickJsModule {
  newRuntime(): QuickJsRuntime;
}

/** quickjs-emscripten, or undefined when not installed. */
export async function loadQuickJs(): Promise<{ module: QuickJsModule; version: string } | undefined> {
  const pkg = (await optional("quickjs-emscripten")) as { getQuickJS(): Promise<QuickJsModule> } | undefined;
  if (!pkg) return undefined;
  const version = (createRequire(import.meta.url)("quickjs-emscripten/package.json") as { version: string }).version;
  return { module: await pkg.getQuickJS(), version };
}

function evalIn(context: QuickJsContext, code: string): unknown {
  const result = context.evalCode(code);
  if (result.error) {
    const error = context.dump(result.error);
    result.error.dispose();
    throw new Error(`quickjs: ${JSON.stringify(error)}`);
  }
  const value = context.dump(result.value!);
  result.value!.dispose();
  return value;
}

/** A runtime with a memory limit, a stack limit and an interrupt handler; `arm` starts a run's deadline. */
function guardedRuntime(module: QuickJsModule): { runtime: QuickJsRuntime; arm(): void } {
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(MEMORY_LIMIT);
  runtime.setMaxStackSize(512 * 1024);
  let deadline = Date.now() + TIMEOUT_MS;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  return {
    runtime,
    arm: () => {
      deadline = Date.now() + TIMEOUT_MS;
    },
  };
}

/** A fresh runtime and context per run (the isolation our fresh instance per run gives). */
export function quickJsEngine(module: QuickJsModule): Engine {
  return {
    name: "quickjs",
    prepare(w) {
      const fn = javascriptOf(w.body);
      return (input) => {
        const { runtime } = guardedRuntime(module);
        const context = runtime.newContext();
        try {
          return evalIn(context, `(${fn})(${JSON.stringify(input)})`);
        } finally {
          context.dispose();
          runtime.dispose();
        }
      };
    },
  };
}

/** A fresh context per run on one shared, guarded runtime (cheaper; limits shared by all runs). */
export function quickJsSharedRuntimeEngine(module: QuickJsModule): Engine & { dispose(): void } {
  const { runtime, arm } = guardedRuntime(module);
  return {
    name: "quickjs (shared runtime)",
    prepare(w) {
      const fn = javascriptOf(w.body);
      return (input) => {
        arm();
        const context = runtime.newContext();
        try {
          return evalIn(context, `(${fn})(${JSON.stringify(input)})`);
        } finally {
          context.dispose();
        }
      };
    },
    dispose: () => runtime.dispose(),
  };
}

/** node:vm: a fresh context per run, the script compiled once, a timeout per call. */
export const nodeVmEngine: Engine = {
  name: "node:vm",
  prepare(w) {
    const script = new vm.Script(`JSON.stringify((${javascriptOf(w.body)})(JSON.parse(__input)))`);
    return (input) => {
      const context = vm.createContext({ __input: JSON.stringify(input) });
      return JSON.parse(script.runInContext(context, { timeout: TIMEOUT_MS }) as string);
    };
  },
};

interface IvmIsolate {
  createContextSync(): {
    evalClosureSync(code: string, args: unknown[], options: { timeout: number }): unknown;
    release(): void;
  };
  dispose(): void;
}
interface Ivm {
  Isolate: new (options: { memoryLimit: number }) => IvmIsolate;
}

/** isolated-vm, or undefined when not installed (it is an optional dependency built from source). */
export async function loadIsolatedVm(): Promise<Ivm | undefined> {
  try {
    return (await optional("isolated-vm")) as Ivm | undefined;
  } catch {
    return undefined; // installed but not built for this Node
  }
}

/** isolated-vm: a fresh isolate (memory limit, MB) and context per run, a timeout per call. */
export function isolatedVmEngine(ivm: Ivm): Engine {
  return {
    name: "isolated-vm",
    prepare(w) {
      const code = `return JSON.stringify((${javascriptOf(w.body)})(JSON.parse($0)));`;
      return (input) => {
        const isolate = new ivm.Isolate({ memoryLimit: MEMORY_LIMIT / (1024 * 1024) });
        try {
          const context = isolate.createContextSync();
          return JSON.parse(context.evalClosureSync(code, [JSON.stringify(input)], { timeout: TIMEOUT_MS }) as string);
        } finally {
          isolate.dispose();
        }
      };
    },
  };
}
