/**
 * @fileoverview Regression cases kept from fuzzing: each `test/oracle/regressions/*.json` is a
 * shrunk program the fuzzer found (fuzz/findings/oracle/, written by `npm run fuzz`), copied here.
 * A file with `knownDefect` is still wrong today (its test checks that it still is, and fails
 * once it is fixed, so the field gets deleted).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OracleCase } from "./oracle.js";
import { fromJson } from "./values.js";

export interface Regression extends OracleCase {
  /** Set while the defect is real: what is wrong. */
  readonly knownDefect?: string;
  readonly file: string;
}

const DIR = fileURLToPath(new URL("regressions/", import.meta.url));

/** Every regression case, by file name order. */
export function loadRegressions(): Regression[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const data = fromJson(readFileSync(join(DIR, file), "utf8")) as Regression;
      return { ...data, name: `${data.name} (${file})`, file };
    });
}
