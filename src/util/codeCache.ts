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
 * compiled so far, so the next process skips both the parse and those lazy compiles. V8 takes
 * a cache only under the flags it was made with, so entries are kept per flag state (flagState).
 *
 * Trust (SECURITY.md "The compiler's code cache"): the bytes are code V8 runs on this thread,
 * unsandboxed, so the folder must be as private as the WASM cache's (the caller checks it with
 * openPrivateFolder; never inside the working directory, never the shared temp folder). An entry
 * is named by the file's identity (path, size, modification time, inode), Node's and V8's versions
 * and the architecture, so an updated dependency never meets another version's bytecode (V8's own
 * check compares only the source's length), and carries a SHA-256 of its payload, so a truncated
 * or damaged entry is a miss. A miss, a damaged entry or one V8 rejects runs the file from source,
 * exactly as `require` does, and the entry is written again. Each write removes the module's least
 * recently used entries beyond a few (codeCachePrune.ts): every reinstall, Node upgrade and flag
 * state makes a new one of several MB.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { readRegularFile } from "../../runtime/regularFile.js";
import { writeFileAtomicSync } from "./atomicWrite.js";
import { entryName, pruneEntries, touchEntry } from "./codeCachePrune.js";

/** Bump when the entry's layout changes. */
const ENTRY_FORMAT = "iceosc-v8-2";
/** Bytes of the digest at the start of an entry; then one byte of kind, then V8's payload. */
const DIGEST_BYTES = 32;
/** Most bytes of an entry read: TypeScript's bytecode after typing a body is ~5 MB. */
const ENTRY_BYTES_LIMIT = 64 * 1024 * 1024;
/** What an entry holds: the bytecode right after the compile, or after the file's functions ran. */
const EAGER = 0;
const FULL = 1;

/** The function Node wraps a CommonJS file's text in (`Module.wrap`), so the file runs as it would under `require`. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/** A CommonJS file run with (or without) a code cache. */
export interface CodeCachedModule<T> {
  readonly exports: T;
  /** How the file was compiled: from the cache, or from source (and why). */
  readonly source: "cache" | "no-cache" | "miss" | "rejected";
  /**
   * Stores the bytecode of every function compiled so far (call it once the file has done real
   * work), unless the entry served already held that or the V8 flags changed since the load.
   */
  save(): void;
}

/**
 * Runs the CommonJS file `path` as `require(path)` would (it is not added to `require.cache`:
 * only this module loads it), with V8's code cache kept in `dir` when one is given. A load that
 * the cache did not serve stores the freshly compiled bytecode at once, so the next process under
 * the same V8 flags is served even if `save()` never comes.
 */
export function requireCodeCached<T>(path: string, dir: string | undefined): CodeCachedModule<T> {
  if (dir === undefined) return { exports: createRequire(path)(path) as T, source: "no-cache", save() {} };
  const flags = flagState();
  const name = basename(path);
  const entry = join(dir, entryName(name, entryKey(path), flags));
  const cached = readEntry(entry);
  const script = new Script(wrap(readFileSync(path, "utf8")), {
    filename: path,
    ...(cached && { cachedData: cached.payload }),
  });
  const source = cached === undefined ? "miss" : script.cachedDataRejected ? "rejected" : "cache";
  if (source !== "cache") writeEntry(entry, name, EAGER, script.createCachedData());
  else touchEntry(entry);
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  let full = source === "cache" && cached?.kind === FULL;
  return {
    exports: module.exports as T,
    source,
    save() {
      if (full) return;
      full = true;
      // Bytecode made under other flags would be filed under this load's flags and rejected.
      if (flagState() === flags) writeEntry(entry, name, FULL, script.createCachedData());
    },
  };
}

/**
 * V8 accepts a code cache only under the V8 flags it was made with, and iceosc changes flags as
 * it runs (the interrupt budget, src/cli/jitBudget.ts; binaryen compiled on Liftoff only,
 * loadBinaryen.ts, process-wide while another thread loads this file), so a load sees one of a few
 * flag states depending on timing. Entries are kept per state: the flag hash V8 writes into every
 * code cache's header (bytes 12-15 in Node 20's V8, after magic, version and source hashes), read
 * from a one-character script's cache (a few microseconds). Were the layout ever different, this
 * reads another constant field and entries are simply shared by every state, as without it.
 */
function flagState(): string {
  return new Script("0").createCachedData().subarray(12, 16).toString("hex");
}

/** The entry's name for the file at `path` as it is now, in this Node. */
function entryKey(path: string): string {
  const stat = statSync(path);
  const identity = [ENTRY_FORMAT, process.version, process.versions.v8, process.arch, path, stat.size];
  identity.push(stat.mtimeMs, stat.ino);
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 32);
}

/**
 * Writes an entry: the digest of what follows, its kind, V8's payload; then removes the module's
 * least recently used entries beyond a few (codeCachePrune.ts), so the folder stays bounded.
 */
function writeEntry(entry: string, name: string, kind: typeof EAGER | typeof FULL, payload: Buffer): void {
  const body = Buffer.concat([Buffer.from([kind]), payload]);
  try {
    writeFileAtomicSync(entry, Buffer.concat([createHash("sha256").update(body).digest(), body]));
  } catch {
    // A cache that cannot be written costs the next process the compile, nothing else.
    return;
  }
  pruneEntries(entry, name);
}

/** The entry when it is a regular file whose digest matches; undefined otherwise. */
function readEntry(entry: string): { kind: number; payload: Buffer } | undefined {
  let bytes: Buffer;
  try {
    // Not a regular file (a FIFO, /dev/zero), too large, absent: a miss.
    bytes = readRegularFile(entry, ENTRY_BYTES_LIMIT);
  } catch {
    return undefined;
  }
  if (bytes.length <= DIGEST_BYTES + 1) return undefined;
  const body = bytes.subarray(DIGEST_BYTES);
  const digest = createHash("sha256").update(body).digest();
  if (!digest.equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  return { kind: body[0]!, payload: body.subarray(1) };
}
