/**
 * @fileoverview Red team 8: files the runtime and the caches read that red team 6 left on plain
 * `readFile`. A generated module's `.wasm` beside it (an out-dir another user can write, or a
 * generated module shipped with a tampered `.wasm`) was read whole before its SHA-256 was checked:
 * a FIFO there made the module's import (which awaits its sandboxes' preload) never finish, and a
 * link to `/dev/zero` grew the process by 2 GB before failing. The WASM cache's entries, the
 * per-node cache's entries and kept sources, the build cache's records and blobs and a durable
 * run's module files (`moduleHash`: stat, then read, so a file swapped in between was read whole)
 * had the same reads. Now each is read only when it is a regular file, up to a limit: a generated
 * module reports ICE_MODULE_INVALID naming the file at once, and a cache entry that is not a
 * regular file is a miss (compiled again), never trusted.
 */
import { execFileSync } from "node:child_process";
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { readCached } from "../../src/emit/wasm/cache.js";
import { readNodeEntry, readNodeSource } from "../../src/emit/wasm/nodeCache.js";
import { compileFiles } from "../../src/index.js";
import { moduleHash } from "../../runtime/durable/module.js";
import { RUNTIME_URL, tempDir, writeFiles } from "../helpers/cli.js";

const FLOW = `
name: NAME
input_schema: { n: number }
nodes:
  - id: scale
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { y: number }
    code: |
      return { y: inputs.n * 2 };
outputs: { y: "{{ scale.y }}" }
`;

const fifos: string[] = [];

function fifo(path: string): string {
  execFileSync("mkfifo", [path]);
  fifos.push(path);
  return path;
}

// A read blocked on a FIFO (the behaviour before the fix) holds a libuv thread: open each FIFO for
// writing once, so such a read ends, the test fails instead of hanging, and the worker can exit.
afterEach(() => {
  for (const path of fifos.splice(0)) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting: nothing to release.
    }
  }
});

/** A built module in its own out-dir, with its `.wasm` replaced by what `plant` makes there. */
async function builtWithPlantedWasm(name: string, plant: (path: string) => void) {
  const dir = writeFiles({ [`${name}.yaml`]: FLOW.replace("NAME", name) });
  const result = await compileFiles([join(dir, `${name}.yaml`)], { runtimeSpecifier: RUNTIME_URL });
  const built = result.workflows[0]!;
  const out = tempDir();
  writeFileSync(join(out, `${built.name}.js`), built.js);
  const wasm = join(out, built.wasm[0]!.fileName);
  plant(wasm);
  return { out, js: join(out, `${built.name}.js`), wasmName: built.wasm[0]!.fileName };
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a generated module's .wasm is read only when regular, with a limit", () => {
  const plants: readonly [string, (path: string) => void, string][] = [
    ["fifo", (path) => fifo(path), "not a regular file"],
    ["zero", (path) => symlinkSync("/dev/zero", path), "not a regular file"],
    [
      "huge",
      (path) => {
        writeFileSync(path, "");
        truncateSync(path, 80 * 1024 * 1024);
      },
      "larger than",
    ],
  ];
  for (const [label, plant, problem] of plants) {
    it(`imports, then reports ICE_MODULE_INVALID for a .wasm that is ${label}`, async () => {
      const { js, wasmName } = await builtWithPlantedWasm(`planted_${label}`, plant);
      const module = await within(
        10_000,
        import(pathToFileURL(js).href) as Promise<{ run(input: unknown): Promise<unknown> }>,
      );
      const error = await within(
        10_000,
        module.run({ n: 2 }).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(error).toMatchObject({ code: "ICE_MODULE_INVALID", nodeId: "scale" });
      expect((error as Error).message).toContain(wasmName);
      expect((error as Error).message).toContain(problem);
    }, 60_000);
  }
});

describe("cache entries that are not regular files are misses", () => {
  const key = "a".repeat(64);

  it("the WASM cache, the per-node cache and kept sources: a FIFO or /dev/zero is not read", async () => {
    const cache = tempDir();
    mkdirSync(join(cache, "nodes"));
    mkdirSync(join(cache, "sources"));
    fifo(join(cache, `${key}.wasm`));
    symlinkSync("/dev/zero", join(cache, "nodes", key));
    fifo(join(cache, "sources", key));
    expect(await within(5_000, readCached(cache, key))).toEqual({ kind: "miss" });
    expect(await within(5_000, readNodeEntry(cache, key))).toBeUndefined();
    expect(await within(5_000, readNodeSource(cache, key))).toBeUndefined();
  }, 30_000);

  it("the build cache: a blob that is a FIFO is a miss, and the build compiles", async () => {
    const dir = writeFiles({ "blobby.yaml": FLOW.replace("NAME", "blobby") });
    const cache = tempDir();
    const { iceosc } = await import("../helpers/cli.js");
    const out = join(tempDir(), "out");
    const env = { ICEOSC_CACHE_DIR: cache };
    const first = await iceosc(["build", join(dir, "blobby.yaml"), "--out-dir", out], { env });
    expect(first.code, first.stderr).toBe(0);
    const blobs = join(cache, "blobs");
    for (const blob of readdirSync(blobs)) {
      rmSync(join(blobs, blob));
      fifo(join(blobs, blob));
    }
    const again = await within(30_000, iceosc(["build", join(dir, "blobby.yaml"), "--out-dir", out], { env }));
    expect(again.code, again.stderr).toBe(0);
    const module = (await import(`${pathToFileURL(join(out, "blobby.js")).href}?again`)) as {
      run(input: unknown): Promise<unknown>;
    };
    expect(await module.run({ n: 4 })).toEqual({ y: 8 });
  }, 120_000);
});

describe("a durable run's module files (moduleHash)", () => {
  it("refuses a .wasm beside the module that is a FIFO, /dev/zero or over the limit", async () => {
    for (const [label, plant] of [
      ["fifo", (path: string) => fifo(path)],
      ["zero", (path: string) => symlinkSync("/dev/zero", path)],
      [
        "huge",
        (path: string) => {
          writeFileSync(path, "");
          truncateSync(path, 300 * 1024 * 1024);
        },
      ],
    ] as const) {
      const { js } = await builtWithPlantedWasm(`durable_${label}`, plant);
      expect(() => moduleHash(js), label).toThrow(label === "huge" ? /larger than/ : /not a regular file/);
    }
  }, 60_000);
});
