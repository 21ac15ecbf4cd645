/**
 * @fileoverview `iceosc build <files or dirs> --out-dir <dir>`: writes `W.js`, `W.d.ts` and the
 * sandbox modules of each workflow.
 */
import { compileFiles } from "../../build/compile.js";
import { OutsideOutDirError, writeOutputFiles } from "../../build/outDir.js";
import { createDiagnostic, Diagnostics } from "../../diagnostics/index.js";
import { shownName } from "../../frontend/names.js";
import { analyzeModule, formatRiskReport } from "../../emit/wasm/index.js";
import { defaultCacheDir } from "../cache.js";
import { type CliIo, shownPath } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { runtimeSpecifierFor } from "../runtimeLocation.js";

export interface BuildArgs {
  readonly paths: readonly string[];
  readonly outDir: string;
  readonly runtime?: string;
  readonly cache: boolean;
  /** Tools neither declared nor built in are errors. */
  readonly strict?: boolean;
  readonly format: DiagnosticFormat;
  /** Print the static risk report of the sandboxed nodes on stdout. */
  readonly report?: boolean;
}

export async function buildCommand(io: CliIo, args: BuildArgs): Promise<number> {
  const result = await compileFiles(args.paths, {
    runtimeSpecifier: args.runtime ?? runtimeSpecifierFor(args.outDir),
    cacheDir: args.cache ? defaultCacheDir(io) : false,
    strict: args.strict ?? false,
  });
  const status = reportDiagnostics(io, result.diagnostics, args.format);
  if (status !== 0) return status;
  const files = result.workflows.flatMap((workflow) => [
    { fileName: `${workflow.name}.js`, contents: workflow.js },
    { fileName: `${workflow.name}.d.ts`, contents: workflow.dts },
    ...workflow.wasm.map((wasm) => ({ fileName: wasm.fileName, contents: wasm.bytes })),
  ]);
  try {
    writeOutputFiles(args.outDir, files);
  } catch (error) {
    if (!(error instanceof OutsideOutDirError)) throw error;
    const refused = createDiagnostic(Diagnostics.OutputOutsideOutDir, undefined, [
      shownName(error.fileName),
      args.outDir,
    ]);
    return reportDiagnostics(io, [refused], args.format);
  }
  if (args.report) {
    const nodes = result.workflows.flatMap((w) =>
      w.wasm.map((m) => ({ workflow: w.name, risk: analyzeModule(m.bytes) })),
    );
    io.stdout(formatRiskReport(nodes));
  }
  const { units, cached } = result.sandboxStats;
  io.stderr(
    `built ${result.workflows.length} workflow${result.workflows.length === 1 ? "" : "s"} into ${shownPath(io, args.outDir)} (${units} sandboxed piece${units === 1 ? "" : "s"}, ${cached} from cache)\n`,
  );
  return 0;
}
