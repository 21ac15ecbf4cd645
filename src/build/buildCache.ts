/**
 * @fileoverview The whole-build cache: a build whose inputs have not changed writes its recorded
 * outputs again without loading the compiler (no TypeScript, no AssemblyScript, no binaryen), so
 * an unchanged `iceosc build` costs little more than starting Node.
 *
 * A record is found by a key over the compiler's identity, the build's settings and the files
 * named on the command line (paths and contents). It lists every workflow file the build read
 * (referenced sub-workflows too) with its SHA-256, which must all still match (the files named on
 * the command line were hashed for the key already), and every output file by SHA-256 and size,
 * stored content-addressed beside it (`<dir>/blobs/<sha256>`, written atomically). A blob is not
 * hashed again when read, only its size checked: hashing megabytes of generated JavaScript was
 * most of an unchanged rebuild of a large workflow, and it guarded nothing a size check misses
 * (blobs and records share one private folder: whoever can rewrite a blob can rewrite its record).
 * Anything missing or different is a miss, and the caller compiles as usual. Records and blobs
 * live in the same private folder as the WASM cache (src/emit/wasm/cache.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readRegularFile } from "../../runtime/regularFile.js";
import { FRONT_END_LIMITS } from "../frontend/limits.js";
import { join, resolve } from "node:path";
import { writeFileAtomicSync } from "../util/atomicWrite.js";
import { compilerIdentity } from "../util/compilerIdentity.js";

/** What a successful build produced, as the cache replays it. */
export interface BuildRecord {
  readonly version: 2;
  /** Every workflow file the build read, by absolute path, with its SHA-256. */
  readonly sources: readonly { readonly path: string; readonly sha256: string }[];
  /** The files written into the out-dir. */
  readonly outputs: readonly { readonly fileName: string; readonly sha256: string; readonly size: number }[];
  /** What the build printed on stderr (warnings), replayed on a hit. */
  readonly messages: string;
  readonly workflows: number;
  readonly sandboxUnits: number;
}

/** A build's outputs read back from the cache. */
export interface CachedBuild {
  readonly record: BuildRecord;
  readonly files: readonly { readonly fileName: string; readonly contents: Uint8Array }[];
}

/** Most bytes of a build record read (paths, digests and sizes of a build's files). */
const RECORD_BYTES_LIMIT = 16 * 1024 * 1024;

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** A build's key, and the SHA-256 of each requested file (by absolute path) it was made of. */
export interface BuildKey {
  readonly key: string;
  readonly digests: ReadonlyMap<string, string>;
}

/** The key of a build: the compiler, its settings and the requested files' paths and contents. */
export function buildKey(
  requested: readonly string[],
  settings: Readonly<Record<string, unknown>>,
): BuildKey | undefined {
  const hash = createHash("sha256").update(compilerIdentity()).update(JSON.stringify(settings));
  const digests = new Map<string, string>();
  for (const path of [...requested].map((p) => resolve(p)).sort()) {
    let contents: Buffer;
    try {
      contents = readSourceBytes(path);
    } catch {
      return undefined;
    }
    const digest = sha256(contents);
    digests.set(path, digest);
    hash.update(`\0${path}\0${digest}`);
  }
  return { key: hash.digest("hex"), digests };
}

function recordPath(dir: string, key: string): string {
  return join(dir, "builds", `${key}.json`);
}

function blobPath(dir: string, digest: string): string {
  return join(dir, "blobs", digest);
}

/**
 * A workflow file's bytes, for its digest: a regular file within the front ends' byte limit, else
 * a throw (the build is then not cached; readSource reports why), never a read of a FIFO or device.
 */
function readSourceBytes(path: string): Buffer {
  return readRegularFile(path, FRONT_END_LIMITS.sourceBytes);
}

/** The recorded outputs of `key`, when every source still matches and every blob is whole. */
export function readBuild(dir: string, { key, digests }: BuildKey): CachedBuild | undefined {
  try {
    // Regular files only, to a limit (red team 8): a record or blob that is a FIFO or a device is a
    // miss, never a hang; a blob is read to its recorded size and no further.
    const record = JSON.parse(
      readRegularFile(recordPath(dir, key), RECORD_BYTES_LIMIT).toString("utf8"),
    ) as BuildRecord;
    if (record.version !== 2) return undefined;
    for (const source of record.sources) {
      const digest = digests.get(source.path) ?? sha256(readSourceBytes(source.path));
      if (digest !== source.sha256) return undefined;
    }
    const files = record.outputs.map((output) => {
      const contents = readRegularFile(blobPath(dir, output.sha256), output.size);
      if (contents.length !== output.size) throw new Error("damaged blob");
      return { fileName: output.fileName, contents };
    });
    return { record, files };
  } catch {
    return undefined;
  }
}

/** Records a successful build. Failures only cost a later full build. */
export function writeBuild(
  dir: string,
  { key, digests }: BuildKey,
  sources: readonly string[],
  outputs: readonly { readonly fileName: string; readonly contents: string | Uint8Array }[],
  summary: Pick<BuildRecord, "messages" | "workflows" | "sandboxUnits">,
): void {
  try {
    mkdirSync(join(dir, "builds"), { recursive: true, mode: 0o700 });
    mkdirSync(join(dir, "blobs"), { recursive: true, mode: 0o700 });
    const recorded = outputs.map((output) => {
      const bytes = typeof output.contents === "string" ? Buffer.from(output.contents, "utf8") : output.contents;
      const digest = sha256(bytes);
      writeFileAtomicSync(blobPath(dir, digest), bytes);
      return { fileName: output.fileName, sha256: digest, size: bytes.length };
    });
    const record: BuildRecord = {
      version: 2,
      sources: [...new Set(sources.map((s) => resolve(s)))].map((path) => ({
        path,
        sha256: digests.get(path) ?? sha256(readSourceBytes(path)),
      })),
      outputs: recorded,
      ...summary,
    };
    writeFileAtomicSync(recordPath(dir, key), JSON.stringify(record));
  } catch {
    // A read-only or full cache directory must not fail the build.
  }
}
