/**
 * @fileoverview Red team 10: names a workflow chooses, inside diagnostics' messages. Red team 9
 * escaped file paths at the start of a diagnostic line (`visiblePath`), but messages kept line
 * feeds: an unknown YAML key `"bad\nforged"` (any string is a valid YAML key) printed
 * `error ICE1012: unknown top-level field 'bad` and then a line `forged...` of its own, so a
 * workflow could forge a diagnostic line (`ok.yaml:1:1 - error ...`, or a fake "0 errors") in
 * `check`, `build` and `run`. Now a diagnostic's header and notes are one line each on the
 * terminal (every control character escaped, line feeds too); the language server sends control
 * characters escaped but line feeds kept (an editor's panel is not a terminal line); `--format
 * json` keeps the raw text (JSON escapes it).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir } from "../helpers/cli.js";
import { LspClient } from "../helpers/lspClient.js";

const FORGED = "\nforged.yaml:1:1 - error ICE0000: \u001b]0;PWNED\u0007";

/** A workflow whose unknown keys, sub-workflow reference and output name carry a forged line. */
const HOSTILE = `name: a
${JSON.stringify(`bad${FORGED}`)}: 1
input_schema: { n: integer }
nodes:
  - id: t
    type: tool
    tool_name: echo
    ${JSON.stringify(`weird${FORGED}`)}: 2
    tool_args: { x: "{{ inputs.n }}" }
  - id: w
    type: workflow
    workflow_ref: ${JSON.stringify(`sub${FORGED}.yaml`)}
    inputs: {}
outputs: { ${JSON.stringify(`o${FORGED}`)}: "{{ t.x }}" }
`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe("author-chosen names in diagnostics' messages", () => {
  it("never start a line of their own on the terminal, in check, build and run", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), HOSTILE);
    for (const args of [
      ["check", "a.yaml"],
      ["build", "a.yaml", "--out-dir", "out"],
      ["run", "a.yaml", "--input", '{"n":1}'],
    ]) {
      const result = await iceosc(args, { cwd: dir });
      expect(result.code, args.join(" ")).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output, args.join(" ")).toContain("ICE1012");
      expect(output, args.join(" ")).not.toMatch(RAW_CONTROL);
      expect(
        output.split("\n").filter((line) => line.startsWith("forged")),
        args.join(" "),
      ).toEqual([]);
      expect(output).toContain(
        "unknown top-level field 'bad\\u000aforged.yaml:1:1 - error ICE0000: \\u001b]0;PWNED\\u0007'",
      );
    }
  }, 180_000);

  it("stay raw in --format json", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), HOSTILE);
    const result = await iceosc(["check", "a.yaml", "--format", "json"], { cwd: dir });
    const messages = (JSON.parse(result.stdout || result.stderr) as { message: string }[]).map((d) => d.message);
    expect(messages).toContain(`unknown top-level field 'bad${FORGED}'`);
  }, 120_000);

  it("reach the editor with control characters escaped and line feeds kept", async () => {
    const client = LspClient.inProcess();
    try {
      await client.initialize();
      const published = await client.open("file:///w/a.yaml", HOSTILE);
      const messages = published.map((d) => d.message);
      expect(messages).toContain(
        "unknown top-level field 'bad\nforged.yaml:1:1 - error ICE0000: \\u001b]0;PWNED\\u0007'",
      );
      for (const message of messages) expect(message).not.toMatch(RAW_CONTROL);
    } finally {
      client.dispose();
    }
  }, 120_000);
});
