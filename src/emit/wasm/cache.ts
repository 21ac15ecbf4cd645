/**
 * @fileoverview The artifact cache: `<cacheDir>/<hash>.wasm`, keyed by a hash of everything that
 * determines the bytes (generated source, codec library, asc flags, compiler and binaryen
 * versions, format version). An unchanged rebuild reads these files and never starts asc.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { LIBRARY_SOURCE } from "./asLibrary.js";
import { ASC_FLAGS, SANDBOX_FORMAT_VERSION } from "./compilerFlags.js";

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

/** The content hash of a generated unit (hex sha-256). */
export function artifactHash(source: string): string {
  return createHash("sha256")
    .update(`${SANDBOX_FORMAT_VERSION}\0${versions()}\0${ASC_FLAGS.join(" ")}\0${LIBRARY_SOURCE}\0${source}`)
    .digest("hex");
}

/** The cached binary for `hash`, if any. */
export async function readCached(cacheDir: string | undefined, hash: string): Promise<Uint8Array | undefined> {
  if (cacheDir === undefined) return undefined;
  try {
    return new Uint8Array(await readFile(join(cacheDir, `${hash}.wasm`)));
  } catch {
    return undefined;
  }
}

/** Stores a binary (atomically: temp file, then rename). Failures only cost a later recompile. */
export async function writeCached(cacheDir: string | undefined, hash: string, wasm: Uint8Array): Promise<void> {
  if (cacheDir === undefined) return;
  try {
    await mkdir(cacheDir, { recursive: true });
    const temp = join(cacheDir, `${hash}.wasm.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    await writeFile(temp, wasm);
    await rename(temp, join(cacheDir, `${hash}.wasm`));
  } catch {
    // A read-only or full cache directory must not fail the build.
  }
}
