/**
 * @fileoverview The compiler's identity for caches keyed by what the compiler would produce rather
 * than by its output: names, sizes and modification times of this package's own files (`src/` and
 * `runtime/`, built or not), so any change to the compiler misses every entry keyed by it. Used by
 * the whole-build cache (src/build/buildCache.ts) and the per-node cache (src/emit/wasm/nodeCache.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let identity: string | undefined;

/** Hex SHA-256 over the compiler's files (computed once per process). */
export function compilerIdentity(): string {
  if (identity !== undefined) return identity;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "runtime"));
  identity = hash.digest("hex");
  return identity;
}
