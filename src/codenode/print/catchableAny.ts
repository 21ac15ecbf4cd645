/**
 * @fileoverview Reads and writes of a value of type 'any' (parsed JSON) that JavaScript's `catch`
 * may take: `try { return data.user.name } catch { return "none" }` with `user` missing,
 * `try { v.a = 1 } catch { ... }` with `v` null. Outside a try the support library stops the node
 * on JavaScript's TypeError (an uncaught error ends it there too); inside one, the read is printed
 * as `__ice_j_get_try` / `__ice_j_at_try` / `__ice_j_set_try` (support/json.ts), which throws
 * JavaScript's TypeError, with V8's message, for the body's `catch`; then the operation is hoisted
 * and checked like any call that may throw (throwingCalls.ts). In a try block of the body, and in
 * a body function called from one (or from such a function). Only where hoisting keeps
 * JavaScript's order: the operation's left neighbours in the statement must do nothing (names,
 * literals, reads); inside `&&`, `||`, `??`, `?:`, a loop's condition or a concise arrow body the
 * plain operations stay (`v && v.a` cannot throw; those keep their speed).
 */
import { ts } from "../typescript.js";
import { isFunctionLike, type PrintContext, stripParens } from "./context.js";
import { bodyCatches, readingCatch } from "./catchableParse.js";
import { perContext } from "./perContext.js";
import { guardedRead } from "./guardedReads.js";
import { callees, isCodeUnit, unitOf } from "./throwAnalysis.js";

interface AnyState {
  readonly answers: Map<ts.Node, boolean>;
  /** Body functions called from a try block that catches (or from such a function). */
  tryCalled: Set<ts.Node> | undefined;
}

const states = perContext<AnyState>(() => ({ answers: new Map(), tryCalled: undefined }));

/** True when `node` is a read or `=` write of a property of an 'any' value that a catch may take. */
export function isCatchableAny(ctx: PrintContext, node: ts.Node): boolean {
  if (
    !ts.isPropertyAccessExpression(node) &&
    !ts.isElementAccessExpression(node) &&
    !ts.isForOfStatement(node) &&
    !ts.isSpreadElement(node) &&
    !(ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)
  )
    return false;
  if (!bodyCatches(ctx)) return false;
  const s = states.of(ctx);
  let answer = s.answers.get(node);
  if (answer === undefined) {
    answer = decide(ctx, node);
    s.answers.set(node, answer);
  }
  return answer;
}

function decide(ctx: PrintContext, node: ts.Node): boolean {
  // The loop's iteration throws before its first pass: the loop runs no pass, then its check.
  if (ts.isForOfStatement(node)) return !node.awaitModifier && isAny(ctx, node.expression) && inTry(ctx, node);
  // `[...v]`, `f(...v)`: the spread checks that the value is iterable first (printSpreadCheck).
  if (ts.isSpreadElement(node))
    return (
      isAny(ctx, node.expression) &&
      (ts.isArrayLiteralExpression(node.parent) || ts.isCallExpression(node.parent)) &&
      !isTarget(node.parent as ts.Expression) &&
      inTry(ctx, node) &&
      hoistable(node)
    );
  if (ts.isBinaryExpression(node)) {
    const left = stripParens(node.left);
    if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return false;
    if (!isAny(ctx, left.expression)) return false;
  } else {
    const access = node as ts.PropertyAccessExpression | ts.ElementAccessExpression;
    if (access.questionDotToken || !isAny(ctx, access.expression)) return false;
    if (isTarget(access)) return false;
    // `v && v.a`, `v.a ? v.a.b : d`: the receiver was just tested truthy, and a property read of a
    // truthy value cannot throw (these keep their speed).
    if (guardedRead(access)) return false;
  }
  return inTry(ctx, node) && hoistable(node);
}

function isAny(ctx: PrintContext, expr: ts.Expression): boolean {
  return (ctx.checker.getTypeAtLocation(expr).flags & ts.TypeFlags.Any) !== 0;
}

