/**
 * @fileoverview Loading the compiled sandbox modules that sit beside a generated module. Each
 * `.wasm` file is read, checked against the SHA-256 the build recorded in the manifest, verified
 * and compiled once per process (V8 compiles off the calling
 * thread), then run on a fresh or reset instance per run. Generated modules await
 * `preloadSandboxes` when they are imported, so a node's first run finds its program compiled
 * and an instance prepared for its default limits.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ModuleInvalidError, messageOf } from "./errors.js";
import type { SandboxManifest, WorkflowManifest } from "./manifest.js";
import { readRegularFile, SANDBOX_MODULE_BYTES_LIMIT } from "./regularFile.js";
import { SandboxProgram } from "./sandbox/index.js";

const programs = new Map<string, Promise<SandboxProgram>>();

/**
 * The last program found for each sandbox manifest object, with the generated module's URL it was
 * found for: a run asks for its nodes' programs every time, and resolving the module's URL
 * (`new URL`) was a few percent of a small workflow's run.
 */
const found = new WeakMap<SandboxManifest, FoundProgram>();

interface FoundProgram {
  readonly baseUrl: string;
  readonly program: Promise<SandboxProgram>;
  /** The program once loaded: a run uses it at once, without waiting for a promise. */
  loaded?: SandboxProgram;
}

/** The node's program if it is loaded already (as after the generated module's import), else undefined. */
export function loadedSandbox(baseUrl: string, manifest: SandboxManifest): SandboxProgram | undefined {
  const last = found.get(manifest);
  return last !== undefined && last.baseUrl === baseUrl ? last.loaded : undefined;
}

/** The verified program for a node's module, loading it if no one has yet. */
export function loadSandbox(baseUrl: string, nodeId: string, manifest: SandboxManifest): Promise<SandboxProgram> {
  const last = found.get(manifest);
  if (last !== undefined && last.baseUrl === baseUrl) return last.program;
  const url = new URL(manifest.wasm, baseUrl).href;
  let program = programs.get(url);
  if (program === undefined) {
    const loading = load(url, nodeId, manifest);
    program = loading;
    programs.set(url, loading);
    // A failed preload is reported by the run that needs the node, not as an unhandled rejection.
    loading.catch(() => {
      programs.delete(url);
      if (found.get(manifest)?.program === loading) found.delete(manifest);
    });
  }
  const entry: FoundProgram = { baseUrl, program };
  found.set(manifest, entry);
  program.then(
    (loaded) => {
      entry.loaded = loaded;
    },
    () => undefined,
  );
  return program;
}

/**
 * Loads every sandbox module of a workflow and prepares an instance of each for its default
 * limits; generated modules await it at the top level, so importing one finishes once its nodes
 * are ready and a run right after the import finds them so (a run that starts before prepare
 * has run meets a fresh instance and cold host code: ~8 ms instead of ~1 ms for a small
 * workflow's first run in a fresh process). Never rejects: a module that cannot be loaded is
 * reported by the run that needs its node.
 */
export function preloadSandboxes(manifest: WorkflowManifest, baseUrl: string): Promise<void> {
  const loads: Promise<void>[] = [];
  for (const [nodeId, node] of Object.entries(manifest.nodes)) {
    const sandbox = node.sandbox;
    if (!sandbox || sandbox.direct) continue;
    loads.push(
      loadSandbox(baseUrl, nodeId, sandbox).then(
        (program) => program.prepare(sandbox.limits),
        () => undefined,
      ),
    );
  }
  return Promise.all(loads).then(() => undefined);
}

async function load(url: string, nodeId: string, manifest: SandboxManifest): Promise<SandboxProgram> {
  let bytes: Uint8Array;
  try {
    // Regular files only (red team 8): a FIFO planted in the out-dir made the module's import,
    // which awaits this preload, wait forever; /dev/zero grew the process by gigabytes.
    bytes = readRegularFile(fileURLToPath(url), SANDBOX_MODULE_BYTES_LIMIT);
  } catch (error) {
    throw new ModuleInvalidError(nodeId, `cannot read sandbox module ${manifest.wasm}: ${messageOf(error)}`);
  }
  if (manifest.sha256 !== undefined && createHash("sha256").update(bytes).digest("hex") !== manifest.sha256) {
    throw new ModuleInvalidError(
      nodeId,
      `sandbox module ${manifest.wasm} is not the module this workflow was built with (its SHA-256 differs); rebuild it`,
    );
  }
  return SandboxProgram.compileAsync(bytes, {
    nodeId,
    inputType: manifest.inputType,
    outputType: manifest.outputType,
    capabilities: manifest.capabilities,
    ...(manifest.source && { source: manifest.source }),
  });
}
