/**
 * @fileoverview chevrotain's parse errors as diagnostics (ICE1501). Recovery can report a few
 * errors for one mistake (a missing name, then the token it resynchronised on); only the first
 * error inside each node statement is kept, so that each bad node reports once.
 */
import { EOF, type CstNode, type IRecognitionException } from "chevrotain";
import { createDiagnostic, Diagnostics, span, type Diagnostic, type SourceFile } from "../../diagnostics/index.js";
import { tokenRange } from "./context.js";

/** Node-statement CST nodes, innermost last. */
function nodeRanges(root: CstNode | undefined): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: CstNode): void => {
    if (node.name === "node" || node.name === "output" || node.name === "toolDecl") {
      const range = tokenRange(node);
      if (range) ranges.push(range);
    }
    for (const children of Object.values(node.children)) for (const child of children) if (!("image" in child)) visit(child);
  };
  if (root) visit(root);
  return ranges;
}

/** Offset at which an error is reported: its token, or the end of the file for EOF. */
export function errorOffset(file: SourceFile, error: IRecognitionException): number {
  const token = error.token;
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    const previous = (error as { previousToken?: { endOffset?: number } }).previousToken;
    return previous?.endOffset !== undefined && !Number.isNaN(previous.endOffset) ? previous.endOffset + 1 : file.text.length;
  }
  return token.startOffset;
}

/** Parse errors to diagnostics, one per node statement. */
export function syntaxDiagnostics(file: SourceFile, errors: readonly IRecognitionException[], root: CstNode | undefined): Diagnostic[] {
  const ranges = nodeRanges(root);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const at = errorOffset(file, error);
    const inner = ranges.filter(([s, e]) => at >= s && at < e).sort((a, b) => b[0] - a[0])[0];
    const key = inner ? `${inner[0]}` : `at ${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const token = error.token;
    const width = token.tokenType === EOF || Number.isNaN(token.startOffset) ? 0 : token.image.split("\n")[0]!.length;
    out.push(createDiagnostic(Diagnostics.IceSyntax, span(file, at, at + Math.max(width, 1)), [error.message]));
  }
  return out;
}
