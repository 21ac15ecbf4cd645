/**
 * Every front end is bounded (SECURITY.md, "Front-end bounds"): billion laughs, deep nesting of
 * YAML and .ice values, 5,000 nested parentheses in a condition, deeply nested code, huge files
 * and deep `--input` JSON each end in a located diagnostic or an ICE code, never a stack trace,
 * exit 70 or a hang.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

function billionLaughs(): string {
  let anchors = `  a: &a [${Array(9).fill('"lol"').join(", ")}]\n`;
  let previous = "a";
  for (const name of "bcdefghi") {
    anchors += `  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]\n`;
    previous = name;
  }
  return `name: laughs\ndescription:\n${anchors}nodes:\n  - id: t\n    type: tool\n    tool_name: echo\n    tool_args: { v: *i }\n`;
}

const CONDITION = (expression: string) =>
  `name: w\nnodes:\n  - id: c\n    type: condition\n    expression: "${expression}"\n`;
const CODE = (body: string) =>
  `name: w\nnodes:\n  - id: c\n    type: code\n    output_schema: { x: number }\n    code: "${body}"\n`;
const deepList = (n: number) => "[".repeat(n) + "]".repeat(n);

/** File name -> [text, the diagnostic code it must give]. */
const ATTACKS: Record<string, [string, string]> = {
  "laughs.yaml": [billionLaughs(), "ICE1018"],
  "parens.yaml": [CONDITION(`${"(".repeat(5000)}1${")".repeat(5000)} > 0`), "ICE1010"],
  "nots.yaml": [CONDITION(`${"!".repeat(20000)}true`), "ICE1010"],
  "operators.yaml": [CONDITION(`${"1 + ".repeat(20000)}1 > 0`), "ICE1010"],
  "code_parens.yaml": [CODE(`return { x: ${"(".repeat(5000)}1${")".repeat(5000)} };`), "ICE1019"],
  "code_minus.yaml": [CODE(`return { x: ${"- ".repeat(20000)}1 };`), "ICE1019"],
  "code_blocks.yaml": [CODE(`${"{".repeat(3000)}${"}".repeat(3000)} return { x: 1 };`), "ICE1019"],
  "deep_value.yaml": [
    `name: w\nnodes:\n  - id: t\n    type: tool\n    tool_name: echo\n    tool_args: { v: ${deepList(100_000)} }\n`,
    "ICE1019",
  ],
  "deep_block.yaml": [
    `name: w\nnodes:\n  - id: t\n    type: tool\n    tool_name: echo\n    tool_args:\n${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i + 3)}k:\n`).join("")}`,
    "ICE1019",
  ],
  "deep_value.ice": [`workflow w {\n  tool t = echo(v: ${deepList(100_000)})\n}\n`, "ICE1019"],
  "parens.ice": [`workflow w {\n  condition c = ${"(".repeat(5000)}1${")".repeat(5000)} > 0\n}\n`, "ICE1019"],
  "code.ice": [
    `workflow w {\n  code c(): { x: number } {\n    return { x: ${"- ".repeat(20000)}1 };\n  }\n}\n`,
    "ICE1019",
  ],
  // fuzz finding ice-5151-57: `): {` repeated keeps the bracket count flat while every `{` stays
  // open for the parser, whose error recovery recursed per line into a stack overflow.
  "unclosed.ice": [
    `workflow w {\n  code c(\n    n: number = 1,\n${"  ): { mean: numberesult,\n".repeat(500)}}\n`,
    "ICE1019",
  ],
  "huge.yaml": [`name: w\n# ${"x".repeat(5_000_000)}\nnodes: []\n`, "ICE1018"],
};

describe("front-end bounds", () => {
  it("each attack ends in its located diagnostic, in one bounded `check`", async () => {
    const dir = writeFiles(Object.fromEntries(Object.entries(ATTACKS).map(([name, [text]]) => [name, text])));
    const result = await iceosc(["check", dir, "--format", "json"]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stderr) as { code: string; file?: string; line?: number }[];
    for (const [name, [, code]] of Object.entries(ATTACKS)) {
      const found = diagnostics.find((d) => d.file?.endsWith(name) && d.code === code);
      expect(found, `${name}: ${JSON.stringify(diagnostics.filter((d) => d.file?.endsWith(name)))}`).toBeDefined();
      expect(found!.line).toBeGreaterThan(0);
    }
  });

  it("ordinary nesting still compiles: 30 levels of parentheses, lists and code blocks", async () => {
    const dir = writeFiles({
      "ok.yaml": `name: ok\nnodes:\n  - id: t\n    type: tool\n    tool_name: echo\n    tool_args: { v: ${deepList(30)} }\n  - id: c\n    type: condition\n    expression: "${"(".repeat(30)}1${")".repeat(30)} > 0"\n`,
    });
    const result = await iceosc(["check", join(dir, "ok.yaml"), "--format", "json"]);
    expect(JSON.parse(result.stderr).filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
  });
});

describe("input bounds", () => {
  const workflow = `name: deep\ninput_schema: { x: any }\nnodes:\n  - id: a\n    type: tool\n    tool_name: echo\n    tool_args: { x: "{{ inputs.x }}" }\noutputs:\n  r: "{{ a }}"\n`;

  it("`iceosc run --input` with deep JSON gives ICE_INPUT_INVALID, not a RangeError", async () => {
    const dir = writeFiles({
      "deep.yaml": workflow,
      "in.json": `{"x": ${deepList(100_000)}}`,
      "tools.mjs": "export default { echo: (args) => args };\n",
    });
    const result = await iceosc([
      "run",
      join(dir, "deep.yaml"),
      "--input",
      `@${join(dir, "in.json")}`,
      "--tools",
      join(dir, "tools.mjs"),
    ]);
    expect(result.stderr).toContain("ICE_INPUT_INVALID");
    expect(result.stderr).not.toMatch(/RangeError|internal error|\n\s+at /);
    expect(result.code).toBe(1);
  });

  it("a generated module's run(input) refuses deep and cyclic `any` input with ICE_INPUT_INVALID", async () => {
    const dir = writeFiles({ "deep.yaml": workflow });
    const out = tempDir();
    const built = await iceosc(["build", join(dir, "deep.yaml"), "--out-dir", out]);
    expect(built.code).toBe(0);
    const module = (await import(pathToFileURL(join(out, "deep.js")).href)) as {
      run: (input: unknown, options?: object) => Promise<unknown>;
    };
    const tools = { tools: { echo: (args: unknown) => args } };
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    await expect(module.run({ x: deep }, tools)).rejects.toMatchObject({ code: "ICE_INPUT_INVALID" });
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await expect(module.run({ x: cyclic }, tools)).rejects.toMatchObject({ code: "ICE_INPUT_INVALID" });
    // Shared (not cyclic) values and ordinary depth are fine.
    const shared = { a: 1 };
    const fifty = JSON.parse(deepList(50)) as unknown;
    await expect(module.run({ x: [shared, shared, fifty] }, tools)).resolves.toEqual({
      r: { x: [shared, shared, fifty] },
    });
  });
});
