/**
 * @fileoverview Calls: the library declared in lib/core.ts (string, array, Map, Set, number
 * methods, `String`, `Number`, `parseInt`, ...; capability globals `Math`, `console`, `Date`),
 * each lowered to code with JavaScript's behaviour (runtimeLib.ts), and calls of the body's own
 * functions (functions.ts). Methods of numbers and strings are in stringMethods.ts, of arrays in
 * arrayMethods.ts, of Map and Set in collectionMethods.ts. Callbacks are lifted functions taking the
 * environment of the function that defines them.
 */
import { ERROR_SUBCLASSES } from "../lib/exceptions.js";
import { printTypedClone } from "./structuredClone.js";
import { ts } from "../typescript.js";
import { mathOp, STR_MODE } from "../runtimeLib.js";
import { asType, BOOLEAN, isBoxed, NUMBER, STRING, type ValueType, VOID } from "../types.js";
import { printPluginCall } from "./async.js";
import { numberTest, numericArgument, printNumberCall, toNumberArgument } from "./numberGlobals.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { asText, isLiftedConst, printExpr, printTo, truthy } from "./expressions.js";
import { callLifted } from "./functions.js";
import { invoke } from "./closures.js";
import { hasSpread, packArray } from "./parameters.js";
import { arrayMethod } from "./arrayMethods.js";
import { collectionMethod } from "./collectionMethods.js";
import { numberMethod, stringMethod } from "./stringMethods.js";
import { arrayFrom, arrayOf, asArray, collectionFrom, isIterator } from "./iteration.js";
import { iteratorNext, iteratorValue } from "./iterators.js";

/** Methods that make an iterator (kept as a value: iterators.ts). */
const ITERATOR_METHODS: ReadonlySet<string> = new Set(["keys", "values", "entries"]);
import { fromCodePoint, HOST_TEXT_FUNCTIONS, hostText, joinLiteral, mathLibrary } from "./library.js";
import { isCatchableUri, printCatchableUri } from "./catchableUri.js";
import { dateMethod, dateStatic, newDate } from "./dates.js";
import { newUrl, urlMethod, urlStatic } from "./urls.js";
import { newUrlSearchParams, urlParamsMethod } from "./urlSearchParams.js";
import { printRegexConstructor, regexMethod } from "./regexMethods.js";
import { optionalCall } from "./optionalCall.js";
import { arrayLengthArgument, printArrayCall, refuseHoles } from "./arrayConstructor.js";
import { numberFormatMethod, printNewNumberFormat } from "./numberLocale.js";

const STRING_ARRAY: ValueType = { kind: "array", element: STRING };
import { objectCall } from "./objectStatics.js";
import { tupleMethod } from "./tupleMethods.js";
import { includesUndefined } from "../regex/types.js";
import { dictMethod } from "./objects.js";
import { isHasOwnPropertyCall, printHasOwn } from "./ownProperty.js";
import { jsonArrayMethod, jsonMethod, jsonResult, printIsArray, printJsonCall } from "./jsonCalls.js";

export const box = (t: ValueType) => (isBoxed(t) ? "_box" : "");

