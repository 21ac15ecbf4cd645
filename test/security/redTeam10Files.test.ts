/**
 * @fileoverview Red team 10: a symbolic link on the out-dir's path. Red team 9 refused an out-dir
 * that is itself a link (ICE4005); a link in a PARENT (`--out-dir build/gen` where the repository
 * holds `build -> ../victim`) was still followed, so the build wrote `<workflow>.js` outside the
 * tree. The operator chose the path, but inside the working directory (or a directory being built)
 * the author chooses what each name is. Now every component of the out-dir below the working
 * directory or below a directory being built must be a real directory (ICE4005, nothing written);
 * links above it (the operator's own layout, e.g. a home on a linked volume) are followed, and the
 * real directory given directly is built into.
 * - A symbolic link found in a directory being checked or built (`w.yaml -> ../outside/creds.yaml`)
 *   was read: `iceosc check .` quoted a line of the file outside the tree in its diagnostic (a
 *   secret in a CI log of a pull request). Now such a link is reported (ICE4001) and not read; a
 *   file named on the command line is the operator's choice and is read, link or not.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, ROOT, tempDir } from "../helpers/cli.js";

const WORD_STATS = readFileSync(join(ROOT, "examples", "word_stats.yaml"), "utf8");

describe("a symbolic link on the out-dir's path", () => {
  it("is refused below the working directory or a built directory; nothing is written through it", async () => {
    const root = tempDir();
    const repo = join(root, "repo");
    mkdirSync(repo);
    mkdirSync(join(root, "victim", "gen"), { recursive: true });
    writeFileSync(join(root, "victim", "gen", "word_stats.js"), "precious\n");
    writeFileSync(join(repo, "word_stats.yaml"), WORD_STATS);
    symlinkSync("../victim", join(repo, "build"));
    for (const [args, cwd] of [
      [["build", "word_stats.yaml", "--out-dir", "build/gen"], repo],
      [["build", "word_stats.yaml", "--out-dir", "build/gen/deeper"], repo],
      [["build", join(repo, "word_stats.yaml"), "--out-dir", join(repo, "build", "gen")], repo],
      // Run from elsewhere: the directory being built is the author's tree too.
      [["build", repo, "--out-dir", join(repo, "build", "gen")], root],
    ] as const) {
      const result = await iceosc([...args], { cwd });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        /error ICE4005: refusing to write into the output directory '[^']*gen[^']*': '[^']*build' on its path is a symbolic link/,
      );
      expect(readFileSync(join(root, "victim", "gen", "word_stats.js"), "utf8")).toBe("precious\n");
      expect(existsSync(join(root, "victim", "gen", "word_stats.d.ts"))).toBe(false);
      expect(existsSync(join(root, "victim", "gen", "deeper"))).toBe(false);
    }
    // The real directory, given directly, is the operator's choice.
    const direct = await iceosc(["build", "word_stats.yaml", "--out-dir", join(root, "victim", "gen")], { cwd: repo });
    expect(direct.code, direct.stderr).toBe(0);
    // A link above the working directory is the operator's own layout: followed.
    symlinkSync(repo, join(root, "repo-link"));
    const above = await iceosc(["build", "word_stats.yaml", "--out-dir", "out"], { cwd: join(root, "repo-link") });
    expect(above.code, above.stderr).toBe(0);
    expect(existsSync(join(repo, "out", "word_stats.js"))).toBe(true);
  }, 180_000);

  it("a symbolic link found in a directory is reported, not read; named, it is read", async () => {
    const root = tempDir();
    const repo = join(root, "repo");
    mkdirSync(repo);
    mkdirSync(join(root, "outside"));
    writeFileSync(join(root, "outside", "creds.yaml"), "name: secret\nnodes: []\napi_token: sk-LEAK-0123456789\n");
    writeFileSync(join(repo, "word_stats.yaml"), WORD_STATS);
    symlinkSync("../outside/creds.yaml", join(repo, "w.yaml"));
    for (const args of [
      ["check", "."],
      ["build", ".", "--out-dir", "out"],
      ["check", repo],
    ]) {
      const result = await iceosc(args, { cwd: repo });
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout + result.stderr, args.join(" ")).not.toContain("sk-LEAK");
      expect(result.stderr).toMatch(
        /ICE4001: cannot read '[^']*w\.yaml': a symbolic link found in a directory is not followed/,
      );
    }
    const named = await iceosc(["check", "w.yaml"], { cwd: repo });
    expect(named.stderr).toContain("ICE1012");
  }, 180_000);
});
