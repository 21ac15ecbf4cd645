/**
 * @fileoverview Red team 7: `iceosc fmt <dir>` rewrote every `.ice` entry of the directory in
 * place with `writeFileSync`, which follows symbolic links: a checked-out repository holding
 * `link.ice -> ../../elsewhere/real.ice` (or an absolute link to any `.ice` file the user can
 * write) made `iceosc fmt .` rewrite a file outside what it was given. Now fmt writes only the
 * regular file it read: a symbolic link is reported and left alone (its target is formatted when
 * named itself), and the write opens the file without following links, so a link swapped in
 * after the read is refused too. `--check` still reads through links (it writes nothing).
 */
import { readFileSync, symlinkSync, writeFileSync, mkdirSync, lstatSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, ROOT, tempDir } from "../helpers/cli.js";

const CANONICAL = readFileSync(join(ROOT, "examples", "ice", "word_stats.ice"), "utf8");
const MESSY = CANONICAL.replace(/^workflow /m, "workflow    ");

describe("iceosc fmt writes only the files it was given", () => {
  it("leaves a symbolic link's target outside the directory alone", async () => {
    const root = tempDir();
    mkdirSync(join(root, "proj"));
    mkdirSync(join(root, "elsewhere"));
    const outside = join(root, "elsewhere", "real.ice");
    writeFileSync(outside, MESSY);
    symlinkSync(outside, join(root, "proj", "link.ice"));
    writeFileSync(join(root, "proj", "own.ice"), MESSY);

    const result = await iceosc(["fmt", join(root, "proj")]);
    expect(readFileSync(outside, "utf8")).toBe(MESSY);
    expect(lstatSync(join(root, "proj", "link.ice")).isSymbolicLink()).toBe(true);
    expect(result.stderr).toMatch(/link\.ice.*symbolic link/);
    expect(result.code).toBe(1);
    // The directory's own file is formatted as before.
    expect(readFileSync(join(root, "proj", "own.ice"), "utf8")).toBe(CANONICAL);
  });

  it("still reports a linked file in --check mode, and formats the target when it is named", async () => {
    const root = tempDir();
    const target = join(root, "real.ice");
    writeFileSync(target, MESSY);
    symlinkSync(target, join(root, "link.ice"));
    const checked = await iceosc(["fmt", "--check", join(root, "link.ice")]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("link.ice");
    const named = await iceosc(["fmt", target]);
    expect(named.code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(CANONICAL);
  });
});