export function printCall(ctx: PrintContext, node: ts.CallExpression): Printed {
  const callee = stripParens(node.expression);
  if (node.questionDotToken) {
    // `f?.(args)` of a function value that may be undefined: undefined then, without evaluating the arguments.
    const value = printExpr(ctx, callee);
    const fn = value.type.kind === "optional" ? value.type.inner : value.type;
    if (fn.kind !== "function") return ctx.refuse(node, "'?.()' here", "check the value for undefined first");
    return optionalCall(ctx, node, value, (defined) => invoke(ctx, node, defined));
  }
  if (ts.isIdentifier(callee)) {
    const symbol = ctx.symbolOf(callee);
    if (symbol && ctx.isLocal(symbol)) {
      if (symbol.flags & ts.SymbolFlags.Function || isLiftedConst(ctx, symbol)) return callLifted(ctx, node, symbol);
      const value = printExpr(ctx, callee);
      if (value.type.kind === "function") return invoke(ctx, node, value);
      return ctx.refuse(
        node,
        `calling '${callee.text}'`,
        "call functions declared with `function` or `const f = (...) => ...`",
      );
    }
    return printGlobalCall(ctx, node, callee.text);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (ts.isIdentifier(callee.expression)) {
      const symbol = ctx.symbolOf(callee.expression);
      if (!symbol || !ctx.isLocal(symbol)) {
        const global = callee.expression.text;
        if (global === "kv" || global === "http") return printPluginCall(ctx, node, global, method);
        if (global === "Math") return printMath(ctx, node, method);
        if (global === "JSON") return printJsonCall(ctx, node, method);
        if (global === "Array" && method === "isArray") return printIsArray(ctx, node);
        if (global === "Number") return printGlobalCall(ctx, node, `Number.${method}`);
        if (global === "String" && method === "fromCharCode") return fromCharCode(ctx, node);
        if (global === "String" && method === "fromCodePoint") return fromCodePoint(ctx, node);
        if (global === "console") return printLog(ctx, node, method);
        if (global === "Date") return dateStatic(ctx, node, method);
        if (global === "URL") return urlStatic(ctx, node, method);
        if (global === "Array" && method === "from") return arrayFrom(ctx, node);
        if (global === "Array" && method === "of") return arrayOf(ctx, node);
        if (global === "RegExp") return ctx.refuse(node, `RegExp.${method}`, "call methods of a regular expression");
        if (global === "Object") return objectCall(ctx, node, method);
      }
    }
    if (isHasOwnPropertyCall(ctx, callee)) {
      const [object, key] = node.arguments;
      if (!object) return ctx.refuse(node, "hasOwnProperty.call without an object", "pass the object and the key");
      return printHasOwn(ctx, node, printExpr(ctx, object), object, key);
    }
    if (callee.questionDotToken || ts.isOptionalChain(callee)) {
      // `a?.m()`, and `a?.b.m()` further along a chain that `?.` short-circuits as a whole.
      const receiver = printExpr(ctx, callee.expression);
      return optionalCall(ctx, node, receiver, (defined) => methodCall(ctx, node, defined, method));
    }
    const made = stripParens(callee.expression);
    if (method === "join" && ts.isArrayLiteralExpression(made)) {
      const joined = joinLiteral(ctx, node, made);
      if (joined) return joined;
    }
    const holes = method === "fill" && node.arguments.length === 1 ? arrayLengthArgument(ctx, made) : undefined;
    if (holes) {
      // `new Array<T>(n).fill(v)`, `Array(n).fill(v)`: n copies of v (print/arrayConstructor.ts).
      const type = ctx.typeOf(node);
      if (type.kind === "array") {
        const length = printTo(ctx, holes, NUMBER);
        const value = printTo(ctx, node.arguments[0]!, type.element);
        return { text: `__ice_filled<${asType(type.element)}>(${length}, ${value})`, type };
      }
    }
    if (isIterator(ctx, callee.expression) && method === "next") return iteratorNext(ctx, node, callee.expression);
    if (isIterator(ctx, node) && node.arguments.length === 0 && ITERATOR_METHODS.has(method))
      return iteratorValue(ctx, node);
    if (isIterator(ctx, callee.expression))
      return ctx.refuse(
        node,
        `calling '.${method}()' of an iterator`,
        "use the iterator directly: `for (const x of m.keys())`, `[...m.keys()]` or `Array.from(m.keys())`",
      );
    return methodCall(ctx, node, printExpr(ctx, callee.expression), method);
  } else {
    const value = printExpr(ctx, callee);
    if (value.type.kind === "function") return invoke(ctx, node, value);
  }
  return ctx.refuse(node, `calling '${shortText(node.expression)}'`, "call a supported method");
}

