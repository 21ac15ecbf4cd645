/**
 * @fileoverview `iceosc fmt <files or dirs> [--check]`: rewrites .ice files in their canonical
 * form (src/format); with --check, writes nothing and exits 1 listing the files that would change.
 * A file that does not parse is reported with its diagnostics and left alone.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { findWorkflowFiles, readSource } from "../../build/sources.js";
import { DiagnosticBag } from "../../diagnostics/index.js";
import { FormatError, formatIce } from "../../format/formatIce.js";
import { type CliIo, shownPath } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";

export interface FmtArgs {
  readonly paths: readonly string[];
  readonly check: boolean;
  readonly format: DiagnosticFormat;
}

export async function fmtCommand(io: CliIo, args: FmtArgs): Promise<number> {
  const bag = new DiagnosticBag();
  const files = findWorkflowFiles(args.paths, bag).filter((f) => extname(f) === ".ice" || args.paths.includes(f));
  const changed: string[] = [];
  let failed = false;
  for (const path of files) {
    if (extname(path) !== ".ice") {
      io.stderr(`error: ${shownPath(io, path)}: fmt formats .ice files (YAML is left as written)\n`);
      failed = true;
      continue;
    }
    const file = readSource(path, bag);
    if (!file) continue;
    try {
      const result = formatIce(file);
      if (result.kind === "invalid") {
        bag.addAll(result.diagnostics);
        continue;
      }
      if (!result.changed) continue;
      changed.push(shownPath(io, path));
      if (!args.check) writeFileSync(path, result.text);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      io.stderr(`error: cannot format ${shownPath(io, path)} safely (left as is): ${error.message}\n`);
      failed = true;
    }
  }
  const status = reportDiagnostics(io, bag.all, args.format);
  if (args.check) {
    for (const path of changed) io.stdout(`${path}\n`);
    if (changed.length > 0)
      io.stderr(
        `${changed.length} file${changed.length === 1 ? "" : "s"} would be reformatted; run 'iceosc fmt' on ${changed.length === 1 ? "it" : "them"}\n`,
      );
  } else if (changed.length > 0) {
    io.stderr(`formatted ${changed.join(", ")}\n`);
  }
  return status !== 0 || failed || (args.check && changed.length > 0) ? 1 : 0;
}
