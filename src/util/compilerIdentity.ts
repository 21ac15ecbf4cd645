/**
 * @fileoverview The compiler's identity for caches keyed by what the compiler would produce rather
 * than by its output: names, sizes and modification times of this package's own files (`src/` and
 * `runtime/`, built or not), so any change to the compiler misses every entry keyed by it. Source
 * maps and declaration files (`.d.ts`) are left out: they change nothing the compiler does (it
 * reads none of its own declarations at run time: a code body's library is text in memory,
 * src/codenode/lib), and they were two thirds of the files stat'ed. Used by the whole-build cache
 * (src/build/buildCache.ts) and the per-node cache (src/emit/wasm/nodeCache.ts).
 *
 * Every `iceosc build` and `check` pays this walk before it can answer from the cache, so it is
 * kept cheap: directory entries come typed (no stat for directories), a file's stat is read in
 * the bigint form (no Date objects made for its four times), and paths are joined by hand.
 */
import { createHash, type Hash } from "node:crypto";
import { type Dirent, readdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let identity: string | undefined;

/** Hex SHA-256 over the compiler's files (computed once per process). */
export function compilerIdentity(): string {
  if (identity !== undefined) return identity;
  identity = identityOf(resolve(dirname(fileURLToPath(import.meta.url)), "..", ".."));
  return identity;
}

/** Hex SHA-256 over the files of `root`'s `src/` and `runtime/` folders (the test seam). */
export function identityOf(root: string): string {
  const hash = createHash("sha256");
  walk(hash, `${root}/src`, "src");
  walk(hash, `${root}/runtime`, "runtime");
  return hash.digest("hex");
}

/** Adds `relative\0size\0mtimeNs\n` for every file under `dir` but source maps and declarations, in name order. */
function walk(hash: Hash, dir: string, relative: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    const name = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(hash, path, name);
    else if (!entry.name.endsWith(".map") && !entry.name.endsWith(".d.ts")) {
      const stat = statSync(path, { bigint: true });
      hash.update(`${name}\0${stat.size}\0${stat.mtimeNs}\n`);
    }
  }
}
