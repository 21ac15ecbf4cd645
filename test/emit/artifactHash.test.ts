/**
 * @fileoverview The WASM cache key of a unit (artifactHash) is hashed from a state of the shared
 * prefix (versions, flags, library sources) computed once: it must stay the SHA-256 of the whole
 * text, for every unit in turn, so that caches written before stay valid and no two units share
 * a key.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { RUNTIME_LIB_SOURCE } from "../../src/codenode/runtimeLib.js";
import { ALLOCATOR_SOURCE } from "../../src/emit/wasm/allocator.js";
import { LIBRARY_SOURCE } from "../../src/emit/wasm/asLibrary.js";
import { artifactHash } from "../../src/emit/wasm/cache.js";
import { ASC_FLAGS, SANDBOX_FORMAT_VERSION } from "../../src/emit/wasm/compilerFlags.js";

function whole(source: string): string {
  const require = createRequire(import.meta.url);
  const asc = (require("assemblyscript/package.json") as { version: string }).version;
  const binaryen = (require("binaryen/package.json") as { version: string }).version;
  return createHash("sha256")
    .update(
      `${SANDBOX_FORMAT_VERSION}\0asc ${asc} binaryen ${binaryen}\0${ASC_FLAGS.join(" ")}\0${LIBRARY_SOURCE}\0${ALLOCATOR_SOURCE}\0${RUNTIME_LIB_SOURCE}\0${source}`,
    )
    .digest("hex");
}

describe("artifactHash", () => {
  it("is the SHA-256 of the whole keyed text, unit after unit", () => {
    const sources = [
      "export function a(): i32 { return 1; }",
      "",
      "é\u{1F600}\0",
      "export function a(): i32 { return 1; }",
    ];
    for (const source of sources) expect(artifactHash(source)).toBe(whole(source));
    expect(new Set(sources.map(artifactHash)).size).toBe(3);
  });
});
