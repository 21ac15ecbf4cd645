/**
 * @fileoverview A bound on the compiler's V8 code cache folder (codeCache.ts). An entry is named
 * by the identity of the file it caches, Node's and V8's versions and the V8 flag state, so every
 * reinstall of `node_modules` (a new inode), every Node upgrade and every flag state adds another
 * entry of several MB, and nothing else ever removes one. After an entry is written, the folder's
 * entries of the same module beyond the `KEEP` most recently used are removed: a hit refreshes its
 * entry's modification time (`touchEntry`), so what goes is what no recent load used.
 *
 * Only what codeCache.ts writes is ever removed: a regular file (never followed: a symbolic link,
 * a folder, a FIFO stays) whose name is that module's entry name (`<module>-<32 hex>-<8 hex>.v8`).
 * The folder is private (privateFolder.ts), so no one else can swap a name between the look and the
 * removal; another build pruning at the same time is harmless (a vanished entry is a miss).
 */
import { type Dirent, lstatSync, readdirSync, unlinkSync, utimesSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Entries kept per module: a few V8 flag states (codeCache.ts flagState) of one or two installs. */
export const KEEP = 6;

/** What follows `<module>-` in the name of an entry codeCache.ts writes. */
const ENTRY_TAIL = /^[0-9a-f]{32}-[0-9a-f]{8}\.v8$/;

/** The name of the entry of module file `module` under `key` and V8 flag state `flags`. */
export function entryName(module: string, key: string, flags: string): string {
  return `${module}-${key}-${flags}.v8`;
}

/** Marks the entry `entry` as just used (the pruning keeps the most recently used). */
export function touchEntry(entry: string): void {
  try {
    const now = new Date();
    utimesSync(entry, now, now);
  } catch {
    // Not refreshed: at worst it is pruned sooner and written again.
  }
}

/**
 * Removes the entries of `module` in the folder of `written` (the entry just written, always kept)
 * beyond the `keep` most recently modified.
 */
export function pruneEntries(written: string, module: string, keep = KEEP): void {
  const dir = dirname(written);
  let files: Dirent[];
  try {
    files = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const prefix = `${module}-`;
  const entries: { path: string; mtimeMs: number }[] = [];
  for (const file of files) {
    const name = file.name;
    if (!file.isFile() || name === basename(written)) continue;
    if (!name.startsWith(prefix) || !ENTRY_TAIL.test(name.slice(prefix.length))) continue;
    try {
      const stat = lstatSync(join(dir, name));
      if (stat.isFile()) entries.push({ path: join(dir, name), mtimeMs: stat.mtimeMs });
    } catch {
      // Gone already (another build pruned it).
    }
  }
  entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const stale of entries.slice(Math.max(0, keep - 1))) {
    try {
      unlinkSync(stale.path);
    } catch {
      // Gone already, or not removable: the next write tries again.
    }
  }
}
