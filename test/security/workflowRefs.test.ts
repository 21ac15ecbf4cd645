/**
 * @fileoverview A workflow's `workflow_ref` cannot make the compiler read a file outside the
 * folders the operator gave (SPEC 8: the author is not trusted): not by `..`, not by an absolute
 * path, not through a symlink inside the folder. What the operator names on the command line is
 * in, and references under the folder keep working.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc } from "../helpers/cli.js";

/** A workflow file whose text the compiler would quote if it read it (a parse error in it). */
const SECRET = "name: secret\napi_token: sk-LEAK-0123456789\nnodes: [ {{\n";
const SUB = [
  "name: sub",
  "input_schema: { x: number }",
  "nodes:",
  "  - id: double",
  "    type: code",
  "    inputs: { x: '{{ inputs.x }}' }",
  "    output_schema: { y: number }",
  '    code: "return { y: inputs.x * 2 };"',
  "outputs: { y: '{{ double.y }}' }",
].join("\n");

function project(ref: string): { dir: string; outside: string; main: string } {
  const root = mkdtempSync(join(tmpdir(), "iceosc-refs-"));
  const dir = join(root, "project");
  const outside = join(root, "elsewhere");
  mkdirSync(join(dir, "subs"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.yaml"), SECRET);
  writeFileSync(join(outside, "sub.yaml"), SUB);
  writeFileSync(join(dir, "subs", "sub.yaml"), SUB);
  const main = join(dir, "main.yaml");
  writeFileSync(
    main,
    [
      "name: main",
      "input_schema: { x: number }",
      "nodes:",
      "  - id: call",
      "    type: workflow",
      `    workflow_ref: ${JSON.stringify(ref)}`,
      "    inputs: { x: '{{ inputs.x }}' }",
      "outputs: { y: '{{ call.y }}' }",
    ].join("\n"),
  );
  return { dir, outside, main };
}

describe("workflow_ref stays under the folders given", () => {
  it("refuses ../ outside the folder, with a located ICE2026, and never reads the file", async () => {
    const { main } = project("../elsewhere/secret.yaml");
    const result = await iceosc(["check", main]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE2026");
    expect(result.stderr).toContain("main.yaml:6:");
    expect(result.stderr).not.toContain("sk-LEAK");
  });

  it("refuses an absolute path", async () => {
    const root = mkdtempSync(join(tmpdir(), "iceosc-refs-abs-"));
    writeFileSync(join(root, "secret.yaml"), SECRET);
    const { main } = project(join(root, "secret.yaml"));
    const result = await iceosc(["check", main]);
    expect(result.stderr).toContain("ICE2026");
    expect(result.stderr).not.toContain("sk-LEAK");
  });

  it("refuses a symlink inside the folder that points outside", async () => {
    const { dir, outside, main } = project("./link/secret.yaml");
    symlinkSync(outside, join(dir, "link"));
    const result = await iceosc(["check", main]);
    expect(result.stderr).toContain("ICE2026");
    expect(result.stderr).not.toContain("sk-LEAK");
  });

  it("accepts a reference under the folder, and a file outside it that the operator names", async () => {
    const inside = project("./subs/sub.yaml");
    expect((await iceosc(["check", inside.main])).stderr).not.toContain("ICE2026");
    const named = project("../elsewhere/sub.yaml");
    const result = await iceosc(["check", named.main, join(named.outside, "sub.yaml")]);
    expect(result.stderr).not.toContain("ICE2026");
    expect(result.code).toBe(0);
  });
});
