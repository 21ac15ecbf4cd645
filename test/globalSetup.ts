/**
 * @fileoverview Once per `vitest` run, before any test file. Tests run the TypeScript sources, but
 * the few that spawn the real `iceosc` binary (test/cli/binary.test.ts, test/durable) need
 * `dist/`: an incremental `tsc -b tsconfig.build.json` brings it up to date (build info in
 * `dist/.tsbuildinfo`; a no-op of a second or two when `npm install` or `npm run build` already
 * built), then the worker bundles (scripts/bundle.mjs). Then settings the test workers inherit: one compile cache for the whole run in a fresh temporary directory (`ICEOSC_CACHE_DIR`, also
 * provided as `oracleCacheDir` to the differential oracle), so a sandbox unit compiled by one test
 * is reused by the others and nothing is written into the repository's `node_modules/.cache`
 * (removed when the run ends); and a compile timeout a loaded machine cannot hit
 * (`ICEOSC_COMPILE_TIMEOUT_MS`; tests of the timeout itself pass their own).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    oracleCacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  buildDist();
  const cacheDir = mkdtempSync(join(tmpdir(), "iceosc-test-cache-"));
  process.env.ICEOSC_CACHE_DIR = cacheDir;
  process.env.ICEOSC_COMPILE_TIMEOUT_MS = "600000";
  project.provide("oracleCacheDir", cacheDir);
  return () => rmSync(cacheDir, { recursive: true, force: true });
}

/** `tsc -b`; a type error is reported but does not stop the run (the sources are what is tested). */
function buildDist(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], {
      cwd: join(import.meta.dirname, ".."),
      stdio: "pipe",
    });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? error);
    process.stderr.write(`test/globalSetup.ts: tsc -b reported errors; dist/ may be partly stale:\n${output}\n`);
  }
  // The worker bundles (scripts/bundle.mjs), as `npm run build` makes them: the typer runs the bundle.
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "scripts", "bundle.mjs")], { stdio: "pipe" });
}
