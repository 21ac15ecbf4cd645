/**
 * @fileoverview Passing an object with more fields to a parameter typed with fewer
 * (`function show(b: Base)` called with a `Msg extends Base`, `(r: Ref) => r.ref` with a
 * `Ref & { score: number }`): TypeScript's structural typing, where the sandbox's objects are one
 * generated class per shape. The argument is passed as a new object of the parameter's shape
 * holding the same field values (nested objects shared), which JavaScript cannot tell from the
 * original only when the callee can observe nothing but those values as they were at the call:
 * - the parameter is destructured (`({ id, text }: Base) => ...`, no rest element: its fields are
 *   read at the call), or
 * - every use of it reads a field (`b.id`), never writes, deletes or calls one, nor uses the
 *   object itself (identity, keys, JSON, spread, passing it on), and nothing in the callee can
 *   change a field meanwhile or keep the parameter for later: no assignment to any property, no
 *   call of the body's own functions or closures, no `await`, and its reads in nested functions
 *   only in callbacks of array and string methods that call them at once (`xs.map((x) => x * b.k)`).
 * The callee must be named at the call (a function declaration or a `const` bound to the function,
 * so no other body can run instead), with no default parameter values, and the arguments after the
 * object may not change fields or run the body's code (they run between the copy and the reads);
 * library calls handed a function not written at the call and getters of the body's classes count
 * as running the body's code.
 * Anything else keeps the refusal ("using a value of one shape where another is expected").
 */
import { ts } from "../typescript.js";
import { sameType, type ValueType, zeroValue } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { isUpcast } from "./classShapes.js";

type Shape = Extract<ValueType, { kind: "object" }>;

/** Array and string methods that call their callback before they return and keep no reference to it. */
const CALLS_AT_ONCE = new Set([
  "map",
  "filter",
  "forEach",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flatMap",
  "sort",
  "toSorted",
  "replace",
  "replaceAll",
]);

/**
 * The argument `arg` (printed as `printed`) of the call `call` as a value of the parameter type
 * `to`, when `to` has a subset of the argument's fields and the callee only reads them; otherwise
 * undefined.
 */
export function projectArgument(
  ctx: PrintContext,
  call: ts.CallExpression | ts.NewExpression,
  arg: ts.Expression,
  printed: Printed,
  to: ValueType,
): string | undefined {
  const from = printed.type;
  if (from.kind !== "object" || to.kind !== "object" || from.shape === to.shape) return undefined;
  if (!fieldsFit(ctx, from, to)) return undefined;
  // A getter of the argument's class runs at each read in JavaScript, once at the copy here.
  const argType = ctx.checker.getTypeAtLocation(arg);
  for (const f of to.shape.fields) {
    const declarations = argType.getProperty(f.name)?.declarations ?? [];
    if (declarations.some((d) => ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d))) return undefined;
  }
  const index = call.arguments?.indexOf(arg) ?? -1;
  const declaration = ctx.checker.getResolvedSignature(call)?.getDeclaration();
  if (index < 0 || !declaration || !isBodyFunction(declaration)) return undefined;
  const param = declaration.parameters[index];
  if (!param || param.dotDotDotToken || !readsOnlyFields(ctx, declaration, param)) return undefined;
  // The function called must be the one read: a declaration or a `const` bound to it, named at the
  // call (a reassigned `let`, a conditional, an array or Map element, an overridden method or an
  // object's property could run another body than the one analyzed).
  if (!callsExactly(ctx, call, declaration)) return undefined;
  // Nothing evaluated between the copy and the callee's reads may change a field: the arguments
  // after this one and the parameters' default values.
  if (declaration.parameters.some((p) => p.initializer !== undefined)) return undefined;
  if (call.arguments?.slice(index + 1).some((a) => containsChange(ctx, a))) return undefined;
  const t = ctx.temp(from);
  const fields = to.shape.fields.map((f) =>
    from.shape.fields.some((g) => g.name === f.name) ? `${t}.${f.name}` : zeroValue(f.type),
  );
  return `(${t} = ${printed.text}, new ${to.shape.name}(${fields.join(", ")}))`;
}

/** Every field of `to` is a field of `from` of the same type, or optional in `to` and absent from `from`. */
function fieldsFit(ctx: PrintContext, from: Shape, to: Shape): boolean {
  return to.shape.fields.every((f) => {
    const g = from.shape.fields.find((x) => x.name === f.name);
    if (!g) return f.type.kind === "optional";
    return sameType(g.type, f.type) || isUpcast(ctx, g.type, f.type);
  });
}

function isBodyFunction(
  d: ts.Declaration,
): d is ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration {
  return (
    (ts.isFunctionDeclaration(d) || ts.isArrowFunction(d) || ts.isFunctionExpression(d) || ts.isMethodDeclaration(d)) &&
    d.body !== undefined &&
    !d.getSourceFile().fileName.includes("lib.")
  );
}

