/**
 * @fileoverview Private files written whole or not at all: through a temporary file beside the
 * target and a rename, so a concurrent reader (another build sharing the cache) never sees a part.
 * The caches (the WASM cache, the per-node cache, the build cache) write their entries this way.
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";

/** A temporary name beside `path`, unique to this process and call. */
function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/** Writes `contents` to `path` (mode 0600) atomically; on failure removes the temporary file and throws. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const temp = tempPath(path);
  try {
    await writeFile(temp, contents, { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The same, synchronously. */
export function writeFileAtomicSync(path: string, contents: string | Uint8Array): void {
  const temp = tempPath(path);
  try {
    writeFileSync(temp, contents, { mode: 0o600 });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
