/**
 * @fileoverview The rest of the standard library, each with JavaScript's behaviour: arrays'
 * `flat`, `flatMap`, `toSorted`, `toReversed`, `with`, `copyWithin`, `join` of nested arrays and
 * of array literals mixing numbers and strings; `String.fromCodePoint`; `split()` without a
 * separator; `Math.clz32`, `Math.imul`, `Math.hypot` of any number of values; `Date` under the
 * `time` capability (support/dates.ts). Dispatched from calls.ts, arrayMethods.ts and
 * stringMethods.ts.
 */
import { ts } from "../typescript.js";
import { asType, NUMBER, STRING, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { arg } from "./calls.js";
import { asText, printExpr, printTo, stringLiteral } from "./expressions.js";
import { toNumberArgument } from "./numberGlobals.js";
import { callbackFor } from "./callbacks.js";
import { asArray } from "./iteration.js";
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";
import { HOST_TEXT_OPS } from "../../../runtime/sandbox/hostText.js";
import { HOST_URL_OPS } from "../../../runtime/sandbox/hostUrl.js";

/** The host's text functions (runtime/sandbox/hostText.ts) a body calls by name: exactly JavaScript's on the same host. */
export const HOST_TEXT_FUNCTIONS: ReadonlySet<string> = new Set(
  HOST_TEXT_OPS.filter(
    (op) => op !== "numberLocale" && op !== "jsonParseError" && !(HOST_URL_OPS as readonly string[]).includes(op),
  ),
);

/** `name(text)` of one of HOST_TEXT_FUNCTIONS (its errors stop the node). */
export function hostText(name: string, text: string): Printed {
  return { text: `__ice_host_text(${STR_OPS.indexOf(name as (typeof STR_OPS)[number])}, ${text})`, type: STRING };
}

type ArrayType = Extract<ValueType, { kind: "array" }>;

/** How many array levels a type has (`number[][]` has 2). */
function depth(t: ValueType): number {
  return t.kind === "array" ? 1 + depth(t.element) : 0;
}

/** Array methods of this file, or undefined when `method` is not one of them. */
export function arrayLibraryMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  a: Printed,
  method: string,
  sort: (copy: Printed) => Printed,
): Printed | undefined {
  const type = a.type as ArrayType;
  const T = asType(type.element);
  switch (method) {
    case "flat": {
      const result = ctx.typeOf(node);
      if (result.kind !== "array") return undefined;
      const levels = depth(type) - depth(result);
      const d = node.arguments[0];
      if (d && !ts.isNumericLiteral(d) && !(ts.isPrefixUnaryExpression(d) && ts.isNumericLiteral(d.operand)))
        return ctx.refuse(d, "flat with a computed depth", "write the depth as a number: flat(2)");
      let text = `${a.text}.slice(0)`;
      let level: ValueType = type;
      for (let k = 0; k < levels; k++) {
        const inner = (level as ArrayType).element as ArrayType;
        text = `__ice_flat<${asType(inner.element)}>(${text})`;
        level = inner;
      }
      return { text, type: result };
    }
    case "flatMap": {
      const callback = node.arguments[0]!;
      const signature = ctx.checker.getSignaturesOfType(
        ctx.checker.getTypeAtLocation(callback),
        ts.SignatureKind.Call,
      )[0];
      if (!signature) return undefined;
      const returned = ctx.typeOf(callback, signature.getReturnType());
      const f = callbackFor(ctx, callback, 3, [type.element], returned);
      if (returned.kind === "array")
        return {
          text: `__ice_flat_map<${T}, ${asType(returned.element)}, ${f.envType}>(${a.text}, ${f.name}, ${f.env})`,
          type: returned,
        };
      return {
        text: `__ice_map<${T}, ${asType(returned)}, ${f.envType}>(${a.text}, ${f.name}, ${f.env})`,
        type: { kind: "array", element: returned },
      };
    }
    case "toSorted":
      return sort({ text: `${a.text}.slice(0)`, type });
    case "toReversed":
      return { text: `${a.text}.slice(0).reverse()`, type };
    case "toSpliced": {
      // A copy, spliced (the removed elements are dropped).
      const copy = ctx.temp(type);
      const items = node.arguments.slice(2).map((x) => printTo(ctx, x, type.element));
      const count = node.arguments[1] ? arg(ctx, node, 1, NUMBER, "") : "Infinity";
      const start = arg(ctx, node, 0, NUMBER, "0.0");
      return {
        text: `(${copy} = ${a.text}.slice(0), __ice_splice<${T}>(${copy}, ${start}, ${count}, <Array<${T}>>[${items.join(", ")}]), ${copy})`,
        type,
      };
    }
    case "with":
      return {
        text: `__ice_with<${T}>(${a.text}, ${arg(ctx, node, 0, NUMBER, "0.0")}, ${arg(ctx, node, 1, type.element, "")})`,
        type,
      };
    case "copyWithin":
      return {
        text: `__ice_copy_within<${T}>(${a.text}, ${arg(ctx, node, 0, NUMBER, "0.0")}, ${arg(ctx, node, 1, NUMBER, "0.0")}, ${arg(ctx, node, 2, NUMBER, "Infinity")})`,
        type,
      };
    default:
      return undefined;
  }
}

