/**
 * @fileoverview Pratt parser for condition expressions. Precedence, loosest first:
 *
 *   or ||  <  and &&  <  not  <  == != === !==  <  < <= > >=  <  + -  <  * / %  <  ! and unary -
 *
 * `not` binds like Python's (`not a == b` is `not (a == b)`); `!` binds like JavaScript's.
 * `===`/`!==` mean `==`/`!=`. A path may be wrapped in `{{ }}` as in values.
 *
 *   Expression : Unary (BinaryOperator Unary)*
 *   Unary      : (`not` | `!` | `-`) Unary | Primary
 *   Primary    : Number | String | `true` | `false` | Path | `{{` Path `}}` | `(` Expression `)`
 */
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BinaryOperator, EmbeddedSource, Expr } from "../../plan/index.js";
import { FRONT_END_LIMITS } from "../bounds.js";
import { embeddedSpan } from "../embedded.js";
import { ExpressionError, tokenize, type Token } from "./lexer.js";

const Precedence = {
  Lowest: 0,
  Or: 1,
  And: 2,
  Not: 2,
  Equality: 3,
  Comparison: 4,
  Additive: 5,
  Multiplicative: 6,
  Unary: 7,
} as const;
type Precedence = (typeof Precedence)[keyof typeof Precedence];

/** Written operator to plan operator and precedence. */
const BINARY: { readonly [text: string]: readonly [BinaryOperator, Precedence] } = {
  or: ["||", Precedence.Or],
  "||": ["||", Precedence.Or],
  and: ["&&", Precedence.And],
  "&&": ["&&", Precedence.And],
  "==": ["==", Precedence.Equality],
  "===": ["==", Precedence.Equality],
  "!=": ["!=", Precedence.Equality],
  "!==": ["!=", Precedence.Equality],
  "<": ["<", Precedence.Comparison],
  "<=": ["<=", Precedence.Comparison],
  ">": [">", Precedence.Comparison],
  ">=": [">=", Precedence.Comparison],
  "+": ["+", Precedence.Additive],
  "-": ["-", Precedence.Additive],
  "*": ["*", Precedence.Multiplicative],
  "/": ["/", Precedence.Multiplicative],
  "%": ["%", Precedence.Multiplicative],
};

/** Parses a condition expression; syntax errors become one ICE1010 diagnostic. */
export function parseExpression(source: EmbeddedSource): { expr: Expr | undefined; diagnostics: Diagnostic[] } {
  try {
    return { expr: new ExpressionParser(source).parseAll(), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const at = embeddedSpan(source, error.start, error.end);
    return { expr: undefined, diagnostics: [createDiagnostic(Diagnostics.ExpressionSyntax, at, [error.message])] };
  }
}

class ExpressionParser {
  private readonly tokens: Token[];
  private position = 0;
  /** Current recursion depth of `parse`. */
  private depth = 0;
  /** Binary operators read so far. */
  private operators = 0;

  constructor(private readonly source: EmbeddedSource) {
    this.tokens = tokenize(source.text);
  }

  parseAll(): Expr {
    if (this.peek().kind === "eof") throw new ExpressionError("the expression is empty", 0, this.source.text.length);
    const expr = this.parse(Precedence.Lowest);
    const rest = this.peek();
    if (rest.kind !== "eof")
      throw new ExpressionError(`unexpected ${describe(rest)}: expected an operator or the end`, rest.start, rest.end);
    return expr;
  }

  /** Expression : Unary (BinaryOperator Unary)*, for operators binding tighter than `min`. */
  private parse(min: Precedence): Expr {
    // Every level of parentheses and prefix operators recurses here, and every operator adds a
    // level to the tree later passes recurse on: both are bounded (a located error, never a
    // stack overflow).
    const start = this.peek();
    if (++this.depth > FRONT_END_LIMITS.nesting)
      throw new ExpressionError(
        `the expression nests deeper than ${FRONT_END_LIMITS.nesting} levels`,
        start.start,
        start.end,
      );
    try {
      let left = this.parseUnary();
      for (;;) {
        const token = this.peek();
        const binary = token.kind === "operator" || token.kind === "keyword" ? BINARY[token.text] : undefined;
        if (binary === undefined || binary[1] <= min) return left;
        if (++this.operators > FRONT_END_LIMITS.expressionOperators)
          throw new ExpressionError(
            `the expression has more than ${FRONT_END_LIMITS.expressionOperators} operators`,
            token.start,
            token.end,
          );
        this.position++;
        const right = this.parse(binary[1]);
        left = { kind: "binary", operator: binary[0], left, right, span: this.cover(left, right) };
      }
    } finally {
      this.depth--;
    }
  }

  /** Unary : (`not` | `!` | `-`) Unary | Primary */
  private parseUnary(): Expr {
    const token = this.peek();
    if (token.text === "not" || token.text === "!" || token.text === "-") {
      this.position++;
      const operand = this.parse(token.text === "not" ? Precedence.Not : Precedence.Unary);
      const at = embeddedSpan(this.source, token.start, this.consumedEnd());
      return { kind: "unary", operator: token.text === "-" ? "-" : "!", operand, span: at };
    }
    return this.parsePrimary();
  }

  /** Primary : Number | String | `true` | `false` | Path | `{{` Path `}}` | `(` Expression `)` */
  private parsePrimary(): Expr {
    const token = this.next();
    const at = embeddedSpan(this.source, token.start, token.end);
    switch (token.kind) {
      case "number":
      case "string":
        return { kind: "literal", value: token.value as number | string, span: at };
      case "keyword":
        if (token.text === "true" || token.text === "false")
          return { kind: "literal", value: token.text === "true", span: at };
        break;
      case "path":
        return { kind: "path", path: token.value as readonly string[], span: at };
      case "operator":
        if (token.text === "(") {
          const inner = this.parse(Precedence.Lowest);
          this.expect(")", token);
          return inner;
        }
        if (token.text === "{{") {
          const path = this.next();
          if (path.kind !== "path")
            throw new ExpressionError(`expected a path inside '{{ }}', found ${describe(path)}`, path.start, path.end);
          this.expect("}}", token);
          return {
            kind: "path",
            path: path.value as readonly string[],
            span: embeddedSpan(this.source, path.start, path.end),
          };
        }
        break;
      case "eof":
        throw new ExpressionError("unexpected end of expression: expected a value", token.start, token.end);
    }
    throw new ExpressionError(`unexpected ${describe(token)}: expected a value`, token.start, token.end);
  }

  private expect(text: string, opener: Token): void {
    const token = this.next();
    if (token.text !== text || token.kind === "string") {
      throw new ExpressionError(
        `expected '${text}' to close '${opener.text}' at column ${opener.start + 1}, found ${describe(token)}`,
        token.start,
        token.end,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    const token = this.tokens[this.position]!;
    if (token.kind !== "eof") this.position++;
    return token;
  }

  /** The span from the start of `left` to the end of `right`. */
  private cover(left: Expr, right: Expr): Expr["span"] {
    return { file: left.span.file, start: left.span.start, end: Math.max(left.span.end, right.span.end) };
  }

  /** Index in the expression text just after the last token consumed so far. */
  private consumedEnd(): number {
    return this.tokens[this.position - 1]?.end ?? 0;
  }
}

function describe(token: Token): string {
  return token.kind === "eof" ? "end of expression" : `'${token.text}'`;
}
