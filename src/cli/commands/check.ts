/**
 * @fileoverview `iceosc check <files>`: every diagnostic `build` would report, and no output. A
 * check that passed is remembered in the build cache (src/build/buildCache.ts): checking the same
 * unchanged files again replays its warnings without loading the compiler.
 */
import { resolve } from "node:path";
import { buildKey, readBuild, writeBuild } from "../../build/buildCache.js";
import { findWorkflowFiles } from "../../build/sources.js";
import { DiagnosticBag } from "../../diagnostics/index.js";
import { openPrivateFolder } from "../../util/privateFolder.js";
import { useTyperCodeCache } from "../../emit/wasm/typerCodeCache.js";
import { defaultCacheDir } from "../cache.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { raiseInterruptBudget } from "../jitBudget.js";

export async function checkCommand(
  io: CliIo,
  args: {
    readonly paths: readonly string[];
    readonly cache: boolean;
    readonly strict?: boolean;
    readonly format: DiagnosticFormat;
  },
): Promise<number> {
  raiseInterruptBudget();
  const cacheDir = args.cache ? defaultCacheDir(io) : undefined;
  const privateDir = cacheDir !== undefined && openPrivateFolder(cacheDir).kind === "ready" ? cacheDir : undefined;
  const settings = {
    command: "check",
    paths: args.paths,
    cwd: io.cwd,
    strict: args.strict ?? false,
    format: args.format,
  };
  const key = privateDir && buildKey(findWorkflowFiles(args.paths, new DiagnosticBag()), settings);
  const replay = privateDir && key ? readBuild(privateDir, key) : undefined;
  if (replay) {
    io.stderr(replay.record.messages);
    return 0;
  }

  useTyperCodeCache(privateDir);
  const { compileFiles } = await import("../../build/compile.js");
  const result = await compileFiles(args.paths, {
    checkOnly: true,
    cacheDir: cacheDir ?? false,
    strict: args.strict ?? false,
  });
  let messages = "";
  const capture = {
    ...io,
    stderr: (text: string) => {
      messages += text;
    },
  };
  const status = reportDiagnostics(capture, result.diagnostics, args.format);
  if (status === 0 && args.format === "text") capture.stderr(`no errors in ${args.paths.join(", ")}\n`);
  io.stderr(messages);
  if (status === 0 && privateDir && key) {
    const sources = result.sources.map((path) => resolve(io.cwd, path));
    writeBuild(privateDir, key, sources, [], {
      messages,
      workflows: sources.length,
      sandboxUnits: result.sandboxStats.units,
    });
  }
  return status;
}
