/**
 * @fileoverview Where `iceosc fmt` puts each comment of an .ice file. The canonical layout is
 * printed from the plan (src/print/printIce.ts), which has no comments, so each comment is tied
 * to an item of the plan by source position and printed on its own lines before that item:
 *
 * - a comment inside an item (between a node's clauses, after a node on the same line) goes
 *   before that item; inside a loop body or parallel branch, the same rules apply to its nodes;
 * - a comment between items goes before the next item of its block, or at the end of the block
 *   (before its `}`) when none follows;
 * - comments before `workflow` stay at the top of the file, comments after its `}` at the end;
 * - comments inside a code body or a condition's expression are part of that text, printed as is.
 *
 * Comments that end up before an item stay before it on the next run: formatting is idempotent.
 */
import type { Span } from "../diagnostics/index.js";
import type { PlanNode, ToolDeclaration, Workflow } from "../plan/index.js";
import type { IceComments } from "../print/printIce.js";

/** A comment as the lexer found it. */
export interface SourceComment {
  readonly text: string;
  readonly start: number;
  /** True when code precedes it on its line. */
  readonly trailing: boolean;
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly blocks: readonly Block[];
}

interface Block {
  /** Start of the item owning the block (its slots are keyed `end:<ownerStart>:<index>`). */
  readonly ownerStart: number;
  readonly index: number;
  readonly items: readonly Item[];
  readonly end: number;
}

/** Comment placement for one file, and the comments no slot claimed (none when all is well). */
export interface Placement {
  readonly comments: IceComments;
  /** Comments the printer has not asked for yet: after printing, a non-empty list is a bug. */
  unplaced(): SourceComment[];
}

export function placeComments(workflow: Workflow, comments: readonly SourceComment[]): Placement {
  const verbatim = verbatimRegions(workflow.nodes);
  const text = workflow.span.file.text;
  const slots = new Map<string, SourceComment[]>();
  const add = (key: string, c: SourceComment) => slots.set(key, [...(slots.get(key) ?? []), c]);
  const root: Block = {
    ownerStart: workflow.span.start,
    index: 0,
    items: [
      ...workflow.tools.map((t) => declarationItem(t, text)),
      ...workflow.nodes.map((n) => nodeItem(n, text)),
      ...workflow.outputs.map((o) => ({ start: o.keySpan.start, end: lineEnd(text, o.keySpan.end), blocks: [] })),
    ].sort((a, b) => a.start - b.start),
    end: workflow.span.end,
  };
  for (const comment of comments) {
    if (verbatim.some(([s, e]) => comment.start >= s && comment.start < e)) continue;
    if (comment.start < workflow.span.start) add(`before:${workflow.span.start}`, comment);
    else if (comment.start >= workflow.span.end) add(`end:${workflow.span.start}:1`, comment);
    else add(slotIn(root, comment), comment);
  }
  const taken = new Set<string>();
  const lines = (key: string, indent: string): string[] => {
    taken.add(key);
    return (slots.get(key) ?? []).map((c) => indent + c.text.trimEnd());
  };
  return {
    comments: {
      before: (span: Span, indent: string) => lines(`before:${span.start}`, indent),
      end: (owner: Span, index: number, indent: string) => lines(`end:${owner.start}:${index}`, indent),
    },
    unplaced: () => [...slots].filter(([key]) => !taken.has(key)).flatMap(([, c]) => c),
  };
}

/** The slot of a comment inside `block`. */
function slotIn(block: Block, comment: SourceComment): string {
  const at = comment.start;
  const containing = block.items.find((i) => i.start <= at && at < i.end);
  if (containing) {
    const inner = containing.blocks.find((b) => at < b.end && (b.items[0]?.start ?? b.end) <= at);
    if (inner) return slotIn(inner, comment);
    const ahead = containing.blocks.find((b) => at < b.end);
    if (ahead && ahead.items.length > 0 && !comment.trailing) return `before:${ahead.items[0]!.start}`;
    return `before:${containing.start}`;
  }
  if (comment.trailing) {
    const previous = block.items.filter((i) => i.start < at).at(-1);
    if (previous) return `before:${previous.start}`;
  }
  const next = block.items.find((i) => i.start > at);
  return next ? `before:${next.start}` : `end:${block.ownerStart}:${block.index}`;
}

function leaf(span: Span): Item {
  return { start: span.start, end: span.end, blocks: [] };
}

/** A tool declaration: its signature line and, when it has one, its description's line. */
function declarationItem(tool: ToolDeclaration, text: string): Item {
  const description = tool.description === undefined ? -1 : text.indexOf("description", tool.span.end);
  return { start: tool.span.start, end: lineEnd(text, description >= 0 ? description : tool.span.end), blocks: [] };
}

function nodeItem(node: PlanNode, text: string): Item {
  const { start, end } = node.span;
  if (node.kind === "loop") return { start, end, blocks: [block(start, 0, node.body, end - 1, text)] };
  if (node.kind === "parallel") {
    const blocks = node.branches.map((branch, i) => {
      // A branch ends where the next one's `branch` keyword is (else at the block's `}`).
      const next = node.branches.slice(i + 1).find((b) => b.length > 0)?.[0];
      const last = branch.at(-1)?.span.end ?? start;
      const keyword = next ? branchKeyword(text, last, next.span.start) : -1;
      return block(start, i, branch, next ? (keyword >= 0 ? keyword : next.span.start) : end - 1, text);
    });
    return { start, end, blocks };
  }
  return leaf(node.span);
}

function block(ownerStart: number, index: number, nodes: readonly PlanNode[], end: number, text: string): Block {
  return { ownerStart, index, items: nodes.map((n) => nodeItem(n, text)), end };
}

/** The offset of the last `branch {` in `[from, to)` that is not inside a comment, or -1. */
function branchKeyword(text: string, from: number, to: number): number {
  const pattern = /\bbranch\s*\{/g;
  pattern.lastIndex = from;
  let found = -1;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const before = text.slice(lineStart, m.index);
    if (!before.includes("//") && !before.includes("/*")) found = m.index;
  }
  return found;
}

/** The offset of the end of the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end;
}

/** Source ranges printed verbatim: code bodies and condition expressions. */
function verbatimRegions(nodes: readonly PlanNode[]): [number, number][] {
  return nodes.flatMap((node): [number, number][] => {
    switch (node.kind) {
      case "code":
        return [[node.code.span.start, node.code.span.end]];
      case "condition":
        return [[node.source.span.start, node.source.span.end]];
      case "loop":
        return verbatimRegions(node.body);
      case "parallel":
        return node.branches.flatMap(verbatimRegions);
      default:
        return [];
    }
  });
}
