/**
 * @fileoverview Which code units of a body may throw: functions, methods, accessors and
 * constructors whose code throws, or calls a unit that may (a fixpoint over the body), and the
 * calls (`f()`, `new C()`, an accessor read) that run such a unit, and `JSON.parse` in a body that
 * catches (catchableParse.ts). print/exceptions.ts and
 * print/throwingCalls.ts check after those calls; everything else is printed without checks.
 */
import { ts } from "../typescript.js";
import type { ValueType } from "../types.js";
import { isFunctionLike, type PrintContext, stripParens } from "./context.js";
import { isCatchableParse } from "./catchableParse.js";
import { isCatchableUri } from "./catchableUri.js";
import { isCatchableReduce } from "./catchableReduce.js";
import { isCatchableUrl } from "./urls.js";
import { isCatchableAny } from "./catchableAny.js";
import { returnDummy } from "./exceptionRegions.js";
import { perContext } from "./perContext.js";

/** Units (functions, constructors, accessors; a class for its field initializers) whose code may throw, per body. */
const throwingUnits = perContext(() => new Set<ts.Node>());

function throwing(ctx: PrintContext): Set<ts.Node> {
  return throwingUnits.of(ctx);
}

/** A function-like unit of code: functions, methods, accessors, constructors (a class without one: the class). */
export function isCodeUnit(node: ts.Node): boolean {
  return isFunctionLike(node);
}

/** The unit that runs the field initializers of a class: its constructor, or the class itself. */
export function constructorUnit(cls: ts.ClassLikeDeclaration): ts.Node {
  return cls.members.find(ts.isConstructorDeclaration) ?? cls;
}

/** The code units `node` may run when evaluated (a call, `new`, an accessor read or write). */
export function callees(ctx: PrintContext, node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const local = (d: ts.Node | undefined) =>
    !!d && d.getSourceFile().fileName === "/body.ts" && d.getStart() >= ctx.bodyStart;
  const functionsOf = (expr: ts.Expression) => {
    const symbol = ts.isShorthandPropertyAssignment(expr.parent)
      ? ctx.checker.getShorthandAssignmentValueSymbol(expr.parent)
      : ctx.symbolOf(stripParens(expr));
    for (const d of symbol?.declarations ?? []) {
      if (!local(d)) continue;
      if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) out.push(d);
      if (ts.isVariableDeclaration(d) && d.initializer && isCodeUnit(stripParens(d.initializer)))
        out.push(stripParens(d.initializer));
      if (ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d)) out.push(d);
      // A literal's function read by its property (`const v = { check: (x) => ... }; v.check(1)`).
      if (ts.isPropertyAccessExpression(expr) && ts.isPropertyAssignment(d)) {
        const value = stripParens(d.initializer);
        if (isCodeUnit(value)) out.push(value);
        else if (ts.isIdentifier(value)) functionsOf(value);
      }
      if (ts.isPropertyAccessExpression(expr) && ts.isShorthandPropertyAssignment(d)) functionsOf(d.name);
    }
    if (ts.isPropertyAccessExpression(expr) && symbol && symbol.flags & ts.SymbolFlags.Method) {
      // Any override may run: every body method of that name.
      for (const m of methodsNamed(ctx, expr.name.text)) out.push(m);
    }
    // A member of a body interface or type: any object literal's function of that name may run.
    if (ts.isPropertyAccessExpression(expr) && symbol?.declarations?.some((d) => local(d) && isSignature(d)))
      for (const value of literalValuesNamed(ctx, expr.name.text)) {
        if (isCodeUnit(value)) out.push(value);
        else if (ts.isIdentifier(value)) functionsOf(value);
      }
  };
  if (ts.isCallExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = ts.findAncestor(node, ts.isClassLike);
      const base = cls && baseClass(ctx, cls);
      if (base) out.push(...constructorUnits(ctx, base));
    } else {
      const before = out.length;
      functionsOf(node.expression);
      if (out.length === before && callsFunctionValue(ctx, node.expression, local))
        out.push(...functionValuesOfType(ctx, ctx.checker.getTypeAtLocation(node.expression)));
    }
    for (const a of node.arguments) {
      const inner = stripParens(a);
      if (isCodeUnit(inner)) out.push(inner);
      else if (ts.isIdentifier(inner)) functionsOf(inner);
    }
  } else if (ts.isNewExpression(node)) {
    const symbol = ctx.symbolOf(node.expression);
    const cls = symbol?.declarations?.find(ts.isClassDeclaration);
    if (cls && local(cls)) out.push(...constructorUnits(ctx, cls));
  } else if (ts.isPropertyAccessExpression(node)) {
    const symbol = ctx.symbolOf(node.name);
    const use = accessorUse(node);
    for (const d of symbol?.declarations ?? [])
      if (
        local(d) &&
        ((ts.isGetAccessorDeclaration(d) && use !== "write") || (ts.isSetAccessorDeclaration(d) && use !== "read"))
      )
        out.push(d);
  }
  return out;
}

