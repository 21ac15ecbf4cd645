/**
 * @fileoverview Arguments of calls of the body's own functions and of closures: a missing
 * optional or defaulted argument is passed as undefined (the callee binds the default, as
 * JavaScript does for undefined), a rest parameter receives a new array of the remaining
 * arguments, and `...xs` spreads an array into it. Also the spread arguments of library calls
 * that take any number of values (`xs.push(...ys)`, `Math.max(...xs, 0)`).
 */
import { ts } from "../typescript.js";
import { asType, NUMBER, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo } from "./expressions.js";
import { projectArgument } from "./projection.js";

/** A parameter as a call sees it. */
export interface ParamSlot {
  readonly type: ValueType;
  readonly rest: boolean;
}

/** The printed arguments of a call, one per parameter. */
export function printArguments(
  ctx: PrintContext,
  args: readonly ts.Expression[],
  params: readonly ParamSlot[],
  at: ts.Node,
): string[] {
  const out: string[] = [];
  params.forEach((p, i) => {
    if (p.rest) {
      out.push(packArray(ctx, args.slice(i), p.type, at));
      return;
    }
    const a = args[i];
    if (a && ts.isSpreadElement(a))
      ctx.refuse(
        a,
        "spreading an array into parameters that are not a rest parameter",
        "pass the arguments one by one",
      );
    if (a) {
      const printed = printExpr(ctx, a, p.type);
      const projected =
        ts.isCallExpression(at) || ts.isNewExpression(at) ? projectArgument(ctx, at, a, printed, p.type) : undefined;
      out.push(projected ?? coerce(ctx, printed, p.type, a));
    } else if (p.type.kind === "optional") out.push(`__ice_none<${asType(p.type)}>()`);
    else if (p.type.kind === "json") out.push("__ice_j_undef()");
    else ctx.refuse(at, "a call without one of the arguments", "pass every parameter");
  });
  if (args.length > params.length && !params.some((p) => p.rest))
    ctx.refuse(args[params.length]!, "an argument beyond the function's parameters", "remove it");
  return out;
}

/** A new array of `args` (each a value or `...array`), as a value of `arrayType`. */
export function packArray(
  ctx: PrintContext,
  args: readonly ts.Expression[],
  arrayType: ValueType,
  at: ts.Node,
): string {
  if (arrayType.kind !== "array") return ctx.refuse(at, "this rest parameter", "give it an array type");
  const T = asType(arrayType.element);
  if (args.length === 0) return `new Array<${T}>()`;
  if (args.every((a) => !ts.isSpreadElement(a)))
    return `<Array<${T}>>[${args.map((a) => printTo(ctx, a, arrayType.element)).join(", ")}]`;
  const [only] = args;
  if (args.length === 1 && only && ts.isSpreadElement(only))
    return `${printTo(ctx, only.expression, arrayType)}.slice(0)`;
  const temp = ctx.temp(arrayType);
  const steps = args.map((a) =>
    ts.isSpreadElement(a)
      ? `__ice_push_all<${T}>(${temp}, ${printTo(ctx, a.expression, arrayType)})`
      : `${temp}.push(${printTo(ctx, a, arrayType.element)})`,
  );
  return `(${temp} = new Array<${T}>(), ${steps.join(", ")}, ${temp})`;
}

/** True when a call passes `...array` among its arguments. */
export function hasSpread(args: readonly ts.Expression[]): boolean {
  return args.some((a) => ts.isSpreadElement(a));
}

/** `xs.push(a, ...ys)`: the arguments are read first (an array spread into its own push doubles), then appended. */
export function pushSpread(ctx: PrintContext, node: ts.CallExpression, array: Printed): Printed {
  const values = packArray(ctx, node.arguments, array.type, node);
  const element = asType((array.type as { element: ValueType }).element);
  return { text: `(<f64>__ice_push_all<${element}>(${array.text}, ${values}).length)`, type: NUMBER };
}
