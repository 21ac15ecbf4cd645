/**
 * @fileoverview Reads of a value of type 'any' that cannot throw because the same name or dotted
 * name was just tested truthy: `v && v.a`, `v && v.a && v.a.b`, `v.a ? v.a.b : d`. A property or
 * element read of a truthy value never throws, so catchableAny.ts leaves these as plain reads
 * inside a try (they keep the speed they have outside one).
 */
import { ts } from "../typescript.js";
import { isFunctionLike, stripParens } from "./context.js";

/** True when the receiver of a read is a name or dotted chain an enclosing `&&` or `?:` tested truthy. */
export function guardedRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const receiver = chainText(access.expression);
  if (receiver === undefined) return false;
  let child: ts.Node = access;
  for (let p = access.parent; p && !ts.isStatement(p) && !isFunctionLike(p); child = p, p = p.parent) {
    let test: ts.Expression | undefined;
    if (ts.isBinaryExpression(p) && p.right === child && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      test = p.left;
    else if (ts.isConditionalExpression(p) && p.whenTrue === child) test = p.condition;
    if (test && !writes(p) && truthyOperands(test).some((e) => chainText(e) === receiver)) return true;
  }
  return false;
}

/** The operands of a chain of `&&` that are all truthy when it is. */
function truthyOperands(e: ts.Expression): ts.Expression[] {
  const inner = stripParens(e);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...truthyOperands(inner.left), ...truthyOperands(inner.right)];
  return [inner];
}

/** `a`, `a.b.c`: the text of a chain of names (no call, no `?.`), else undefined. */
function chainText(e: ts.Expression): string | undefined {
  const inner = stripParens(e);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner) && !inner.questionDotToken && !(inner.flags & ts.NodeFlags.OptionalChain)) {
    const left = chainText(inner.expression);
    return left === undefined ? undefined : `${left}.${inner.name.text}`;
  }
  return undefined;
}

/** True when evaluating `expr` assigns something. */
function writes(expr: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (
      (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) ||
      ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && isUpdate(n.operator)) ||
      ts.isDeleteExpression(n)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isUpdate(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken;
}
