/**
 * @fileoverview Loading the compiled sandbox modules that sit beside a generated module. Each
 * `.wasm` file is read, checked against the SHA-256 the build recorded in the manifest, verified
 * and compiled once per process (V8 compiles off the calling
 * thread), then run on a fresh or reset instance per run. Generated modules call
 * `preloadSandboxes` when they are imported, so a node's first run finds its program compiled
 * and an instance prepared for its default limits.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ModuleInvalidError, messageOf } from "./errors.js";
import type { SandboxManifest, WorkflowManifest } from "./manifest.js";
import { SandboxProgram } from "./sandbox/index.js";

const programs = new Map<string, Promise<SandboxProgram>>();

/**
 * The last program found for each sandbox manifest object, with the generated module's URL it was
 * found for: a run asks for its nodes' programs every time, and resolving the module's URL
 * (`new URL`) was a few percent of a small workflow's run.
 */
const found = new WeakMap<SandboxManifest, { readonly baseUrl: string; readonly program: Promise<SandboxProgram> }>();

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
  found.set(manifest, { baseUrl, program });
  return program;
}

/** Starts loading every sandbox module of a workflow (called when a generated module is imported). */
export function preloadSandboxes(manifest: WorkflowManifest, baseUrl: string): void {
  for (const [nodeId, node] of Object.entries(manifest.nodes)) {
    const sandbox = node.sandbox;
    if (!sandbox || sandbox.direct) continue;
    loadSandbox(baseUrl, nodeId, sandbox).then(
      (program) => setImmediate(() => program.prepare(sandbox.limits)),
      () => undefined,
    );
  }
}

async function load(url: string, nodeId: string, manifest: SandboxManifest): Promise<SandboxProgram> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(fileURLToPath(url));
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