/** `receiver.method(...)` of a library type, or a function stored in a field. */
function methodCall(ctx: PrintContext, node: ts.CallExpression, receiver: Printed, method: string): Printed {
  // A parsed object may hold a key "hasOwnProperty" itself (JavaScript then throws: it is no function).
  if (method === "hasOwnProperty" && receiver.type.kind === "json")
    return ctx.refuse(
      node,
      "calling 'hasOwnProperty' on a value of type 'any' (JSON data may have its own key named so)",
      "write Object.hasOwn(value, key)",
    );
  if (method === "hasOwnProperty" && ["dict", "object"].includes(receiver.type.kind))
    return printHasOwn(
      ctx,
      node,
      receiver,
      (node.expression as ts.PropertyAccessExpression).expression,
      node.arguments[0],
    );
  switch (receiver.type.kind) {
    case "string":
      return stringMethod(ctx, node, receiver, method);
    case "array":
      if (receiver.type.element.kind === "json")
        return jsonResult(
          method,
          jsonArrayMethod(ctx, node, receiver, method) ?? arrayMethod(ctx, node, receiver, method),
        );
      return arrayMethod(ctx, node, receiver, method);
    case "map":
    case "set":
      return jsonResult(method, collectionMethod(ctx, node, receiver, method));
    case "number":
      return numberMethod(ctx, node, receiver, method);
    case "json":
      return jsonMethod(ctx, node, receiver, method, {
        string: stringMethod,
        array: arrayMethod,
        number: numberMethod,
      });
    case "date":
      return dateMethod(ctx, node, receiver, method);
    case "url":
      return urlMethod(ctx, node, receiver, method);
    case "urlParams":
      return urlParamsMethod(ctx, node, receiver, method);
    case "regexp":
      return regexMethod(ctx, node, receiver, method);
    case "numberFormat":
      return numberFormatMethod(ctx, node, receiver, method);
    case "match":
      if (method === "join")
        return { text: `__ice_m_join(${receiver.text}, ${arg(ctx, node, 0, STRING, '","')})`, type: STRING };
      return arrayMethod(ctx, node, { text: `__ice_m_arr(${receiver.text})`, type: STRING_ARRAY }, method);
    case "object": {
      const field = receiver.type.shape.fields.find((f) => f.name === method);
      if (field?.type.kind === "function")
        return invoke(ctx, node, { text: `${receiver.text}.${method}`, type: field.type });
      // An optional function field the checker has narrowed defined (`d.validate && d.validate(x)`).
      if (
        field?.type.kind === "optional" &&
        field.type.inner.kind === "function" &&
        !includesUndefined(ctx.checker.getTypeAtLocation(node.expression))
      )
        return invoke(ctx, node, { text: `(${receiver.text}.${method})!`, type: field.type.inner });
      break;
    }
    case "tuple": {
      const read = tupleMethod(ctx, node, receiver, method);
      if (read) return read;
      break;
    }
    case "dict":
      return dictMethod(ctx, node, receiver, method);
    default:
      break;
  }
  return ctx.refuse(node, `calling '${shortText(node.expression)}'`, "call a supported method");
}

export function printNew(ctx: PrintContext, node: ts.NewExpression): Printed {
  const type = ctx.typeOf(node);
  if (type.kind === "numberFormat") return printNewNumberFormat(ctx, node);
  const callee = node.expression;
  const args = node.arguments ?? [];
  if (
    ts.isIdentifier(callee) &&
    (type.kind === "map" || type.kind === "set" || type.kind === "array") &&
    args.length === 0
  )
    return { text: `new ${asType(type)}()`, type };
  if (ts.isIdentifier(callee) && (type.kind === "set" || type.kind === "map") && args.length === 1) {
    const made = collectionFrom(ctx, node, type);
    if (made) return made;
  }
  if (ts.isIdentifier(callee) && type.kind === "array" && args.length === 1) return refuseHoles(ctx, node);
  if (ts.isIdentifier(callee) && callee.text === "RegExp") return printRegexConstructor(ctx, node);
  if (ts.isIdentifier(callee) && isErrorClass(ctx, callee))
    return { text: errorText(ctx, node.arguments ?? [], callee.text), type };
  if (ts.isIdentifier(callee) && type.kind === "date") return newDate(ctx, node);
  if (ts.isIdentifier(callee) && type.kind === "url") return newUrl(ctx, node);
  if (ts.isIdentifier(callee) && type.kind === "urlParams") return newUrlSearchParams(ctx, node);
  return ctx.refuse(
    node,
    `'new ${shortText(callee)}(...)' here`,
    "use `new Map<K, V>()`, `new Set<T>()`, `[]` or `new Error(message)`",
  );
}

export function errorText(ctx: PrintContext, args: readonly ts.Expression[], cls = "Error"): string {
  return `new ${cls}(${args[0] ? printTo(ctx, args[0], STRING) : '""'})`;
}

/** `Error`, `TypeError`, ... (the library's, not a name of the body). */
export function isErrorClass(ctx: PrintContext, id: ts.Identifier): boolean {
  if (id.text !== "Error" && !ERROR_SUBCLASSES.includes(id.text)) return false;
  const symbol = ctx.symbolOf(id);
  return !symbol || !ctx.isLocal(symbol);
}

export function arg(
  ctx: PrintContext,
  node: ts.CallExpression,
  index: number,
  type: ValueType,
  absent: string,
): string {
  const a = node.arguments[index];
  return a ? printTo(ctx, a, type) : absent;
}

/** `structuredClone(v)`: of a value of type 'any' (support/jsonKeys.ts) or of a typed value (structuredClone.ts). */
function printStructuredClone(ctx: PrintContext, node: ts.CallExpression): Printed {
  const [value] = node.arguments;
  if (!value || node.arguments.length > 1) return ctx.refuse(node, "structuredClone with options", "pass one value");
  const printed = printExpr(ctx, value);
  const t = printed.type;
  if (t.kind === "json") return { text: `__ice_j_clone(${printed.text})`, type: t };
  return printTypedClone(ctx, node, printed);
}

