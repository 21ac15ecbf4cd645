/**
 * The language server on text as it is while being typed: every example and fixture (valid and
 * broken), whole and cut off at a third and at half, asked for diagnostics, symbols, and hover,
 * definition and completion at every few characters. Nothing may throw.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { expect, it } from "vitest";
import { analyze } from "../../src/lsp/analysis.js";
import { completionsAt } from "../../src/lsp/completion.js";
import { definitionAt } from "../../src/lsp/definition.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { documentSymbols } from "../../src/lsp/symbols.js";
import { ROOT } from "../helpers/cli.js";

const DIRS = [
  "examples",
  "examples/ice",
  "test/fixtures/yaml/valid",
  "test/fixtures/yaml/invalid",
  "test/fixtures/ice/valid",
  "test/fixtures/ice/invalid",
  "test/fixtures/iceos",
];

it("answers every request on whole and half-typed files without throwing", () => {
  const failures: string[] = [];
  let requests = 0;
  for (const dir of DIRS)
    for (const name of readdirSync(join(ROOT, dir)).filter((f) => /\.(ice|ya?ml)$/.test(f))) {
      const text = readFileSync(join(ROOT, dir, name), "utf8");
      const language = name.endsWith(".ice") ? "ice" : "yaml";
      for (const cut of [text.length, Math.floor(text.length / 2), Math.floor(text.length / 3)]) {
        const typed = text.slice(0, cut);
        const uri = `file:///w/${name}`;
        try {
          const analysis = analyze(uri, typed, language);
          const document = TextDocument.create(uri, language, 1, typed);
          documentSymbols(analysis, document);
          for (let offset = 0; offset <= typed.length; offset += 5) {
            hoverAt(analysis, document, offset);
            definitionAt(analysis, document, offset);
            completionsAt(analysis, offset);
            requests++;
          }
        } catch (error) {
          failures.push(`${dir}/${name} cut at ${cut}: ${(error as Error).stack ?? error}`);
        }
      }
    }
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(5000);
});
