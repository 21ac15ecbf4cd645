/**
 * The `iceosc` executable itself, in child processes: the few things in-process tests of
 * `main(argv, io)` cannot show (exit codes set on a real process, the built `dist/` compiler and
 * runtime, generated modules running under plain Node). test/globalSetup.ts brings `dist/` up to
 * date first with an incremental `tsc -b`.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { codeWorkflow, ROOT, spawnIceosc, tempDir, writeFiles } from "../helpers/cli.js";

const run = promisify(execFile);

describe("the iceosc binary", () => {
  it("prints usage: exit 0 with --help, 2 with no command or a bad command line", async () => {
    const help = await spawnIceosc(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("usage: iceosc <command>");
    expect((await spawnIceosc([])).code).toBe(2);
    const bad = await spawnIceosc(["run", "--no-such-flag", "x.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("run 'iceosc --help' for usage");
    expect(bad.stderr).not.toContain("    at ");
  });

  it("runs a workflow with the built compiler and runtime, and exits 1 with the error code when a node fails", async () => {
    const ok = await spawnIceosc(["run", "examples/word_stats.yaml", "--input", '{"text":"a bb ccc"}']);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ words: 3, longest: 3 });
    const dir = writeFiles({ "spin.yaml": codeWorkflow("let x = 0;\nwhile (true) { x++; }\nreturn { value: x };") });
    const spin = await spawnIceosc(["run", join(dir, "spin.yaml"), "--input", '{"n":1}']);
    expect(spin.code).toBe(1);
    expect(spin.stderr).toContain("ICE_FUEL_EXHAUSTED");
  });

  it("builds modules that plain Node imports and runs, resolving relative paths against its working directory", async () => {
    const out = tempDir();
    const built = await spawnIceosc(["build", "word_stats.yaml", "--out-dir", out], { cwd: join(ROOT, "examples") });
    expect(built.stderr).toContain("built 1 workflow");
    expect(built.code).toBe(0);
    const script = `import(${JSON.stringify(join(out, "word_stats.js"))}).then(async (m) => console.log(JSON.stringify(await m.run({ text: "one two three" }))))`;
    const { stdout } = await run(process.execPath, ["-e", script]);
    expect(JSON.parse(stdout)).toEqual({ words: 3, longest: 5 });
  });
});
