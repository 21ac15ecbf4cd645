/**
 * Names a workflow gives are validated with a located diagnostic in both front ends, and the
 * build writes nothing outside `--out-dir` whatever a workflow says (SECURITY.md, "Names").
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathInside, writeOutputFiles, OutsideOutDirError, SymlinkedOutDirError } from "../../src/build/outDir.js";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const TOOL_NODE = "  - id: a\n    type: tool\n    tool_name: read_file\n    tool_args: { path: x }\n";

/** `iceosc check --format json` on one YAML file; the diagnostics. */
async function checkYaml(
  text: string,
  file = "w.yaml",
): Promise<{ code: number | null; diagnostics: { code: string; line?: number }[] }> {
  const dir = writeFiles({ [file]: text });
  const result = await iceosc(["check", join(dir, file), "--format", "json"]);
  return { code: result.code, diagnostics: JSON.parse(result.stderr || "[]") };
}

async function checkIce(
  text: string,
): Promise<{ code: number | null; diagnostics: { code: string; line?: number }[] }> {
  const dir = writeFiles({ "w.ice": text });
  const result = await iceosc(["check", join(dir, "w.ice"), "--format", "json"]);
  return { code: result.code, diagnostics: JSON.parse(result.stderr || "[]") };
}

describe("workflow names become file names only when safe", () => {
  const hostile = [
    "../../node_modules/x/index",
    "a/b",
    "..",
    "a*/b",
    "con",
    "LPT1",
    "x.y",
    "a\\b",
    "__proto__",
    "a".repeat(65),
    "",
    "é",
    "a b",
  ];
  it("refuses each hostile name with a located diagnostic (one file per name, one check)", async () => {
    const files = Object.fromEntries(
      hostile.map((name, i) => [`w${i}.yaml`, `name: ${JSON.stringify(name)}\nnodes:\n${TOOL_NODE}`]),
    );
    const dir = writeFiles(files);
    const result = await iceosc(["check", dir, "--format", "json"]);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stderr) as { code: string; file: string; line: number }[];
    hostile.forEach((name, i) => {
      const named = diagnostics.find((d) => d.file.endsWith(`w${i}.yaml`) && d.code === "ICE1017");
      expect(named, `name ${JSON.stringify(name)}`).toMatchObject({ line: 1 });
    });
  });

  it("accepts ordinary names, with - and digits", async () => {
    const names = ["word_stats", "my-flow", "_x9", "A"];
    const dir = writeFiles(Object.fromEntries(names.map((n) => [`${n}.yaml`, `name: ${n}\nnodes:\n${TOOL_NODE}`])));
    const result = await iceosc(["check", dir, "--format", "json"]);
    expect(JSON.parse(result.stderr || "[]")).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("checks a name taken from the file name, and says where it came from", async () => {
    const dir = writeFiles({ "bad name.yaml": `nodes:\n${TOOL_NODE}` });
    const result = await iceosc(["check", join(dir, "bad name.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE1017");
    expect(result.stderr).toContain("taken from the file name");
  });

  it("never writes outside --out-dir: `build` with a traversing name writes nothing", async () => {
    const root = tempDir();
    const work = join(root, "a", "b");
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, "w.yaml"), `name: ../../escaped\nnodes:\n${TOOL_NODE}`);
    const out = join(work, "out");
    const result = await iceosc(["build", join(work, "w.yaml"), "--out-dir", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE1017");
    expect(existsSync(join(root, "escaped.js"))).toBe(false);
    expect(existsSync(join(work, "escaped.js"))).toBe(false);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("ids, tools, outputs, inputs and fields are names", () => {
  it("YAML: each bad name is reported at its place", async () => {
    const text = [
      "name: w",
      "input_schema: { __proto__: string, 'bad field': string }",
      "tools:",
      "  'evil tool': { output_schema: string }",
      "nodes:",
      "  - id: constructor",
      "    type: tool",
      "    tool_name: '../x'",
      "  - id: c",
      "    type: code",
      "    inputs: { 'a.b': 1 }",
      "    code: return {};",
      "    output_schema: { 'x y': string }",
      "  - id: l",
      "    type: loop",
      "    items_source: '{{ inputs.xs }}'",
      "    item_var: 'i-t'",
      "    body: []",
      "outputs:",
      "  prototype: 1",
      `  ${"o".repeat(200)}: 2`,
    ].join("\n");
    const { code, diagnostics } = await checkYaml(text);
    expect(code).toBe(1);
    const lines = diagnostics
      .filter((d) => d.code === "ICE1017" || d.code === "ICE1011")
      .map((d) => d.line)
      .sort((a, b) => a! - b!);
    expect(lines).toEqual([2, 2, 4, 6, 8, 11, 13, 17, 20, 21]);
  });

  it(".ice: string keys and long names are checked the same way", async () => {
    const text = [
      `workflow ${"w".repeat(70)}("bad field": string) {`,
      '  declare tool "a b"(x: string): string',
      "  tool __proto__ = read_file(path: inputs.x)",
      `  output ${"o".repeat(200)} = 1`,
      "}",
    ].join("\n");
    const { code, diagnostics } = await checkIce(text);
    expect(code).toBe(1);
    const lines = diagnostics
      .filter((d) => d.code === "ICE1017" || d.code === "ICE1011")
      .map((d) => d.line)
      .sort((a, b) => a! - b!);
    expect(lines).toEqual([1, 1, 2, 3, 4]);
  });

  it("a diagnostic shows a hostile name escaped: no line break or terminal escape reaches the console", async () => {
    const dir = writeFiles({ "w.yaml": `name: "a\\nb\\u001b[31m"\nnodes:\n${TOOL_NODE}` });
    const result = await iceosc(["check", join(dir, "w.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("a\\nb\\u001b[31m");
    expect(result.stderr).not.toContain("\u001b");
  });
});

describe("diagnostics never echo a workflow's bytes raw to the terminal", () => {
  it("escapes control characters in messages and snippets, and windows very long lines", async () => {
    const dir = writeFiles({
      "w.yaml": `name: w\nnodes:\n  - id: t\n    type: tool\n    tool_name: x\n    tool_arg\u001b[31mz: 1\n`,
      "long.yaml": `name: w\nnodes: [${"1, ".repeat(100_000)}{ id: "bad id", type: tool, tool_name: x }]\n`,
    });
    const result = await iceosc(["check", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("tool_arg\\u001b[31mz");
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr.length).toBeLessThan(5_000);
  });
});

describe("the build's writer refuses paths outside the output directory", () => {
  it("refuses separators, dot names and NUL, writing nothing", async () => {
    const out = tempDir();
    for (const fileName of ["../x.js", "a/b.js", "..", ".", "x\0.js", "/etc/x.js", "C:x.js", ""]) {
      expect(() =>
        writeOutputFiles(out, [
          { fileName: "ok.js", contents: "1" },
          { fileName, contents: "2" },
        ]),
      ).toThrow(OutsideOutDirError);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it("never writes through a symlinked output directory (red team 9) nor a symlink where a file would go", async () => {
    const root = tempDir();
    const real = join(root, "real");
    mkdirSync(real);
    symlinkSync(real, join(root, "link"));
    expect(() => writeOutputFiles(join(root, "link"), [{ fileName: "w.js", contents: "ok" }])).toThrow(
      SymlinkedOutDirError,
    );
    expect(readdirSync(real)).toEqual([]);
    writeOutputFiles(real, [{ fileName: "w.js", contents: "ok" }]);
    expect(readFileSync(join(real, "w.js"), "utf8")).toBe("ok");

    const victim = join(root, "victim.txt");
    writeFileSync(victim, "precious");
    symlinkSync(victim, join(real, "x.js"));
    expect(pathInside(real, "x.js")).toBeUndefined();
    expect(() => writeOutputFiles(real, [{ fileName: "x.js", contents: "overwritten" }])).toThrow(OutsideOutDirError);
    expect(readFileSync(victim, "utf8")).toBe("precious");
  });
});
