/**
 * @fileoverview chevrotain's parse errors as diagnostics (ICE1501). Recovery can report a few
 * errors for one mistake (a missing name, then the token it resynchronised on); only the first
 * error inside each node statement is kept, so that each bad node reports once, and only the
 * first outside any node (a broken header, a stray `}` ending the workflow early).
 */
import { EOF, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
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
    for (const children of Object.values(node.children))
      for (const child of children) if (!("image" in child)) visit(child);
  };
  if (root) visit(root);
  return ranges;
}

/**
 * Offset at which an error is reported: its token; or just after the previous token when the
 * error token is on a later line or the end of the file (a missing `{` belongs to its node's line).
 */
export function errorOffset(file: SourceFile, error: IRecognitionException): number {
  const token = error.token;
  const previous = (error as { previousToken?: IToken }).previousToken;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset);
  const usable = previous !== undefined && previous.endOffset !== undefined && !Number.isNaN(previous.endOffset);
  if (usable && (atEnd || (previous.endLine ?? 0) < (token.startLine ?? 0))) return previous.endOffset! + 1;
  return atEnd ? file.text.length : token.startOffset;
}

/** Parse errors to diagnostics, one per node statement. */
export function syntaxDiagnostics(
  file: SourceFile,
  errors: readonly IRecognitionException[],
  root: CstNode | undefined,
): Diagnostic[] {
  const ranges = nodeRanges(root);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    if (error.name === "NotAllInputParsedException" && out.length > 0) continue;
    const at = errorOffset(file, error);
    const inner = ranges.filter(([s, e]) => at >= s && at <= e).sort((a, b) => b[0] - a[0])[0];
    const key = inner ? `${inner[0]}` : "outside";
    if (seen.has(key)) continue;
    seen.add(key);
    const token = error.token;
    const width = at === token.startOffset ? token.image.split("\n")[0]!.length : 1;
    out.push(createDiagnostic(Diagnostics.IceSyntax, span(file, at, at + Math.max(width, 1)), [error.message]));
  }
  return out;
}