/** Written, updated, deleted or called: not a plain read. */
function isTarget(node: ts.Expression): boolean {
  let child: ts.Node = node;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (!p) return true;
  if (ts.isBinaryExpression(p) && p.left === child && isAssignment(p.operatorToken.kind)) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && isUpdate(p.operator)) return true;
  if (ts.isDeleteExpression(p)) return true;
  if (ts.isCallExpression(p) && p.expression === child) return true;
  if (ts.isShorthandPropertyAssignment(p) || ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p)) {
    // Possibly a destructuring assignment's target.
    for (let q: ts.Node | undefined = p; q; q = q.parent)
      if (ts.isBinaryExpression(q) && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
  }
  return false;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isUpdate(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken;
}

/** In a try block with a catch (of its own unit), or in a body function a try may call. */
function inTry(ctx: PrintContext, node: ts.Node): boolean {
  const unit = unitOf(node);
  if (lexicallyInTry(node, unit)) return true;
  return unit !== undefined && unit !== ctx.root && tryCalled(ctx).has(unit);
}

function lexicallyInTry(node: ts.Node, unit: ts.Node | undefined): boolean {
  for (let child: ts.Node = node, p = node.parent; p && p !== unit; child = p, p = p.parent)
    if (ts.isTryStatement(p) && p.tryBlock === child && p.catchClause) return true;
  return false;
}

function tryCalled(ctx: PrintContext): Set<ts.Node> {
  const s = states.of(ctx);
  if (s.tryCalled) return s.tryCalled;
  const calls: { unit: ts.Node | undefined; node: ts.Node }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) calls.push({ unit: unitOf(n), node: n });
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  const found = new Set<ts.Node>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const { unit, node } of calls) {
      if (!lexicallyInTry(node, unit) && !(unit && found.has(unit))) continue;
      for (const c of callees(ctx, node))
        if (!found.has(c)) {
          found.add(c);
          changed = true;
        }
    }
  }
  s.tryCalled = found;
  return found;
}

/**
 * True when hoisting `node` before its statement keeps JavaScript's order: every ancestor up to the
 * statement evaluates it first, or after operands that do nothing but read.
 */
