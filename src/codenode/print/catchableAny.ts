/**
 * @fileoverview Reads and writes of a value of type 'any' (parsed JSON) that JavaScript's `catch`
 * may take: `try { return data.user.name } catch { return "none" }` with `user` missing,
 * `try { v.a = 1 } catch { ... }` with `v` null. Outside a try the support library stops the node
 * on JavaScript's TypeError (an uncaught error ends it there too); inside one, the read is printed
 * as `__ice_j_get_try` / `__ice_j_at_try` / `__ice_j_set_try` (support/json.ts), which throws
 * JavaScript's TypeError, with V8's message, for the body's `catch`; then the operation is hoisted
 * and checked like any call that may throw (throwingCalls.ts). In a try block of the body, and in
 * a body function called from one (or from such a function). Only where hoisting keeps
 * JavaScript's order (hoistPlaces.ts): the operation's left neighbours in the statement do nothing
 * but read, or their calls are hoisted first (`f(x) + v.a.b`: such a call is then "catchable" here
 * too, hoisted and checked though it cannot throw). `v && v.a` cannot throw and keeps its speed.
 */
import { ts } from "../typescript.js";
import { type PrintContext, stripParens } from "./context.js";
import { bodyCatches, readingCatch } from "./catchableParse.js";
import { perContext } from "./perContext.js";
import { guardedRead } from "./guardedReads.js";
import { callees, isCodeUnit, unitOf } from "./throwAnalysis.js";
import { hoistable, isAssignment, isUpdate } from "./hoistPlaces.js";
import { kindMethod } from "./jsonMethodKinds.js";

interface AnyState {
  readonly answers: Map<ts.Node, boolean>;
  /** Calls left of a checked read that are hoisted before it to keep JavaScript's order (hoistPlaces.ts). */
  readonly ordered: Set<ts.Node>;
  /** Statements whose reads were all decided (so `ordered` is complete for their calls). */
  readonly decided: Set<ts.Node>;
  /** Body functions called from a try block that catches (or from such a function). */
  tryCalled: Set<ts.Node> | undefined;
}

const states = perContext<AnyState>(() => ({
  answers: new Map(),
  ordered: new Set(),
  decided: new Set(),
  tryCalled: undefined,
}));

/** True when `node` is a read or `=` write of a property of an 'any' value that a catch may take. */
export function isCatchableAny(ctx: PrintContext, node: ts.Node): boolean {
  if (ts.isCallExpression(node) && !isCatchableMethod(ctx, node)) return isOrderedCall(ctx, node);
  if (ts.isNewExpression(node)) return isOrderedCall(ctx, node);
  if (
    !ts.isCallExpression(node) &&
    !ts.isPropertyAccessExpression(node) &&
    !ts.isElementAccessExpression(node) &&
    !ts.isForOfStatement(node) &&
    !ts.isSpreadElement(node) &&
    !(ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)
  )
    return false;
  return bodyCatches(ctx) && decideOnce(ctx, node);
}

/** `decide`, once per node of a body. */
function decideOnce(ctx: PrintContext, node: ts.Node): boolean {
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
      hoistable(ctx, node)
    );
  if (ts.isCallExpression(node)) {
    // `v.toUpperCase()`: V8's "v.toUpperCase is not a function" quotes the callee, reproduced
    // for a name or a dotted chain of names only (methodCallee).
    if (methodCallee(node) === undefined) return false;
  } else if (ts.isBinaryExpression(node)) {
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
  if (!inTry(ctx, node)) return false;
  if (hoistable(ctx, node)) return true;
  // After a call in the same expression (`f(x) + v.a.b`, `f(), v.a`): the calls to its left are
  // hoisted first, in order, and the read after them (hoistPlaces.ts).
  const calls: ts.Node[] = [];
  if (!hoistable(ctx, node, calls)) return false;
  for (const c of calls) states.of(ctx).ordered.add(c);
  return true;
}

/**
 * `v.m(...)` of an 'any' value `v` whose method only some kinds have (`toUpperCase`, `slice`):
 * in a try, a value of another kind throws JavaScript's TypeError (print/jsonCalls.ts).
 */
function isCatchableMethod(ctx: PrintContext, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (call.questionDotToken || !ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return false;
  if (!isAny(ctx, callee.expression) || !kindMethod(callee.name.text)) return false;
  return bodyCatches(ctx) && decideOnce(ctx, call);
}

/** A name or a dotted chain of names (`a.b.c`) as written, or undefined for anything else. */
function dottedName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (!ts.isPropertyAccessExpression(e) || e.questionDotToken || !ts.isIdentifier(e.name)) return undefined;
  const left = dottedName(e.expression);
  return left === undefined ? undefined : `${left}.${e.name.text}`;
}

/** The callee of `v.m(...)` as V8's TypeError quotes it: a name or a dotted chain of names. */
export function methodCallee(call: ts.CallExpression): string | undefined {
  return dottedName(call.expression);
}

/** True for a call hoisted before a checked read to its right (decided with the statement's reads). */
function isOrderedCall(ctx: PrintContext, call: ts.Node): boolean {
  if (!bodyCatches(ctx)) return false;
  const s = states.of(ctx);
  const statement = statementOf(call);
  if (!statement) return false;
  if (!s.decided.has(statement)) {
    s.decided.add(statement);
    const visit = (n: ts.Node): void => {
      if (isCodeUnit(n) || ts.isClassLike(n) || (n !== statement && isStatementLike(n))) return;
      isCatchableAny(ctx, n);
      ts.forEachChild(n, visit);
    };
    visit(statement);
  }
  return s.ordered.has(call);
}

function isStatementLike(n: ts.Node): boolean {
  return ts.isBlock(n) || (n.kind >= ts.SyntaxKind.FirstStatement && n.kind <= ts.SyntaxKind.LastStatement);
}

/** The statement (or parameter) whose hoisting places `node` belongs to. */
function statementOf(node: ts.Node): ts.Node | undefined {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    // A concise arrow body (`(k) => \`${f(k)}:${g(v[k])}\``) is printed as a statement of its own.
    if (ts.isArrowFunction(p) && p.body === child && !ts.isBlock(child)) return child;
    if (isCodeUnit(p) || ts.isClassLike(p)) return undefined;
    if (isStatementLike(p) || ts.isParameter(p)) return p;
  }
  return undefined;
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
 * What V8's "... is not iterable" quotes for the iterated expression: a name or a dotted chain of
 * names is quoted as written; for anything else the message is not reproduced, and a catch that
 * reads the error is refused.
 */
export function iteratedText(ctx: PrintContext, loop: ts.ForOfStatement | ts.SpreadElement): string {
  const text = dottedName(loop.expression);
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
