/**
 * @fileoverview Test harness for the YAML front end and the checker: `expectErrors(src, codes)`
 * and `expectValid(src)`, graphql-js style. Sources are dedented, so tests can indent them.
 */
import { expect } from "vitest";
import { checkWorkflow, type CheckOptions } from "../../src/check/index.js";
import { SourceFile, type Diagnostic } from "../../src/diagnostics/index.js";
import { parseYamlWorkflow } from "../../src/frontend/index.js";
import type { Workflow } from "../../src/plan/index.js";

/** Removes the common leading indentation and the first empty line. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** Parses and (when the front end finds no errors) checks a YAML workflow. */
export function analyze(
  src: string,
  options: CheckOptions = {},
): { workflow: Workflow | undefined; diagnostics: Diagnostic[]; file: SourceFile } {
  const file = new SourceFile("test.yaml", dedent(src));
  const parsed = parseYamlWorkflow(file);
  const checked = parsed.workflow ? checkWorkflow(parsed.workflow, options) : [];
  return { workflow: parsed.workflow, diagnostics: [...parsed.diagnostics, ...checked], file };
}

/** Asserts the diagnostics' codes, in file order. Returns the diagnostics for further checks. */
export function expectErrors(src: string, codes: readonly string[], options: CheckOptions = {}): Diagnostic[] {
  const { diagnostics } = analyze(src, options);
  expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toHaveLength(codes.length);
  expect(diagnostics.map((d) => d.code)).toEqual(codes);
  return diagnostics;
}

/** Asserts there are no diagnostics at all; returns the plan. */
export function expectValid(src: string, options: CheckOptions = {}): Workflow {
  const { workflow, diagnostics } = analyze(src, options);
  expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  return workflow!;
}

/** `line:column` of a diagnostic's start, for position assertions. */
export function position(d: Diagnostic): string {
  if (!d.span) return "?";
  const { line, column } = d.span.file.position(d.span.start);
  return `${line}:${column}`;
}

/** The text a diagnostic's span covers. */
export function spanText(d: Diagnostic): string {
  return d.span ? d.span.file.text.slice(d.span.start, d.span.end) : "";
}