/**
 * Which accessor of `o.x` runs: a plain read runs the getter, the target of `=` the setter,
 * `+=`/`++` (and a possible destructuring target) both.
 */
function accessorUse(node: ts.Expression): "read" | "write" | "both" {
  let child: ts.Node = node;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (!p) return "both";
  if (ts.isBinaryExpression(p) && p.left === child) {
    const op = p.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return "write";
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment ? "both" : "read";
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p))
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken ? "both" : "read";
  if (ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadElement(p)) return "both";
  if (ts.isPropertyAssignment(p) && p.initializer === child) return "both";
  return "read";
}

export function methodsNamed(ctx: PrintContext, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return out;
}

/**
 * True for a call of a function value the body holds (a parameter, a variable or field of a
 * function type: `fn(i)` in `function withRetry(fn: (n: number) => T)`), not of a declared function.
 */
function callsFunctionValue(
  ctx: PrintContext,
  callee: ts.Expression,
  local: (d: ts.Node | undefined) => boolean,
): boolean {
  const symbol = ctx.symbolOf(stripParens(callee));
  const declarations = symbol?.declarations ?? [];
  if (declarations.length === 0 || !declarations.every((d) => local(d))) return false;
  if (declarations.some((d) => ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d) || ts.isClassLike(d)))
    return false;
  return ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(callee)).getCallSignatures().length > 0;
}

/** Every arrow and function expression of the body (functions as values: any may reach a call of a value), found once. */
const functionValues = perContext(() => ({
  list: undefined as ts.Node[] | undefined,
  byType: new Map<ts.Type, ts.Node[]>(),
}));

/** The body's arrows, function expressions and declared functions that a function value of `type` may be. */
function functionValuesOfType(ctx: PrintContext, type: ts.Type): ts.Node[] {
  const state = functionValues.of(ctx);
  if (!state.list) {
    const list: ts.Node[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || (ts.isFunctionDeclaration(n) && n.body)) list.push(n);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(ctx.root, visit);
    state.list = list;
  }
  const target = ctx.checker.getNonNullableType(type);
  const known = state.byType.get(target);
  if (known) return known;
  // A type naming type parameters (`(n: number) => T` in a generic function): any function taking
  // no more parameters than it gives may be one of its instances.
  const signature = target.getCallSignatures()[0];
  const generic =
    !!signature &&
    [signature.getReturnType(), ...signature.getParameters().map((p) => ctx.checker.getTypeOfSymbol(p))].some(
      (t) => (t.flags & ts.TypeFlags.Instantiable) !== 0,
    );
  const found = state.list.filter((f) => {
    const own = ts.isFunctionDeclaration(f) && f.name ? f.name : f;
    if (ctx.checker.isTypeAssignableTo(ctx.checker.getTypeAtLocation(own), target)) return true;
    const required = (f as ts.SignatureDeclaration).parameters.filter((p) => !p.initializer && !p.questionToken).length;
    return generic && required <= (signature?.getParameters().length ?? 0);
  });
  state.byType.set(target, found);
  return found;
}

function isSignature(d: ts.Node): boolean {
  return ts.isMethodSignature(d) || ts.isPropertySignature(d);
}

/** The values object literals of the body give their properties, by name (found once per body). */
const literalValues = perContext(() => ({ byName: undefined as Map<string, ts.Expression[]> | undefined }));

