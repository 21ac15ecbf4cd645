/**
 * @fileoverview Reading a file the operator or a workflow names (a workflow file and the
 * sub-workflows it references, `--input @file`, a `--replay` recording): a regular file only, read
 * with a byte limit. `readFileSync` of a FIFO waits for a writer forever and of `/dev/zero` grows
 * until the process runs out of memory (red team 6: test/security/redTeam6Files.test.ts); here
 * the file is opened without blocking, checked through the open descriptor (so a path swapped in
 * between is caught) and read to at most `maxBytes`.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import { resolve, sep } from "node:path";

/**
 * Most bytes of a sandbox module read (beside a generated module, or from the WASM cache): a code
 * node's module is tens of KB and a workflow's combined program a few MB; the file is read before
 * its SHA-256 can be checked, so a planted huge file must not be read whole.
 */
export const SANDBOX_MODULE_BYTES_LIMIT = 64 * 1024 * 1024;

/**
 * Most bytes of one file of a generated module read for a durable run's content hash (the module's
 * JavaScript, its sandbox modules, its sub-workflows' modules).
 */
export const GENERATED_FILE_BYTES_LIMIT = 256 * 1024 * 1024;

/**
 * Why a file was not read: not a regular file, larger than the limit, or not where `PathUse`
 * asked: `moved` (read `exact`: not the file at its own real path) or `outside` (read `within`).
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: "not-regular" | "too-large" | "moved" | "outside",
    message: string,
  ) {
    super(message);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * How a path is taken: `followed` as the kernel resolves it (links and all); `exact`: `path` is a
 * real path and the file opened must be the one there, with no symbolic link on the way
 * (`iceosc build --watch` reads what was named when it started, not what a link leads to since);
 * `within`: the file opened must be one whose real path lies under one of these real folders (a
 * sub-workflow a workflow references: src/build/workflowSet.ts). Both are checked after the open
 * (placeOf), so a link swapped in or out between a check made before and the open cannot pass.
 */
export type PathUse = "followed" | "exact" | { readonly within: readonly string[] };

/** The bytes of the regular file at `path`, at most `maxBytes`; throws UnreadableFileError or the fs error. */
export function readRegularFile(path: string, maxBytes: number, use: PathUse = "followed"): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile())
      throw new UnreadableFileError("not-regular", `'${path}' is not a regular file (a directory, device or FIFO)`);
    if (use !== "followed") checkPlace(path, info, use);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    // The size can change while reading (a file still being written): read to the limit, no further.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(path, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The text of the regular file at `path` (UTF-8), at most `maxBytes` bytes. */
export function readRegularText(path: string, maxBytes: number, use: PathUse = "followed"): string {
  return readRegularFile(path, maxBytes, use).toString("utf8");
}

/**
 * Throws unless the file opened (`opened`, from its descriptor) is the one at `path`'s real path,
 * the same before and after that file is looked at (no link followed: `lstat`), and that real
 * path is where `use` asks. A link swapped in before the open leads elsewhere than the file then
 * found at the real path; one swapped out again after it leaves another file (inode) there.
 */
function checkPlace(
  path: string,
  opened: { readonly dev: number; readonly ino: number },
  use: Exclude<PathUse, "followed">,
): void {
  const real = realpathSync(path);
  const there = lstatSync(real);
  const same = realpathSync(path) === real && there.dev === opened.dev && there.ino === opened.ino;
  if (use === "exact") {
    if (!same || real !== resolve(path))
      throw new UnreadableFileError(
        "moved",
        `'${path}' is not the file it named (a symbolic link leads elsewhere now)`,
      );
  } else if (!same || !use.within.some((root) => real.startsWith(root.endsWith(sep) ? root : root + sep)))
    throw new UnreadableFileError("outside", `'${path}' leads outside ${use.within.map((r) => `'${r}'`).join(", ")}`);
}

function tooLarge(path: string, maxBytes: number): UnreadableFileError {
  return new UnreadableFileError("too-large", `'${path}' is larger than ${maxBytes} bytes`);
}
