/**
 * @fileoverview The compiler's V8 code cache (src/util/codeCache.ts, SECURITY.md "The compiler's
 * code cache"): its bytes are code the typer worker runs unsandboxed, so only a whole, intact entry
 * made from the very file being loaded may be used; anything else is a miss and the file runs from
 * source. Also the command line's side: the cache lives in the private cache folder's `v8/`, never
 * with `--no-cache`, never in a folder others may write to.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { requireCodeCached } from "../../src/util/codeCache.js";
import { KEEP } from "../../src/util/codeCachePrune.js";
import { iceosc, ROOT, tempDir, writeFiles } from "../helpers/cli.js";
import { DOUBLE_WORKFLOW } from "../helpers/doubleWorkflow.js";

/** The built module, for a child process (test/globalSetup.ts builds dist/ first). */
const DIST_CODE_CACHE = pathToFileURL(join(ROOT, "dist", "src", "util", "codeCache.js")).href;

/** A CommonJS module whose answer is `value` (same length for every value of the same width). */
function moduleText(value: string): string {
  return `"use strict";\nfunction answer() { return ${JSON.stringify(value)}; }\nmodule.exports = { answer, file: __filename };\n`;
}

function setUp(value = "first"): { file: string; cache: string } {
  const dir = tempDir();
  const file = join(dir, "lib.js");
  writeFileSync(file, moduleText(value));
  const cache = join(dir, "v8");
  execFileSync("mkdir", ["-m", "700", cache]);
  return { file, cache };
}

type Lib = { answer(): string; file: string };

function load(file: string, cache: string | undefined) {
  const loaded = requireCodeCached<Lib>(file, cache);
  return { source: loaded.source, answer: loaded.exports.answer(), loaded };
}

function entryOf(cache: string, which: (name: string) => boolean = () => true): string {
  const [entry, ...rest] = readdirSync(cache).filter(which);
  expect(rest).toEqual([]);
  return join(cache, entry!);
}

