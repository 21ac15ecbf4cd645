/**
 * @fileoverview Red team 11: `iceosc build --watch` read the names it was given again on every
 * rebuild. A file named on the command line is the operator's choice, link or not (red team 10),
 * but only when named: `w.yaml` (or the folder named) swapped for a link to `~/secrets.yaml` while
 * watching (a `git pull`, whoever may write the tree) made the next rebuild read the secret and
 * quote a line of it in a diagnostic. A rebuild now reads what the names led to when the watch
 * started (src/cli/watchedPaths.ts), exactly (runtime/regularFile.ts "exact"); a name leading
 * elsewhere since is ICE4001. Driven through the watch's own build (watchedBuild), no file events
 * and no timing.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UnreadableFileError, readRegularFile } from "../../runtime/regularFile.js";
import type { BuildArgs } from "../../src/cli/commands/build.js";
import type { CliIo } from "../../src/cli/io.js";
import { watchedBuild } from "../../src/cli/watch.js";
import { tempDir } from "../helpers/cli.js";

const WORKFLOW = (name: string) => `name: ${name}
input_schema: { who: string }
nodes:
  - id: hello
    type: tool
    tool_name: echo
    tool_args: { text: "hello {{ inputs.who }}" }
outputs: { said: "{{ hello }}" }
`;

/** Not a workflow: a build that read it would quote this line in its diagnostic. */
const SECRET = "api_key: [SECRET-3f9a-do-not-print\n";

function io(): CliIo & { readonly text: () => string } {
  let text = "";
  const write = (chunk: string) => {
    text += chunk;
  };
  return { stdout: write, stderr: write, cwd: process.cwd(), env: { ...process.env }, text: () => text };
}

function args(paths: string[], outDir: string): BuildArgs {
  return { paths, outDir, cache: false, format: "text" };
}

/** A secret outside the tree, where only a link could lead. */
function secretFolder(): string {
  const outside = tempDir();
  writeFileSync(join(outside, "secrets.yaml"), SECRET);
  return outside;
}

describe("build --watch and names that change what they lead to", () => {
  it("does not read a named file swapped for a link to a file outside the tree", async () => {
    const tree = tempDir();
    const named = join(tree, "w.yaml");
    writeFileSync(named, WORKFLOW("w"));
    const out = io();
    const watch = watchedBuild(out, args([named], join(tree, "out")));
    const first = await watch.build();
    expect(first.status, out.text()).toBe(0);

    // An editor's save (a new file renamed over the name) is still the named file.
    writeFileSync(join(tree, "w.yaml.tmp"), WORKFLOW("w2"));
    renameSync(join(tree, "w.yaml.tmp"), named);
    const saved = await watch.build(first.contents);
    expect(saved.status, out.text()).toBe(0);
    expect(saved.workflows.map((w) => w.name)).toEqual(["w2"]);

    rmSync(named);
    symlinkSync(join(secretFolder(), "secrets.yaml"), named);
    const swapped = await watch.build(saved.contents);
    expect(swapped.status).toBe(1);
    expect(out.text()).toContain("ICE4001");
    expect(out.text()).toContain("a symbolic link on its path leads elsewhere than when watching began");
    expect(out.text()).not.toContain("SECRET");
  });

  it("does not list a named folder swapped for a link to a folder outside the tree", async () => {
    const tree = tempDir();
    const flows = join(tree, "flows");
    mkdirSync(flows);
    writeFileSync(join(flows, "w.yaml"), WORKFLOW("w"));
    const out = io();
    const watch = watchedBuild(out, args([flows], join(tree, "out")));
    expect((await watch.build()).status, out.text()).toBe(0);

    renameSync(flows, join(tree, "flows.old"));
    symlinkSync(secretFolder(), flows);
    const swapped = await watch.build();
    expect(swapped.status).toBe(1);
    expect(out.text()).toContain("ICE4001");
    expect(out.text()).not.toContain("SECRET");
  });

  it("builds a name that was a link when the watch started: the operator chose it", async () => {
    const tree = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, "real.yaml"), WORKFLOW("linked"));
    symlinkSync(join(elsewhere, "real.yaml"), join(tree, "w.yaml"));
    const out = io();
    const watch = watchedBuild(out, args([join(tree, "w.yaml")], join(tree, "out")));
    const built = await watch.build();
    expect(built.status, out.text()).toBe(0);
    expect(built.workflows.map((w) => w.name)).toEqual(["linked"]);
  });
});

describe("reading a file exactly, or within folders", () => {
  it("refuses a path that is not its own real path", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.yaml"), "x");
    symlinkSync(join(dir, "real.yaml"), join(dir, "link.yaml"));
    expect(readRegularFile(join(dir, "real.yaml"), 10, "exact").toString()).toBe("x");
    expect(readRegularFile(join(dir, "link.yaml"), 10).toString()).toBe("x");
    expect(() => readRegularFile(join(dir, "link.yaml"), 10, "exact")).toThrow(UnreadableFileError);
  });

  it("reads a file within folders only when the file opened lies there (sub-workflows)", () => {
    const tree = tempDir();
    const outside = tempDir();
    writeFileSync(join(tree, "sub.yaml"), "in");
    writeFileSync(join(outside, "secrets.yaml"), "out");
    symlinkSync(join(tree, "sub.yaml"), join(tree, "inside.yaml"));
    symlinkSync(join(outside, "secrets.yaml"), join(tree, "escape.yaml"));
    const within = { within: [tree] };
    expect(readRegularFile(join(tree, "inside.yaml"), 10, within).toString()).toBe("in");
    expect(() => readRegularFile(join(tree, "escape.yaml"), 10, within)).toThrow(/leads outside/);
    // A folder whose name starts like the root's is not inside it.
    expect(() => readRegularFile(join(outside, "secrets.yaml"), 10, { within: [outside.slice(0, -1)] })).toThrow(
      /leads outside/,
    );
  });
});
