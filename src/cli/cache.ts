/**
 * @fileoverview Where compiled WASM is cached: `$ICEOSC_CACHE_DIR`, else
 * `node_modules/.cache/iceosc` in the working directory when it has node_modules, else the
 * system temp directory.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function defaultCacheDir(): string {
  const configured = process.env.ICEOSC_CACHE_DIR;
  if (configured) return configured;
  const local = join(process.cwd(), "node_modules");
  return existsSync(local) ? join(local, ".cache", "iceosc") : join(tmpdir(), "iceosc-cache");
}
