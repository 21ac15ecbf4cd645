/**
 * @fileoverview `iceosc fmt <files or dirs> [--check]`: rewrites .ice files in their canonical
 * form (src/format); with --check, writes nothing and exits 1 listing the files that would change.
 * A file that does not parse is reported with its diagnostics and left alone. fmt writes only
 * the regular file it read, never through a symbolic link (red team 7: `fmt <dir>` followed a
 * `link.ice` there and rewrote its target outside the directory; test/security/redTeam7Fmt.test.ts).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, writeSync } from "node:fs";
import { extname } from "node:path";
import { findWorkflowFiles, readSource } from "../../build/sources.js";
import { DiagnosticBag } from "../../diagnostics/index.js";
import { FormatError, formatIce } from "../../format/formatIce.js";
import { type CliIo, shownPath } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { visibleText } from "../../util/visibleText.js";

export interface FmtArgs {
  readonly paths: readonly string[];
  readonly check: boolean;
  readonly format: DiagnosticFormat;
}

export async function fmtCommand(io: CliIo, args: FmtArgs): Promise<number> {
  const bag = new DiagnosticBag();
  const files = findWorkflowFiles(args.paths, bag, "listed").filter(
    (f) => extname(f) === ".ice" || args.paths.includes(f),
  );
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
      if (!args.check && !writeInPlace(io, path, result.text)) {
        failed = true;
        continue;
      }
      changed.push(shownPath(io, path));
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      io.stderr(`error: cannot format ${shownPath(io, path)} safely (left as is): ${visibleText(error.message)}\n`);
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

/** Rewrites `path` unless it is a symbolic link (or not a regular file) now; says why not. */
function writeInPlace(io: CliIo, path: string, text: string): boolean {
  const refuse = (why: string): false => {
    io.stderr(`error: ${shownPath(io, path)} is ${why}: left as is (format the file itself)\n`);
    return false;
  };
  if (lstatSync(path).isSymbolicLink()) return refuse("a symbolic link");
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in since the check is refused (ELOOP), never written through.
    // O_NONBLOCK: a FIFO swapped in fails (ENXIO) rather than waiting for a reader.
    fd = openSync(path, constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === "ELOOP" ? "a symbolic link" : `not writable (${code ?? String(error)})`);
  }
  try {
    if (!fstatSync(fd).isFile()) return refuse("not a regular file");
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
  return true;
}
