/**
 * @fileoverview Calls that may throw inside a statement's own expressions (print/throwAnalysis.ts
 * says which): each is hoisted out of the statement into a temporary and followed by the check
 * that leaves the region when an exception is pending, so nothing after it in the statement runs;
 * refused (with what to write instead) where hoisting would change what JavaScript evaluates or
 * in which order: inside `&&`, `||`, `??`, `?:`, a loop condition, or after work it could change.
 */
import { ts } from "../typescript.js";
import { asType } from "../types.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { printExpr } from "./expressions.js";
import { state, check } from "./exceptionRegions.js";
import { isCodeUnit, mayThrow, runsBodyCode } from "./throwAnalysis.js";
import { isCatchableAny, spreadCheck } from "./catchableAny.js";
import { guardUnit, hoistGuarded, insideHoisted } from "./guardedCalls.js";
import { isUnwrittenFieldRead } from "./stableReads.js";

/** The expressions a statement evaluates itself (not those of the statements it contains). */
export function immediateExpressions(ctx: PrintContext, node: ts.Statement): ts.Expression[] {
  const refuseIn = (expr: ts.Expression | undefined, where: string) => {
    // Reads of 'any' values that may throw are checked inside the loop (loopChecks.ts).
    if (expr && findThrowing(ctx, expr).some((call) => !isCatchableAny(ctx, call)))
      ctx.refuse(
        expr,
        `a call that may throw in ${where}`,
        "compute it into a variable in a statement of its own first",
      );
  };
  if (ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node))
    return node.expression ? [node.expression] : [];
  if (ts.isVariableStatement(node)) {
    const inits = node.declarationList.declarations.map((d) => d.initializer).filter((e): e is ts.Expression => !!e);
    if (inits.length > 1 && inits.some((e) => findThrowing(ctx, e).length > 0))
      ctx.refuse(node, "several declarations with a call that may throw", "declare each variable in its own statement");
    return inits.filter((e) => !isCodeUnit(stripParens(e)));
  }
  if (ts.isIfStatement(node)) return [node.expression];
  if (ts.isSwitchStatement(node)) {
    for (const c of node.caseBlock.clauses) if (ts.isCaseClause(c)) refuseIn(c.expression, "a case label");
    return [node.expression];
  }
  if (ts.isForOfStatement(node)) return [node.expression];
  if (ts.isForStatement(node)) {
    refuseIn(node.condition, "a loop condition");
    refuseIn(node.incrementor, "a loop step");
    if (node.initializer && !ts.isVariableDeclarationList(node.initializer)) return [node.initializer];
    if (node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      const inits = node.initializer.declarations.map((d) => d.initializer).filter((e): e is ts.Expression => !!e);
      // Reads of 'any' values that may throw are hoisted before the loop (catchableAny.ts).
      if (inits.some((e) => findThrowing(ctx, e).some((call) => !isCatchableAny(ctx, call))))
        ctx.refuse(
          node.initializer,
          "a call that may throw in a loop's initializer",
          "compute it into a variable before the loop",
        );
      return inits.filter((e) => !isCodeUnit(stripParens(e)));
    }
    return [];
  }
  if (ts.isWhileStatement(node) || ts.isDoStatement(node)) refuseIn(node.expression, "a loop condition");
  return [];
}

/** Refuses a call that may throw in `expr`, where no check can follow it (a field initializer). */
export function refuseThrowing(ctx: PrintContext, expr: ts.Expression, where: string, instead: string): void {
  const [call] = findThrowing(ctx, expr);
  if (call) ctx.refuse(call, `a call that may throw in ${where}`, instead);
}

/** Calls that may throw inside `expr` (not inside nested functions), innermost and leftmost first. */
export function findThrowing(ctx: PrintContext, expr: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (isCodeUnit(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
    if (isCallee(node)) return;
    // A setter that may throw runs when the assignment does, after its right side: the assignment
    // is what is hoisted and checked (hoisting the target would run the getter instead).
    if (mayThrow(ctx, node) ? !assignedTarget(node) : throwingSetterWrite(ctx, node)) out.push(node);
  };
  visit(expr);
  return out;
}

/** The assignment (`o.x = v`, `o.x += v`, `o.x++`) whose target `node` is, if it is one. */
function assignmentOf(node: ts.Node): ts.Expression | undefined {
  let child = node;
  let p = node.parent;
  while (p && ts.isParenthesizedExpression(p)) {
    child = p;
    p = p.parent;
  }
  if (!p) return undefined;
  if (ts.isBinaryExpression(p) && p.left === child) {
    const op = p.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment ? p : undefined;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && p.operand === child)
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken ? p : undefined;
  return undefined;
}

function assignedTarget(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && assignmentOf(node) !== undefined;
}

/** An assignment through an accessor whose code may throw. */
function throwingSetterWrite(ctx: PrintContext, node: ts.Node): boolean {
  let target: ts.Node | undefined;
  if (ts.isBinaryExpression(node)) target = node.left;
  else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) target = node.operand;
  if (!target) return false;
  const t = stripParens(target as ts.Expression);
  return ts.isPropertyAccessExpression(t) && assignmentOf(t) === node && mayThrow(ctx, t);
}

