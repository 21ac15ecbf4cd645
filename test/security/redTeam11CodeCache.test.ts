/**
 * @fileoverview Red team 11: the caches' folders were checked alone, not the path to them. With
 * `ICEOSC_CACHE_DIR=/tmp/shared/cache` and `/tmp/shared` writable by another user, the cache folder
 * iceosc created was private (0700, this user's), so it was used; but that user may rename it
 * away once it is checked and put a link to a folder of their own in its place. TypeScript's V8
 * code cache (`<cache>/v8/`) is bytecode the typer runs unsandboxed, and V8 checks only the
 * source's length: an entry made from a same-length edit of TypeScript's bundle, under the name
 * the victim computes (path, size, time and inode of a file they can stat), ran their code in the
 * compiler. The durable folder's JavaScript (`<cache>/durable/`) is imported the same way. Now a
 * folder is private only when no directory on its path, links followed, may be written by anyone
 * but its owner (this user or root) unless sticky (src/util/pathWriters.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDir } from "../../src/cli/cache.js";
import { openPrivateFolder } from "../../src/util/privateFolder.js";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";
import { DOUBLE_WORKFLOW } from "../helpers/doubleWorkflow.js";

/** A folder with `mode` (octal text, as chmod takes it), made whatever the umask. */
function folder(path: string, mode: string): string {
  mkdirSync(path);
  execFileSync("chmod", [mode, path]);
  return path;
}

describe("a private folder on a path others may change", () => {
  it("is not used when a directory above it may be written by others, even through a link", () => {
    const base = tempDir();
    const shared = folder(join(base, "shared"), "777");
    const opened = openPrivateFolder(join(shared, "cache", "v8"));
    expect(opened).toMatchObject({ kind: "unusable", reason: `others may write to '${shared}' on its path` });
    // The folders were made private all the same: it is the path that is not.
    expect(openPrivateFolder(join(shared, "cache")).kind).toBe("unusable");

    // `~/.cache` may be a link: the directories its target goes through count too.
    const link = join(base, "link");
    symlinkSync(join(shared, "inner"), link);
    folder(join(shared, "inner"), "700");
    expect(openPrivateFolder(join(link, "iceosc"))).toMatchObject({ kind: "unusable" });
    // And `..` is taken from where the link leads, as the kernel does: `link/..` is `shared`.
    // (Written out: `join` would take `link/..` away.)
    expect(openPrivateFolder(`${link}/../x`)).toMatchObject({ kind: "unusable" });
    expect(existsSync(join(shared, "x"))).toBe(true);
  });

  it("is used below sticky folders like /tmp, below links to private folders, and with .. in its name", () => {
    const base = tempDir();
    const sticky = folder(join(base, "sticky"), "1777");
    expect(openPrivateFolder(join(sticky, "cache")).kind).toBe("ready");
    const home = folder(join(base, "home"), "755");
    symlinkSync(home, join(base, "homeLink"));
    expect(openPrivateFolder(join(base, "homeLink", "cache")).kind).toBe("ready");
    expect(openPrivateFolder(`${base}/homeLink/../home/other`).kind).toBe("ready");
  });
});

describe("iceosc with a cache below a folder others may write to", () => {
  it("warns and keeps no WASM cache and no code cache there", async () => {
    const dir = writeFiles({ "double.yaml": DOUBLE_WORKFLOW });
    const shared = folder(join(tempDir(), "shared"), "777");
    const cache = join(shared, "cache");
    const built = await iceosc(["build", join(dir, "double.yaml"), "--out-dir", join(dir, "out")], {
      env: { ICEOSC_CACHE_DIR: cache },
    });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain("ICE4010");
    expect(built.stderr).toContain(`others may write to '${shared}' on its path`);
    expect(existsSync(join(cache, "v8"))).toBe(false);
  });
});

describe("the user's cache folder", () => {
  it("ignores a relative XDG_CACHE_HOME, which would be a folder of the project iceosc runs in", () => {
    const io = (env: Record<string, string>) => ({ stdout() {}, stderr() {}, cwd: process.cwd(), env });
    expect(defaultCacheDir(io({ XDG_CACHE_HOME: ".cache" }))).toBe(join(homedir(), ".cache", "iceosc"));
    expect(defaultCacheDir(io({ XDG_CACHE_HOME: "/var/cache/me" }))).toBe("/var/cache/me/iceosc");
    expect(defaultCacheDir(io({ XDG_CACHE_HOME: "/var/cache/me", ICEOSC_CACHE_DIR: "/c" }))).toBe("/c");
  });
});
