/**
 * @fileoverview `iceosc build <files or dirs> --out-dir <dir> [--watch]`: writes `W.js`, `W.d.ts`
 * and the sandbox modules of each workflow; with --watch, keeps rebuilding (src/cli/watch.ts).
 */
import { compileFiles, type CompiledWorkflow } from "../../build/compile.js";
import { OutsideOutDirError, writeOutputFiles, type OutputFile } from "../../build/outDir.js";
import { createDiagnostic, Diagnostics } from "../../diagnostics/index.js";
import { shownName } from "../../frontend/names.js";
import { analyzeModule, formatRiskReport } from "../../emit/wasm/index.js";
import { defaultCacheDir } from "../cache.js";
import { type CliIo, shownPath } from "../io.js";
import { compileProgress } from "../progress.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { runtimeImportFor } from "../runtimeLocation.js";

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
  /** Keep running and rebuild when an input changes. */
  readonly watch?: boolean;
}

/** What one build did. */
export interface BuildOutcome {
  /** The exit code: 0, or 1 with diagnostics printed. */
  readonly status: number;
  readonly workflows: readonly CompiledWorkflow[];
  /** The files written (all of them, or those whose contents changed since `previous`). */
  readonly written: readonly string[];
  readonly units: number;
  readonly cached: number;
  /** Contents of every output file, for the next incremental build. */
  readonly contents: ReadonlyMap<string, string | Uint8Array>;
}

export async function buildCommand(io: CliIo, args: BuildArgs): Promise<number> {
  if (args.watch) return (await import("../watch.js")).watchBuild(io, args);
  const outcome = await buildOnce(io, args);
  if (outcome.status !== 0) return outcome.status;
  const count = outcome.workflows.length;
  const { units, cached } = outcome;
  io.stderr(
    `built ${count} workflow${count === 1 ? "" : "s"} into ${shownPath(io, args.outDir)} (${units} sandboxed piece${units === 1 ? "" : "s"}, ${cached} from cache)\n`,
  );
  return 0;
}

/** Compiles and writes the outputs; with `previous`, writes only the files that changed. */
export async function buildOnce(
  io: CliIo,
  args: BuildArgs,
  previous?: ReadonlyMap<string, string | Uint8Array>,
): Promise<BuildOutcome> {
  const progress = compileProgress(io);
  const runtime = args.runtime === undefined ? runtimeImportFor(args.outDir) : { specifier: args.runtime };
  const result = await compileFiles(args.paths, {
    runtimeSpecifier: runtime.specifier,
    cacheDir: args.cache ? defaultCacheDir(io) : false,
    strict: args.strict ?? false,
    ...(progress && { onCompile: progress.report }),
  });
  progress?.done();
  const failed = (status: number): BuildOutcome => ({
    status,
    workflows: [],
    written: [],
    units: 0,
    cached: 0,
    contents: previous ?? new Map(),
  });
  const status = reportDiagnostics(io, result.diagnostics, args.format);
  if (status !== 0) return failed(status);
  const files: OutputFile[] = result.workflows.flatMap((workflow) => [
    { fileName: `${workflow.name}.js`, contents: workflow.js },
    { fileName: `${workflow.name}.d.ts`, contents: workflow.dts },
    ...workflow.wasm.map((wasm) => ({ fileName: wasm.fileName, contents: wasm.bytes })),
  ]);
  const changed = previous ? files.filter((f) => !sameContents(previous.get(f.fileName), f.contents)) : files;
  try {
    writeOutputFiles(args.outDir, changed);
  } catch (error) {
    if (!(error instanceof OutsideOutDirError)) throw error;
    const refused = createDiagnostic(Diagnostics.OutputOutsideOutDir, undefined, [
      shownName(error.fileName),
      args.outDir,
    ]);
    return failed(reportDiagnostics(io, [refused], args.format));
  }
  if (runtime.note && !previous) io.stderr(runtime.note);
  if (args.report) {
    const nodes = result.workflows.flatMap((w) =>
      w.wasm.map((m) => ({ workflow: w.name, risk: analyzeModule(m.bytes) })),
    );
    io.stdout(formatRiskReport(nodes));
  }
  return {
    status: 0,
    workflows: result.workflows,
    written: changed.map((f) => f.fileName),
    units: result.sandboxStats.units,
    cached: result.sandboxStats.cached,
    contents: new Map(files.map((f) => [f.fileName, f.contents])),
  };
}

function sameContents(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