/** `o.m` of `o.m(...)`: the call is what runs. */
export function isCallee(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isCallExpression(node.parent) && node.parent.expression === node;
}

export function hoist(ctx: PrintContext, expr: ts.Expression, line: number, nested = false): string[] {
  const s = state(ctx);
  const out: string[] = [];
  // A statement printed again (a generic function's instances) hoists its calls anew.
  if (!nested) forgetHoisted(s.hoisted, expr);
  for (const call of findThrowing(ctx, expr)) {
    if (insideHoisted(ctx, call, expr)) continue;
    // In a branch JavaScript may skip: hoist the test, and the call under it (guardedCalls.ts).
    const unit = guardUnit(call, expr);
    if (unit) {
      out.push(...hoistGuarded(ctx, unit, expr, line));
      continue;
    }
    // catchableAny.ts hoists only where the order stays JavaScript's.
    if (!isCatchableAny(ctx, call)) checkHoistable(ctx, call, expr);
    if (
      ts.isCallExpression(call) &&
      ts.isPropertyAccessExpression(call.expression) &&
      call.expression.name.text === "sort"
    )
      ctx.refuse(call, "a sort comparator that may throw", "check the values before sorting");
    if (ts.isSpreadElement(call)) {
      // The spread value, checked iterable, read by the statement in its place (catchableAny.ts).
      const value = printExpr(ctx, call.expression);
      const temp = ctx.temp(value.type);
      out.push(`${temp} = ${spreadCheck(ctx, call, value.text, line)};`, check(ctx), `__ice_set_line(${line});`);
      const kept: Printed = { text: temp, type: value.type };
      s.hoisted.set(call, kept);
      s.hoisted.set(call.expression, kept);
      s.hoisted.set(stripParens(call.expression), kept);
      continue;
    }
    const printed = plain(ctx, call as ts.Expression);
    if (printed.type.kind === "void") {
      out.push(`${printed.text};`, check(ctx), `__ice_set_line(${line});`);
      s.hoisted.set(call, { text: "0", type: printed.type });
      continue;
    }
    const temp = ctx.temp(printed.type);
    out.push(`${temp} = ${printed.text};`, check(ctx), `__ice_set_line(${line});`);
    s.hoisted.set(call, { text: temp, type: printed.type });
  }
  return out;
}

function forgetHoisted(hoisted: Map<ts.Node, Printed>, expr: ts.Node): void {
  if (hoisted.size === 0) return;
  const visit = (n: ts.Node): void => {
    hoisted.delete(n);
    ts.forEachChild(n, visit);
  };
  visit(expr);
}

/** Refuses a call that may throw where moving it before the statement would change what JavaScript does. */
export function checkHoistable(ctx: PrintContext, call: ts.Node, root: ts.Expression): void {
  let child: ts.Node = call;
  for (let p = call.parent; child !== root && p; child = p, p = p.parent) {
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (
        p.right === child &&
        (op === ts.SyntaxKind.AmpersandAmpersandToken ||
          op === ts.SyntaxKind.BarBarToken ||
          op === ts.SyntaxKind.QuestionQuestionToken ||
          op === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
          op === ts.SyntaxKind.BarBarEqualsToken ||
          op === ts.SyntaxKind.QuestionQuestionEqualsToken)
      )
        conditional(ctx, call);
      if (p.right === child) {
        const assign = op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
        if (assign) assignmentTarget(ctx, call, p.left, op === ts.SyntaxKind.EqualsToken);
        else stable(ctx, call, p.left);
      }
    } else if (ts.isConditionalExpression(p)) {
      if (p.condition !== child) conditional(ctx, call);
    } else if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      if (p.expression !== child) {
        const callee = stripParens(p.expression);
        if (ts.isPropertyAccessExpression(callee)) {
          if (callee.questionDotToken) conditional(ctx, call);
          stable(ctx, call, callee.expression);
        }
        for (const a of p.arguments ?? []) {
          if (a === child) break;
          stable(ctx, call, a);
        }
      }
    } else if (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) {
      if (p.questionDotToken && p.expression !== child) conditional(ctx, call);
      if (ts.isElementAccessExpression(p) && p.argumentExpression === child) stable(ctx, call, p.expression);
    } else if (ts.isTemplateSpan(p)) {
      const template = p.parent;
      for (const span of template.templateSpans) {
        if (span === p) break;
        stable(ctx, call, span.expression);
      }
    } else if (ts.isArrayLiteralExpression(p)) {
      for (const e of p.elements) {
        if (e === child) break;
        stable(ctx, call, e);
      }
    } else if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
      const literal = p.parent;
      for (const e of literal.properties) {
        if (e === p) break;
        if (ts.isPropertyAssignment(e)) stable(ctx, call, e.initializer);
        else if (!ts.isShorthandPropertyAssignment(e)) conditional(ctx, call);
      }
    } else if (ts.isSpreadAssignment(p)) {
      // `{ a: x, ...f() }`: the earlier properties are not checked for stability here.
      conditional(ctx, call);
    }
    // A spread element (`xs.push(...f())`, `[a, ...f()]`) runs the call before it iterates the
    // result, as the hoisted temporary does; the arguments or elements before it are checked as
    // the call's or the array literal's (their parent, next round).
  }
}

