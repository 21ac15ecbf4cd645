/**
 * @fileoverview Test helpers: run the CLI as a user would, in-process through `main(argv, io)`
 * (fast: the compiler and asc stay loaded), or as the real `iceosc` binary in a child process for
 * the few tests about the executable itself; write throwaway workflow files.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The built binary (test/globalSetup.ts brings dist/ up to date before any test runs). */
export const CLI = join(ROOT, "dist", "src", "cli", "bin.js");
/** The run's shared compile cache (a temp dir made by test/globalSetup.ts). */
export const CACHE_DIR = process.env.ICEOSC_CACHE_DIR;
/** The runtime generated modules import in tests: its TypeScript sources, loaded by vitest. */
export const RUNTIME_URL = new URL("../../runtime/index.ts", import.meta.url).href;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** Variables added to (or, with "", blanking) this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `iceosc ...args` in this process, capturing its output and exit code. */
export async function iceosc(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
  });
  return { code, stdout, stderr };
}

/** Runs the built `iceosc` binary in a child process (without blocking this process's event loop). */
export function spawnIceosc(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
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
