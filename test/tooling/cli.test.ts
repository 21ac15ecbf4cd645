/**
 * The command line's manners (README "Command line"): `--version`, "did you mean" for commands and
 * options, clean usage errors instead of Node's argument-parser messages, `--out-dir` default.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, ROOT, writeFiles } from "../helpers/cli.js";

describe("iceosc command line", () => {
  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const result = await iceosc([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it("suggests --version or --help for a mistyped global option", async () => {
    const result = await iceosc(["--verison"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--verison' before a command; did you mean '--version'?");
  });

  it("suggests the nearest command for a typo", async () => {
    const result = await iceosc(["biuld", "x.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'biuld'; did you mean 'build'?");
  });

  it("suggests the nearest option of that command, without Node's raw parser message", async () => {
    const result = await iceosc(["build", "x.yaml", "--out-dri", "out"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("build: unknown option '--out-dri'; did you mean '--out-dir'?");
    expect(result.stderr).not.toContain("positional argument");
    const other = await iceosc(["run", "x.yaml", "--inptu", "{}"]);
    expect(other.stderr).toContain("did you mean '--input'?");
  });

  it("lists the accepted options when nothing is close, and names a missing value", async () => {
    const unknown = await iceosc(["check", "x.yaml", "--zzzzzzzz"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/check: unknown option '--zzzzzzzz'; check accepts .*--format/);
    const missing = await iceosc(["run", "x.yaml", "--input"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("option '--input' needs a value");
  });

  it("prints one command's help", async () => {
    const result = await iceosc(["graph", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("usage: iceosc graph <file>");
  });

  it("builds into ./gen when no --out-dir is given", async () => {
    const dir = writeFiles({
      "greet.yaml": `name: greet
input_schema: { who: string }
nodes:
  - id: hello
    type: tool
    tool_name: echo
    tool_args: { text: "hi {{ inputs.who }}" }
outputs: { said: "{{ hello }}" }
`,
    });
    const result = await iceosc(["build", "greet.yaml"], { cwd: dir });
    expect(result.stderr).toContain("into gen");
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "gen", "greet.js"))).toBe(true);
    expect(existsSync(join(dir, "gen", "greet.d.ts"))).toBe(true);
  });
});
