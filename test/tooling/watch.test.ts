/**
 * `iceosc build --watch` (README "Command line"): rebuilds what changed, one line per rebuild with its
 * time; only changed outputs are rewritten and only changed sandboxed code is compiled. Also the
 * progress lines of a build (forced with ICEOSC_PROGRESS=1 where stderr is not a terminal).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, codeWorkflow, iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const GREET = (greeting: string) => `name: greet
input_schema: { who: string }
nodes:
  - id: hello
    type: tool
    tool_name: echo
    tool_args: { text: "${greeting} {{ inputs.who }}" }
outputs: { said: "{{ hello }}" }
`;

/** Lines a process writes to stderr, awaited one by one. */
class Lines {
  private readonly lines: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private partial = "";
  constructor(child: ChildProcessWithoutNullStreams) {
    child.stderr.on("data", (chunk: Buffer) => {
      const parts = (this.partial + chunk.toString()).split("\n");
      this.partial = parts.pop() ?? "";
      this.lines.push(...parts);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  /** The next line (after those already taken) matching `pattern`. */
  async next(pattern: RegExp, taken: { count: number }): Promise<string> {
    for (;;) {
      while (taken.count < this.lines.length) {
        const line = this.lines[taken.count++]!;
        if (pattern.test(line)) return line;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  get all(): string {
    return this.lines.join("\n");
  }
}

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

describe("iceosc build --watch", () => {
  it("rebuilds on change with one timed line, rewriting only what changed", async () => {
    const dir = writeFiles({
      "greet.yaml": GREET("hello"),
      "stats.yaml": codeWorkflow("return { value: inputs.n * 2 };"),
    });
    const env = { ...process.env, ICEOSC_CACHE_DIR: tempDir("iceosc-cache-") };
    child = spawn(process.execPath, [CLI, "build", ".", "--out-dir", "out", "--watch"], { cwd: dir, env });
    const lines = new Lines(child);
    const taken = { count: 0 };
    expect(
      await lines.next(/built 2 workflows into out in \d+ ms \(1 sandboxed piece compiled, 0 from cache\)/, taken),
    ).toBeTruthy();
    await lines.next(/watching/, taken);
    const statsJs = join(dir, "out", "probe.js");
    const before = statSync(statsJs).mtimeMs;

    writeFileSync(join(dir, "greet.yaml"), GREET("hi"));
    const line = await lines.next(/rebuilt|failed/, taken);
    expect(line).toMatch(
      /^\[\d\d:\d\d:\d\d\] rebuilt in \d+ ms: wrote greet\.js \(0 sandboxed pieces compiled, 1 from cache\)$/,
    );
    expect(readFileSync(join(dir, "out", "greet.js"), "utf8")).toContain("hi ");
    expect(statSync(statsJs).mtimeMs).toBe(before);

    writeFileSync(join(dir, "greet.yaml"), GREET("hi").replace("tool_name", "tool_nme"));
    expect(await lines.next(/rebuilt|failed/, taken)).toMatch(/build failed in \d+ ms/);
    expect(lines.all).toContain("did you mean 'tool_name'?");

    writeFileSync(join(dir, "stats.yaml"), codeWorkflow("return { value: inputs.n * 3 };"));
    writeFileSync(join(dir, "greet.yaml"), GREET("hey"));
    const rebuilt: string[] = [];
    while (
      !readFileSync(join(dir, "out", "greet.js"), "utf8").includes("hey ") ||
      rebuilt.join().indexOf("probe.probe.wasm") < 0
    )
      rebuilt.push(await lines.next(/rebuilt|failed/, taken));
    expect(rebuilt.join("\n")).toMatch(/1 sandboxed piece compiled, 0 from cache/);
    expect(rebuilt.join("\n")).not.toMatch(/failed/);
  }, 120_000);
});

describe("build progress", () => {
  it("names each sandboxed piece as it starts compiling: [i/n] compiling workflow.node", async () => {
    const dir = writeFiles({ "probe.yaml": codeWorkflow("return { value: inputs.n + 1 };") });
    const result = await iceosc(["build", "probe.yaml", "--out-dir", "out"], {
      cwd: dir,
      env: { ICEOSC_PROGRESS: "1", ICEOSC_CACHE_DIR: tempDir("iceosc-cache-") },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("[1/1] compiling probe.probe");
    const quiet = await iceosc(["build", "probe.yaml", "--out-dir", "out2"], {
      cwd: dir,
      env: { ICEOSC_CACHE_DIR: tempDir("iceosc-cache-") },
    });
    expect(quiet.stderr).not.toContain("compiling");
  });
});
