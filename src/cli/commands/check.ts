/**
 * @fileoverview `iceosc check <files>`: every diagnostic `build` would report, and no output.
 */
import { compileFiles } from "../../build/compile.js";
import { defaultCacheDir } from "../cache.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";

export async function checkCommand(args: {
  readonly paths: readonly string[];
  readonly cache: boolean;
  readonly strict?: boolean;
  readonly format: DiagnosticFormat;
}): Promise<number> {
  const result = await compileFiles(args.paths, {
    checkOnly: true,
    cacheDir: args.cache ? defaultCacheDir() : false,
    strict: args.strict ?? false,
  });
  const status = reportDiagnostics(result.diagnostics, args.format);
  if (status === 0 && args.format === "text") process.stderr.write(`no errors in ${args.paths.join(", ")}\n`);
  return status;
}
