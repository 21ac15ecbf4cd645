/**
 * @fileoverview Vitest global setup: one WASM compile cache, in a temporary directory, shared by
 * every oracle batch of a test run (warm across test files) and removed at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    oracleCacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "iceosc-oracle-cache-"));
  project.provide("oracleCacheDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
