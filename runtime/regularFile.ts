/**
 * @fileoverview Reading a file the operator or a workflow names (a workflow file and the
 * sub-workflows it references, `--input @file`, a `--replay` recording): a regular file only, read
 * with a byte limit. `readFileSync` of a FIFO waits for a writer forever and of `/dev/zero` grows
 * until the process runs out of memory (red team 6: test/security/redTeam6Files.test.ts); here
 * the file is opened without blocking, checked through the open descriptor (so a path swapped in
 * between is caught) and read to at most `maxBytes`.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

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

/** Why a file was not read: not a regular file, or larger than the limit. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: "not-regular" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of the regular file at `path`, at most `maxBytes`; throws UnreadableFileError or the fs error. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile())
      throw new UnreadableFileError("not-regular", `'${path}' is not a regular file (a directory, device or FIFO)`);
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
export function readRegularText(path: string, maxBytes: number): string {
  return readRegularFile(path, maxBytes).toString("utf8");
}

function tooLarge(path: string, maxBytes: number): UnreadableFileError {
  return new UnreadableFileError("too-large", `'${path}' is larger than ${maxBytes} bytes`);
}
