/**
 * @fileoverview Syntax predicates the idiom lowering shares: questions about a TypeScript node's
 * shape (parentheses, operators, optional chains, value positions) that need no scope or types.
 */
import { ts } from "ts-morph";

/** `expr` without the parentheses around it. */
export function skipParens(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  return expr;
}

/** True for `=` and the compound assignments (`+=`, `??=`...). */
export function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** True for `===`, `!==`, `==` and `!=`. */
export function isEquality(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** True for `null` and `undefined`. */
export function isNullish(expr: ts.Expression): boolean {
  expr = skipParens(expr);
  return expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === "undefined");
}

/** A path that can be evaluated twice: `a`, `a.b`, `a[i]`, `a[0]`, `a!.b`. */
export function isPure(expr: ts.Expression): boolean {
  expr = skipParens(expr);
  if (
    ts.isIdentifier(expr) ||
    expr.kind === ts.SyntaxKind.ThisKeyword ||
    ts.isNumericLiteral(expr) ||
    ts.isStringLiteral(expr)
  )
    return true;
  if (ts.isPropertyAccessExpression(expr) || ts.isNonNullExpression(expr)) return isPure(expr.expression);
  if (ts.isElementAccessExpression(expr)) return isPure(expr.expression) && isPure(expr.argumentExpression);
  return false;
}

/** True for a node that is (part of) an optional chain `a?.b`. */
export function hasOptionalChain(expr: ts.Expression): boolean {
  return (expr.flags & ts.NodeFlags.OptionalChain) !== 0;
}

/** True for a node inside a larger optional chain (the chain is handled at its top). */
export function isChainPart(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) ||
      ts.isElementAccessExpression(parent) ||
      ts.isCallExpression(parent) ||
      ts.isNonNullExpression(parent)) &&
    parent.expression === node &&
    hasOptionalChain(parent as ts.Expression)
  );
}

/** True when an identifier is read as a value (not a property name, key or declaration name). */
export function isValuePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) &&
    parent.name === node
  )
    return false;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isBindingElement(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (
    ts.isTypeReferenceNode(parent) ||
    ts.isQualifiedName(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent)
  )
    return false;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent))
    return false;
  return true;
}
