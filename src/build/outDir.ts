/**
 * @fileoverview Writing build output: every file goes inside the output directory, and nowhere
 * else. Names are validated by the front ends already (src/frontend/names.ts); this is the
 * second line: a file name that is not a plain name, or that resolves outside the directory
 * (refusing a symlink where the file would go), is refused before anything is written. The
 * directory itself may not be a symbolic link: a repository holding `gen -> ../elsewhere` made the
 * default out-dir write (and overwrite `<workflow>.js`) outside the tree being built.
 */
import { lstatSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { basename, isAbsolute, relative, resolve } from "node:path";

/** One file to write, named relative to the output directory. */
export interface OutputFile {
  readonly fileName: string;
  readonly contents: string | Uint8Array;
}

/** Why a file could not be written: the path the workflow asked for, and the directory. */
export class OutsideOutDirError extends Error {
  constructor(
    readonly fileName: string,
    readonly outDir: string,
  ) {
    super(`refusing to write '${fileName}' outside '${outDir}'`);
  }
}

/** The output directory is a symbolic link (planted where the build writes by default). */
export class SymlinkedOutDirError extends Error {
  constructor(readonly outDir: string) {
    super(`refusing to write into '${outDir}': it is a symbolic link`);
  }
}

/**
 * The absolute path `fileName` is written to inside `realDir` (a real path), or undefined when it
 * would land anywhere else: a name with a separator, `..`, a drive or NUL, or a name whose path
 * is an existing symlink or directory.
 */
export function pathInside(realDir: string, fileName: string): string | undefined {
  if (fileName.length === 0 || fileName.length > 255) return undefined;
  if (fileName !== basename(fileName) || /[\\/:\0]/.test(fileName)) return undefined;
  if (fileName === "." || fileName === "..") return undefined;
  const target = resolve(realDir, fileName);
  const rel = relative(realDir, target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  try {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink() || !stat.isFile()) return undefined;
  } catch {
    // absent: it will be created
  }
  return target;
}

/**
 * Writes `files` into `outDir` (created if missing). Checks every name first, so a refused name
 * writes nothing at all; throws OutsideOutDirError naming the first refused file.
 */
export function writeOutputFiles(outDir: string, files: readonly OutputFile[]): void {
  if (isSymlink(outDir)) throw new SymlinkedOutDirError(outDir);
  mkdirSync(outDir, { recursive: true });
  const realDir = realpathSync(outDir);
  const targets = files.map((file) => {
    const target = pathInside(realDir, file.fileName);
    if (target === undefined) throw new OutsideOutDirError(file.fileName, outDir);
    return target;
  });
  for (const [index, file] of files.entries()) writeFileSync(targets[index]!, file.contents);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
