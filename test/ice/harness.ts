/**
 * @fileoverview A tiny harness for .ice front-end tests: parse a source text and get its
 * diagnostics as `line:col CODE` strings, or its plan.
 */
import { expect } from "vitest";
import { SourceFile } from "../../src/diagnostics/index.js";
import { parseIceWorkflow } from "../../src/frontend/index.js";
import type { Workflow } from "../../src/plan/index.js";

/** `line:col CODE message` of each diagnostic of `src`. */
export function iceErrors(src: string): string[] {
  return parseIceWorkflow(new SourceFile("test.ice", src)).diagnostics.map((d) => {
    const at = d.span ? d.span.file.position(d.span.start) : { line: 0, column: 0 };
    return `${at.line}:${at.column} ${d.code} ${d.message}`;
  });
}

/** Asserts `src` parses without diagnostics; returns its plan. */
export function expectValid(src: string): Workflow {
  const parsed = parseIceWorkflow(new SourceFile("test.ice", src));
  expect(parsed.diagnostics.map((d) => d.message)).toEqual([]);
  return parsed.workflow!;
}
