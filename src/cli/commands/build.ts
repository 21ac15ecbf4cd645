/**
 * @fileoverview `iceosc build <files or dirs> --out-dir <dir> [--watch]`: writes `W.js`, `W.d.ts`
 * and the sandbox modules of each workflow; with --watch, keeps rebuilding (src/cli/watch.ts). An
 * unchanged build is replayed from the build cache (src/build/buildCache.ts) without loading the
 * compiler: TypeScript, AssemblyScript and binaryen are imported only when something compiles.
 */
import { type PathUse, readRegularText } from "../../../runtime/regularFile.js";
import { FRONT_END_LIMITS } from "../../frontend/limits.js";
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type BuildKey, buildKey, readBuild, writeBuild } from "../../build/buildCache.js";
import type { CompiledWorkflow } from "../../build/compile.js";
import { OutsideOutDirError, SymlinkedOutDirError, writeOutputFiles, type OutputFile } from "../../build/outDir.js";
import { findWorkflowFiles } from "../../build/sources.js";
import { createDiagnostic, DiagnosticBag, Diagnostics } from "../../diagnostics/index.js";
import { shownName } from "../../frontend/names.js";
import { openPrivateFolder } from "../../util/privateFolder.js";
import { useTyperCodeCache } from "../../emit/wasm/typerCodeCache.js";
import { defaultCacheDir } from "../cache.js";
import { type CliIo, shownPath } from "../io.js";
import { compileProgress } from "../progress.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { runtimeImportFor } from "../runtimeLocation.js";
import { compilePluginPaths, pluginSignatures } from "../plugins.js";
import { pluginFiles as artifactFiles } from "../../../runtime/plugins/artifact.js";
import type { PluginToolSignature } from "../../plugin/declarationCheck.js";
import { raiseInterruptBudget } from "../jitBudget.js";

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
  /** `--plugins <dir>`: compile its plugin modules into `<out-dir>/plugins/` (README "Plugins"). */
  readonly plugins?: string;
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
  /** The diagnostics (warnings) printed. */
  readonly messages: string;
}

export async function buildCommand(io: CliIo, args: BuildArgs): Promise<number> {
  raiseInterruptBudget();
  if (args.watch) return (await import("../watch.js")).watchBuild(io, args);
  const cache = buildCacheOf(io, args);
  const replay = cache && readBuild(cache.dir, cache.key);
  if (replay) {
    const status = writeFiles(io, args, replay.files);
    if (status !== 0) return status;
    const { messages, workflows, sandboxUnits } = replay.record;
    io.stderr(messages);
    const note = args.runtime === undefined ? runtimeImportFor(args.outDir).note : undefined;
    if (note) io.stderr(note);
    io.stderr(summary(io, args, workflows, sandboxUnits, sandboxUnits, "unchanged: "));
    return 0;
  }
  const outcome = await buildOnce(io, args);
  if (outcome.status !== 0) return outcome.status;
  io.stderr(summary(io, args, outcome.workflows.length, outcome.units, outcome.cached));
  if (cache) {
    const sources = outcome.workflows.map((w) => resolve(io.cwd, w.sourcePath));
    const files = [...outcome.contents].map(([fileName, contents]) => ({ fileName, contents }));
    writeBuild(cache.dir, cache.key, sources, files, {
      messages: outcome.messages,
      workflows: outcome.workflows.length,
      sandboxUnits: outcome.units,
    });
  }
  return 0;
}

