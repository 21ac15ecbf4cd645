/**
 * @fileoverview Where compiled WASM is cached: `$ICEOSC_CACHE_DIR`, else the user's cache folder
 * (`$XDG_CACHE_HOME/iceosc` or `~/.cache/iceosc`). Never a folder inside the working directory:
 * a project's files are as untrusted as its workflows, and a `node_modules/.cache/iceosc`
 * committed to a repository would hand the build modules, build records and durable-run folders
 * its author chose (their digests are plain SHA-256, which anyone can compute). Never a shared
 * folder either: the cache checks that its folder is private before using it
 * (src/emit/wasm/cache.ts).
 */
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { CliIo } from "./io.js";

export function defaultCacheDir(io: CliIo): string {
  const configured = io.env.ICEOSC_CACHE_DIR;
  if (configured) return configured;
  // A relative `XDG_CACHE_HOME` is invalid and ignored (the XDG Base Directory specification):
  // taken, `XDG_CACHE_HOME=.cache` put the cache in whatever project iceosc runs in, whose author
  // may have committed a `.cache/iceosc` (red team 11).
  const xdg = io.env.XDG_CACHE_HOME;
  const userCache = xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
  return join(userCache, "iceosc");
}
