/**
 * @fileoverview Finding and reading workflow files: files as given, directories searched (not
 * recursively) for `.yaml`, `.yml` and `.ice` files. A symbolic link found in a directory is
 * reported, not read: a repository holding `w.yaml -> ~/secrets.yaml` made `iceosc check .` quote
 * a line of a file outside the tree in its diagnostic (red team 10); a file named on the command
 * line is the operator's choice, link or not, when it is named: `build --watch` names the real
 * paths once at its start and reads them `exact` (runtime/regularFile.ts), so a named file or
 * folder swapped for a link while watching is reported, not read (red team 11).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { type PathUse, readRegularText, UnreadableFileError } from "../../runtime/regularFile.js";
import { type DiagnosticBag, Diagnostics, SourceFile, span } from "../diagnostics/index.js";
import { FRONT_END_LIMITS } from "../frontend/limits.js";
import { visiblePath } from "../util/visibleText.js";

export const WORKFLOW_EXTENSIONS: readonly string[] = [".yaml", ".yml", ".ice"];

/**
 * The workflow files named by `paths` (files, or directories to list). Links found in a directory
 * are reported (ICE4001) and left out, unless `links` is "listed" (fmt, which refuses them itself).
 * With `use` "exact", a directory is listed only while it is its own real path.
 */
export function findWorkflowFiles(
  paths: readonly string[],
  diagnostics: DiagnosticBag,
  links: "refused" | "listed" = "refused",
  use: PathUse = "followed",
): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      diagnostics.report(Diagnostics.FileNotFound, undefined, [visiblePath(path), visiblePath(reason(error))]);
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    if (use === "exact" && !isRealPath(path)) {
      diagnostics.report(Diagnostics.FileNotFound, undefined, [visiblePath(path), NOT_EXACT]);
      continue;
    }
    const found = readdirSync(path)
      .filter((name) => WORKFLOW_EXTENSIONS.includes(extname(name)))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => {
        if (links === "listed" || !isSymlink(file)) return true;
        diagnostics.report(Diagnostics.FileNotFound, undefined, [
          visiblePath(file),
          "a symbolic link found in a directory is not followed (name the file it points to)",
        ]);
        return false;
      });
    if (found.length === 0) diagnostics.report(Diagnostics.NoWorkflows, undefined, [path]);
    files.push(...found);
  }
  return files;
}

/** Reads one file (`exact`: only the file at its real path `path`), or reports why it cannot be read. */
export function readSource(
  path: string,
  diagnostics: DiagnosticBag,
  use: PathUse = "followed",
): SourceFile | undefined {
  try {
    return new SourceFile(path, readRegularText(path, FRONT_END_LIMITS.sourceBytes, use));
  } catch (error) {
    if (error instanceof UnreadableFileError && error.reason === "too-large")
      diagnostics.report(Diagnostics.InputTooLarge, span(new SourceFile(path, ""), 0, 0), [
        `'${path}'`,
        `over ${FRONT_END_LIMITS.sourceBytes} bytes; the limit is ${FRONT_END_LIMITS.sourceChars} characters`,
      ]);
    else diagnostics.report(Diagnostics.FileNotFound, undefined, [visiblePath(path), visiblePath(reason(error))]);
    return undefined;
  }
}

const NOT_EXACT =
  "a symbolic link on its path leads elsewhere than when watching began (restart the watch to build what it leads to)";

function isRealPath(path: string): boolean {
  try {
    return realpathSync(path) === resolve(path);
  } catch {
    return false;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  if (error instanceof UnreadableFileError && error.reason === "moved") return NOT_EXACT;
  if (error instanceof UnreadableFileError && error.reason === "outside") return error.message;
  if (error instanceof UnreadableFileError) return "not a regular file";
  return error instanceof Error ? error.message : String(error);
}
