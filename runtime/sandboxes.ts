/**
 * @fileoverview Loading the compiled sandbox modules that sit beside a generated module. Each
 * `.wasm` file is read, compiled and verified once per process, then instantiated fresh per run.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ModuleInvalidError, messageOf } from "./errors.js";
import type { SandboxManifest } from "./manifest.js";
import { SandboxProgram } from "./sandbox/index.js";

const programs = new Map<string, SandboxProgram>();

/** The verified program for a node's module, compiled on first use. */
export function loadSandbox(baseUrl: string, nodeId: string, manifest: SandboxManifest): SandboxProgram {
  const url = new URL(manifest.wasm, baseUrl).href;
  let program = programs.get(url);
  if (program === undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(fileURLToPath(url));
    } catch (error) {
      throw new ModuleInvalidError(nodeId, `cannot read sandbox module ${manifest.wasm}: ${messageOf(error)}`);
    }
    program = SandboxProgram.compile(bytes, { nodeId, inputType: manifest.inputType, outputType: manifest.outputType, capabilities: manifest.capabilities });
    programs.set(url, program);
  }
  return program;
}
