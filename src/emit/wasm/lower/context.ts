/**
 * @fileoverview The state one lowering shares across its rewrites: the output being built (with
 * positions that map back to the body), the diagnostics, the analyses (locals, types, returned
 * objects), and the emission primitives every rewrite uses. Which rewrite applies to a node is
 * the driver's business (lowerIdioms.ts): it hands the context its dispatcher.
 */
import { ts } from "ts-morph";
import { createDiagnostic, Diagnostics, type Diagnostic, type DiagnosticKind } from "../../../diagnostics/index.js";
import type { BodyMap } from "../bodyMap.js";
import { RewriteBuilder, type RewrittenBody } from "../rewriter.js";
import { bodyOffset } from "../syntax.js";
import type { Kind, Typed } from "./kinds.js";
import type { Locals } from "./locals.js";
import type { ReturnedObjects } from "./returnedObjects.js";
import type { TypeInfo } from "./typeInfo.js";

/** Emits a rewritten form of `node`; false when it has none (the node is then copied). */
export type Rewrite = (cx: LowerContext, node: ts.Node) => boolean;

/** One lowering in progress. */
export class LowerContext {
  readonly diagnostics: Diagnostic[] = [];
  /** `return` statements of forEach callbacks that became loop bodies. */
  readonly loopReturns = new Set<ts.Node>();
  private readonly out: RewriteBuilder;
  private counter = 0;

  constructor(
    private readonly map: BodyMap,
    readonly locals: Locals,
    readonly types: TypeInfo,
    readonly objects: ReturnedObjects,
    private readonly rewrite: Rewrite,
  ) {
    this.out = new RewriteBuilder(map.body.text);
  }

  /** A fresh number for generated names (`__ice_a1`, `__ice_i1`, `__ice_d2`...). */
  nextId(): number {
    return ++this.counter;
  }

  /** The schema type of an expression (TypeInfo.typed). */
  typed(expr: ts.Expression): Typed | undefined {
    return this.types.typed(expr);
  }

  /** The evident kind of an expression (TypeInfo.kindOf). */
  kindOf(expr: ts.Expression): Kind | undefined {
    return this.types.kindOf(expr);
  }

  /** Body offset of the start of `node` (after its leading trivia). */
  start(node: ts.Node): number {
    return bodyOffset(node.getStart());
  }

  /** Body offset of the end of `node`. */
  end(node: ts.Node): number {
    return bodyOffset(node.end);
  }

  /** Appends the body's text `[from, to)` unchanged. */
  copy(from: number, to: number): void {
    this.out.copy(from, to);
  }

  /** Appends generated text, attributed to `at`. */
  gen(text: string, at: ts.Node): void {
    this.out.emit(text, this.start(at));
  }

  report(kind: DiagnosticKind, node: ts.Node, args: readonly (string | number)[]): void {
    this.diagnostics.push(createDiagnostic(kind, this.map.spanOf(this.start(node), this.end(node)), args));
  }

  /** Reports an idiom that cannot be lowered: what it is and what to write instead. */
  unsupported(node: ts.Node, what: string, instead: string): void {
    this.report(Diagnostics.UnsupportedIdiom, node, [what, instead]);
  }

  /** Emits `node`: rewritten when a rewrite applies, else copied with its descendants lowered. */
  node(node: ts.Node): void {
    if (!this.rewrite(this, node)) this.children(node);
  }

  /** Emits `node` unchanged but for its rewritten descendants. */
  children(node: ts.Node): void {
    let pos = this.start(node);
    ts.forEachChild(node, (child) => {
      this.out.copy(pos, this.start(child));
      this.node(child);
      pos = this.end(child);
    });
    this.out.copy(pos, this.end(node));
  }

  /** Emits `before`, then `inner` (lowered), then `after`; true (a rewrite happened). */
  wrap(node: ts.Node, before: string, inner: ts.Node, after: string): boolean {
    this.gen(before, node);
    this.node(inner);
    this.gen(after, node);
    return true;
  }

  /** Emits the body (the statements of its `block`, and the text between them); returns the result. */
  emitBody(block: ts.Block): RewrittenBody {
    let pos = 0;
    for (const statement of block.statements) {
      this.out.copy(pos, this.start(statement));
      this.node(statement);
      pos = this.end(statement);
    }
    this.out.copy(pos, this.map.body.text.length);
    return this.out.finish();
  }
}
