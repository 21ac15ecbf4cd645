/**
 * @fileoverview Writing build output: every file goes inside the output directory, and nowhere
 * else. Names are validated by the front ends already (src/frontend/names.ts); this is the
 * second line: a file name that is not a plain name, or that resolves outside the directory
 * (refusing a symlink where the file would go), is refused before anything is written. The
 * directory itself may not be a symbolic link: a repository holding `gen -> ../elsewhere` made the
 * default out-dir write (and overwrite `<workflow>.js`) outside the tree being built. Nor may any
 * directory on its path below a tree the author controls (`roots`: the working directory, the
 * directories being built): `--out-dir build/gen` with `build -> ../victim` in the repository wrote
 * through the link too (red team 10). Links above those trees are the operator's own layout.
 */
import { lstatSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";

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

/** The output directory, or a directory on its path inside the author's tree, is a symbolic link. */
export class SymlinkedOutDirError extends Error {
  constructor(
    readonly outDir: string,
    /** The link: the out-dir itself or one of its parents. */
    readonly link: string = outDir,
  ) {
    super(`refusing to write into '${outDir}': '${link}' on its path is a symbolic link`);
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
 * writes nothing at all; throws OutsideOutDirError naming the first refused file, and
 * SymlinkedOutDirError when `outDir` or a directory on its path below one of `roots` is a link.
 */
export function writeOutputFiles(outDir: string, files: readonly OutputFile[], roots: readonly string[] = []): void {
  const link = linkOnPath(outDir, roots);
  if (link !== undefined) throw new SymlinkedOutDirError(outDir, link);
  mkdirSync(outDir, { recursive: true });
  const realDir = realpathSync(outDir);
  const targets = files.map((file) => {
    const target = pathInside(realDir, file.fileName);
    if (target === undefined) throw new OutsideOutDirError(file.fileName, outDir);
    return target;
  });
  for (const [index, file] of files.entries()) writeFileSync(targets[index]!, file.contents);
}

/** The first symbolic link among `outDir` and its parents below any of `roots`. */
function linkOnPath(outDir: string, roots: readonly string[]): string | undefined {
  const target = resolve(outDir);
  for (const root of roots) {
    const base = resolve(root);
    const rel = relative(base, target);
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    let at = base;
    for (const part of rel.split(sep)) {
      at = join(at, part);
      if (isSymlink(at)) return at;
    }
  }
  return isSymlink(target) ? outDir : undefined;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
