/**
 * @fileoverview Red team 6: files the operator or a workflow names were read with `readFileSync`,
 * whatever they were. `iceosc run --input @fifo` (or a workflow file, a sub-workflow a
 * `workflow_ref` names, a `--replay` recording, a plugin file that is a FIFO) blocked the process
 * forever, waiting for a writer; `@/dev/zero` (or a symlink to it beside the workflow) grew the
 * process until it ran out of memory. Now each is read only when it is a regular file
 * (runtime/regularFile.ts), up to a byte limit, and otherwise refused at once: ICE4001 "not a
 * regular file" for workflow and plugin files, ICE1018 for one over the limit, a usage error
 * (exit 2) naming the file for `--input @file` and `--replay`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";

const FLOW = [
  "name: flow",
  "input_schema: { x: number }",
  "nodes:",
  "  - id: double",
  "    type: code",
  "    inputs: { x: '{{ inputs.x }}' }",
  "    output_schema: { y: number }",
  '    code: "return { y: inputs.x * 2 };"',
  "outputs: { y: '{{ double.y }}' }",
].join("\n");

const CALLER = [
  "name: caller",
  "input_schema: { x: number }",
  "nodes:",
  "  - id: call",
  "    type: workflow",
  "    workflow_ref: subs/sub.yaml",
  "    inputs: { x: '{{ inputs.x }}' }",
  "outputs: { y: '{{ call.y }}' }",
].join("\n");

function fifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

describe("named files are read only when regular, with a size limit", () => {
  it("refuses --input @FIFO, @/dev/zero and an oversized input file with a usage error", async () => {
    const dir = writeFiles({ "flow.yaml": FLOW });
    const big = join(dir, "big.json");
    writeFileSync(big, "");
    truncateSync(big, 65 * 1024 * 1024);
    for (const [file, problem] of [
      [fifo(join(dir, "in.fifo")), "is not a regular file"],
      ["/dev/zero", "is not a regular file"],
      [big, "is larger than"],
    ] as const) {
      const result = await iceosc(["run", join(dir, "flow.yaml"), "--input", `@${file}`]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`cannot read input file '${file}'`);
      expect(result.stderr).toContain(problem);
    }
  }, 60_000);

  it("refuses a workflow file, a directory entry and a sub-workflow that are FIFOs or devices (ICE4001)", async () => {
    const dir = writeFiles({ "caller.yaml": CALLER });
    mkdirSync(join(dir, "subs"));
    fifo(join(dir, "subs", "sub.yaml"));
    const called = await iceosc(["check", join(dir, "caller.yaml")]);
    expect(called.code).toBe(1);
    expect(called.stderr).toContain("ICE4001");
    expect(called.stderr).toContain("not a regular file");

    const listed = writeFiles({ "flow.yaml": FLOW });
    symlinkSync("/dev/zero", join(listed, "zero.yaml"));
    fifo(join(listed, "pipe.ice"));
    const built = await iceosc(["check", listed]);
    expect(built.code).toBe(1);
    // A link found in a directory is not followed at all since red team 10 (redTeam10Files.test.ts).
    expect(built.stderr).toMatch(/ICE4001.*zero\.yaml.*a symbolic link found in a directory is not followed/);
    expect(built.stderr).toMatch(/ICE4001.*pipe\.ice.*not a regular file/);
  }, 60_000);

  it("refuses a workflow file over the byte limit without reading it (ICE1018)", async () => {
    const dir = writeFiles({});
    const huge = join(dir, "huge.yaml");
    writeFileSync(huge, "");
    truncateSync(huge, 1024 * 1024 * 1024);
    const result = await iceosc(["check", huge]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE1018");
  }, 60_000);

  it("refuses --replay of a FIFO or /dev/zero with a usage error", async () => {
    const dir = writeFiles({ "flow.yaml": FLOW });
    for (const file of [fifo(join(dir, "rec.fifo")), "/dev/zero"]) {
      const result = await iceosc(["run", join(dir, "flow.yaml"), "--input", '{"x":1}', "--replay", file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`cannot read recording '${file}'`);
      expect(result.stderr).toContain("is not a regular file");
    }
  }, 60_000);
});
