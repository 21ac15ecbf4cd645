/**
 * @fileoverview A V8 code cache for one large CommonJS file of the compiler's own dependencies
 * (TypeScript's 9 MB bundle, which the typer worker loads for every build that types a body).
 *
 * Why: compiling that bundle is a third of what the typer worker does before it types the first
 * body, and typing the first body compiles most of the checker's functions lazily on top. Node 20
 * has no compile cache (`module.enableCompileCache` is Node 22), so the file is run here as
 * `require` would run it (wrapped in the CommonJS function, with its own `require`, `module`,
 * `__filename`) through `vm.Script`, whose `cachedData` is V8's serialized bytecode. `save()`,
 * called once the file's functions have run on real work, stores the bytecode of every function
 * compiled so far, so the next process skips both the parse and those lazy compiles.
 *
 * Trust (SECURITY.md "The compiler's code cache"): the bytes are code V8 runs on this thread,
 * unsandboxed, so the folder must be as private as the WASM cache's (the caller checks it with
 * openPrivateFolder; never inside the working directory, never the shared temp folder). An entry
 * is named by the file's identity (path, size, modification time, inode), Node's and V8's versions
 * and the architecture, so an updated dependency never meets another version's bytecode (V8's own
 * check compares only the source's length), and carries a SHA-256 of its payload, so a truncated
 * or damaged entry is a miss. A miss, a damaged entry or one V8 rejects (other V8 flags) runs the
 * file from source, exactly as `require` does, and `save()` writes the entry again.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { readRegularFile } from "../../runtime/regularFile.js";
import { writeFileAtomicSync } from "./atomicWrite.js";

/** Bump when the entry's layout changes. */
const ENTRY_FORMAT = "iceosc-v8-1";
/** Bytes of the payload's digest at the start of an entry. */
const DIGEST_BYTES = 32;
/** Most bytes of an entry read: TypeScript's bytecode after typing a body is ~5 MB. */
const ENTRY_BYTES_LIMIT = 64 * 1024 * 1024;

/** The function Node wraps a CommonJS file's text in (`Module.wrap`), so the file runs as it would under `require`. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/** A CommonJS file run with (or without) a code cache. */
export interface CodeCachedModule<T> {
  readonly exports: T;
  /** How the file was compiled: from the cache, or from source (and why). */
  readonly source: "cache" | "no-cache" | "miss" | "rejected";
  /** Stores the bytecode compiled so far when the cache did not serve it (at most once). */
  save(): void;
}

/**
 * Runs the CommonJS file `path` as `require(path)` would (it is not added to `require.cache`:
 * only this module loads it), with V8's code cache kept in `dir` when one is given.
 */
export function requireCodeCached<T>(path: string, dir: string | undefined): CodeCachedModule<T> {
  if (dir === undefined) return { exports: createRequire(path)(path) as T, source: "no-cache", save() {} };
  const entry = join(dir, `${basename(path)}-${entryKey(path)}.v8`);
  const cachedData = readEntry(entry);
  const script = new Script(wrap(readFileSync(path, "utf8")), {
    filename: path,
    ...(cachedData && { cachedData }),
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  const source = cachedData === undefined ? "miss" : script.cachedDataRejected ? "rejected" : "cache";
  let saved = source === "cache";
  return {
    exports: module.exports as T,
    source,
    save() {
      if (saved) return;
      saved = true;
      const payload = script.createCachedData();
      const digest = createHash("sha256").update(payload).digest();
      try {
        writeFileAtomicSync(entry, Buffer.concat([digest, payload]));
      } catch {
        // A cache that cannot be written costs the next process the compile, nothing else.
      }
    },
  };
}

/** The entry's name for the file at `path` as it is now, in this Node. */
function entryKey(path: string): string {
  const stat = statSync(path);
  const identity = [ENTRY_FORMAT, process.version, process.versions.v8, process.arch, path, stat.size];
  identity.push(stat.mtimeMs, stat.ino);
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 32);
}

/** The entry's payload when it is a regular file whose digest matches; undefined otherwise. */
function readEntry(entry: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    // Not a regular file (a FIFO, /dev/zero), too large, absent: a miss.
    bytes = readRegularFile(entry, ENTRY_BYTES_LIMIT);
  } catch {
    return undefined;
  }
  if (bytes.length <= DIGEST_BYTES) return undefined;
  const payload = bytes.subarray(DIGEST_BYTES);
  const digest = createHash("sha256").update(payload).digest();
  return digest.equals(bytes.subarray(0, DIGEST_BYTES)) ? payload : undefined;
}
