/**
 * @fileoverview Where compiled WASM is cached: `$ICEOSC_CACHE_DIR`, else
 * `node_modules/.cache/iceosc` in the working directory when it has node_modules, else the
 * user's cache folder (`$XDG_CACHE_HOME/iceosc` or `~/.cache/iceosc`). Never a shared folder:
 * the cache checks that its folder is private before using it (src/emit/wasm/cache.ts).
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "./io.js";

export function defaultCacheDir(io: CliIo): string {
  const configured = io.env.ICEOSC_CACHE_DIR;
  if (configured) return configured;
  const local = join(io.cwd, "node_modules");
  if (existsSync(local)) return join(local, ".cache", "iceosc");
  const userCache = io.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(userCache, "iceosc");
}
