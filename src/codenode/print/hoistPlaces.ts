/**
 * @fileoverview Where a checked read of an 'any' value (catchableAny.ts) may move before its
 * statement and keep JavaScript's order: its left neighbours in the statement only read, or (after
 * a call in the same expression, `f(x) + v.a.b`, `f(), v.a`) their calls are hoisted first, in
 * order; a loop's test, step and initializer; a default parameter.
 */
import { ts } from "../typescript.js";
import { isFunctionLike, type PrintContext, stripParens } from "./context.js";
import { isCodeUnit } from "./throwAnalysis.js";
import { isStable } from "./throwingCalls.js";

export function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

export function isUpdate(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken;
}

/**
 * True when hoisting `node` before its statement keeps JavaScript's order: every ancestor up to the
 * statement evaluates it first, or after operands that do nothing but read. With `calls`, an
 * operand to its left may also hold calls, hoisted before it in order (collected there; none in
 * a branch JavaScript may skip, and each call's own left operands stable).
 */
export function hoistable(ctx: PrintContext, node: ts.Node, calls?: ts.Node[], forCall = false): boolean {
  const before = (e: ts.Node): boolean =>
    pure(e) ? !forCall || isStable(ctx, e as ts.Expression) : calls !== undefined && leftCalls(ctx, e, calls);
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isExpressionStatement(p) || ts.isReturnStatement(p) || ts.isThrowStatement(p)) return true;
    if (ts.isIfStatement(p) || ts.isSwitchStatement(p) || ts.isForOfStatement(p)) return p.expression === child;
    // A concise arrow body is its function's return statement (exceptions.ts expressionBody).
    if (ts.isArrowFunction(p)) return p.body === child;
    // Loop conditions and steps are checked inside the loop, each pass (loopChecks.ts); a
    // do...while with a `continue` runs its test at the loop's top, after the first pass.
    if (ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === child;
    // The initializer runs once, first: hoisted before the loop statement.
    if (ts.isForStatement(p)) return p.condition === child || p.incrementor === child || p.initializer === child;
    // A default parameter is evaluated on entry, its reads checked there (defaultParameters.ts).
    if (ts.isParameter(p)) return p.initializer === child && ts.isIdentifier(p.name) && !calls;
    if (ts.isVariableDeclaration(p)) {
      const list = p.parent;
      if (p.initializer !== child || !ts.isVariableDeclarationList(list)) return false;
      if (ts.isVariableStatement(list.parent)) return list.declarations.length === 1;
      // `for (let i = 0, node = data.head; ...)`: before the loop, when the earlier declarations
      // only read and the read names none of them.
      return ts.isForStatement(list.parent) && !forCall && laterInList(p, list);
    }
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isSatisfiesExpression(p) ||
      ts.isTemplateExpression(p) ||
      ts.isTypeOfExpression(p)
    )
      continue;
    if (ts.isPropertyAccessExpression(p)) {
      if (p.expression !== child) return false;
      continue;
    }
    if (ts.isElementAccessExpression(p)) {
      if (p.argumentExpression === child && !before(p.expression)) return false;
      continue;
    }
    if (ts.isPrefixUnaryExpression(p)) {
      if (isUpdate(p.operator)) return false;
      continue;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (p.left === child) continue;
      if (
        op === ts.SyntaxKind.AmpersandAmpersandToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken
      ) {
        // In the branch JavaScript may skip: guardedCalls.ts hoists the test, then the read under
        // an `if` on it. A test that only reads may move before the unit's left neighbours.
        if (calls || !pure(p.left)) return false;
        continue;
      }
      // `f(), v.a`: the left side's calls hoisted first.
      if (op === ts.SyntaxKind.CommaToken) {
        if (calls && before(p.left)) continue;
        return false;
      }
      if (
        isAssignment(op) &&
        op !== ts.SyntaxKind.AmpersandAmpersandEqualsToken &&
        op !== ts.SyntaxKind.BarBarEqualsToken &&
        op !== ts.SyntaxKind.QuestionQuestionEqualsToken
      ) {
        if (forCall) return false;
        // `total += r.amount`: the target's read cannot see the hoisted read, which writes nothing.
        const target = stripParens(p.left);
        if (ts.isIdentifier(target)) continue;
        if (ts.isPropertyAccessExpression(target) && pure(target.expression)) continue;
        if (ts.isElementAccessExpression(target) && pure(target.expression) && pure(target.argumentExpression))
          continue;
        return false;
      }
      if (isAssignment(op)) return false;
      if (!before(p.left)) return false;
      continue;
    }
    if (ts.isConditionalExpression(p)) {
      if (p.condition !== child && (calls || !pure(p.condition))) return false;
      continue;
    }
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      if (p.expression === child) continue;
      const callee = stripParens(p.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        if (callee.questionDotToken || !before(callee.expression)) return false;
      } else if (!ts.isIdentifier(callee)) return false;
      if (ts.isCallExpression(p) && p.questionDotToken) return false;
      for (const a of p.arguments ?? []) {
        if (a === child) break;
        if (!before(a)) return false;
      }
      continue;
    }
    if (ts.isTemplateSpan(p)) {
      for (const span of p.parent.templateSpans) {
        if (span === p) break;
        if (!before(span.expression)) return false;
      }
      continue;
    }
    if (ts.isArrayLiteralExpression(p)) {
      for (const e of p.elements) {
        if (e === child) break;
        if (!before(e)) return false;
      }
      continue;
    }
    if (ts.isPropertyAssignment(p)) {
      if (p.initializer !== child) return false;
      for (const e of p.parent.properties) {
        if (e === p) break;
        if (ts.isPropertyAssignment(e) && !ts.isComputedPropertyName(e.name) && before(e.initializer)) continue;
        if (ts.isShorthandPropertyAssignment(e) && (!forCall || isStable(ctx, e.name))) continue;
        return false;
      }
      continue;
    }
    if (ts.isObjectLiteralExpression(p)) continue;
    // `[...v.tags]`: the read runs first, then the spread (hoisted after it, as its own operation).
    if (ts.isSpreadElement(p)) continue;
    return false;
  }
  return false;
}

