/**
 * @fileoverview How the built-in file tools open a file a workflow names (README "Operator policy"): the
 * path resolves against the workflow's folder, symlinks are resolved (`realpath`), and the real
 * path must lie inside the workflow's folder or a directory the operator granted (`--allow-read`,
 * `options.policy.allowRead`). The file is opened without following a final symlink, checked to be
 * a regular file (no devices, FIFOs or directories), checked again through the open descriptor
 * (so a path swapped between the check and the open is caught), and read with a byte limit: the
 * host never holds more than the limit, whatever the file claims or becomes while it is read.
 */
import { constants } from "node:fs";
import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { CapabilityDeniedError } from "../errors.js";

/** Where file tools may read. */
export interface FileAccess {
  /** Where relative paths resolve (the workflow's folder); readable only if in `readableDirs`. */
  readonly baseDir: string;
  /** Every directory file tools may read (none: nothing is read). */
  readonly readableDirs: readonly string[];
}

/** Largest file the tools read, in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reads the file `path` names, if the access grants it; at most `maxBytes`. */
export async function readGrantedFile(
  access: FileAccess,
  path: string,
  nodeId: string,
  signal: AbortSignal,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<Buffer> {
  const roots = await realRoots(access.readableDirs);
  const full = resolve(access.baseDir, path);
  // Outside as written: refused before touching the file system (no probing what exists there).
  if (!insideAny([...access.readableDirs.map((dir) => resolve(dir)), ...roots], full))
    throw outside(nodeId, path, full, access);
  const real = await realPathOf(full, path);
  if (!insideAny(roots, real)) throw outside(nodeId, path, real, access);
  let handle: FileHandle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (error) {
    // ELOOP: the last component became a symlink after it was resolved.
    if ((error as NodeJS.ErrnoException).code === "ELOOP")
      throw new CapabilityDeniedError(nodeId, `path '${path}' changed into a symlink while it was opened`);
    throw new Error(`cannot open '${path}': ${(error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new CapabilityDeniedError(nodeId, `'${path}' is not a regular file (file tools read regular files only)`);
    await checkOpened(handle, real, info, roots, nodeId, path, access);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    return await readAtMost(handle, maxBytes, path, signal);
  } finally {
    await handle.close();
  }
}

/** The real paths of the readable directories (a directory that does not exist grants nothing). */
async function realRoots(dirs: readonly string[]): Promise<string[]> {
  const roots = await Promise.all(dirs.map((dir) => realpath(resolve(dir)).catch(() => undefined)));
  return roots.filter((root): root is string => root !== undefined);
}

async function realPathOf(full: string, shown: string): Promise<string> {
  try {
    return await realpath(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT" ? `no such file: '${shown}'` : `cannot read '${shown}': ${(error as Error).message}`,
    );
  }
}

/**
 * The descriptor must be the file that was checked. On Linux its own path (`/proc/self/fd/N`)
 * must lie inside a readable directory; elsewhere its device and inode must match the checked path.
 */
async function checkOpened(
  handle: FileHandle,
  real: string,
  info: { dev: number; ino: number },
  roots: readonly string[],
  nodeId: string,
  path: string,
  access: FileAccess,
): Promise<void> {
  const opened = await realpath(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  if (opened?.startsWith("/")) {
    if (!insideAny(roots, opened)) throw outside(nodeId, path, opened, access);
    return;
  }
  const again = await stat(real).catch(() => undefined);
  if (!again || again.dev !== info.dev || again.ino !== info.ino)
    throw new CapabilityDeniedError(nodeId, `path '${path}' changed while it was opened`);
}

/** Reads to the end, failing as soon as more than `maxBytes` arrive. */
async function readAtMost(handle: FileHandle, maxBytes: number, path: string, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    signal.throwIfAborted();
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

function insideAny(roots: readonly string[], path: string): boolean {
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  });
}

function outside(nodeId: string, path: string, real: string, access: FileAccess): CapabilityDeniedError {
  const via = real === resolve(access.baseDir, path) ? "" : ` (it resolves to '${real}')`;
  if (access.readableDirs.length === 0)
    return new CapabilityDeniedError(
      nodeId,
      `path '${path}'${via} cannot be read: file tools were granted no directory; to allow one run with ` +
        `--allow-read <dir> (an app: options.policy.allowRead, or builtins.baseDir for the workflow's folder)`,
    );
  return new CapabilityDeniedError(
    nodeId,
    `path '${path}'${via} is outside the directories file tools may read (${access.readableDirs.join(", ") || "none"}); ` +
      `to allow it run with --allow-read <dir> (options.policy.allowRead)`,
  );
}

function tooLarge(path: string, maxBytes: number): Error {
  return new Error(`'${path}' is larger than ${maxBytes} bytes`);
}
