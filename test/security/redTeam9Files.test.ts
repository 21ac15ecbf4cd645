/**
 * @fileoverview Red team 9: the commands on hostile trees (a checked-out repository is the
 * workflow author's, not the operator's).
 * - A file name with control characters: `iceosc check .`, `build .` and `fmt .` printed it raw at
 *   the start of a diagnostic line (`file:line:col - error ...`) and in their messages, so a name
 *   holding ESC ]0; (the title), ESC [2J (clear the screen) or a line feed (a forged line of its
 *   own) drove the operator's terminal. Now paths are shown with control characters escaped
 *   (src/util/visibleText.ts `visiblePath`), line feeds too.
 * - A symbolic link where the build writes (`gen -> ../elsewhere`, the default out-dir): `iceosc
 *   build` wrote the generated modules through it, overwriting `<workflow>.js` outside the tree.
 *   Now an out-dir that is a symbolic link is refused (ICE4005), nothing written.
 * Also tried, already stopped: a FIFO and a directory named `*.yaml` in the tree (ICE4001, no
 * hang: redTeam6Files covers FIFOs named on the command line, not found in a directory).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, ROOT, tempDir } from "../helpers/cli.js";

const WORD_STATS = readFileSync(join(ROOT, "examples", "word_stats.yaml"), "utf8");
const ICE = readFileSync(join(ROOT, "examples", "ice", "word_stats.ice"), "utf8");

/** ESC, BEL, CSI (C1) or a line feed inside a name: anything that would reach the terminal raw. */
const HOSTILE = "a\u001b]0;PWNED\u0007\u001b[2J\u009b\nforged";

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("hostile trees", () => {
  it("file names with control characters are shown escaped by check, build and fmt", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${HOSTILE}.yaml`), "name: x\nnodes: [\n");
    writeFileSync(join(dir, `${HOSTILE}-2.ice`), ICE.replace(/^workflow /m, "workflow    "));
    execFileSync("mkfifo", [join(dir, `f${HOSTILE}.yaml`)]);
    mkdirSync(join(dir, `d${HOSTILE}.yaml`));
    for (const args of [
      ["check", "."],
      ["build", ".", "--out-dir", "out"],
      ["fmt", "."],
      ["fmt", ".", "--check"],
    ]) {
      const result = await iceosc(args, { cwd: dir });
      const output = result.stdout + result.stderr;
      expect(output, args.join(" ")).not.toMatch(RAW_CONTROL);
      // No line starts with the text after the line feed: nothing forged a line of its own.
      expect(
        output.split("\n").some((line) => line.startsWith("forged")),
        args.join(" "),
      ).toBe(false);
    }
    const check = await iceosc(["check", "."], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("a\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b\\u000aforged.yaml:3:1 - error ICE1001");
    expect(check.stderr).toMatch(/ICE4001: cannot read '[^'\n]*fa\\u001b[^'\n]*\.yaml': not a regular file/);
  }, 180_000);

  it("a symbolic link as the out-dir is refused: nothing is written through it", async () => {
    const root = tempDir();
    mkdirSync(join(root, "repo"));
    mkdirSync(join(root, "victim"));
    writeFileSync(join(root, "victim", "word_stats.js"), "precious\n");
    writeFileSync(join(root, "repo", "word_stats.yaml"), WORD_STATS);
    symlinkSync("../victim", join(root, "repo", "gen"));
    const repo = join(root, "repo");
    for (const args of [
      ["build", "word_stats.yaml"],
      ["build", "word_stats.yaml", "--out-dir", "gen"],
    ]) {
      const result = await iceosc(args, { cwd: repo });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain("error ICE4005: refusing to write into the output directory 'gen'");
      expect(readFileSync(join(root, "victim", "word_stats.js"), "utf8")).toBe("precious\n");
      expect(existsSync(join(root, "victim", "word_stats.d.ts"))).toBe(false);
    }
    // The directory it points to, given itself, is the operator's choice.
    const direct = await iceosc(["build", "word_stats.yaml", "--out-dir", join(root, "victim")], { cwd: repo });
    expect(direct.code, direct.stderr).toBe(0);
  }, 180_000);
});
