/**
 * @fileoverview Where the typer workers keep TypeScript's V8 code cache (src/util/codeCache.ts):
 * the `v8/` folder of the cache folder the command line uses, when both are private
 * (openPrivateFolder: the bytes are code this process runs unsandboxed), else nowhere. Set by the
 * commands that type bodies (build, check, run) unless `--no-cache`; a library caller or a test
 * that never sets it gets no code cache, and no file is written for it.
 */
import { join } from "node:path";
import { openPrivateFolder } from "../../util/privateFolder.js";

let folder: string | undefined;

/** From now on, typer workers started keep the code cache under `cacheDir` (undefined: none). */
export function useTyperCodeCache(cacheDir: string | undefined): void {
  folder = undefined;
  if (cacheDir === undefined || openPrivateFolder(cacheDir).kind !== "ready") return;
  const v8 = openPrivateFolder(join(cacheDir, "v8"));
  if (v8.kind === "ready") folder = v8.dir;
}

/** The folder a typer worker started now keeps its code cache in, if any. */
export function typerCodeCache(): string | undefined {
  return folder;
}