describe("the compiler's code cache", () => {
  it("runs a file as require does, stores its bytecode at once and after real work, and serves it next time", () => {
    const { file, cache } = setUp();
    const first = load(file, cache);
    expect(first).toMatchObject({ source: "miss", answer: "first" });
    expect(first.loaded.exports.file).toBe(file);
    const entry = entryOf(cache);
    expect(statSync(entry).mode & 0o777).toBe(0o600);
    const eager = readFileSync(entry);
    first.loaded.save();
    expect(readFileSync(entry).equals(eager)).toBe(false);
    const second = load(file, cache);
    expect(second).toMatchObject({ source: "cache", answer: "first" });
    expect(load(file, undefined)).toMatchObject({ source: "no-cache", answer: "first" });
  });

  it("keeps an entry per V8 flag state, which V8 requires", () => {
    const { file, cache } = setUp();
    load(file, cache).loaded.save();
    // Another process whose flags differ (iceosc sets some as it runs: jitBudget.ts, loadBinaryen.ts).
    const other = (): string =>
      execFileSync(
        process.execPath,
        [
          "--interrupt-budget=123456",
          "--input-type=module",
          "-e",
          `const m = await import(${JSON.stringify(DIST_CODE_CACHE)}); console.log(m.requireCodeCached(${JSON.stringify(file)}, ${JSON.stringify(cache)}).source);`,
        ],
        { encoding: "utf8" },
      ).trim();
    expect(other()).toBe("miss");
    expect(other()).toBe("cache");
    expect(readdirSync(cache)).toHaveLength(2);
    // This process's entry is still there and still taken.
    expect(load(file, cache)).toMatchObject({ source: "cache", answer: "first" });
  });

  it("never serves the bytecode of another version of the file, even of the same length", () => {
    const { file, cache } = setUp("first");
    load(file, cache).loaded.save();
    // V8's own check compares only the source's length: the entry's name must tell the versions apart.
    writeFileSync(file, moduleText("other"));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(load(file, cache)).toMatchObject({ source: "miss", answer: "other" });
  });

  it("treats a damaged, truncated or non-regular entry as a miss and writes it again", () => {
    const { file, cache } = setUp();
    load(file, cache).loaded.save();
    const entry = entryOf(cache);
    const bytes = readFileSync(entry);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 7]! ^= 0xff;
    for (const damaged of [flipped, bytes.subarray(0, bytes.length - 100), bytes.subarray(0, 10)]) {
      writeFileSync(entry, damaged);
      const loaded = load(file, cache);
      expect(loaded).toMatchObject({ source: "miss", answer: "first" });
      loaded.loaded.save();
      expect(load(file, cache)).toMatchObject({ source: "cache", answer: "first" });
    }
    // A FIFO in the entry's place: opened without blocking, not read, a miss.
    execFileSync("rm", [entry]);
    execFileSync("mkfifo", [entry]);
    expect(load(file, cache)).toMatchObject({ source: "miss", answer: "first" });
  });

  it("keeps a module's most recently used entries only, and removes nothing it did not write", () => {
    const { file, cache } = setUp();
    const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
    const stale = (i: number) => `lib.js-${hex(i, 32)}-${hex(i, 8)}.v8`;
    // Entries of earlier installs, Node versions and flag states: entry i last used i hours ago.
    for (let i = 1; i <= 10; i++) {
      writeFileSync(join(cache, stale(i)), "old bytecode");
      const then = new Date(Date.now() - i * 3_600_000);
      utimesSync(join(cache, stale(i)), then, then);
    }
    // What this code never wrote: another module's entry, a leftover temporary file, other names,
    // a folder and a symbolic link (to a file outside) named like entries. All old.
    const outside = join(tempDir(), "precious.v8");
    writeFileSync(outside, "not the cache's");
    const foreign = [`other.js-${hex(1, 32)}-${hex(1, 8)}.v8`, `${stale(11)}.123.abcd1234.tmp`, "notes.txt", stale(12)];
    for (const name of foreign.slice(0, 3)) writeFileSync(join(cache, name), "x");
    mkdirSync(join(cache, stale(12)));
    symlinkSync(outside, join(cache, stale(13)));
    const ancient = new Date(0);
    for (const name of [...foreign, stale(13)]) utimesSync(join(cache, name), ancient, ancient);

    const loaded = load(file, cache);
    expect(loaded).toMatchObject({ source: "miss", answer: "first" });
    loaded.loaded.save();
    const written = entryOf(cache, (name) => !/^lib\.js-0+[0-9a-f]-/.test(name) && name.startsWith("lib.js-"));
    const kept = Array.from({ length: KEEP - 1 }, (_, i) => stale(i + 1));
    expect(readdirSync(cache).sort()).toEqual([written, ...kept, ...foreign, stale(13)].map((p) => basename(p)).sort());
    expect(lstatSync(join(cache, stale(13))).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, "utf8")).toBe("not the cache's");
    expect(load(file, cache)).toMatchObject({ source: "cache", answer: "first" });
  });

  it("marks an entry used when it serves a load, so the pruning keeps it", () => {
    const { file, cache } = setUp();
    load(file, cache).loaded.save();
    const entry = entryOf(cache);
    const then = new Date(Date.now() - 24 * 3_600_000);
    utimesSync(entry, then, then);
    expect(load(file, cache)).toMatchObject({ source: "cache", answer: "first" });
    expect(statSync(entry).mtimeMs).toBeGreaterThan(then.getTime() + 3_600_000);
  });
});

describe("iceosc and the code cache", () => {
  it("keeps TypeScript's code cache in the private cache folder's v8/, and none with --no-cache", async () => {
    const dir = writeFiles({ "double.yaml": DOUBLE_WORKFLOW });
    const cache = join(tempDir(), "cache");
    const env = { ICEOSC_CACHE_DIR: cache };
    const built = await iceosc(["build", join(dir, "double.yaml"), "--out-dir", join(dir, "out")], { env });
    expect(built.code).toBe(0);
    const v8 = join(cache, "v8");
    expect(statSync(v8).mode & 0o777).toBe(0o700);
    // The typer worker writes it after the reply that finished the build: wait for it.
    for (let i = 0; i < 200 && readdirSync(v8).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const entries = readdirSync(v8);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toMatch(/^typescript\.js-[0-9a-f]{32}-[0-9a-f]{8}\.v8$/);

    const none = join(tempDir(), "cache");
    const uncached = await iceosc(["build", join(dir, "double.yaml"), "--out-dir", join(dir, "out2"), "--no-cache"], {
      env: { ICEOSC_CACHE_DIR: none },
    });
    expect(uncached.code).toBe(0);
    expect(existsSync(join(none, "v8"))).toBe(false);
  });

  it("keeps none in a cache folder others may write to", async () => {
    const dir = writeFiles({ "double.yaml": DOUBLE_WORKFLOW });
    const shared = join(tempDir(), "shared");
    execFileSync("mkdir", ["-m", "777", shared]);
    chmodSync(shared, 0o777);
    const built = await iceosc(["check", join(dir, "double.yaml")], { env: { ICEOSC_CACHE_DIR: shared } });
    expect(built.code).toBe(0);
    expect(existsSync(join(shared, "v8"))).toBe(false);
  });
});
