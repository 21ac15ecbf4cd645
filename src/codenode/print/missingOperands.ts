/**
 * @fileoverview Which operands carry a read past the end (missing.ts) on to an operator that sees
 * its undefined: the right operand of `&&`, `||` or `??` (`s[a] || s[v] || s[0]`), and the other
 * side of `===` that is certainly defined (`text[i + 1] === '"'`: undefined equals no literal).
 */
import { ts } from "../typescript.js";
import { type PrintContext, stripParens } from "./context.js";
import { indexesArray, mayBeMissing } from "./missing.js";

/**
 * True when `node`, the right operand of `&&`, `||` or `??`, may give a read's undefined past the
 * end that TypeScript does not type (`s[v]` in `s[a] || s[v] || s[0]`): the whole is then possibly
 * undefined where its context observes that as nullish.
 */
export function passesMissing(ctx: PrintContext, node: ts.Expression): boolean {
  const e = stripParens(node);
  if (ts.isElementAccessExpression(e)) return !e.questionDotToken && indexesArray(ctx, e.expression);
  if (ts.isIdentifier(e)) {
    const symbol = ctx.symbolOf(e);
    return !!symbol && mayBeMissing(ctx, symbol);
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const logical =
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken;
    return logical && passesMissing(ctx, e.right);
  }
  return false;
}

/** A literal, or a local that is never a read's undefined: `x` in `xs[i] === x` is certainly defined. */
export function definedOperand(ctx: PrintContext, node: ts.Expression): boolean {
  if (
    ts.isStringLiteralLike(node) ||
    ts.isNumericLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword
  )
    return true;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return ts.isNumericLiteral(node.operand);
  if (!ts.isIdentifier(node) || node.text === "undefined") return false;
  const symbol = ctx.symbolOf(node);
  const d = symbol?.valueDeclaration;
  return (
    !!symbol &&
    !!d &&
    ctx.isLocal(symbol) &&
    !mayBeMissing(ctx, symbol) &&
    (ts.isVariableDeclaration(d) || ts.isParameter(d))
  );
}
