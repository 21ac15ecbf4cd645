/**
 * @fileoverview `iceosc check <files>`: every diagnostic `build` would report, and no output.
 */
import { compileFiles } from "../../build/compile.js";
import { defaultCacheDir } from "../cache.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";

export async function checkCommand(
  io: CliIo,
  args: {
    readonly paths: readonly string[];
    readonly cache: boolean;
    readonly strict?: boolean;
    readonly format: DiagnosticFormat;
  },
): Promise<number> {
  const result = await compileFiles(args.paths, {
    checkOnly: true,
    cacheDir: args.cache ? defaultCacheDir(io) : false,
    strict: args.strict ?? false,
  });
  const status = reportDiagnostics(io, result.diagnostics, args.format);
  if (status === 0 && args.format === "text") io.stderr(`no errors in ${args.paths.join(", ")}\n`);
  return status;
}
