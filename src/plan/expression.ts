/**
 * @fileoverview Condition expressions: a small typed language over references
 * (`summarize.total > inputs.threshold and not flagged.value`), compiled into the sandbox.
 */
import type { Span } from "../diagnostics/index.js";

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";
export type UnaryOperator = "!" | "-";

/** `42`, `"text"`, `true`. */
export interface LiteralExpr {
  readonly kind: "literal";
  readonly value: number | string | boolean;
  readonly span: Span;
}

/** `classify.label`, `inputs.threshold`: a reference, as in values. */
export interface PathExpr {
  readonly kind: "path";
  readonly path: readonly string[];
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: "unary";
  readonly operator: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryExpr {
  readonly kind: "binary";
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type Expr = LiteralExpr | PathExpr | UnaryExpr | BinaryExpr;

/** Every path an expression reads, in source order. */
export function pathsIn(expr: Expr): PathExpr[] {
  switch (expr.kind) {
    case "literal":
      return [];
    case "path":
      return [expr];
    case "unary":
      return pathsIn(expr.operand);
    case "binary":
      return [...pathsIn(expr.left), ...pathsIn(expr.right)];
  }
}
