/**
 * @fileoverview Functions as values (closure conversion). A function used as a value (an arrow
 * or function expression stored, returned or passed to the body's own functions; a declared
 * function named as a value) becomes an object of the closure class of its function type
 * (functionTypes.ts): a trampoline (a top-level function taking the environment first, then
 * the parameters of the type) and the environment of the scope the function was defined in. Its
 * variables live in environment objects (functions.ts), one per call of a function and one per
 * run of a block or loop iteration that owns captured variables, so a closure keeps the bindings
 * it was created with, as in JavaScript. Calling a function value goes through its class's
 * `__ice_invoke`; a function value passed to an array method is called by an adapter that takes
 * the closure as its environment.
 */
import type { ts } from "ts-morph";
import { asType, sameType, type ValueType } from "../types.js";
import { coerce } from "./coerce.js";
import { type PrintContext, type Printed, shortText } from "./context.js";
import { printExpr } from "./expressions.js";
import { definerEnv, definerEnvClass, type FunctionNode, type Lifted, lift } from "./functions.js";
import { printArguments } from "./parameters.js";
import { perContext } from "./perContext.js";

type FunctionType = Extract<ValueType, { kind: "function" }>;

const trampolines = perContext(() => new Map<string, string>());

/** The function `node` as a value of `target` (a function type; its own type when absent). */
export function closureOf(ctx: PrintContext, node: FunctionNode, at: ts.Node, target?: ValueType): Printed {
  const wanted = target?.kind === "optional" ? target.inner : target;
  const type = wanted?.kind === "function" ? wanted : ctx.typeOf(at);
  if (type.kind !== "function") return ctx.refuse(at, `'${shortText(at)}' as a value`, "call the function instead");
  if (node.typeParameters?.length)
    return ctx.refuse(at, "a generic function used as a value", "wrap it in an arrow function with concrete types");
  const lifted = lift(ctx, node);
  const trampoline = trampolineFor(ctx, node, lifted, type, at);
  const env = definerEnv(ctx, node);
  return { text: `new ${type.shape.name}(${trampoline}, ${env === "0" ? "null" : env})`, type };
}

/** `(e, ...params of the type) => lifted(env as its class, ...)`, once per function and type. */
function trampolineFor(ctx: PrintContext, node: FunctionNode, lifted: Lifted, type: FunctionType, at: ts.Node): string {
  const made = trampolines.of(ctx);
  const key = `${lifted.name}/${type.shape.name}`;
  const found = made.get(key);
  if (found) return found;
  const name = ctx.fresh("tr");
  made.set(key, name);
  const shape = type.shape;
  const envClass = definerEnvClass(ctx, node);
  const env = envClass === "i32" ? "0" : `__ice_env_cast<${envClass}>(e)`;
  const args = lifted.signature.params.map((p, i) => {
    const given = shape.params[i];
    if (!given) return p.rest ? `new ${asType(p.type)}()` : absent(ctx, p.type, at);
    if (given.rest !== p.rest)
      ctx.refuse(at, "a function whose rest parameter does not match its type's", "give both the same parameters");
    return coerce(ctx, { text: `p${i}`, type: given.type }, p.type, at);
  });
  const call = `${lifted.name}(${[env, ...args].join(", ")})`;
  let body: string;
  if (shape.result.kind === "void") body = `${call};`;
  else if (lifted.signature.returnType.kind === "void")
    return ctx.refuse(at, "a function that returns nothing where a result is expected", "return a value");
  else body = `return ${coerce(ctx, { text: call, type: lifted.signature.returnType }, shape.result, at)};`;
  const params = ["e: __ice_Env | null", ...shape.params.map((p, i) => `p${i}: ${asType(p.type)}`)];
  ctx.hoisted.push(`function ${name}(${params.join(", ")}): ${asType(shape.result)} { ${body} }`);
  return name;
}

function absent(ctx: PrintContext, type: ValueType, at: ts.Node): string {
  if (type.kind === "optional") return `__ice_none<${asType(type)}>()`;
  return ctx.refuse(at, "a function with more required parameters than its type gives", "make them optional");
}

/** A call of a function value (a closure object). */
export function invoke(ctx: PrintContext, call: ts.CallExpression, callee: Printed): Printed {
  if (callee.type.kind !== "function")
    return ctx.refuse(call, `calling '${shortText(call.expression)}'`, "check that the function is defined first");
  const shape = callee.type.shape;
  const args = printArguments(ctx, call.arguments, shape.params, call);
  return { text: `${callee.text}.__ice_invoke(${args.join(", ")})`, type: shape.result };
}

/** A function value passed to an array method: an adapter that takes the closure as its environment. */
export function valueCallback(
  ctx: PrintContext,
  arg: ts.Expression,
  expected: readonly ValueType[],
  result: ValueType,
): { name: string; env: string; envType: string } {
  const value = printExpr(ctx, arg);
  if (value.type.kind !== "function")
    return ctx.refuse(arg, "this callback", "pass an arrow function or the name of a function declared in the body");
  const shape = value.type.shape;
  if (shape.params.length > expected.length || shape.params.some((p) => p.rest))
    ctx.refuse(arg, "a callback with more parameters than it is given", "remove the extra parameters");
  const names = expected.map((_, i) => `p${i}`);
  const args = shape.params.map((p, i) => coerce(ctx, { text: names[i]!, type: expected[i]! }, p.type, arg));
  const call = `e.__ice_invoke(${args.join(", ")})`;
  let body: string;
  if (result.kind === "void") body = `${call};`;
  else if (shape.result.kind === "void") return ctx.refuse(arg, "a callback that returns nothing", "return a value");
  else
    body = `return ${sameType(shape.result, result) ? call : coerce(ctx, { text: call, type: shape.result }, result, arg)};`;
  const adapter = ctx.fresh("a");
  const params = [`e: ${shape.name}`, ...expected.map((t, i) => `${names[i]}: ${asType(t)}`)];
  ctx.hoisted.push(`function ${adapter}(${params.join(", ")}): ${asType(result)} { ${body} }`);
  return { name: adapter, env: value.text, envType: shape.name };
}