/** Text of a value as `String(v)` and `join` give it, arrays included (`[1, [2, 3]]` is "1,2,3"). */
function joinText(t: ValueType): boolean {
  return (
    t.kind === "string" || t.kind === "number" || t.kind === "boolean" || (t.kind === "array" && joinText(t.element))
  );
}

/** `join` of an array whose elements are arrays (String of each, recursively). */
export function joinNested(ctx: PrintContext, node: ts.CallExpression, a: Printed): Printed | undefined {
  const type = a.type as ArrayType;
  if (!joinText(type)) return undefined;
  return {
    text: `__ice_join_text<${asType(type.element)}>(${a.text}, ${arg(ctx, node, 0, STRING, '","')})`,
    type: STRING,
  };
}

/**
 * `[n, "of", 10].join(" ")`: an array literal whose elements have different types is joined
 * element by element (each as `String(x)` would give it), without building the array.
 */
export function joinLiteral(
  ctx: PrintContext,
  node: ts.CallExpression,
  literal: ts.ArrayLiteralExpression,
): Printed | undefined {
  // The separator is evaluated after the elements in JavaScript: only a literal one here.
  const separator = node.arguments[0];
  if (separator && !ts.isStringLiteralLike(separator)) return undefined;
  const sep = separator ? stringLiteral(separator.text) : '","';
  const parts = literalParts(ctx, literal);
  if (!parts) return undefined;
  if (parts.length === 0) return { text: '""', type: STRING };
  return { text: `(${parts.join(` + ${sep} + `)})`, type: STRING };
}

/** Each element's text (`String(x)`), nested literals joined with ",". */
function literalParts(ctx: PrintContext, literal: ts.ArrayLiteralExpression): string[] | undefined {
  if (literal.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e))) return undefined;
  return literal.elements.map((e) => {
    const inner = stripParens(e);
    if (ts.isArrayLiteralExpression(inner)) {
      const nested = literalParts(ctx, inner);
      if (!nested) return ctx.refuse(e, "joining this element", "map it to a string first");
      return nested.length === 0 ? '""' : `(${nested.join(' + "," + ')})`;
    }
    const printed = printExpr(ctx, e);
    if (printed.type.kind === "array") {
      if (!joinText(printed.type)) return ctx.refuse(e, "joining this element", "map it to a string first");
      return `__ice_join_text<${asType(printed.type.element)}>(${printed.text}, ",")`;
    }
    return asText(ctx, printed, e);
  });
}

/** `String.fromCodePoint(a, b, ...)`. */
export function fromCodePoint(ctx: PrintContext, node: ts.CallExpression): Printed {
  if (node.arguments.some(ts.isSpreadElement)) {
    if (node.arguments.length !== 1)
      return ctx.refuse(node, "String.fromCodePoint with a spread among other arguments", "spread one array alone");
    const list = asArray(ctx, (node.arguments[0] as ts.SpreadElement).expression, NUMBER);
    return { text: `__ice_from_code_points(${list})`, type: STRING };
  }
  if (node.arguments.length === 0) return { text: '""', type: STRING };
  const parts = node.arguments.map((a) => `__ice_from_code_point(${printTo(ctx, a, NUMBER)})`);
  return { text: `(${parts.join(" + ")})`, type: STRING };
}

/** Math functions of this file, or undefined. */
export function mathLibrary(ctx: PrintContext, node: ts.CallExpression, method: string): Printed | undefined {
  const args = node.arguments;
  // ToNumber of an argument (an `any` converts as JavaScript converts it); absent: NaN.
  const numberArg = (i: number): string => (args[i] ? toNumberArgument(ctx, args[i]) : "NaN");
  switch (method) {
    case "clz32":
      return { text: `__ice_clz32(${numberArg(0)})`, type: NUMBER };
    case "imul":
      return {
        text: `__ice_imul(${numberArg(0)}, ${numberArg(1)})`,
        type: NUMBER,
      };
    case "hypot": {
      if (args.length === 1 && ts.isSpreadElement(args[0]!)) {
        const list = asArray(ctx, args[0].expression, NUMBER);
        return { text: `__ice_hypot(${list})`, type: NUMBER };
      }
      if (args.some(ts.isSpreadElement))
        return ctx.refuse(node, "Math.hypot with a spread among other arguments", "spread one array alone");
      if (args.length === 2) return undefined;
      const values = args.map((a) => toNumberArgument(ctx, a));
      return { text: `__ice_hypot(<Array<f64>>[${values.join(", ")}])`, type: NUMBER };
    }
    default:
      return undefined;
  }
}
