/**
 * @fileoverview Which specifier generated modules use to import the runtime: `iceosc/runtime`
 * when it resolves from the output directory (iceosc is installed there), else this
 * installation's runtime by file URL, so the output runs wherever it was built.
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** File URL of the runtime that ships with this compiler. */
export function bundledRuntimeUrl(): string {
  return new URL("../../runtime/index.js", import.meta.url).href;
}

export function runtimeSpecifierFor(outDir: string): string {
  try {
    createRequire(pathToFileURL(join(resolve(outDir), "_.js"))).resolve("iceosc/runtime");
    return "iceosc/runtime";
  } catch {
    return bundledRuntimeUrl();
  }
}
