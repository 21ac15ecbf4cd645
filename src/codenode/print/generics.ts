/**
 * @fileoverview Generic helper functions (`function first<T>(xs: T[]): T | undefined`): each
 * call is printed against an instance of the function for the type arguments the checker
 * resolved there (monomorphization); inside an instance, the value type of `T` is what it was
 * instantiated with (PrintContext.typeArgument).
 */
import type { ts } from "ts-morph";
import type { ValueType } from "../types.js";
import type { PrintContext } from "./context.js";
import type { FunctionNode } from "./functions.js";

/** The type arguments of a call of a generic function, or undefined for a plain one. */
export function instantiation(
  ctx: PrintContext,
  call: ts.CallExpression,
  node: FunctionNode,
): ReadonlyMap<ts.Symbol, ValueType> | undefined {
  const params = node.typeParameters;
  if (!params || params.length === 0) return undefined;
  const signature = ctx.checker.getResolvedSignature(call);
  const types = signature && ctx.checker.getTypeArgumentsForResolvedSignature(signature);
  if (!types || types.length < params.length)
    return ctx.refuse(call, "this call of a generic function", "give the type arguments explicitly: f<string>(...)");
  const bound = new Map<ts.Symbol, ValueType>();
  params.forEach((p, i) => {
    const symbol = ctx.checker.getSymbolAtLocation(p.name);
    if (symbol) bound.set(symbol, ctx.typeOf(call, types[i]));
  });
  return bound;
}
