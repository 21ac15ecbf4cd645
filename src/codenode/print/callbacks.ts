/**
 * @fileoverview Callbacks passed to the library's helpers (array methods, comparators, Array.from):
 * a function of the body is lifted (functions.ts) and called through an adapter with the helper's
 * signature `(env, ...leading, index, array)`; library functions (`map(Number)`) and function
 * values take their own paths (libraryCallbacks.ts, closures.ts).
 */
import type { ts } from "ts-morph";
import { libraryCallback } from "./libraryCallbacks.js";
import { asType, sameType, type ValueType } from "../types.js";
import { valueCallback } from "./closures.js";
import { type PrintContext, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { fromJson } from "./jsonConvert.js";
import { truthy } from "./expressions.js";
import { definerEnv, definerEnvClass, functionArgument, lift } from "./functions.js";

/** What an array helper needs to call a callback: a function name, an environment and its type. */
export interface Callback {
  readonly name: string;
  readonly env: string;
  readonly envType: string;
  /** `name` is a function of the module (a callback written in the body), callable directly. */
  readonly direct?: boolean;
}

/**
 * The callback `arg` adapted to a helper's signature: `(env, ...leading, index, array)` for
 * array methods (`leading` the values it receives), `(env, a, b)` for comparators.
 */
export function callbackFor(
  ctx: PrintContext,
  arg: ts.Expression,
  _arity: number,
  leading: readonly ValueType[],
  result: ValueType,
  comparator = false,
  _reducer = false,
): Callback {
  const inner = stripParens(arg);
  const node = functionArgument(ctx, inner);
  const arrayType: ValueType | undefined = comparator
    ? undefined
    : { kind: "array", element: leading[leading.length - 1]! };
  const expected: ValueType[] = comparator ? [...leading] : [...leading, { kind: "number" }, arrayType!];
  if (!node) {
    const library = libraryCallback(ctx, inner, expected, result);
    if (library) return library;
  }
  if (!node || node.typeParameters?.length) return valueCallback(ctx, arg, expected, result);
  const { signature, name } = lift(ctx, node);
  const envType = definerEnvClass(ctx, node);
  if (signature.params.length > expected.length)
    ctx.refuse(arg, "a callback with more parameters than it is given", "remove the extra parameters");
  // `data.names.map((u: string) => ...)`: an element of a value of type 'any' read as the declared
  // type, with the checks of every typed read of parsed data (`const s: string = data.name`).
  const converted = signature.params.map((p, i) =>
    expected[i]!.kind === "json" && p.type.kind !== "json" && p.type.kind !== "void" ? p.type : undefined,
  );
  signature.params.forEach((p, i) => {
    if (!converted[i] && !sameType(p.type, expected[i]!))
      ctx.refuse(
        p.node,
        "a callback parameter of another type than the value it receives",
        "leave the parameter's type to inference",
      );
  });
  const adapter = ctx.fresh("a");
  const names = expected.map((_, i) => `p${i}`);
  const params = [`e: ${envType}`, ...expected.map((t, i) => `${names[i]}: ${asType(t)}`)];
  const args = names
    .slice(0, signature.params.length)
    .map((n, i) => (converted[i] ? fromJson(ctx, { text: n, type: expected[i]! }, converted[i], arg) : n));
  const callText = `${name}(${["e", ...args].join(", ")})`;
  let body: string;
  if (result.kind === "void") body = `${callText};`;
  else if (signature.returnType.kind === "void")
    return ctx.refuse(arg, "a callback that returns nothing", "return a value");
  // A predicate (`filter((w) => w)`, `find((m) => m.name && m.ok)`) counts by JavaScript's truthiness.
  else if (result.kind === "boolean" && signature.returnType.kind !== "boolean")
    body = `return ${truthy({ text: callText, type: signature.returnType })};`;
  else body = `return ${coerce(ctx, { text: callText, type: signature.returnType }, result, arg)};`;
  ctx.hoisted.push(`function ${adapter}(${params.join(", ")}): ${asType(result)} { ${body} }`);
  return { name: adapter, env: definerEnv(ctx, node), envType, direct: true };
}
