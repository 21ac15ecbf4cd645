/**
 * @fileoverview A default parameter whose value may throw: `function greet(d: any, name = d.user.name)`
 * called from a try, with `user` missing. The default is evaluated on entry only when the argument
 * is undefined (as JavaScript), so its reads of 'any' values (catchableAny.ts) and calls that may
 * throw are hoisted inside that branch, each followed by the check that returns from the function
 * with the exception pending (the caller's check takes it on).
 */
import type { ts } from "../typescript.js";
import { asType, type ValueType, zeroValue } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printTo } from "./expressions.js";
import { lineOf, state } from "./exceptionRegions.js";
import { findThrowing, hoist } from "./throwingCalls.js";

/**
 * The binding of a defaulted parameter named `target` from the argument `given`, with the
 * default's reads checked; undefined when nothing in the default may throw.
 */
export function checkedDefault(
  ctx: PrintContext,
  param: ts.ParameterDeclaration,
  given: Printed,
  declared: ValueType,
  target: string,
): string | undefined {
  const init = param.initializer;
  if (!init || findThrowing(ctx, init).length === 0) return undefined;
  const s = state(ctx);
  const saved = s.line;
  const line = lineOf(ctx, param);
  s.line = line;
  try {
    const reads = hoist(ctx, init, line);
    const fallback = printTo(ctx, init, declared);
    const present =
      given.type.kind === "json"
        ? coerce(ctx, given, declared, param)
        : coerce(ctx, { text: unwrap(given), type: (given.type as { inner: ValueType }).inner }, declared, param);
    const test = given.type.kind === "json" ? `!__ice_j_is_undef(${given.text})` : `${given.text} !== null`;
    const declare = target.includes(".") ? "" : `let ${target}: ${asType(declared)} = ${zeroValue(declared)};\n`;
    return `${declare}if (${test}) {\n${target} = ${present};\n} else {\n__ice_set_line(${line});\n${reads.join("\n")}\n${target} = ${fallback};\n}`;
  } finally {
    s.line = saved;
  }
}