/** A line that looks like a code node: `type: code` (YAML) or `code name(` (.ice). */
const CODE_NODE = /^\s*(?:-\s+)?type:\s*["']?code\b|^\s*code\s+[A-Za-z_$][\w$]*\s*\(/m;

/**
 * Starts the typer worker (it loads TypeScript) and a compiler worker (it loads asc and parses
 * AssemblyScript's library, ~0.7 s of CPU) now, before the compiler front end is even imported,
 * when a file named on the command line has a line that looks like a code node (`type: code` in
 * YAML, `code name(...)` in .ice). compileFiles starts both later anyway once it has parsed and
 * checked the workflows and seen a code node (the typer for any code node: it checks their
 * syntax); this takes ~0.15 s off a rebuild where one node changed, which waits for the compiler
 * worker, and starts a cold build's longest chain (TypeScript loaded, then every body typed) as
 * early as the compiler's own modules. A false positive costs idle workers that do not keep the
 * process alive (but are stopped at exit: ~0.2 s), hence the narrow pattern.
 */
function prestartForCodeNodes(paths: readonly string[], use: PathUse): void {
  const mentionsCode = findWorkflowFiles(paths, new DiagnosticBag(), "refused", use).some((path) => {
    try {
      return CODE_NODE.test(readRegularText(path, FRONT_END_LIMITS.sourceBytes, use));
    } catch {
      return false;
    }
  });
  if (!mentionsCode) return;
  import("../../emit/wasm/typer.js").then(
    (m) => m.prestartTyper(),
    () => undefined,
  );
  import("../../emit/wasm/compileWorker.js").then(
    (m) => m.prestartCompilerWorker(),
    () => undefined,
  );
}

/** Where this build's record is kept, or undefined when it is not cached (--no-cache, --report). */
function buildCacheOf(io: CliIo, args: BuildArgs): { dir: string; key: BuildKey } | undefined {
  if (!args.cache || args.report || args.plugins !== undefined) return undefined;
  const dir = defaultCacheDir(io);
  if (openPrivateFolder(dir).kind !== "ready") return undefined;
  const settings = {
    paths: args.paths,
    cwd: io.cwd,
    runtimeSpecifier: args.runtime ?? runtimeImportFor(args.outDir).specifier,
    strict: args.strict ?? false,
    format: args.format,
  };
  const key = buildKey(findWorkflowFiles(args.paths, new DiagnosticBag()), settings);
  return key === undefined ? undefined : { dir, key };
}

function summary(io: CliIo, args: BuildArgs, workflows: number, units: number, cached: number, note = ""): string {
  const s = (n: number) => (n === 1 ? "" : "s");
  return `built ${workflows} workflow${s(workflows)} into ${shownPath(io, args.outDir)} (${note}${units} sandboxed piece${s(units)}, ${cached} from cache)\n`;
}

/**
 * The trees whose names the author chooses: the working directory and the directories being built
 * (a file's folder): no directory on the out-dir's path below them may be a link (outDir.ts).
 */
function authorTrees(io: CliIo, args: BuildArgs): string[] {
  return [io.cwd, ...args.paths.map((path) => (isDirectory(path) ? path : dirname(path)))];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes output files; non-zero (with a diagnostic) when one would land outside the out-dir. */
function writeFiles(io: CliIo, args: BuildArgs, files: readonly OutputFile[]): number {
  try {
    writeOutputFiles(args.outDir, files, authorTrees(io, args));
    return 0;
  } catch (error) {
    if (error instanceof SymlinkedOutDirError)
      return reportDiagnostics(
        io,
        [
          createDiagnostic(Diagnostics.OutDirSymlink, undefined, [
            shownPath(io, args.outDir),
            shownPath(io, error.link),
          ]),
        ],
        args.format,
      );
    if (!(error instanceof OutsideOutDirError)) throw error;
    const refused = createDiagnostic(Diagnostics.OutputOutsideOutDir, undefined, [
      shownName(error.fileName),
      args.outDir,
    ]);
    return reportDiagnostics(io, [refused], args.format);
  }
}

/**
 * Compiles and writes the outputs; with `previous`, writes only the files that changed. `use`
 * "exact": `args.paths` are real paths, read only while they still are (watch.ts).
 */
export async function buildOnce(
  io: CliIo,
  args: BuildArgs,
  previous?: ReadonlyMap<string, string | Uint8Array>,
  use: PathUse = "followed",
): Promise<BuildOutcome> {
  const progress = compileProgress(io);
  const runtime = args.runtime === undefined ? runtimeImportFor(args.outDir) : { specifier: args.runtime };
  useTyperCodeCache(args.cache ? defaultCacheDir(io) : undefined);
  prestartForCodeNodes(args.paths, use);
  const { compileFiles } = await import("../../build/compile.js");
  const failed = (status: number): BuildOutcome => ({
    status,
    workflows: [],
    written: [],
    units: 0,
    cached: 0,
    contents: previous ?? new Map(),
    messages: "",
  });
  let pluginOutputs: OutputFile[] = [];
  let pluginTools: Map<string, PluginToolSignature> | undefined;
  if (args.plugins !== undefined) {
    const cacheDir = args.cache ? defaultCacheDir(io) : undefined;
    const compiled = await compilePluginPaths(io, [args.plugins], "--plugins", cacheDir, args.format);
    if (compiled.status !== 0) return failed(compiled.status);
    pluginTools = pluginSignatures(compiled.plugins);
    pluginOutputs = compiled.plugins.flatMap((plugin) => artifactFiles(plugin));
  }
  const result = await compileFiles(args.paths, {
    runtimeSpecifier: runtime.specifier,
    cacheDir: args.cache ? defaultCacheDir(io) : false,
    strict: args.strict ?? false,
    ...(progress && { onCompile: progress.report }),
    ...(pluginTools && { pluginTools }),
    paths: use,
  });
  progress?.done();
  let messages = "";
  const capture = (text: string) => {
    messages += text;
    io.stderr(text);
  };
  const status = reportDiagnostics({ ...io, stderr: capture }, result.diagnostics, args.format);
  if (status !== 0) return failed(status);
  const files: OutputFile[] = result.workflows.flatMap((workflow) => [
    { fileName: `${workflow.name}.js`, contents: workflow.js },
    { fileName: `${workflow.name}.d.ts`, contents: workflow.dts },
    ...workflow.wasm.map((wasm) => ({ fileName: wasm.fileName, contents: wasm.bytes })),
  ]);
  const changed = previous ? files.filter((f) => !sameContents(previous.get(f.fileName), f.contents)) : files;
  const written = writeFiles(io, args, changed);
  if (written !== 0) return failed(written);
  if (runtime.note && !previous) io.stderr(runtime.note);
  if (pluginOutputs.length > 0) {
    const plugins = writeFiles(io, { ...args, outDir: join(args.outDir, "plugins") }, pluginOutputs);
    if (plugins !== 0) return failed(plugins);
  }
  if (args.report) {
    const { analyzeModule, formatRiskReport } = await import("../../emit/wasm/index.js");
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
    messages,
  };
}

function sameContents(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
