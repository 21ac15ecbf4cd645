/**
 * @fileoverview Test helper: compile YAML workflows with the public API and import the result.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { compileFiles } from "../../src/index.js";
import { formatDiagnostics } from "../../src/diagnostics/index.js";
import { CACHE_DIR, RUNTIME_URL, writeFiles } from "./cli.js";

export interface GeneratedModule {
  run(input: unknown, options?: object): Promise<Record<string, unknown>>;
}

/** Compiles `files` (name -> YAML), writes the modules, imports and returns `main`'s. */
export async function compileAndImport(
  files: Readonly<Record<string, string>>,
  main: string,
): Promise<GeneratedModule> {
  const dir = writeFiles(files);
  const result = await compileFiles([join(dir, main)], {
    runtimeSpecifier: RUNTIME_URL,
    ...(CACHE_DIR !== undefined && { cacheDir: CACHE_DIR }),
  });
  expect(formatDiagnostics(result.diagnostics.filter((d) => d.severity === "error"))).toBe("");
  const out = join(dir, "out");
  mkdirSync(out);
  for (const workflow of result.workflows) {
    writeFileSync(join(out, `${workflow.name}.js`), workflow.js);
    for (const wasm of workflow.wasm) writeFileSync(join(out, wasm.fileName), wasm.bytes);
  }
  const name = result.workflows.find((w) => w.requested)!.name;
  return (await import(pathToFileURL(join(out, `${name}.js`)).href)) as GeneratedModule;
}
