/**
 * Every fixture through the whole compiler driver (check, lowering, sandbox compile), as
 * `iceosc check` runs it: valid fixtures compile with no error, in both forms; invalid ones are
 * rejected, each problem reported once.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../../src/index.js";
import { formatDiagnostics } from "../../src/diagnostics/index.js";
import { CACHE_DIR } from "../helpers/cli.js";

const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));
const CACHE = CACHE_DIR;
/** Valid for the front end, rejected by design: no output_schema, and a Python body. */
const REJECTED: ReadonlySet<string> = new Set(["original_design_code.yaml"]);

const files = (dir: string): string[] =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => /\.(yaml|ice)$/.test(f))
    .sort();

describe.each(["yaml", "ice"])("%s fixtures through the driver", (form) => {
  it.each(files(`${form}/valid`).filter((f) => !REJECTED.has(f)))("valid/%s compiles", async (name) => {
    const result = await compileFiles([join(FIXTURES, form, "valid", name)], { checkOnly: true, cacheDir: CACHE });
    expect(formatDiagnostics(result.diagnostics.filter((d) => d.severity === "error"))).toBe("");
  });
  it.each(files(`${form}/invalid`))("invalid/%s is rejected", async (name) => {
    const result = await compileFiles([join(FIXTURES, form, "invalid", name)], { checkOnly: true, cacheDir: CACHE });
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
    const keys = result.diagnostics.map((d) => `${d.code} ${d.span?.start} ${d.message}`);
    expect(keys).toEqual([...new Set(keys)]);
  });
});
