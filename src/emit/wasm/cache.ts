/**
 * @fileoverview The artifact cache: `<cacheDir>/<key>.wasm`, keyed by a hash of everything that
 * determines the bytes (generated source, codec library, asc flags, compiler and binaryen
 * versions, format version). An unchanged rebuild reads these files and never starts asc.
 *
 * The cache is not trusted blindly (SECURITY.md, "The WASM cache"):
 * - the folder must be private: a directory (not a symlink) owned by this user and writable by
 *   no one else; it is created with mode 0700. Otherwise the cache is not used, with a warning.
 * - an entry is `ICEC`, a SHA-256 digest of its key and module, then the module. A read checks
 *   the digest, so a truncated, damaged or swapped-in file is not a cache hit: the caller
 *   compiles again, warns, and overwrites the entry. The module is verified again after loading
 *   either way (compileDiagnostics.ts).
 */
import { createHash, type Hash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { readRegularFile, SANDBOX_MODULE_BYTES_LIMIT } from "../../../runtime/regularFile.js";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import { ALLOCATOR_SOURCE } from "./allocator.js";
import { LIBRARY_SOURCE } from "./asLibrary.js";
import { RUNTIME_LIB_SOURCE } from "../../codenode/runtimeLib.js";
import { ASC_FLAGS, SANDBOX_FORMAT_VERSION } from "./compilerFlags.js";

export { openPrivateFolder as openCacheFolder, type PrivateFolder as CacheFolder } from "../../util/privateFolder.js";

let toolVersions: string | undefined;

function versions(): string {
  if (toolVersions === undefined) {
    const require = createRequire(import.meta.url);
    const asc = require("assemblyscript/package.json") as { version: string };
    const binaryen = require("binaryen/package.json") as { version: string };
    toolVersions = `asc ${asc.version} binaryen ${binaryen.version}`;
  }
  return toolVersions;
}

let prefixHash: Hash | undefined;

/**
 * The content hash of a generated unit (hex sha-256): the cache key. The part every unit shares
 * (versions, flags, and the 240 KB of library sources) is hashed once per process and the state
 * copied for each unit: the digest is the one of the whole text, without building and hashing that
 * text again for every unit of a build (~3.5 ms each on the loaded 2-core machine).
 */
export function artifactHash(source: string): string {
  prefixHash ??= createHash("sha256").update(
    `${SANDBOX_FORMAT_VERSION}\0${versions()}\0${ASC_FLAGS.join(" ")}\0${LIBRARY_SOURCE}\0${ALLOCATOR_SOURCE}\0${RUNTIME_LIB_SOURCE}\0`,
  );
  return prefixHash.copy().update(source).digest("hex");
}

/** The hex SHA-256 of a module's bytes (what manifests record and the runtime checks). */
export function moduleDigest(wasm: Uint8Array): string {
  return createHash("sha256").update(wasm).digest("hex");
}

/** What a cache lookup found. */
export type CacheRead =
  | { readonly kind: "hit"; readonly wasm: Uint8Array }
  | { readonly kind: "miss" }
  /** An entry exists but fails its digest: compile again and overwrite it. */
  | { readonly kind: "invalid"; readonly reason: string };

const MAGIC = [0x49, 0x43, 0x45, 0x43]; // "ICEC"
const HEADER = MAGIC.length + 32;

function entryPath(dir: string, key: string): string {
  return join(dir, `${key}.wasm`);
}

function entryDigest(key: string, wasm: Uint8Array): Buffer {
  return createHash("sha256").update(key).update("\0").update(wasm).digest();
}

/** The cached module for `key`, checked against the digest stored with it. */
export async function readCached(dir: string | undefined, key: string): Promise<CacheRead> {
  if (dir === undefined) return { kind: "miss" };
  let bytes: Buffer;
  try {
    // Regular files only, bounded: an entry that is a FIFO or a device is a miss, not a hang.
    bytes = readRegularFile(entryPath(dir, key), SANDBOX_MODULE_BYTES_LIMIT + HEADER);
  } catch {
    return { kind: "miss" };
  }
  if (bytes.length <= HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    return { kind: "invalid", reason: "it is not a cache entry" };
  }
  const wasm = new Uint8Array(bytes.subarray(HEADER));
  if (!entryDigest(key, wasm).equals(bytes.subarray(MAGIC.length, HEADER))) {
    return { kind: "invalid", reason: "its content does not match its digest" };
  }
  return { kind: "hit", wasm };
}

/** Stores a module (atomically: temp file, then rename). Failures only cost a later recompile. */
export async function writeCached(dir: string | undefined, key: string, wasm: Uint8Array): Promise<void> {
  if (dir === undefined) return;
  try {
    await writeFileAtomic(entryPath(dir, key), Buffer.concat([Buffer.from(MAGIC), entryDigest(key, wasm), wasm]));
  } catch {
    // A read-only or full cache directory must not fail the build.
  }
}
