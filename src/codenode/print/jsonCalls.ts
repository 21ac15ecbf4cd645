/**
 * @fileoverview Calls on JSON values (`__ice_J`, support/json.ts) in the printer: `Array.isArray`,
 * `JSON.parse`, `JSON.stringify`, and methods called on a value of type 'any' (dispatched on its
 * kind at run time, or refused).
 */
import { ts } from "../typescript.js";
import { BOOLEAN, isNullish as isThreeState, JSON_VALUE, STRING, type ValueType } from "../types.js";
import { nullishTest } from "./nullish.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { callbackFor } from "./callbacks.js";
import { toJson } from "./jsonConvert.js";
import { directStringify, literalStringify } from "./jsonWrite.js";
import { coerce } from "./coerce.js";
import { isCatchableParse, printCatchableParse } from "./catchableParse.js";
import { isCatchableAny, methodCallee } from "./catchableAny.js";
import { state } from "./exceptionRegions.js";
import { onlyOn, STRING_AND_ARRAY } from "./jsonMethodKinds.js";

// ---- calls -------------------------------------------------------------------------------------

/** `Array.isArray(x)`. */
export function printIsArray(ctx: PrintContext, node: ts.CallExpression): Printed {
  const [first] = node.arguments;
  if (!first) return { text: "false", type: BOOLEAN };
  const value = printExpr(ctx, first);
  if (value.type.kind === "json") return { text: `__ice_j_is_arr(${value.text})`, type: BOOLEAN };
  // An array or null/undefined (`T[] | null`, `T[] | undefined`): an array when present.
  if (value.type.kind === "optional" && value.type.inner.kind === "array")
    return { text: `(${value.text} !== null)`, type: BOOLEAN };
  // `T[] | null | undefined` (print/nullish.ts): an array when neither.
  if (isThreeState(value.type) && (value.type as { inner: { inner: ValueType } }).inner.inner.kind === "array")
    return { text: `!${nullishTest(value, "null", false, true).text}`, type: BOOLEAN };
  const answer = value.type.kind === "array" ? "true" : "false";
  return { text: /^[\w.!]+$/.test(value.text) ? answer : `(${value.text}, ${answer})`, type: BOOLEAN };
}

/** `JSON.parse(text)` and `JSON.stringify(value, null, space)`. */
export function printJsonCall(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  if (method === "parse") {
    if (node.arguments.length !== 1)
      return ctx.refuse(node, "JSON.parse with a reviver", "parse, then transform the value");
    if (isCatchableParse(ctx, node)) return printCatchableParse(ctx, node);
    return { text: `__ice_j_parse(${printTo(ctx, node.arguments[0]!, STRING)})`, type: JSON_VALUE };
  }
  if (method === "stringify") {
    const [value, replacer, space] = node.arguments;
    if (!value) return ctx.refuse(node, "JSON.stringify()", "give it a value");
    if (replacer && !isNullish(ctx, replacer))
      return ctx.refuse(replacer, "a replacer in JSON.stringify", "build the value you want to print first; pass null");
    const literal = simpleLiteral(value);
    const parts = literal?.map(([key, init]) => ({ key, printed: printExpr(ctx, init, JSON_VALUE), init }));
    const own = parts ? undefined : printExpr(ctx, value, JSON_VALUE);
    let gap = '""';
    if (space) {
      const s = printExpr(ctx, space);
      if (s.type.kind === "number") gap = `__ice_js_gap_num(${s.text})`;
      else if (s.type.kind === "string") gap = `__ice_js_gap_str(${s.text})`;
      else if (s.type.kind === "json") gap = `__ice_js_gap(${s.text})`;
      else if (s.type.kind !== "void") return ctx.refuse(space, "this indentation", "pass a number or a string");
    }
    if (parts) {
      const keys = parts.map((p) => p.key);
      const direct = literalStringify(
        ctx,
        keys,
        parts.map((p) => p.printed),
        gap,
        value,
      );
      if (direct) return { text: direct, type: STRING };
      // As printJsonObject builds it.
      let object = "__ice_j_newobj()";
      for (const p of parts)
        object = `__ice_j_prop(${object}, ${stringLiteral(p.key)}, ${coerce(ctx, p.printed, JSON_VALUE, p.init)})`;
      return { text: `__ice_j_stringify(${object}, ${gap})`, type: STRING };
    }
    const direct = directStringify(ctx, own!.type, own!.text, gap, value);
    if (direct) return { text: direct, type: STRING };
    return { text: `__ice_j_stringify(${coerce(ctx, own!, JSON_VALUE, value)}, ${gap})`, type: STRING };
  }
  return ctx.refuse(node, `JSON.${method}`, "use JSON.parse or JSON.stringify");
}

/**
 * The keys and values of an object literal given to JSON.stringify, when it is plain: named
 * (identifier, string or number) properties and shorthands only, no `__proto__`, no repeated key.
 */
function simpleLiteral(value: ts.Expression): [string, ts.Expression][] | undefined {
  const node = stripParens(value);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const out: [string, ts.Expression][] = [];
  for (const p of node.properties) {
    if (ts.isShorthandPropertyAssignment(p) && !p.objectAssignmentInitializer) out.push([p.name.text, p.name]);
    else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
      out.push([p.name.text, p.initializer]);
    else if (ts.isPropertyAssignment(p) && ts.isNumericLiteral(p.name))
      out.push([String(Number(p.name.text)), p.initializer]);
    else return undefined;
  }
  const keys = out.map(([k]) => k);
  if (keys.includes("__proto__") || new Set(keys).size !== keys.length) return undefined;
  return out;
}