/** The values object literals give their properties named `name` (`{ check: (t) => ... }`, `{ check }`). */
function literalValuesNamed(ctx: PrintContext, name: string): readonly ts.Expression[] {
  const state = literalValues.of(ctx);
  if (!state.byName) {
    const byName = new Map<string, ts.Expression[]>();
    const add = (key: string, value: ts.Expression) => {
      const list = byName.get(key);
      if (list) list.push(value);
      else byName.set(key, [value]);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n))
        for (const p of n.properties)
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) add(p.name.text, stripParens(p.initializer));
          else if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name);
      ts.forEachChild(n, visit);
    };
    visit(ctx.root);
    state.byName = byName;
  }
  return state.byName.get(name) ?? [];
}

/** The class a class extends, when it is a body class. */
export function baseClass(ctx: PrintContext, cls: ts.ClassLikeDeclaration): ts.ClassDeclaration | undefined {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const expr = clause?.types[0]?.expression;
  if (!expr) return undefined;
  const symbol = ctx.symbolOf(expr);
  const d = symbol?.declarations?.find(ts.isClassDeclaration);
  return d && d.getSourceFile().fileName === "/body.ts" && d.getStart() >= ctx.bodyStart ? d : undefined;
}

/** The units `new C()` runs: C's constructor unit and, without a constructor, its base's. */
export function constructorUnits(ctx: PrintContext, cls: ts.ClassDeclaration): ts.Node[] {
  const unit = constructorUnit(cls);
  const base = baseClass(ctx, cls);
  return unit === cls && base ? [unit, ...constructorUnits(ctx, base)] : [unit];
}

/** The unit whose code `node` is (field initializers belong to the constructor unit). */
export function unitOf(node: ts.Node): ts.Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (isCodeUnit(p)) return p;
    if (ts.isPropertyDeclaration(p) && ts.isClassLike(p.parent) && !isStatic(p)) return constructorUnit(p.parent);
  }
  return undefined;
}

export function isStatic(node: ts.Node): boolean {
  return (
    !!ts.getCombinedModifierFlags(node as ts.Declaration) &&
    (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Static) !== 0
  );
}

/** Finds every unit that may throw (a fixpoint: throwing directly, or calling a unit that may). */
export function analyzeThrows(ctx: PrintContext, root: ts.Node): void {
  const throwingSet = throwing(ctx);
  const events: { unit: ts.Node; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isThrowStatement(node) ||
      ts.isCallExpression(node) ||
      ts.isNewExpression(node) ||
      ts.isPropertyAccessExpression(node) ||
      ts.isElementAccessExpression(node) ||
      ts.isBinaryExpression(node) ||
      ts.isForOfStatement(node) ||
      ts.isSpreadElement(node)
    ) {
      const unit = unitOf(node) ?? root;
      events.push({ unit, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { unit, node } of events) {
      if (throwingSet.has(unit)) continue;
      if (
        ts.isThrowStatement(node) ||
        isCatchableParse(ctx, node) ||
        isCatchableUri(ctx, node) ||
        isCatchableReduce(ctx, node) ||
        isCatchableUrl(ctx, node) ||
        isCatchableAny(ctx, node) ||
        callees(ctx, node).some((c) => throwingSet.has(c))
      ) {
        throwingSet.add(unit);
        changed = true;
      }
    }
  }
}

/** True when evaluating `node` (a call, `new`, accessor) may throw. */
export function mayThrow(ctx: PrintContext, node: ts.Node): boolean {
  if (isCatchableAny(ctx, node)) return true;
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node) && !ts.isPropertyAccessExpression(node)) return false;
  if (isCatchableParse(ctx, node) || isCatchableUri(ctx, node) || isCatchableUrl(ctx, node)) return true;
  if (isCatchableReduce(ctx, node)) return true;
  const throwingSet = throwing(ctx);
  return callees(ctx, node).some((c) => throwingSet.has(c));
}

/** True when evaluating `node` runs code of the body (after which the line must be set again). */
export function runsBodyCode(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node) && !ts.isPropertyAccessExpression(node)) return false;
  return callees(ctx, node).length > 0;
}

/** True for a unit that may throw (a lifted callback checks on entry that nothing is pending). */
export function unitMayThrow(ctx: PrintContext, unit: ts.Node): boolean {
  return throwing(ctx).has(unit);
}

/** What a callback that may throw does first: nothing more once an exception is pending. */
export function entryGuard(ctx: PrintContext, unit: ts.Node, returnType: ValueType): string {
  if (!unitMayThrow(ctx, unit)) return "";
  return `if (__ice_pending()) ${returnDummy(returnType)}\n`;
}
