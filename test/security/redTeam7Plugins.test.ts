/**
 * @fileoverview Red team 7: the files of a built plugin and of its kv store. Red team 6 made
 * workflow, input and recording files regular-only (runtime/regularFile.ts), but a built plugin's
 * `.plugin.json`, its `.wasm` modules and a plugin's `<kv-dir>/<plugin>.kv.json` were still read
 * with `readFile`: a FIFO there blocked `iceosc run --plugin` forever (and `/dev/zero` grew it
 * until it ran out of memory). A `.plugin.json` is third-party data (SECURITY.md: plugin authors
 * are not trusted), yet its `name` was used unchecked: `"name": "../escape"` made `--kv-dir`
 * write `<kv-dir>/../escape.kv.json`, outside the folder the operator named. Now each file is
 * read only when regular, up to a limit, the manifest's shape and names are checked when it is
 * read, and a registration whose plugin name is not a plain name is refused before any kv file is
 * touched.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  constants,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderKv, pluginTools, PLUGIN_FORMAT, readPluginArtifact } from "../../runtime/plugins/index.js";
import { iceosc, tempDir } from "../helpers/cli.js";

const WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const OBJECT = { kind: "object", fields: [] };

function manifest(overrides: Record<string, unknown> = {}, tool: Record<string, unknown> = {}): string {
  const sha256 = createHash("sha256").update(WASM).digest("hex");
  return JSON.stringify({
    format: PLUGIN_FORMAT,
    name: "good",
    tools: [{ name: "t", inputType: OBJECT, outputType: OBJECT, wasm: "good.t.wasm", sha256, ...tool }],
    ...overrides,
  });
}

function fifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

/**
 * Settles `promise`, or says it hung after `ms` (and unblocks a reader stuck opening `unblock`).
 * A refusal takes milliseconds; the wait only has to outlast a loaded machine.
 */
async function settle<T>(
  promise: Promise<T>,
  unblock?: string,
  ms = 5_000,
): Promise<{ value?: T; error?: Error; hung?: true }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ hung: true }>((done) => {
    timer = setTimeout(() => done({ hung: true }), ms);
  });
  const outcome = await Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: Error) => ({ error }),
    ),
    hung,
  ]);
  clearTimeout(timer);
  if ("hung" in outcome && unblock !== undefined) {
    // A thread of the pool is still blocked in open(2) on the FIFO: give it a writer so it ends.
    closeSync(openSync(unblock, constants.O_WRONLY | constants.O_NONBLOCK));
  }
  return outcome;
}

