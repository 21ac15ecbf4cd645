/**
 * @fileoverview Library functions passed as callbacks: `xs.map(Number)`, `xs.map(String)`,
 * `xs.filter(Boolean)`, `cells.map(parseFloat)`, `xs.map(Math.floor)`, `xs.filter(Number.isInteger)`,
 * `parts.map(decodeURIComponent)` (and the other URI and base64 functions).
 * An array method calls its callback with (element, index, array); each function here reads its
 * first argument only, so the call is the function of the element, exactly as JavaScript computes
 * it. Functions whose result depends on the extra arguments (`parseInt` takes the index as its
 * radix, `Math.max` the index and the array) are not in this list: they stay refused, with the
 * advice to write an arrow function.
 */
import { ts } from "../typescript.js";
import { mathOp, STR_MODE } from "../runtimeLib.js";
import { asType, BOOLEAN, NUMBER, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { asText, truthy } from "./expressions.js";
import type { Callback } from "./callbacks.js";
import { HOST_TEXT_FUNCTIONS, hostText } from "./library.js";

/** One-argument Math functions printed directly by AssemblyScript (exact: IEEE operations). */
const DIRECT_MATH = new Set(["abs", "floor", "ceil", "trunc", "sqrt"]);
/** One-argument Math functions of the host intrinsic (exact: JavaScript's own). */
const INTRINSIC_MATH = new Set([
  "round",
  "cbrt",
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "fround",
]);

/** The library function `arg` names, as `Name` or `Math.name`; undefined for anything else. */
function libraryName(ctx: PrintContext, arg: ts.Expression): string | undefined {
  const isGlobal = (id: ts.Identifier): boolean => {
    const symbol = ctx.symbolOf(id);
    return !symbol || !ctx.isLocal(symbol);
  };
  if (ts.isIdentifier(arg) && isGlobal(arg)) return arg.text;
  if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression) && isGlobal(arg.expression))
    return `${arg.expression.text}.${arg.name.text}`;
  return undefined;
}

/** `name(x)` for the element `x`, or undefined when `name` is not one of the functions above. */
function applied(ctx: PrintContext, name: string, x: Printed, at: ts.Node): Printed | undefined {
  const t = x.type.kind;
  switch (name) {
    case "Number":
      if (t === "number") return x;
      if (t === "string") return { text: `__ice_str_num(${x.text}, ${STR_MODE.number}, NaN)`, type: NUMBER };
      if (t === "boolean") return { text: `__ice_bool_num(${x.text})`, type: NUMBER };
      if (t === "json") return { text: `__ice_j_tonum(${x.text})`, type: NUMBER };
      return undefined;
    case "String":
      return t === "number" || t === "string" || t === "boolean" || t === "json"
        ? { text: asText(ctx, x, at), type: { kind: "string" } }
        : undefined;
    case "Boolean":
      return { text: truthy(x), type: BOOLEAN };
    case "parseFloat":
    case "Number.parseFloat":
      return t === "string"
        ? { text: `__ice_str_num(${x.text}, ${STR_MODE.parseFloat}, NaN)`, type: NUMBER }
        : undefined;
    case "isNaN":
    case "Number.isNaN":
      return t === "number" ? { text: `isNaN<f64>(${x.text})`, type: BOOLEAN } : undefined;
    case "isFinite":
    case "Number.isFinite":
      return t === "number" ? { text: `isFinite<f64>(${x.text})`, type: BOOLEAN } : undefined;
    case "Number.isInteger":
      return t === "number" ? { text: `__ice_is_integer(${x.text})`, type: BOOLEAN } : undefined;
    case "Number.isSafeInteger":
      return t === "number" ? { text: `__ice_is_safe_integer(${x.text})`, type: BOOLEAN } : undefined;
  }
  // The host's text functions, as when called directly (calls.ts).
  if (HOST_TEXT_FUNCTIONS.has(name)) return t === "string" ? hostText(name, x.text) : undefined;
  if (!name.startsWith("Math.") || t !== "number") return undefined;
  const method = name.slice("Math.".length);
  if (DIRECT_MATH.has(method)) return { text: `Math.${method}(${x.text})`, type: NUMBER };
  if (method === "sign") return { text: `__ice_sign(${x.text})`, type: NUMBER };
  const op = INTRINSIC_MATH.has(method) ? mathOp(method) : undefined;
  return op === undefined ? undefined : { text: `__ice_math(${op}, ${x.text}, NaN)`, type: NUMBER };
}

/**
 * The callback adapter for a library function passed to an array method, or undefined when `arg`
 * is not one (the caller then treats it as a function value). `expected` are the types the
 * method passes (element first), `result` what it wants back (`filter`, `some`, ... test the
 * result's truthiness, as JavaScript does).
 */
export function libraryCallback(
  ctx: PrintContext,
  arg: ts.Expression,
  expected: readonly ValueType[],
  result: ValueType,
): Callback | undefined {
  const name = libraryName(ctx, arg);
  const first = expected[0];
  if (name === undefined || !first) return undefined;
  const value = applied(ctx, name, { text: "p0", type: first }, arg);
  if (!value) return undefined;
  let body: string;
  if (result.kind === "void") body = `${value.text};`;
  else if (result.kind === "boolean" && value.type.kind !== "boolean") body = `return ${truthy(value)};`;
  else body = `return ${coerce(ctx, value, result, arg)};`;
  const adapter = ctx.fresh("a");
  const params = ["e: usize", ...expected.map((t, i) => `p${i}: ${asType(t)}`)];
  ctx.hoisted.push(`function ${adapter}(${params.join(", ")}): ${asType(result)} { ${body} }`);
  return { name: adapter, env: "0", envType: "usize" };
}
