/**
 * @fileoverview How a durable run names the workflow it runs: the generated module's absolute
 * path and its content hash (the module, the sandbox modules and sub-workflow modules it
 * references, recursively). Any process that can read the path can run or resume the run; a
 * module whose content changed since the run started is refused, so a changed workflow never
 * resumes an old run's checkpoints.
 */
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PolicyDeniedError, WorkflowChangedError } from "../errors.js";
import type { RunOptions } from "../options.js";
import { GENERATED_FILE_BYTES_LIMIT, readRegularFile } from "../regularFile.js";
import { encodeStored } from "./storedValue.js";

/** A generated module as the runtime calls it. */
export interface WorkflowModule {
  run(input: unknown, options?: RunOptions): Promise<unknown>;
}

/** What a durable run records as its input: enough for any process on the same files to run it. */
export interface Job {
  /** Absolute path of the generated module (`W.js`). */
  readonly module: string;
  /** Content hash of the module and everything it references (`moduleHash`). */
  readonly hash: string;
  /** The workflow input as `encodeStored` text (DBOS's serializer loses builtin-named keys). */
  readonly input: string;
}

/** An absolute path from a path or `file:` URL. */
export function modulePath(module: string | URL): string {
  const text = module.toString();
  return text.startsWith("file:") ? fileURLToPath(text) : isAbsolute(text) ? text : resolve(text);
}

/** SHA-256 over the module's files (the module, its `.wasm` files, its sub-workflow modules). */
export function moduleHash(path: string): string {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Checked on the open file, read to a limit (red team 8): a stat, then a read of the path,
    // read whatever was swapped in between, and a huge file whole.
    const bytes = readRegularFile(file, GENERATED_FILE_BYTES_LIMIT);
    hash.update(`${file.slice(dirname(path).length)}\0${bytes.length}\0`).update(bytes);
    if (!file.endsWith(".js")) return;
    const text = bytes.toString("utf8");
    // Only plain names beside the module, as the emitter writes them: workflow text reaches the
    // module as template literals whose quotes are not escaped, so a prompt holding
    // `"wasm": "../../../dev/zero"` must not make this read /dev/zero (a hang, gigabytes) or a FIFO.
    const references = [
      ...[...text.matchAll(/"wasm":\s*"([\w.-]+\.wasm)"/g)].map((m) => m[1]!),
      ...[...text.matchAll(/from\s+"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!),
    ].sort();
    for (const reference of references) if (!reference.startsWith("..")) visit(join(dirname(file), reference));
  };
  visit(path);
  return hash.digest("hex");
}

/** The job for running `module` on `input`. */
export function jobFor(module: string | URL, input: unknown): Job {
  const path = modulePath(module);
  return { module: path, hash: moduleHash(path), input: encodeStored(input) };
}

/**
 * Imports the job's module after checking it is the one the run started with: from `local` (a
 * copy of the same content this process compiled, e.g. into another cache folder) when given,
 * else from the path the run recorded.
 */
export async function loadJobModule(job: Job, local?: string): Promise<WorkflowModule> {
  const path = local ?? job.module;
  let hash: string;
  try {
    hash = moduleHash(path);
  } catch (error) {
    throw new WorkflowChangedError(`cannot read the run's workflow module ${path}: ${(error as Error).message}`);
  }
  if (hash !== job.hash)
    throw new WorkflowChangedError(
      `the workflow module ${path} changed since the run started (content hash ${hash.slice(0, 12)}, run started with ${job.hash.slice(0, 12)}); start a new run`,
    );
  return (await import(pathToFileURL(path).href)) as WorkflowModule;
}

/**
 * The real path of a queued run's module, if it lies inside a folder this process runs modules
 * from. The run's row names the path and its hash, so whoever can write the run database could
 * otherwise have every worker import a JavaScript file of their choosing as host code.
 */
export async function grantedModulePath(path: string, dirs: readonly string[]): Promise<string> {
  const roots = (await Promise.all(dirs.map((dir) => realpath(resolve(dir)).catch(() => undefined)))).filter(
    (root): root is string => root !== undefined,
  );
  const real = await realpath(path).catch(() => undefined);
  if (real !== undefined && roots.some((root) => inside(root, real))) return real;
  throw new PolicyDeniedError(
    undefined,
    `the run names module ${path}, outside the folders this worker runs modules from (${dirs.join(", ") || "none"}): ` +
      "refused by the operator's policy; to allow a folder start the worker with --allow-modules <dir> (moduleDirs)",
  );
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The seed of sandboxed randomness and clocks of a run: a replay draws the same numbers. */
export function seedOf(runId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < runId.length; i++) h = Math.imul(h ^ runId.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