describe("a built plugin's files are read only when regular and well formed", () => {
  it("refuses a .plugin.json that is a FIFO at once (it used to wait for a writer forever)", async () => {
    const dir = tempDir();
    const path = fifo(join(dir, "good.plugin.json"));
    const outcome = await settle(readPluginArtifact(path), path);
    expect(outcome.hung).toBeUndefined();
    expect(outcome.error?.message).toContain("not a regular file");
  });

  it("refuses a tool module that is a FIFO or /dev/zero", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.plugin.json"), manifest());
    const path = fifo(join(dir, "good.t.wasm"));
    const outcome = await settle(readPluginArtifact(join(dir, "good.plugin.json")), path);
    expect(outcome.hung).toBeUndefined();
    expect(outcome.error?.message).toContain("not a regular file");

    const zero = tempDir();
    writeFileSync(join(zero, "good.plugin.json"), manifest());
    symlinkSync("/dev/zero", join(zero, "good.t.wasm"));
    const zeroed = await settle(readPluginArtifact(join(zero, "good.plugin.json")));
    expect(zeroed.error?.message).toContain("not a regular file");
  });

  it("refuses an oversized manifest before reading it", async () => {
    const dir = tempDir();
    const path = join(dir, "good.plugin.json");
    writeFileSync(path, "");
    truncateSync(path, 65 * 1024 * 1024);
    const outcome = await settle(readPluginArtifact(path));
    expect(outcome.error?.message).toContain("is larger than");
  });

  it("refuses a manifest whose plugin or tool name is not a plain name, or whose shape is wrong", async () => {
    const cases: [string, string][] = [
      [manifest({ name: "../escape" }), "plugin name"],
      [manifest({ name: "" }), "plugin name"],
      [manifest({ name: "__proto__" }), "plugin name"],
      [manifest({}, { name: "../t" }), "tool name"],
      [manifest({}, { name: "constructor" }), "tool name"],
      [manifest({ tools: { length: 1 } }), "tools"],
      [manifest({}, { inputType: "object" }), "inputType"],
      [manifest({}, { outputType: { kind: "object", fields: [{ name: 1, type: { kind: "string" } }] } }), "outputType"],
      [manifest({}, { inputType: { kind: "object", fields: [{ name: "x", type: { kind: "date" } }] } }), "inputType"],
      [manifest({}, { sha256: 7 }), "hash"],
      ["null", "not a plugin"],
    ];
    for (const [text, problem] of cases) {
      const dir = tempDir();
      writeFileSync(join(dir, "good.plugin.json"), text);
      writeFileSync(join(dir, "good.t.wasm"), WASM);
      const outcome = await settle(readPluginArtifact(join(dir, "good.plugin.json")));
      expect(outcome.error, text).toBeInstanceOf(Error);
      expect(outcome.error?.message, text).toContain(problem);
      expect(outcome.error, text).not.toBeInstanceOf(TypeError);
    }
  });

  it("refuses a manifest whose types nest deeper than a workflow's schema may", async () => {
    // Built as text: JSON.stringify itself recurses.
    const type = `${'{"kind":"array","element":'.repeat(100_000)}{"kind":"string"}${"}".repeat(100_000)}`;
    const dir = tempDir();
    writeFileSync(
      join(dir, "good.plugin.json"),
      manifest({}, { outputType: "TYPE" }).replace(
        '"TYPE"',
        `{"kind":"object","fields":[{"name":"x","type":${type}}]}`,
      ),
    );
    writeFileSync(join(dir, "good.t.wasm"), WASM);
    const outcome = await settle(readPluginArtifact(join(dir, "good.plugin.json")));
    expect(outcome.error?.message).toContain("nests deeper");
    expect(outcome.error).not.toBeInstanceOf(RangeError);
  });

  it("iceosc run --plugin with a FIFO manifest is a usage error, not a hang", async () => {
    const dir = tempDir();
    const path = fifo(join(dir, "good.plugin.json"));
    writeFileSync(join(dir, "flow.yaml"), "name: flow\nnodes: []\noutputs: {}\n");
    // The in-process CLI loads the compiler first: seconds on a loaded machine.
    const outcome = await settle(iceosc(["run", join(dir, "flow.yaml"), "--plugin", path]), path, 60_000);
    expect(outcome.hung).toBeUndefined();
    expect(outcome.value?.code).toBe(2);
    expect(outcome.value?.stderr).toContain("not a regular file");
  }, 120_000);
});

describe("a plugin's kv store file", () => {
  it("is refused when it is a FIFO (reading it used to hang the plugin call)", async () => {
    const dir = tempDir();
    const path = fifo(join(dir, "p.kv.json"));
    const outcome = await settle(new FolderKv(dir, "p").get("k"), path);
    expect(outcome.hung).toBeUndefined();
    expect(outcome.error?.message).toContain("not a regular file");
  });

  it("is never written outside --kv-dir: a registration named '../escape' is refused", async () => {
    const root = tempDir();
    const kvDir = join(root, "kv");
    mkdirSync(kvDir);
    const plugin = { format: PLUGIN_FORMAT, name: "../escape", tools: [] } as const;
    expect(() => pluginTools([{ plugin, kvDir }])).toThrow(/plugin name/);
    // What the plugin's first kv.set did with that name: write <kv-dir>/../escape.kv.json.
    await settle((async () => new FolderKv(kvDir, "../escape").set("k", "v"))());
    expect(existsSync(join(root, "escape.kv.json"))).toBe(false);
    expect(() => new FolderKv(kvDir, "../escape")).toThrow(/plugin name/);
  });
});
