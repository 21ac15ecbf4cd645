/**
 * The VS Code package in editors/vscode (README "Command line"): its TextMate grammar for .ice, tested
 * with vscode-tmgrammar-test (keywords, names, strings and templates, and code bodies scoped as
 * embedded TypeScript up to their own closing brace), and a manifest whose files exist.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { workflowJsonSchema } from "../../src/schema/yamlSchema.js";
import { iceosc, ROOT, tempDir } from "../helpers/cli.js";

const EDITOR = join(ROOT, "editors", "vscode");

describe("editors/vscode", () => {
  it("passes its grammar tests", async () => {
    const bin = join(ROOT, "node_modules", "vscode-tmgrammar-test", "dist", "unit.js");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "test/*.test.ice"], { cwd: EDITOR });
    expect(stdout).toContain("run successfuly");
    expect(stdout).not.toContain("failed");
  });

  it("generates the YAML schema it associates with workflow files when packaged", async () => {
    const manifest = JSON.parse(readFileSync(join(EDITOR, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      contributes: { yamlValidation: { url: string }[] };
    };
    const [association] = manifest.contributes.yamlValidation;
    const script = manifest.scripts["vscode:prepublish"]!;
    expect(script).toContain(`schema --out ${association!.url.replace(/^\.\//, "")}`);
    const out = join(tempDir(), "workflow.json");
    expect((await iceosc(["schema", "--out", out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(workflowJsonSchema());
  });

  it("has a manifest naming files that exist: grammar, language configuration, client", () => {
    const manifest = JSON.parse(readFileSync(join(EDITOR, "package.json"), "utf8")) as {
      main: string;
      contributes: { languages: { configuration: string }[]; grammars: { path: string; scopeName: string }[] };
    };
    expect(existsSync(join(EDITOR, manifest.main))).toBe(true);
    for (const language of manifest.contributes.languages)
      expect(() => JSON.parse(readFileSync(join(EDITOR, language.configuration), "utf8"))).not.toThrow();
    const [grammar] = manifest.contributes.grammars;
    const parsed = JSON.parse(readFileSync(join(EDITOR, grammar!.path), "utf8")) as { scopeName: string };
    expect(parsed.scopeName).toBe(grammar!.scopeName);
    expect(readFileSync(join(EDITOR, manifest.main), "utf8")).toContain('"lsp", "--stdio"');
  });
});
