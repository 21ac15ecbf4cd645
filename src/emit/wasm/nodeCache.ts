/**
 * @fileoverview The per-node cache: which cached module (cache.ts key) a sandbox unit lowered to
 * last time, keyed by what the lowering reads (the body's text and line structure, its input and
 * output types, its capabilities, the compiler's identity and the host's versions). A rebuild
 * where one node changed then types and lowers that node only: the others go straight to their
 * cached modules without the TypeScript checker or the printer (20 code nodes: ~20 ms each).
 *
 * Only units that lowered without any diagnostic are recorded, so a hit has nothing to report
 * that lowering would have reported. An entry is `<cacheDir>/nodes/<key>`: the module's cache key
 * and a SHA-256 over both keys, checked when read (a damaged entry is a miss, never another
 * node's module). A unit compiled with the other bodies of its group (combinedProgram.ts) also
 * has its lowered source kept, `<cacheDir>/sources/<source key>`, checked against that key (its
 * artifactHash) when read: when another body of the group changes, the group compiles again from
 * every body's source without typing the unchanged ones. It lives in the same private folder as the modules (SECURITY.md, "The WASM
 * cache"); the module it names is checked against its own digest and verified as before.
 */
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { SchemaType } from "../../../runtime/schema.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { readRegularText } from "../../../runtime/regularFile.js";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import { compilerIdentity } from "../../util/compilerIdentity.js";
import { SANDBOX_FORMAT_VERSION } from "./compilerFlags.js";

/** Most bytes of an entry read (two hex digests and a line break: 129). */
const ENTRY_BYTES_LIMIT = 1024;
/** Most bytes of a kept lowered source read: a body's source is checked against its key after. */
const SOURCE_BYTES_LIMIT = 64 * 1024 * 1024;

/** Bump when what the key covers changes. */
const NODE_CACHE_VERSION = "iceosc-node-1";

/** The per-node key of a unit (hex SHA-256). */
export function nodeKey(unit: SandboxUnit): string {
  const { body } = unit;
  // The module counts trap lines from the body's first line: the key holds each text line's line
  // in the file relative to the first, not where the body is.
  const first = body.lineOrigins[0] ?? body.span.start;
  const firstLine = body.span.file.position(first).line;
  const lines = body.lineOrigins.map((origin) => body.span.file.position(origin).line - firstLine);
  const { node, v8, icu, unicode } = process.versions;
  return createHash("sha256")
    .update(
      JSON.stringify([
        NODE_CACHE_VERSION,
        SANDBOX_FORMAT_VERSION,
        compilerIdentity(),
        [node, v8, icu ?? "", unicode ?? ""],
        unit.kind,
        typeText(unit.inputType),
        typeText(unit.outputType),
        unit.capabilities,
        lines,
        body.text,
      ]),
    )
    .digest("hex");
}

/** A type's structure, and nothing else the objects may carry. */
function typeText(type: SchemaType): string {
  switch (type.kind) {
    case "array":
      return `[${typeText(type.element)}]`;
    case "object":
      return `{${type.fields.map((f) => `${JSON.stringify(f.name)}${f.optional ? "?" : ""}:${typeText(f.type)}`).join(",")}}`;
    default:
      return type.kind;
  }
}

function entryPath(dir: string, key: string): string {
  return join(dir, "nodes", key);
}

function entryDigest(key: string, moduleKey: string): string {
  return createHash("sha256").update(`${key}\0${moduleKey}`).digest("hex");
}

/** The module cache key recorded for `key`, when there is an intact entry. */
export async function readNodeEntry(dir: string | undefined, key: string): Promise<string | undefined> {
  if (dir === undefined) return undefined;
  let text: string;
  try {
    // An entry is two hex digests; anything that is not a small regular file is a miss.
    text = readRegularText(entryPath(dir, key), ENTRY_BYTES_LIMIT);
  } catch {
    return undefined;
  }
  const [moduleKey, digest] = text.split("\n");
  if (!moduleKey || !/^[0-9a-f]{64}$/.test(moduleKey) || digest !== entryDigest(key, moduleKey)) return undefined;
  return moduleKey;
}

/** Records that `key` lowers to the module cached as `moduleKey`. Failures only cost a later lowering. */
export async function writeNodeEntry(dir: string | undefined, key: string, moduleKey: string): Promise<void> {
  if (dir === undefined) return;
  try {
    await mkdir(join(dir, "nodes"), { recursive: true, mode: 0o700 });
    await writeFileAtomic(entryPath(dir, key), `${moduleKey}\n${entryDigest(key, moduleKey)}`);
  } catch {
    // A read-only or full cache directory must not fail the build.
  }
}

function sourcePath(dir: string, sourceKey: string): string {
  return join(dir, "sources", sourceKey);
}

/** The lowered source kept for `sourceKey`; the caller checks it against the key (cache.ts artifactHash). */
export async function readNodeSource(dir: string | undefined, sourceKey: string): Promise<string | undefined> {
  if (dir === undefined || !/^[0-9a-f]{64}$/.test(sourceKey)) return undefined;
  try {
    return readRegularText(sourcePath(dir, sourceKey), SOURCE_BYTES_LIMIT);
  } catch {
    return undefined;
  }
}

/** Keeps a unit's lowered source under its key. Failures only cost a later lowering. */
export async function writeNodeSource(dir: string | undefined, sourceKey: string, source: string): Promise<void> {
  if (dir === undefined) return;
  try {
    await mkdir(join(dir, "sources"), { recursive: true, mode: 0o700 });
    await writeFileAtomic(sourcePath(dir, sourceKey), source);
  } catch {
    // A read-only or full cache directory must not fail the build.
  }
}
