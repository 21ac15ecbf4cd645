/**
 * @fileoverview `iceosc fmt`: an .ice file in its canonical form. The layout is the plan printer's
 * (src/print/printIce.ts, shared with `convert`), so every file has one form whatever its spacing,
 * line breaks or number spelling; comments, which the plan does not hold, are put back by source
 * position (commentPlacement.ts). Printing from the plan rather than re-spacing tokens is what
 * makes the form canonical; code bodies and condition expressions are kept as written.
 *
 * The result is checked before anyone sees it: it must parse to the same plan (spans aside) and
 * hold the same comments; otherwise formatting fails with FormatError and the file is left alone.
 */
import { iceLexer } from "../../grammar/index.js";
import { SourceFile, type Diagnostic } from "../diagnostics/index.js";
import { parseIceWorkflow } from "../frontend/index.js";
import type { Workflow } from "../plan/index.js";
import { printIce } from "../print/printIce.js";
import { placeComments, type SourceComment } from "./commentPlacement.js";

export type FormatResult =
  | { readonly kind: "formatted"; readonly text: string; readonly changed: boolean }
  | { readonly kind: "invalid"; readonly diagnostics: readonly Diagnostic[] };

/** Formatting would lose or change something (a defect of the formatter, never of the file). */
export class FormatError extends Error {}

export function formatIce(file: SourceFile): FormatResult {
  const parsed = parseIceWorkflow(file);
  if (!parsed.workflow) return { kind: "invalid", diagnostics: parsed.diagnostics };
  const comments = commentsOf(file.text);
  const placement = placeComments(parsed.workflow, comments);
  const text = printIce(parsed.workflow, placement.comments);
  const lost = placement.unplaced();
  if (lost.length > 0) throw new FormatError(`no place for the comment at ${where(file, lost[0]!.start)}`);
  verify(file, parsed.workflow, comments, text);
  return { kind: "formatted", text, changed: text !== file.text };
}

/** The comments of an .ice text, in order. */
export function commentsOf(text: string): SourceComment[] {
  const tokens = iceLexer.tokenize(text).groups.comments ?? [];
  return tokens.map((t) => {
    const lineStart = text.lastIndexOf("\n", t.startOffset - 1) + 1;
    return { text: t.image, start: t.startOffset, trailing: text.slice(lineStart, t.startOffset).trim() !== "" };
  });
}

function verify(file: SourceFile, before: Workflow, comments: readonly SourceComment[], text: string): void {
  const again = parseIceWorkflow(new SourceFile(file.path, text));
  if (!again.workflow)
    throw new FormatError(`the formatted text does not parse: ${again.diagnostics[0]?.message ?? "unknown error"}`);
  if (planKey(again.workflow) !== planKey(before)) throw new FormatError("the formatted text means something else");
  const kept = commentsOf(text).map((c) => c.text.trim());
  const original = comments.map((c) => c.text.trim());
  if (kept.sort().join("\n") !== original.sort().join("\n")) throw new FormatError("a comment would be lost");
}

/** The plan without source positions. */
function planKey(workflow: Workflow): string {
  return JSON.stringify(workflow, (key, value: unknown) =>
    key === "span" || key === "file" || key === "lineOrigins" || key.endsWith("Span") ? undefined : value,
  );
}

function where(file: SourceFile, offset: number): string {
  const { line, column } = file.position(offset);
  return `${file.path}:${line}:${column}`;
}