function isNullish(ctx: PrintContext, node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (inner.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(inner) && inner.text === "undefined") {
    const symbol = ctx.symbolOf(inner);
    return !symbol || !ctx.isLocal(symbol);
  }
  return false;
}

/**
 * A method called on a JSON value. A method only strings (arrays, numbers) have runs as that
 * kind's method once the value is checked to be one (any other JSON value has no such method:
 * JavaScript throws a TypeError there too); one strings and arrays share is dispatched at run time.
 */
export function jsonMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  receiver: Printed,
  method: string,
  methods: JsonMethods,
): Printed {
  const temp = ctx.temp(JSON_VALUE);
  // In a try, a value of another kind throws JavaScript's TypeError (catchableAny.ts).
  const callee = isCatchableAny(ctx, node) ? methodCallee(node) : undefined;
  const checked = (kind: string, plain: string): string =>
    callee === undefined
      ? `${plain}(${temp})`
      : `__ice_j_${kind}_try(${temp}, ${stringLiteral(method)}, ${stringLiteral(callee)}, ${state(ctx).line})`;
  const asString: Printed = { text: checked("str", "__ice_j_to_str"), type: STRING };
  const asArray: Printed = { text: checked("arr", "__ice_j_to_arr"), type: { kind: "array", element: JSON_VALUE } };
  const set = `${temp} = ${receiver.text}`;
  const seq = (p: Printed): Printed => ({ text: `(${set}, ${p.text})`, type: p.type });
  if (method === "toString" && node.arguments.length === 0)
    return { text: `__ice_j_to_string(${receiver.text})`, type: STRING };
  if (onlyOn("string", method)) return seq(methods.string(ctx, node, asString, method));
  if (onlyOn("array", method))
    return seq(
      jsonResult(method, jsonArrayMethod(ctx, node, asArray, method) ?? methods.array(ctx, node, asArray, method)),
    );
  if (onlyOn("number", method) || (method === "toString" && node.arguments.length === 1))
    return seq(methods.number(ctx, node, { text: checked("num", "__ice_j_to_num"), type: { kind: "number" } }, method));
  if (STRING_AND_ARRAY.has(method)) {
    const s = methods.string(ctx, node, { text: `${temp}.s`, type: STRING }, method);
    const a = jsonResult(
      method,
      jsonArrayMethod(ctx, node, asArray, method) ?? methods.array(ctx, node, asArray, method),
    );
    return {
      text: `(${set}, __ice_j_is_str(${temp}) ? ${toJson(ctx, s, node)} : ${toJson(ctx, a, node)})`,
      type: JSON_VALUE,
    };
  }
  return ctx.refuse(
    node,
    `calling '.${method}()' on a value of type 'any'`,
    'narrow it first: `if (typeof x === "string")`, `if (Array.isArray(x))`, or read it into a typed variable',
  );
}

/** The typed printers of methods (calls.ts), passed in to keep the imports one way. */
export interface JsonMethods {
  readonly string: (ctx: PrintContext, node: ts.CallExpression, s: Printed, method: string) => Printed;
  readonly array: (ctx: PrintContext, node: ts.CallExpression, a: Printed, method: string) => Printed;
  readonly number: (ctx: PrintContext, node: ts.CallExpression, n: Printed, method: string) => Printed;
}

/** Methods whose result is `element | undefined`: for JSON elements, the helpers' null becomes undefined. */
const MAYBE_MISSING = new Set(["at", "pop", "shift", "find", "findLast", "get"]);

/** A typed library call's result where its type says `any | undefined` (one JSON value). */
export function jsonResult(method: string, printed: Printed): Printed {
  return printed.type.kind === "json" && MAYBE_MISSING.has(method)
    ? { text: `__ice_j_opt(${printed.text})`, type: printed.type }
    : printed;
}

/** Methods of `any[]` that compare or print elements: with JavaScript's equality and ToString; undefined for the rest. */
export function jsonArrayMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  a: Printed,
  method: string,
): Printed | undefined {
  const argument = (i: number, type: ValueType, absent: string) =>
    node.arguments[i] ? printTo(ctx, node.arguments[i]!, type) : absent;
  switch (method) {
    case "includes":
      return {
        text: `__ice_j_includes(${a.text}, ${argument(0, JSON_VALUE, "__ice_j_undef()")}, ${argument(1, { kind: "number" }, "0.0")})`,
        type: BOOLEAN,
      };
    case "indexOf":
      return {
        text: `__ice_j_index_of(${a.text}, ${argument(0, JSON_VALUE, "__ice_j_undef()")}, ${argument(1, { kind: "number" }, "0.0")})`,
        type: { kind: "number" },
      };
    case "lastIndexOf":
      return {
        text: `__ice_j_last_index_of(${a.text}, ${argument(0, JSON_VALUE, "__ice_j_undef()")}, ${argument(1, { kind: "number" }, "Infinity")})`,
        type: { kind: "number" },
      };
    case "join":
      return { text: `__ice_j_join(${a.text}, ${argument(0, STRING, '","')})`, type: STRING };
    case "map": {
      // On a value of type 'any' the call's own type is 'any': the result is an any[].
      if (!node.arguments[0] || !(ctx.checker.getTypeAtLocation(node).flags & ts.TypeFlags.Any)) return undefined;
      const f = callbackFor(ctx, node.arguments[0], 3, [JSON_VALUE], JSON_VALUE);
      return {
        text: `__ice_map<__ice_J, __ice_J, ${f.envType}>(${a.text}, ${f.name}, ${f.env})`,
        type: { kind: "array", element: JSON_VALUE },
      };
    }
    case "sort":
      if (node.arguments.length === 0)
        return ctx.refuse(node, "sort() of values of type 'any' without a comparator", "pass a comparator");
      return undefined;
    default:
      return undefined;
  }
}
