/**
 * @fileoverview Calls that may throw inside a branch JavaScript may skip: `text ? JSON.parse(text)
 * : {}`, `cached ?? load(key)`, `ok && parse(reply)`, `if (raw && JSON.parse(raw).ok)`. The
 * branch's calls cannot simply be hoisted before the statement (throwingCalls.ts): JavaScript runs
 * them only when the test says so. So the test is hoisted instead, into a temporary evaluated once
 * (the `?:` condition, or the left operand of `&&`, `||`, `??`), and the branch's calls are hoisted
 * inside an `if` on that temporary, each followed by its check; the statement then reads both
 * temporaries, so it takes the branch the test chose and the calls run once, in JavaScript's order.
 * Refused where that would change what JavaScript evaluates: a test that assigns (`(n = f()) ? ...`),
 * work to the left of the conditional the test or the calls could change (throwingCalls.ts's rules).
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, isNullish, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printCondition, printExpr, truthy } from "./expressions.js";
import { state } from "./exceptionRegions.js";
import { checkHoistable, findThrowing, hoist } from "./throwingCalls.js";
import { isCatchableAny } from "./catchableAny.js";
import { isCodeUnit } from "./throwAnalysis.js";

type Unit = ts.ConditionalExpression | ts.BinaryExpression;

const LOGICAL = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

/**
 * The outermost `?:`, `&&`, `||` or `??` between `call` and `root` (root included) that JavaScript
 * may evaluate without evaluating `call` (the call is in a branch, or in the right operand).
 */
export function guardUnit(call: ts.Node, root: ts.Expression): Unit | undefined {
  let unit: Unit | undefined;
  let child: ts.Node = call;
  for (let p = call.parent; child !== root && p; child = p, p = p.parent) {
    if (ts.isConditionalExpression(p) && p.condition !== child) unit = p;
    else if (ts.isBinaryExpression(p) && p.right === child && LOGICAL.has(p.operatorToken.kind)) unit = p;
  }
  return unit;
}

/** True when `node` or one of its ancestors up to `root` is already hoisted. */
export function insideHoisted(ctx: PrintContext, node: ts.Node, root: ts.Node): boolean {
  const hoisted = state(ctx).hoisted;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (hoisted.has(n)) return true;
    if (n === root) return false;
  }
  return false;
}

/** True when the printer reads `unit` through printCondition (only its truthiness matters). */
function readAsCondition(unit: ts.Expression): boolean {
  let child: ts.Node = unit;
  for (let p = unit.parent; p; child = p, p = p.parent) {
    if (ts.isParenthesizedExpression(p)) continue;
    if (
      ts.isBinaryExpression(p) &&
      (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
        p.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      // Only a chain of &&/|| the printer splits operand by operand: the chain itself must be a condition.
      continue;
    }
    if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
    if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === child) return true;
    if ((ts.isForStatement(p) || ts.isConditionalExpression(p)) && p.condition === child) return true;
    return false;
  }
  return false;
}

/** True when evaluating `expr` assigns something (its value could differ if evaluated earlier). */
function writes(expr: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isCodeUnit(n) || ts.isClassLike(n)) return;
    if (
      (ts.isBinaryExpression(n) &&
        n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
      ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) ||
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

/** Registers `printed` as what `node` (and the node inside its parentheses) prints as. */
function remember(ctx: PrintContext, node: ts.Expression, printed: Printed): void {
  const hoisted = state(ctx).hoisted;
  hoisted.set(node, printed);
  hoisted.set(stripParens(node), printed);
}

/**
 * Hoists the test of `unit` and, under an `if` on it, the calls that may throw in its branches.
 * `root` is the expression being hoisted from (the unit's evaluation moves to its front).
 */
export function hoistGuarded(ctx: PrintContext, unit: Unit, root: ts.Expression, line: number): string[] {
  // Reads of 'any' values that may throw were found hoistable as they are (catchableAny.ts).
  if (findThrowing(ctx, unit).some((call) => !isCatchableAny(ctx, call))) checkHoistable(ctx, unit, root);
  const test = ts.isConditionalExpression(unit) ? unit.condition : unit.left;
  if (writes(test))
    ctx.refuse(
      test,
      "a call that may throw inside ?:, &&, || or ?? whose test assigns a value",
      "compute the test into a const in a statement of its own first",
    );
  const out: string[] = [];
  // The test's own calls first: JavaScript evaluates it before either branch.
  if (!insideHoisted(ctx, test, root)) out.push(...hoist(ctx, test, line, true));
  let taken: string;
  let skipped: string;
  if (ts.isConditionalExpression(unit) || readAsCondition(unit)) {
    const t = ctx.temp(BOOLEAN);
    out.push(`${t} = ${printCondition(ctx, test)};`);
    remember(ctx, test, { text: t, type: BOOLEAN });
    taken = t;
    skipped = `!${t}`;
  } else {
    const printed = printExpr(ctx, test);
    if (printed.type.kind === "void")
      ctx.refuse(test, "a void value tested by &&, || or ??", "compute the test in a statement of its own first");
    const t = ctx.temp(printed.type);
    out.push(`${t} = ${printed.text};`);
    const kept: Printed = { text: t, type: printed.type };
    remember(ctx, test, kept);
    const test_ = truthy(kept);
    taken = test_;
    skipped = `!(${test_})`;
  }
  const op = ts.isBinaryExpression(unit) ? unit.operatorToken.kind : undefined;
  const branches: [ts.Expression, string][] = [];
  if (ts.isConditionalExpression(unit)) branches.push([unit.whenTrue, taken], [unit.whenFalse, skipped]);
  else if (op === ts.SyntaxKind.AmpersandAmpersandToken) branches.push([unit.right, taken]);
  else if (op === ts.SyntaxKind.BarBarToken) branches.push([unit.right, skipped]);
  else branches.push([unit.right, nullish(state(ctx).hoisted.get(unit.left)!)]);
  for (const [branch, guard] of branches) {
    const inner = hoist(ctx, branch, line, true);
    if (inner.length > 0) out.push(`if (${guard}) {`, ...inner, "}");
  }
  return out;
}

/** When `??` evaluates its right operand, as print/operators.ts's printCoalesce decides it. */
function nullish(left: Printed): string {
  const t: ValueType = left.type;
  if (t.kind === "json") return `__ice_j_nullish(${left.text})`;
  if (t.kind === "optional" && isNullish(t)) return `__ice_nsh_absent<${asType(t.inner)}>(${left.text})`;
  if (t.kind === "optional") return `${left.text} === null`;
  return "false";
}