/** A declaration of a for loop's list after declarations that only read, whose initializer names none of them. */
function laterInList(d: ts.VariableDeclaration, list: ts.VariableDeclarationList): boolean {
  const names = new Set<string>();
  for (const e of list.declarations) {
    if (e === d) break;
    if (!ts.isIdentifier(e.name) || (e.initializer && !pure(e.initializer))) return false;
    names.add(e.name.text);
  }
  let named = false;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && names.has(n.text)) named = true;
    else ts.forEachChild(n, visit);
  };
  if (names.size > 0 && d.initializer) visit(d.initializer);
  return !named;
}

/**
 * `f(x) + v.a`: true when every part of `left` that does more than read is a call that can itself
 * be hoisted before the statement (its own left operands stable), collected in evaluation order.
 */
function leftCalls(ctx: PrintContext, left: ts.Node, calls: ts.Node[]): boolean {
  if (pure(left)) return true;
  const e = left as ts.Expression;
  if ((ts.isCallExpression(e) && !e.questionDotToken) || ts.isNewExpression(e)) {
    const callee = stripParens(e.expression);
    if (!ts.isIdentifier(callee) && !(ts.isPropertyAccessExpression(callee) && !callee.questionDotToken)) return false;
    const inner: ts.Node[] = [];
    if (ts.isPropertyAccessExpression(callee) && !leftCalls(ctx, callee.expression, inner)) return false;
    for (const a of e.arguments ?? []) if (!leftCalls(ctx, a, inner)) return false;
    if (!hoistable(ctx, e, [], true)) return false;
    calls.push(...inner, e);
    return true;
  }
  if (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) ||
    (ts.isPropertyAccessExpression(e) && !e.questionDotToken) ||
    (ts.isElementAccessExpression(e) && !e.questionDotToken) ||
    ts.isTemplateExpression(e) ||
    ts.isTemplateSpan(e) ||
    (ts.isPrefixUnaryExpression(e) && !isUpdate(e.operator)) ||
    (ts.isBinaryExpression(e) &&
      !isAssignment(e.operatorToken.kind) &&
      e.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken &&
      e.operatorToken.kind !== ts.SyntaxKind.BarBarToken &&
      e.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken &&
      e.operatorToken.kind !== ts.SyntaxKind.CommaToken)
  ) {
    let ok = true;
    ts.forEachChild(e, (c) => {
      if (ok && ts.isExpression(c) && !leftCalls(ctx, c, calls)) ok = false;
    });
    return ok;
  }
  return false;
}

/** An expression that does nothing but read (no call, no write): it may run after a hoisted read. */
export function pure(expr: ts.Node): boolean {
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (isCodeUnit(n) || isFunctionLike(n)) return;
    if (
      ts.isCallExpression(n) ||
      ts.isNewExpression(n) ||
      ts.isTaggedTemplateExpression(n) ||
      ts.isDeleteExpression(n) ||
      ts.isAwaitExpression(n) ||
      ts.isYieldExpression(n) ||
      ts.isClassLike(n) ||
      (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) ||
      ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && isUpdate(n.operator))
    ) {
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return ok;
}
