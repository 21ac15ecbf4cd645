/**
 * @fileoverview State shared while turning one .ice CST into the plan: the file, the
 * diagnostics, the offsets of syntax errors (a node with one inside was partly recovered and is
 * not read further), and spans of tokens and CST nodes.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { DiagnosticBag, span, type SourceFile, type Span } from "../../diagnostics/index.js";

export class IceContext {
  readonly bag = new DiagnosticBag();

  constructor(
    readonly file: SourceFile,
    /** Offsets of the tokens syntax errors were reported at. */
    private readonly errorOffsets: readonly number[],
  ) {}

  /** The span of a token. */
  token(token: IToken): Span {
    return span(this.file, token.startOffset, (token.endOffset ?? token.startOffset) + 1);
  }

  /** The span from the first to the last token of a CST node. */
  node(node: CstNode): Span {
    const range = tokenRange(node);
    return range ? span(this.file, range[0], range[1]) : span(this.file, 0);
  }

  /** True when a syntax error was reported inside `node` (its CST may be incomplete). */
  broken(node: CstNode): boolean {
    const range = tokenRange(node);
    if (node.recoveredNode || !range) return true;
    return this.errorOffsets.some((o) => o >= range[0] && o <= range[1]);
  }
}

/** `[first token start, last token end)` of a CST node; undefined if it holds no real token. */
export function tokenRange(node: CstNode): [number, number] | undefined {
  let start = Infinity;
  let end = -Infinity;
  const visit = (element: CstElement): void => {
    if ("image" in element) {
      if (element.isInsertedInRecovery || Number.isNaN(element.startOffset)) return;
      start = Math.min(start, element.startOffset);
      end = Math.max(end, (element.endOffset ?? element.startOffset) + 1);
    } else {
      for (const children of Object.values(element.children)) for (const child of children) visit(child);
    }
  };
  visit(node);
  return start <= end ? [start, end] : undefined;
}
