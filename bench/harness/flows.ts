/**
 * @fileoverview Compiles workflow files with the real driver (compileFiles) into the scratch
 * directory and imports the generated modules, which import this tree's runtime by file URL.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileFiles } from "../../src/build/compile.js";
import type { BenchContext } from "./context.js";

/** A generated module's `run`. */
export type FlowRun = (input: unknown, options?: Record<string, unknown>) => Promise<Record<string, unknown>>;

const here = dirname(fileURLToPath(import.meta.url));

/** `bench/fixtures`, from the sources (tests) or from `dist/bench` (npm run bench). */
export function fixturesDir(): string {
  for (const candidate of [join(here, "..", "fixtures"), join(here, "..", "..", "..", "bench", "fixtures")]) {
    if (existsSync(join(candidate, "small_flow.yaml"))) return candidate;
  }
  throw new Error("bench/fixtures not found");
}

/** The runtime generated code imports: the built one beside the running code, else the sources. */
function runtimeUrl(): string {
  for (const candidate of [
    join(here, "..", "..", "runtime", "index.js"),
    join(here, "..", "..", "dist", "runtime", "index.js"),
  ]) {
    if (existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  throw new Error("built runtime not found (run npm run build)");
}

/** Compiles workflow files and imports each generated module; by workflow name. */
export async function compileFlows(
  ctx: BenchContext,
  paths: readonly string[],
  subdir: string,
): Promise<Map<string, FlowRun>> {
  const result = await compileFiles(paths, { runtimeSpecifier: runtimeUrl(), cacheDir: ctx.cacheDir });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(`bench workflows failed to compile:\n${errors.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  const outDir = join(ctx.workDir, subdir);
  mkdirSync(outDir, { recursive: true });
  const runs = new Map<string, FlowRun>();
  for (const w of result.workflows) {
    writeFileSync(join(outDir, `${w.name}.js`), w.js);
    for (const wasm of w.wasm) writeFileSync(join(outDir, wasm.fileName), wasm.bytes);
  }
  for (const w of result.workflows) {
    const mod = (await import(pathToFileURL(join(outDir, `${w.name}.js`)).href)) as { run: FlowRun };
    runs.set(w.name, mod.run);
  }
  return runs;
}
