/**
 * @fileoverview Which specifier generated modules use to import the runtime: `iceosc/runtime`
 * when it resolves from the output directory (iceosc is installed there), else this
 * installation's runtime by file URL, so the output runs wherever it was built.
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * File URL of the runtime that ships with this compiler, in the compiler's own form: `index.js`
 * beside the built compiler in `dist/`, `index.ts` when the compiler itself runs from its
 * TypeScript sources (under vitest, which also loads the generated module and so its runtime).
 */
export function bundledRuntimeUrl(): string {
  const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`../../runtime/index.${extension}`, import.meta.url).href;
}

export function runtimeSpecifierFor(outDir: string): string {
  try {
    createRequire(pathToFileURL(join(resolve(outDir), "_.js"))).resolve("iceosc/runtime");
    return "iceosc/runtime";
  } catch {
    return bundledRuntimeUrl();
  }
}
