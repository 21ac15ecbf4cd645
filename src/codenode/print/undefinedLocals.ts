/**
 * @fileoverview Where a value that may be undefined (a dictionary's missing key) is used as a
 * number (NaN in JavaScript) or as text ("undefined"): the contexts, for print/objects.ts.
 */
import { ts } from "../typescript.js";
import { outerExpression } from "./context.js";
import { NUMERIC_BINARY, NUMERIC_COMPOUND } from "./operatorKinds.js";

/**
 * True when the number at `node` is an operand of arithmetic or a numeric comparison, where
 * JavaScript turns undefined into NaN (`undefined * 2`, `undefined < 1`): there an undefined
 * value is NaN rather than a stop.
 */
export function numericOperand(checker: ts.TypeChecker, node: ts.Node): boolean {
  const n = outerExpression(node);
  const p = n.parent;
  if (!p) return false;
  if (ts.isPrefixUnaryExpression(p))
    return (
      p.operator === ts.SyntaxKind.MinusToken ||
      p.operator === ts.SyntaxKind.PlusToken ||
      p.operator === ts.SyntaxKind.TildeToken
    );
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (NUMERIC_BINARY.has(op)) return true;
  if (op === ts.SyntaxKind.PlusToken) return !!(checker.getTypeAtLocation(p).flags & ts.TypeFlags.NumberLike);
  if (op === ts.SyntaxKind.PlusEqualsToken || NUMERIC_COMPOUND.has(op))
    return p.right === n && !!(checker.getTypeAtLocation(p).flags & ts.TypeFlags.NumberLike);
  return false;
}

/** True when the value at `node` is an operand of `+` that concatenates text (undefined is "undefined" there). */
export function textOperand(checker: ts.TypeChecker, node: ts.Node): boolean {
  const n = outerExpression(node);
  const p = n.parent;
  return (
    !!p &&
    ts.isBinaryExpression(p) &&
    p.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    !!(checker.getTypeAtLocation(p).flags & ts.TypeFlags.StringLike)
  );
}
