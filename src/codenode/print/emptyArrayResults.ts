/**
 * @fileoverview Callbacks of `map` that return empty array literals, typed by where the result
 * goes: `const groups: string[][] = xs.map(() => [])`, `const nodes: Node[] = xs.map((x) => ({
 * id: x, children: [] }))`, `new Map<string, Node>(xs.map((x) => [x, { id: x, children: [] }]))`.
 * TypeScript types each `[]` there `never[]` and accepts the result where `string[]` is expected;
 * the sandbox needs one element type per array, so the callback returns the expected element type
 * (its `[]` made as arrays of that type), and the map's result is an array of it. Only for results
 * whose type holds a `never[]` (anything else keeps its own type).
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";

/** True when `type` is, or holds in a field, element or tuple member, an array of `never`. */
function holdsNeverArray(checker: ts.TypeChecker, type: ts.Type, depth = 0): boolean {
  if (depth > 4) return false;
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const args = checker.getTypeArguments(type as ts.TypeReference);
    if (checker.isArrayType(type) && args[0] && args[0].flags & ts.TypeFlags.Never) return true;
    return args.some((a) => holdsNeverArray(checker, a, depth + 1));
  }
  if (type.flags & ts.TypeFlags.Object && type.getProperties().length > 0 && !type.getCallSignatures().length) {
    return type.getProperties().some((p) => {
      const d = p.valueDeclaration;
      return !!d && holdsNeverArray(checker, checker.getTypeOfSymbolAtLocation(p, d), depth + 1);
    });
  }
  return false;
}

/** The element type of an array (or an iterable such as a Map constructor's entries) the context expects. */
function expectedElement(checker: ts.TypeChecker, expected: ts.Type): ts.Type | undefined {
  const candidates = expected.isUnion() ? expected.types : [expected];
  for (const t of candidates) {
    if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    if (checker.isArrayType(t)) return checker.getTypeArguments(t as ts.TypeReference)[0];
    const name = t.getSymbol()?.getName();
    if (
      (name === "Iterable" || name === "ReadonlyArray") &&
      (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
    ) {
      const args = checker.getTypeArguments(t as ts.TypeReference);
      if (args.length >= 1) return args[0];
    }
  }
  return undefined;
}

/** `xs.map(cb)` whose callback's result holds a `never[]`: the element type its context expects. */
export function mapResultElement(ctx: PrintContext, call: ts.CallExpression): ts.Type | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "map" || call.arguments.length !== 1)
    return undefined;
  const checker = ctx.checker;
  const own = checker.getTypeAtLocation(call);
  if (!checker.isArrayType(own)) return undefined;
  const element = checker.getTypeArguments(own as ts.TypeReference)[0];
  if (!element || !holdsNeverArray(checker, element)) return undefined;
  const contextual = checker.getContextualType(call);
  if (!contextual) return undefined;
  const expected = expectedElement(checker, contextual);
  if (!expected || holdsNeverArray(checker, expected) || !checker.isTypeAssignableTo(element, expected))
    return undefined;
  return expected;
}

/** The return type a `map` callback written here is given (undefined: its own). */
export function callbackResultFromContext(ctx: PrintContext, fn: ts.Node): ts.Type | undefined {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.type) return undefined;
  let arg: ts.Node = fn;
  while (arg.parent && ts.isParenthesizedExpression(arg.parent)) arg = arg.parent;
  const call = arg.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== arg) return undefined;
  const fromContext = mapResultElement(ctx, call);
  if (fromContext) return fromContext;
  // The map's own element type may already be the expected one (`new Map<string, Node>(xs.map(...))`
  // infers it from the context) while the callback's own return type holds a never[].
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "map") return undefined;
  const checker = ctx.checker;
  const signature = checker.getSignatureFromDeclaration(fn);
  const own = signature && checker.getReturnTypeOfSignature(signature);
  if (!own || !holdsNeverArray(checker, own)) return undefined;
  const result = checker.getTypeAtLocation(call);
  if (!checker.isArrayType(result)) return undefined;
  const element = checker.getTypeArguments(result as ts.TypeReference)[0];
  if (!element || holdsNeverArray(checker, element) || !checker.isTypeAssignableTo(own, element)) return undefined;
  return element;
}
