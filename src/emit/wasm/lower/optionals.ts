/**
 * @fileoverview Optional value idioms: `a ?? b`, `a?.b`, `x === undefined` and `undefined` itself.
 * Optional numbers and booleans have no null in AssemblyScript: they are tested through their
 * presence flags (`__ice_has_<name>`, marshal.ts); optional references through null.
 */
import { ts } from "ts-morph";
import { hasFlag } from "../marshal.js";
import type { LowerContext } from "./context.js";
import { isPrimitive } from "./kinds.js";
import { hasOptionalChain, isChainPart, isNullish, isPure, isValuePosition, skipParens } from "./predicates.js";

/** `a ?? b`: optional numbers/booleans through their presence flag, references through null. */
export function coalesce(cx: LowerContext, node: ts.BinaryExpression): boolean {
  const left = skipParens(node.left);
  const guards = guardsOf(cx, left);
  if (guards === undefined) return true;
  if (guards.length === 0) {
    cx.gen("__ice_or(", node);
    cx.node(node.left);
    cx.gen(", ", node.operatorToken);
    cx.node(node.right);
    cx.gen(")", node);
    return true;
  }
  cx.gen("((", node);
  emitGuards(cx, guards, left);
  cx.gen(") ? ", node);
  nonNull(cx, left, true);
  cx.gen(" : (", node.operatorToken);
  cx.node(node.right);
  cx.gen("))", node);
  return true;
}

/** `x === undefined` / `x !== null`...: presence flags for optional numbers and booleans. */
export function presence(cx: LowerContext, node: ts.BinaryExpression): boolean {
  const value = skipParens(isNullish(node.right) ? node.left : node.right);
  const negate =
    node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
  const guards = guardsOf(cx, value);
  if (guards === undefined) return true;
  if (guards.length === 0 || (!isFlagged(cx, value) && !hasOptionalChain(value))) {
    // A reference: compare with null (TypeScript's undefined).
    cx.node(node.left);
    cx.copy(cx.end(node.left), cx.start(node.right));
    cx.node(node.right);
    return true;
  }
  cx.gen(negate ? "!(" : "(", node);
  emitGuards(cx, guards, value);
  if (!guards.includes(value)) {
    cx.gen(" && ", node);
    nonNull(cx, value, false);
    cx.gen(" !== null", node);
  }
  cx.gen(")", node);
  return true;
}

/** `a?.b` outside `??`: `(a !== null ? a!.b : null)`. */
export function optionalChain(
  cx: LowerContext,
  node: ts.PropertyAccessExpression | ts.CallExpression | ts.ElementAccessExpression,
): boolean {
  if (!hasOptionalChain(node) || isChainPart(node)) return false;
  if (ts.isCallExpression(node)) {
    cx.unsupported(node, "an optional call (`a?.f()`)", "check first: `if (a !== null) a.f()`");
    return false;
  }
  const typed = cx.typed(node);
  if (typed && isPrimitive(typed.type)) {
    cx.unsupported(
      node,
      `\`${node.getText()}\` without a default`,
      `it reads a ${typed.type.kind}: give the value when it is missing, \`${node.getText()} ?? 0\``,
    );
    return false;
  }
  const guards = guardsOf(cx, node);
  if (guards === undefined) return true;
  cx.gen("((", node);
  emitGuards(cx, guards, node);
  cx.gen(") ? ", node);
  nonNull(cx, node, false);
  cx.gen(" : null)", node);
  return true;
}

/** `undefined` read as a value -> `null`. */
export function undefinedAsNull(cx: LowerContext, node: ts.Identifier): boolean {
  if (node.text !== "undefined" || !isValuePosition(node)) return false;
  cx.gen("null", node);
  return true;
}

/** True when `expr` reads an optional number/boolean field (which has a presence flag). */
function isFlagged(cx: LowerContext, expr: ts.Expression): boolean {
  const typed = cx.typed(expr);
  return (
    !!typed?.optional &&
    isPrimitive(typed.type) &&
    (ts.isPropertyAccessExpression(expr) || ts.isPropertyAccessChain(expr))
  );
}

/**
 * The checks that must hold for `expr` (an optional chain or optional field read) to have a
 * value: one per `?.` and, for an optional number/boolean field, its presence flag. Undefined
 * (after a diagnostic) when a checked part would be evaluated twice and is not a plain path.
 */
function guardsOf(cx: LowerContext, expr: ts.Expression): ts.Expression[] | undefined {
  const guards: ts.Expression[] = [];
  let current: ts.Expression = expr;
  const flagged = isFlagged(cx, expr);
  if (flagged) guards.push(expr);
  else if (cx.typed(expr)?.optional && hasOptionalChain(expr)) guards.push(expr);
  while (
    ts.isPropertyAccessExpression(current) ||
    ts.isElementAccessExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isParenthesizedExpression(current)
  ) {
    if (!ts.isNonNullExpression(current) && !ts.isParenthesizedExpression(current) && current.questionDotToken)
      guards.push(current.expression);
    current = current.expression;
  }
  if (guards.length === 0) return guards;
  for (const guard of guards) {
    const base = guard === expr && flagged ? (expr as ts.PropertyAccessExpression).expression : guard;
    if (!isPure(base)) {
      cx.unsupported(
        base,
        "`?.`/`??` on a computed value",
        "store it in a local first: `const v = ...;` then use `v?.x ?? d`",
      );
      return undefined;
    }
  }
  return guards.reverse();
}

/** Emits the guards joined by `&&`: presence flags for flagged reads, `!== null` for the rest. */
function emitGuards(cx: LowerContext, guards: readonly ts.Expression[], value: ts.Expression): void {
  guards.forEach((guard, index) => {
    if (index > 0) cx.gen(" && ", guard);
    if (guard === value && isFlagged(cx, value)) {
      const access = value as ts.PropertyAccessExpression;
      nonNull(cx, access.expression, false);
      cx.gen(`${access.questionDotToken ? "!" : ""}.${hasFlag(access.name.text)}`, guard);
    } else if (guard === value) {
      nonNull(cx, value, false);
      cx.gen(" !== null", guard);
    } else {
      nonNull(cx, guard, false);
      cx.gen(" !== null", guard);
    }
  });
}

/** Emits `expr` with every `?.` as `!.`; `assert` adds a final `!` for optional references. */
function nonNull(cx: LowerContext, expr: ts.Expression, assert: boolean): void {
  if (ts.isPropertyAccessExpression(expr) && expr.questionDotToken) {
    nonNull(cx, expr.expression, false);
    cx.gen(`!.${expr.name.text}`, expr.name);
  } else if (ts.isElementAccessExpression(expr) && expr.questionDotToken) {
    nonNull(cx, expr.expression, false);
    cx.gen("![", expr);
    cx.node(expr.argumentExpression);
    cx.gen("]", expr);
  } else if (ts.isPropertyAccessExpression(expr) && hasOptionalChain(expr.expression)) {
    nonNull(cx, expr.expression, false);
    cx.gen(`.${expr.name.text}`, expr.name);
  } else cx.node(expr);
  const typed = cx.typed(expr);
  if (assert && typed?.optional && !isPrimitive(typed.type)) cx.gen("!", expr);
}
