/**
 * @fileoverview Which specifier generated modules use to import the runtime: `iceosc/runtime`
 * when it resolves from the output directory (iceosc is installed in the app, or the output lives
 * in this package), else `@iceosc/runtime` (the lean runtime package) when that resolves. Otherwise this installation's runtime by relative path (which both Node and
 * TypeScript resolve, unlike a file URL: TS2307), with a note saying how to make the package
 * specifier resolve; a file URL only when no relative path exists (another drive).
 */
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * File URL of the runtime that ships with this compiler, in the compiler's own form: `index.js`
 * beside the built compiler in `dist/`, `index.ts` when the compiler itself runs from its
 * TypeScript sources (under vitest, which also loads the generated module and so its runtime).
 */
export function bundledRuntimeUrl(): string {
  const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`../../runtime/index.${extension}`, import.meta.url).href;
}

/** The runtime's package names: the compiler's own export, then the lean runtime package. */
const PACKAGE_SPECIFIERS = ["iceosc/runtime", "@iceosc/runtime"] as const;

/** How generated modules in `outDir` import the runtime, and what to tell the user about it. */
export interface RuntimeImport {
  readonly specifier: string;
  /** Set when the package specifier does not resolve: how to make it. */
  readonly note?: string;
}

export function runtimeImportFor(outDir: string): RuntimeImport {
  const require = createRequire(pathToFileURL(join(resolve(outDir), "_.js")));
  for (const specifier of PACKAGE_SPECIFIERS) {
    try {
      require.resolve(specifier);
      return { specifier };
    } catch {}
  }
  const bundled = bundledRuntimeUrl();
  const path = relative(resolve(outDir), fileURLToPath(bundled));
  const specifier = isAbsolute(path)
    ? bundled
    : path.startsWith(".")
      ? path.split(sep).join("/")
      : `./${path.split(sep).join("/")}`;
  return {
    specifier,
    note: `note: 'iceosc/runtime' does not resolve from ${outDir}, so the generated modules import this compiler's runtime as '${specifier}' (they run and typecheck where they are, but break if moved); install the runtime in the app (npm install @iceosc/runtime, or iceosc) to have them import it by package name, or pass --runtime <specifier>\n`,
  };
}

/** The specifier alone (see runtimeImportFor). */
export function runtimeSpecifierFor(outDir: string): string {
  return runtimeImportFor(outDir).specifier;
}
