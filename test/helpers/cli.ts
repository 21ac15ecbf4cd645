/**
 * @fileoverview Test helpers: run the built `iceosc` binary as a user would, and write throwaway
 * workflow files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI = join(ROOT, "dist", "src", "cli", "bin.js");
export const RUNTIME_URL = new URL("../../dist/runtime/index.js", import.meta.url).href;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `iceosc ...args` (from the repository root unless `cwd` is given). */
export function iceosc(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = "iceosc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `files` (name -> text) into a fresh directory; returns it. */
export function writeFiles(files: Readonly<Record<string, string>>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A one-node workflow around a code body, for sandbox tests through the CLI. */
export function codeWorkflow(
  body: string,
  options: { output?: string; input?: string; inputs?: string; imports?: string; limits?: string } = {},
): string {
  const indented = body
    .trim()
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
  return `name: probe
input_schema: ${options.input ?? "{ n: integer }"}
nodes:
  - id: probe
    type: code
    imports: ${options.imports ?? "[]"}
    inputs: ${options.inputs ?? '{ n: "{{ inputs.n }}" }'}
    input_schema: ${options.input ?? "{ n: integer }"}
    output_schema: ${options.output ?? "{ value: integer }"}
    limits: ${options.limits ?? "{ fuel: 1000000, memory_mb: 1, timeout_ms: 5000 }"}
    code: |
${indented}
outputs: { value: "{{ probe.value }}" }
`;
}