function hoistable(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isExpressionStatement(p) || ts.isReturnStatement(p) || ts.isThrowStatement(p)) return true;
    if (ts.isIfStatement(p) || ts.isSwitchStatement(p) || ts.isForOfStatement(p)) return p.expression === child;
    // A concise arrow body is its function's return statement (exceptions.ts expressionBody).
    if (ts.isArrowFunction(p)) return p.body === child;
    // Loop conditions and steps are checked inside the loop, each pass (loopChecks.ts).
    if (ts.isWhileStatement(p)) return p.expression === child;
    if (ts.isDoStatement(p)) return p.expression === child && !hasContinue(p.statement);
    if (ts.isForStatement(p)) return p.condition === child || p.incrementor === child;
    // A default parameter is evaluated on entry, its reads checked there (defaultParameters.ts).
    if (ts.isParameter(p)) return p.initializer === child && ts.isIdentifier(p.name);
    if (ts.isVariableDeclaration(p)) {
      const list = p.parent;
      return (
        p.initializer === child &&
        ts.isVariableDeclarationList(list) &&
        ts.isVariableStatement(list.parent) &&
        list.declarations.length === 1
      );
    }
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isSatisfiesExpression(p) ||
      ts.isTypeAssertionExpression(p) ||
      ts.isTemplateExpression(p) ||
      ts.isTypeOfExpression(p)
    )
      continue;
    if (ts.isPropertyAccessExpression(p)) {
      if (p.expression !== child) return false;
      continue;
    }
    if (ts.isElementAccessExpression(p)) {
      if (p.argumentExpression === child && !pure(p.expression)) return false;
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
        if (!pure(p.left)) return false;
        continue;
      }
      if (op === ts.SyntaxKind.CommaToken) return false;
      if (
        isAssignment(op) &&
        op !== ts.SyntaxKind.AmpersandAmpersandEqualsToken &&
        op !== ts.SyntaxKind.BarBarEqualsToken &&
        op !== ts.SyntaxKind.QuestionQuestionEqualsToken
      ) {
        // `total += r.amount`: the target's read cannot see the hoisted read, which writes nothing.
        const target = stripParens(p.left);
        if (ts.isIdentifier(target)) continue;
        if (ts.isPropertyAccessExpression(target) && pure(target.expression)) continue;
        if (ts.isElementAccessExpression(target) && pure(target.expression) && pure(target.argumentExpression))
          continue;
        return false;
      }
      if (isAssignment(op)) return false;
      if (!pure(p.left)) return false;
      continue;
    }
    if (ts.isConditionalExpression(p)) {
      if (p.condition !== child && !pure(p.condition)) return false;
      continue;
    }
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      if (p.expression === child) continue;
      const callee = stripParens(p.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        if (callee.questionDotToken || !pure(callee.expression)) return false;
      } else if (!ts.isIdentifier(callee)) return false;
      if (ts.isCallExpression(p) && p.questionDotToken) return false;
      for (const a of p.arguments ?? []) {
        if (a === child) break;
        if (!pure(a)) return false;
      }
      continue;
    }
    if (ts.isTemplateSpan(p)) {
      for (const span of p.parent.templateSpans) {
        if (span === p) break;
        if (!pure(span.expression)) return false;
      }
      continue;
    }
    if (ts.isArrayLiteralExpression(p)) {
      for (const e of p.elements) {
        if (e === child) break;
        if (!pure(e)) return false;
      }
      continue;
    }
    if (ts.isPropertyAssignment(p)) {
      if (p.initializer !== child) return false;
      for (const e of p.parent.properties) {
        if (e === p) break;
        if (ts.isPropertyAssignment(e) && !ts.isComputedPropertyName(e.name) && pure(e.initializer)) continue;
        if (ts.isShorthandPropertyAssignment(e)) continue;
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

/** True when `body` holds a `continue` (a do...while whose test moves into the loop would skip it). */
function hasContinue(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isCodeUnit(n)) return;
    if (ts.isContinueStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** An expression that does nothing but read (no call, no write): it may run after a hoisted read. */
function pure(expr: ts.Node): boolean {
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

/**
 * What V8's "... is not iterable" quotes for the iterated expression: a name or a dotted chain of
 * names is quoted as written; for anything else the message is not reproduced, and a catch that
 * reads the error is refused.
 */
export function iteratedText(ctx: PrintContext, loop: ts.ForOfStatement | ts.SpreadElement): string {
  const chain = (e: ts.Expression): string | undefined =>
    ts.isIdentifier(e)
      ? e.text
      : ts.isPropertyAccessExpression(e) && !e.questionDotToken && ts.isIdentifier(e.name)
        ? ((left) => (left === undefined ? undefined : `${left}.${e.name.text}`))(chain(e.expression))
        : undefined;
  const text = chain(loop.expression);
  if (text !== undefined) return text;
  if (readingCatch(ctx, loop))
    ctx.refuse(
      loop.expression,
      `reading the error of a ${ts.isSpreadElement(loop) ? "spread" : "for...of"} of a value of type 'any' that is not iterable (its message quotes the source)`,
      "iterate a local (`const items = ...; for (const x of items)`, `[...items]`), or check Array.isArray first",
    );
  return "";
}

/**
 * `...v` of an 'any' value in a try, hoisted (throwingCalls.ts): the value itself when it is
 * iterable (an array or a string), else V8's TypeError; an array literal's spread and a call's
 * word it differently.
 */
export function spreadCheck(ctx: PrintContext, spread: ts.SpreadElement, value: string, line: number): string {
  const text = JSON.stringify(iteratedText(ctx, spread));
  const inCall = ts.isCallExpression(spread.parent) ? "true" : "false";
  return `__ice_j_spread_try(${value}, ${text}, ${inCall}, ${line})`;
}