function readsOnlyFields(ctx: PrintContext, fn: ts.FunctionLikeDeclaration, param: ts.ParameterDeclaration): boolean {
  if (ts.isObjectBindingPattern(param.name))
    // A default value runs between the reads of the fields before and after it.
    return param.name.elements.every(
      (e) => !e.dotDotDotToken && ts.isIdentifier(e.name) && !(e.initializer && containsChange(ctx, e.initializer)),
    );
  if (!ts.isIdentifier(param.name) || param.initializer) return false;
  const symbol = ctx.checker.getSymbolAtLocation(param.name);
  if (!symbol || !fn.body) return false;
  let ok = true;
  const visit = (node: ts.Node, nested: boolean): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node !== param.name && ctx.checker.getSymbolAtLocation(node) === symbol) {
      if (!isFieldRead(node) || (nested && !inCallbackCalledAtOnce(node, fn))) ok = false;
      return;
    }
    if (changesOrCalls(ctx, node)) {
      ok = false;
      return;
    }
    const inner = nested || (node !== fn.body && ts.isFunctionLike(node));
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(fn.body, false);
  return ok;
}

/** The call's callee names `fn` itself: a function declaration, or a `const` initialized with it. */
function callsExactly(ctx: PrintContext, call: ts.CallExpression | ts.NewExpression, fn: ts.Declaration): boolean {
  const callee = stripTo(call.expression);
  if (!ts.isIdentifier(callee) || ts.isNewExpression(call)) return false;
  const symbol = ctx.checker.getSymbolAtLocation(callee);
  const d = symbol?.valueDeclaration;
  if (!d) return false;
  if (d === fn) return ts.isFunctionDeclaration(fn);
  if (!ts.isVariableDeclaration(d) || !d.initializer || stripTo(d.initializer) !== (fn as ts.Node)) return false;
  const list = d.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

/** Whether `node` or anything in it may change a field or run the body's own code. */
function containsChange(ctx: PrintContext, node: ts.Node): boolean {
  if (changesOrCalls(ctx, node)) return true;
  return ts.forEachChild(node, (child) => containsChange(ctx, child) || undefined) ?? false;
}

/** `p.field` read as a value (not written, deleted, called or taken apart by `++`). */
function isFieldRead(id: ts.Identifier): boolean {
  const access = id.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== id) return false;
  let outer: ts.Node = access.parent;
  while (ts.isParenthesizedExpression(outer) || ts.isNonNullExpression(outer)) outer = outer.parent;
  if (ts.isCallExpression(outer) && stripTo(outer.expression) === access) return false;
  if (ts.isDeleteExpression(outer)) return false;
  if ((ts.isPrefixUnaryExpression(outer) || ts.isPostfixUnaryExpression(outer)) && isIncrement(outer)) return false;
  if (
    ts.isBinaryExpression(outer) &&
    stripTo(outer.left) === access &&
    outer.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    outer.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  )
    return false;
  return true;
}

function stripTo(e: ts.Expression): ts.Expression {
  let inner = e;
  while (ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  return inner;
}

function isIncrement(e: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): boolean {
  return e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken;
}

/** A read inside nested functions that are each a callback of a method that calls it at once. */
function inCallbackCalledAtOnce(id: ts.Node, fn: ts.Node): boolean {
  for (let n: ts.Node = id.parent; n !== fn; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) return false;
    const call = n.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(n as ts.Expression)) return false;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !CALLS_AT_ONCE.has(callee.name.text)) return false;
  }
  return true;
}

/** A node that may change a field of some object, call the body's own code, or suspend the callee. */
function changesOrCalls(ctx: PrintContext, node: ts.Node): boolean {
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node) || ts.isDeleteExpression(node)) return true;
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
    !ts.isIdentifier(stripTo(node.left))
  )
    return true;
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrement(node))
    return !ts.isIdentifier(stripTo(node.operand));
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const declaration = ctx.checker.getResolvedSignature(node)?.getDeclaration();
    // The body's own functions, closures, class constructors and methods (library calls are known).
    if (!declaration?.getSourceFile().fileName.includes("lib.")) return true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (name === "assign") return true;
    }
    // A library call handed a function that is not written at the call (`xs.forEach(touch)`,
    // `xs.sort(cmp)`, a parameter `f`) runs code this walk does not see.
    for (const a of node.arguments ?? []) {
      const inner = stripTo(a);
      if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) continue;
      if (ctx.checker.getTypeAtLocation(a).getCallSignatures().length > 0) return true;
    }
  }
  // A getter or setter of the body's classes runs the body's code on a property read.
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const declarations =
      ctx.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression)
        ?.declarations ?? [];
    if (
      declarations.some(
        (d) =>
          (ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d)) &&
          !d.getSourceFile().fileName.includes("lib."),
      )
    )
      return true;
  }
  return false;
}
