/**
 * @fileoverview Golden files: a fixture's expected output lives beside it. `UPDATE_GOLDENS=1`
 * writes and rewrites them; otherwise a missing golden is a failure, on every machine, so a
 * forgotten golden cannot pass unnoticed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { expect } from "vitest";
import { SourceFile } from "../../src/diagnostics/index.js";
import { ROOT } from "./cli.js";

const UPDATE = process.env.UPDATE_GOLDENS === "1";

/** Compares `actual` with the golden at `path` (writes it with UPDATE_GOLDENS=1). */
export function golden(path: string, actual: string): void {
  if (UPDATE) writeFileSync(path, actual);
  else {
    expect(existsSync(path), `missing golden ${relative(ROOT, path)}: run with UPDATE_GOLDENS=1 and commit it`).toBe(
      true,
    );
    expect(actual).toBe(readFileSync(path, "utf8"));
  }
}

/** A fixture as a SourceFile named by its repository-relative path, so goldens are stable. */
export function loadFixture(path: string): SourceFile {
  return new SourceFile(relative(ROOT, path).split("\\").join("/"), readFileSync(path, "utf8"));
}

/** The files of `dir` ending in `extension`, sorted. */
export function fixtureFiles(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort();
}