function printGlobalCall(ctx: PrintContext, node: ts.CallExpression, name: string): Printed {
  const [first] = node.arguments;
  if (HOST_TEXT_FUNCTIONS.has(name)) {
    const text = arg(ctx, node, 0, STRING, '"undefined"');
    return isCatchableUri(ctx, node) ? printCatchableUri(ctx, name, text) : hostText(name, text);
  }
  switch (name) {
    case "Array":
      return printArrayCall(ctx, node);
    case "Boolean":
      return { text: first ? truthy(printExpr(ctx, first)) : "false", type: BOOLEAN };
    case "String": {
      if (!first) return { text: '""', type: STRING };
      return { text: asText(ctx, printExpr(ctx, first), first), type: STRING };
    }
    case "Number":
      return printNumberCall(ctx, first);
    case "parseFloat":
    case "Number.parseFloat":
      return { text: `__ice_str_num(${arg(ctx, node, 0, STRING, '""')}, ${STR_MODE.parseFloat}, NaN)`, type: NUMBER };
    case "parseInt":
    case "Number.parseInt":
      return {
        text: `__ice_str_num(${arg(ctx, node, 0, STRING, '""')}, ${STR_MODE.parseInt}, ${arg(ctx, node, 1, NUMBER, "NaN")})`,
        type: NUMBER,
      };
    case "isNaN":
    case "isFinite":
      return { text: `${name}<f64>(${numericArgument(ctx, first)})`, type: BOOLEAN };
    case "Number.isNaN":
      return numberTest(ctx, first, (n) => `isNaN<f64>(${n})`);
    case "Number.isFinite":
      return numberTest(ctx, first, (n) => `isFinite<f64>(${n})`);
    case "Number.isInteger":
      return numberTest(ctx, first, (n) => `__ice_is_integer(${n})`);
    case "Number.isSafeInteger":
      return numberTest(ctx, first, (n) => `__ice_is_safe_integer(${n})`);
    case "structuredClone":
      return printStructuredClone(ctx, node);
    case "Error":
    case "TypeError":
    case "RangeError":
    case "SyntaxError":
    case "URIError":
      return { text: errorText(ctx, node.arguments, name), type: { kind: "error" } };
    case "RegExp":
      return printRegexConstructor(ctx, node);
    default:
      break;
  }
  return ctx.refuse(node, `calling '${name}'`, "call a supported function");
}

function printMath(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const more = mathLibrary(ctx, node, method);
  if (more) return more;
  if ((method === "min" || method === "max") && hasSpread(node.arguments)) {
    // Each `...xs` is folded on its own, then the parts in order (NaN and -0 as JavaScript).
    const parts = node.arguments.map((a) =>
      ts.isSpreadElement(a)
        ? `__ice_max_of(${asArray(ctx, a.expression, NUMBER)}, ${method === "min"})`
        : toNumberArgument(ctx, a),
    );
    return { text: parts.reduce((acc, a) => `Math.${method}(${acc}, ${a})`), type: NUMBER };
  }
  // ToNumber of each argument, as JavaScript (an `any` text or undefined is a number here too).
  const args = node.arguments.map((a) => toNumberArgument(ctx, a));
  const [x = "NaN", y = "NaN"] = args;
  switch (method) {
    case "abs":
    case "floor":
    case "ceil":
    case "trunc":
    case "sqrt":
      return { text: `Math.${method}(${x})`, type: NUMBER };
    case "sign":
      return { text: `__ice_sign(${x})`, type: NUMBER };
    case "min":
    case "max": {
      if (args.length === 0) return { text: method === "min" ? "Infinity" : "-Infinity", type: NUMBER };
      const text = args.reduce((acc, a) => `Math.${method}(${acc}, ${a})`);
      return { text, type: NUMBER };
    }
    case "random":
      return { text: "Math.random()", type: NUMBER };
    default: {
      const op = mathOp(method);
      if (op === undefined) return ctx.refuse(node, `Math.${method}`, "use a supported Math function");
      return { text: `__ice_math(${op}, ${x}, ${y})`, type: NUMBER };
    }
  }
}

function fromCharCode(ctx: PrintContext, node: ts.CallExpression): Printed {
  if (node.arguments.length === 0) return { text: '""', type: STRING };
  return {
    text: `__ice_from_char_codes(${packArray(ctx, node.arguments, { kind: "array", element: NUMBER }, node)})`,
    type: STRING,
  };
}

function printLog(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const parts = node.arguments.map((a) => asText(ctx, printExpr(ctx, a), a));
  const text = parts.length === 0 ? '""' : parts.join(' + " " + ');
  return { text: `console.${method}(${text})`, type: VOID };
}