export function conditional(ctx: PrintContext, call: ts.Node): never {
  return ctx.refuse(
    call,
    "a call that may throw inside &&, ||, ??, ?: or ?.",
    "call it in a statement of its own (an if statement for the condition)",
  );
}

export function assignmentTarget(ctx: PrintContext, call: ts.Node, target: ts.Expression, plainAssign: boolean): void {
  const t = stripParens(target);
  if (ts.isIdentifier(t)) {
    if (!plainAssign) stable(ctx, call, t);
    return;
  }
  if (plainAssign && ts.isPropertyAccessExpression(t)) {
    stable(ctx, call, t.expression);
    return;
  }
  if (plainAssign && ts.isElementAccessExpression(t)) {
    stable(ctx, call, t.expression);
    stable(ctx, call, t.argumentExpression);
    return;
  }
  unstable(ctx, call);
}

/** Refuses unless `expr` evaluates to the same value before and after the call. */
export function stable(ctx: PrintContext, call: ts.Node, expr: ts.Expression): void {
  if (!isStable(ctx, expr)) unstable(ctx, call);
}

export function unstable(ctx: PrintContext, call: ts.Node): never {
  return ctx.refuse(
    call,
    `a call that may throw ('${shortText(call)}') after other work in the same expression`,
    "store its result in a const first: `const v = f(x);`",
  );
}

export function isStable(ctx: PrintContext, expr: ts.Expression): boolean {
  const e = stripParens(expr);
  // A call hoisted before this one (to its left): the statement reads its temporary.
  if (state(ctx).hoisted.has(expr) || state(ctx).hoisted.has(e)) return true;
  switch (e.kind) {
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.ThisKeyword:
      return true;
    case ts.SyntaxKind.Identifier: {
      const symbol = ctx.symbolOf(e);
      if (!symbol || !ctx.isLocal(symbol)) return true;
      if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class)) return true;
      const d = symbol.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && d.parent.flags & ts.NodeFlags.Const) return true;
      return !ctx.captured.has(symbol);
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = e as ts.BinaryExpression;
      const op = b.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
      return isStable(ctx, b.left) && isStable(ctx, b.right);
    }
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const u = e as ts.PrefixUnaryExpression;
      if (u.operator === ts.SyntaxKind.PlusPlusToken || u.operator === ts.SyntaxKind.MinusMinusToken) return false;
      return isStable(ctx, u.operand);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (e as ts.TemplateExpression).templateSpans.every((span) => isStable(ctx, span.expression));
    case ts.SyntaxKind.ConditionalExpression: {
      const c = e as ts.ConditionalExpression;
      return isStable(ctx, c.condition) && isStable(ctx, c.whenTrue) && isStable(ctx, c.whenFalse);
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      const read = e as ts.PropertyAccessExpression;
      return isStable(ctx, read.expression) && isUnwrittenFieldRead(ctx, read);
    }
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.NonNullExpression:
      return isStable(ctx, (e as ts.AsExpression).expression);
    default:
      return false;
  }
}

/** A hoisted call's temporary, or the line set back after a call of body code inside an expression. */
export function printHoisted(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const s = state(ctx);
  const hoisted = s.hoisted.get(node);
  if (hoisted) return hoisted;
  if (s.bypass.has(node) || s.line === 0 || !runsBodyCode(ctx, node) || isCallee(node) || isTail(node))
    return undefined;
  const printed = plain(ctx, node);
  if (printed.type.kind === "void") return printed;
  return { text: `__ice_ln<${asType(printed.type)}>(${printed.text}, ${s.line})`, type: printed.type };
}

/** Prints `node` with the plain printer (the hook steps aside for it). */
export function plain(ctx: PrintContext, node: ts.Expression): Printed {
  const s = state(ctx);
  s.bypass.add(node);
  try {
    return printExpr(ctx, node);
  } finally {
    s.bypass.delete(node);
  }
}

/** The last thing a statement does with a value: nothing runs after it (no line to set back). */
export function isTail(node: ts.Node): boolean {
  let child = node;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isExpressionStatement(p) || ts.isReturnStatement(p) || ts.isArrowFunction(p)) return true;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && p.initializer === child) return true;
  return false;
}
