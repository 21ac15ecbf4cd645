/**
 * @fileoverview Red team 11: `--plugins <dir>` (and `run --plugin <dir>`) took every file of the
 * folder through `stat`, which follows links: a plugin folder that came with a project holding
 * `p.ts -> ~/secrets.ts` had iceosc compile the file outside the tree and quote its lines in
 * diagnostics, the attack red team 10 closed for folders of workflows (src/build/sources.ts); a
 * dangling link there ended iceosc with an internal error. A link found in a plugin folder is now
 * a usage error naming it, never read (src/cli/plugins.ts).
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const WORKFLOW = `name: w
input_schema: { who: string }
nodes:
  - id: hello
    type: tool
    tool_name: echo
    tool_args: { text: "hello {{ inputs.who }}" }
outputs: { said: "{{ hello }}" }
`;

/** Not a plugin module: compiled, its lines would be quoted in the diagnostics. */
const SECRET = 'const api_key = "SECRET-51c2" +;\n';

function project(link: (plugins: string) => void): string {
  const dir = writeFiles({ "w.yaml": WORKFLOW });
  const plugins = join(dir, "plugins");
  mkdirSync(plugins);
  link(plugins);
  return dir;
}

/** `iceosc build` of the project's workflow with its plugin folder. */
function buildWithPlugins(dir: string): ReturnType<typeof iceosc> {
  return iceosc(["build", join(dir, "w.yaml"), "--out-dir", join(dir, "out"), "--plugins", join(dir, "plugins")]);
}

describe("a plugin folder holding a symbolic link", () => {
  it("is refused, naming the link, and the file it leads to is not read", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "secrets.ts"), SECRET);
    const dir = project((plugins) => symlinkSync(join(outside, "secrets.ts"), join(plugins, "p.ts")));
    const built = await buildWithPlugins(dir);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain(`'${join(dir, "plugins", "p.ts")}' is a symbolic link found in a folder`);
    expect(built.stderr).not.toContain("SECRET");
  });

  it("is a usage error, not an internal error, when the link leads nowhere", async () => {
    const dir = project((plugins) => symlinkSync(join(plugins, "missing.ts"), join(plugins, "gone.plugin.json")));
    const built = await buildWithPlugins(dir);
    expect(built.code).toBe(2);
    expect(built.stderr).not.toContain("internal error");
    expect(built.stderr).toContain("symbolic link found in a folder");
  });
});
