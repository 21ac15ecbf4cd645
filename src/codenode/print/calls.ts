/**
 * @fileoverview Calls: the library declared in lib/core.ts (string, array, Map, Set, number
 * methods, `String`, `Number`, `parseInt`, ...; capability globals `Math`, `console`, `Date`),
 * each lowered to code with JavaScript's behaviour (runtimeLib.ts), and calls of the body's own
 * functions (functions.ts). Callbacks of array methods are lifted functions taking the
 * environment of the function that defines them.
 */
import { ts } from "ts-morph";
import { mathOp, NUM_MODE, STR_MODE } from "../runtimeLib.js";
import { asType, BOOLEAN, NUMBER, optional, STRING, type ValueType, VOID } from "../types.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { asText, isLiftedConst, numberLiteral, printExpr, printTo } from "./expressions.js";
import { callbackFor, callLifted } from "./functions.js";

const box = (t: ValueType) => (t.kind === "number" || t.kind === "boolean" ? "_box" : "");

export function printCall(ctx: PrintContext, node: ts.CallExpression): Printed {
  if (node.questionDotToken) return ctx.refuse(node, "'?.()'", "check the value for undefined first");
  const callee = stripParens(node.expression);
  if (ts.isIdentifier(callee)) {
    const symbol = ctx.symbolOf(callee);
    if (symbol && ctx.isLocal(symbol)) {
      if (symbol.flags & ts.SymbolFlags.Function || isLiftedConst(ctx, symbol)) return callLifted(ctx, node, symbol);
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
        if (global === "Math") return printMath(ctx, node, method);
        if (global === "Number") return printGlobalCall(ctx, node, `Number.${method}`);
        if (global === "String" && method === "fromCharCode") return fromCharCode(ctx, node);
        if (global === "console") return printLog(ctx, node, method);
        if (global === "Date" && method === "now") return { text: "(<f64>Date.now())", type: NUMBER };
      }
    }
    if (callee.questionDotToken) return ctx.refuse(node, "'?.' before a call", "check the value for undefined first");
    const made = stripParens(callee.expression);
    if (method === "fill" && ts.isNewExpression(made) && made.arguments?.length === 1 && node.arguments.length === 1) {
      // `new Array<T>(n).fill(v)`: n copies of v (a bare `new Array(n)` would hold holes).
      const type = ctx.typeOf(node);
      if (type.kind === "array") {
        const length = printTo(ctx, made.arguments[0]!, NUMBER);
        const value = printTo(ctx, node.arguments[0]!, type.element);
        return { text: `__ice_filled<${asType(type.element)}>(${length}, ${value})`, type };
      }
    }
    const receiver = printExpr(ctx, callee.expression);
    switch (receiver.type.kind) {
      case "string":
        return stringMethod(ctx, node, receiver, method);
      case "array":
        return arrayMethod(ctx, node, receiver, method);
      case "map":
      case "set":
        return collectionMethod(ctx, node, receiver, method);
      case "number":
        return numberMethod(ctx, node, receiver, method);
      default:
        break;
    }
  }
  return ctx.refuse(node, `calling '${shortText(node.expression)}'`, "call a supported method");
}

export function printNew(ctx: PrintContext, node: ts.NewExpression): Printed {
  const type = ctx.typeOf(node);
  const callee = node.expression;
  const args = node.arguments ?? [];
  if (
    ts.isIdentifier(callee) &&
    (type.kind === "map" || type.kind === "set" || type.kind === "array") &&
    args.length === 0
  )
    return { text: `new ${asType(type)}()`, type };
  if (ts.isIdentifier(callee) && type.kind === "set" && args.length === 1) {
    const values = printTo(ctx, args[0]!, { kind: "array", element: type.element });
    return { text: `__ice_set_of<${asType(type.element)}>(${values})`, type };
  }
  if (ts.isIdentifier(callee) && type.kind === "array" && args.length === 1)
    return ctx.refuse(
      node,
      "`new Array(n)` on its own (its elements are holes)",
      "write `new Array<T>(n).fill(value)`, or push into `[]`",
    );
  if (ts.isIdentifier(callee) && callee.text === "Error") return { text: errorText(ctx, node.arguments ?? []), type };
  return ctx.refuse(
    node,
    `'new ${shortText(callee)}(...)' here`,
    "use `new Map<K, V>()`, `new Set<T>()`, `[]` or `new Error(message)`",
  );
}

export function errorText(ctx: PrintContext, args: readonly ts.Expression[]): string {
  return `new Error(${args[0] ? printTo(ctx, args[0], STRING) : '""'})`;
}

function arg(ctx: PrintContext, node: ts.CallExpression, index: number, type: ValueType, absent: string): string {
  const a = node.arguments[index];
  return a ? printTo(ctx, a, type) : absent;
}

function printGlobalCall(ctx: PrintContext, node: ts.CallExpression, name: string): Printed {
  const [first] = node.arguments;
  switch (name) {
    case "String": {
      if (!first) return { text: '""', type: STRING };
      return { text: asText(ctx, printExpr(ctx, first), first), type: STRING };
    }
    case "Number": {
      if (!first) return { text: "0.0", type: NUMBER };
      const value = printExpr(ctx, first);
      if (value.type.kind === "number") return value;
      if (value.type.kind === "boolean") return { text: `__ice_bool_num(${value.text})`, type: NUMBER };
      if (value.type.kind === "string")
        return { text: `__ice_str_num(${value.text}, ${STR_MODE.number}, NaN)`, type: NUMBER };
      break;
    }
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
    case "Number.isNaN":
      return { text: `isNaN<f64>(${arg(ctx, node, 0, NUMBER, "NaN")})`, type: BOOLEAN };
    case "isFinite":
    case "Number.isFinite":
      return { text: `isFinite<f64>(${arg(ctx, node, 0, NUMBER, "NaN")})`, type: BOOLEAN };
    case "Number.isInteger":
      return { text: `__ice_is_integer(${arg(ctx, node, 0, NUMBER, "NaN")})`, type: BOOLEAN };
    case "Number.isSafeInteger":
      return { text: `__ice_is_safe_integer(${arg(ctx, node, 0, NUMBER, "NaN")})`, type: BOOLEAN };
    case "Error":
      return { text: errorText(ctx, node.arguments), type: { kind: "error" } };
    default:
      break;
  }
  return ctx.refuse(node, `calling '${name}'`, "call a supported function");
}

function printMath(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const [only] = node.arguments;
  if ((method === "min" || method === "max") && node.arguments.length === 1 && only && ts.isSpreadElement(only)) {
    const list = printTo(ctx, only.expression, { kind: "array", element: NUMBER });
    return { text: `__ice_max_of(${list}, ${method === "min"})`, type: NUMBER };
  }
  const args = node.arguments.map((a) => printTo(ctx, a, NUMBER));
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
      if (node.arguments.some(ts.isSpreadElement))
        return ctx.refuse(
          node,
          `Math.${method} with a spread among other arguments`,
          "spread one array alone: Math.max(...xs)",
        );
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
  const parts = node.arguments.map((a) => `__ice_from_char_code(${printTo(ctx, a, NUMBER)})`);
  return { text: `(${parts.join(" + ")})`, type: STRING };
}

function printLog(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const parts = node.arguments.map((a) => asText(ctx, printExpr(ctx, a), a));
  const text = parts.length === 0 ? '""' : parts.join(' + " " + ');
  return { text: `console.${method}(${text})`, type: VOID };
}

function numberMethod(ctx: PrintContext, node: ts.CallExpression, receiver: Printed, method: string): Printed {
  const digits = node.arguments[0];
  switch (method) {
    case "toString":
      if (!digits) return { text: `__ice_num_str(${receiver.text})`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.radix}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    case "toFixed":
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.fixed}, ${digits ? printTo(ctx, digits, NUMBER) : "0.0"})`,
        type: STRING,
      };
    case "toPrecision":
      if (!digits) return { text: `__ice_num_str(${receiver.text})`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.precision}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    case "toExponential":
      if (!digits) return { text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.exponentialAuto}, 0.0)`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.exponential}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    default:
      return ctx.refuse(node, `number.${method}()`, "use toString, toFixed, toPrecision or toExponential");
  }
}

function stringMethod(ctx: PrintContext, node: ts.CallExpression, s: Printed, method: string): Printed {
  const n = (i: number, absent: string) => arg(ctx, node, i, NUMBER, absent);
  const str = (i: number, absent: string) => arg(ctx, node, i, STRING, absent);
  const r = s.text;
  switch (method) {
    case "at":
      return { text: `__ice_s_at(${r}, ${n(0, "0.0")})`, type: optional(STRING) };
    case "charAt":
      return { text: `${r}.charAt(__ice_idx(${n(0, "0.0")}))`, type: STRING };
    case "charCodeAt":
      return { text: `__ice_char_code(${r}, ${n(0, "0.0")})`, type: NUMBER };
    case "codePointAt":
      return { text: `__ice_code_point(${r}, ${n(0, "0.0")})`, type: optional(NUMBER) };
    case "indexOf":
      return { text: `__ice_s_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")})`, type: NUMBER };
    case "lastIndexOf":
      return { text: `__ice_s_last_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "NaN")})`, type: NUMBER };
    case "includes":
      return { text: `(__ice_s_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")}) >= 0)`, type: BOOLEAN };
    case "startsWith":
      return { text: `__ice_s_starts_with(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")})`, type: BOOLEAN };
    case "endsWith":
      return { text: `__ice_s_ends_with(${r}, ${str(0, '"undefined"')}, ${n(1, "Infinity")})`, type: BOOLEAN };
    case "slice":
      return { text: `__ice_s_slice(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type: STRING };
    case "substring":
      return { text: `__ice_s_substring(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type: STRING };
    case "toUpperCase":
      return { text: `${r}.toUpperCase()`, type: STRING };
    case "toLowerCase":
      return { text: `__ice_lower(${r})`, type: STRING };
    case "trim":
      return { text: `__ice_trim(${r}, true, true)`, type: STRING };
    case "trimStart":
      return { text: `__ice_trim(${r}, true, false)`, type: STRING };
    case "trimEnd":
      return { text: `__ice_trim(${r}, false, true)`, type: STRING };
    case "padStart":
    case "padEnd":
      return { text: `__ice_pad(${r}, ${n(0, "0.0")}, ${str(1, '" "')}, ${method === "padStart"})`, type: STRING };
    case "repeat":
      return { text: `__ice_repeat(${r}, ${n(0, "0.0")})`, type: STRING };
    case "split":
      if (!node.arguments[0])
        return ctx.refuse(node, "split() without a separator", 'write split(",") or put the string in an array');
      return {
        text: `__ice_split(${r}, ${str(0, '""')}, ${n(1, "4294967295.0")})`,
        type: { kind: "array", element: STRING },
      };
    case "replace":
      return { text: `__ice_replace(${r}, ${str(0, '""')}, ${str(1, '"undefined"')})`, type: STRING };
    case "replaceAll":
      return { text: `__ice_replace_all(${r}, ${str(0, '""')}, ${str(1, '"undefined"')})`, type: STRING };
    case "concat":
      return { text: `(${[r, ...node.arguments.map((a) => printTo(ctx, a, STRING))].join(" + ")})`, type: STRING };
    case "toString":
      return s;
    default:
      return ctx.refuse(node, `string.${method}()`, "use a supported string method");
  }
}

function arrayMethod(ctx: PrintContext, node: ts.CallExpression, a: Printed, method: string): Printed {
  const type = a.type as Extract<ValueType, { kind: "array" }>;
  const element = type.element;
  const T = asType(element);
  const r = a.text;
  const n = (i: number, absent: string) => arg(ctx, node, i, NUMBER, absent);
  const callback = (arity: number, result: ValueType) => callbackFor(ctx, node.arguments[0]!, arity, [element], result);
  switch (method) {
    case "at":
      return { text: `__ice_a_at${box(element)}<${T}>(${r}, ${n(0, "0.0")})`, type: optional(element) };
    case "push": {
      if (node.arguments.length === 1)
        return { text: `(<f64>${r}.push(${printTo(ctx, node.arguments[0]!, element)}))`, type: NUMBER };
      const temp = ctx.temp(type);
      const pushes = node.arguments.map((x) => `${temp}.push(${printTo(ctx, x, element)})`);
      return { text: `(${temp} = ${r}, ${pushes.join(", ")}, <f64>${temp}.length)`, type: NUMBER };
    }
    case "pop":
    case "shift":
      return { text: `__ice_${method}${box(element)}<${T}>(${r})`, type: optional(element) };
    case "unshift":
      if (node.arguments.length !== 1)
        return ctx.refuse(node, "unshift with several values", "call unshift once per value, last first");
      return { text: `(<f64>${r}.unshift(${printTo(ctx, node.arguments[0]!, element)}))`, type: NUMBER };
    case "indexOf":
      return { text: `__ice_index_of<${T}>(${r}, ${arg(ctx, node, 0, element, "")}, ${n(1, "0.0")})`, type: NUMBER };
    case "lastIndexOf":
      return {
        text: `__ice_last_index_of<${T}>(${r}, ${arg(ctx, node, 0, element, "")}, ${n(1, "Infinity")})`,
        type: NUMBER,
      };
    case "includes":
      return { text: `__ice_includes<${T}>(${r}, ${arg(ctx, node, 0, element, "")}, ${n(1, "0.0")})`, type: BOOLEAN };
    case "slice":
      return { text: `__ice_slice<${T}>(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type };
    case "concat":
      return {
        text: node.arguments.reduce((acc, x) => `${acc}.concat(${printTo(ctx, x, type)})`, `${r}.slice(0)`),
        type,
      };
    case "join":
      if (element.kind !== "string" && element.kind !== "number" && element.kind !== "boolean")
        return ctx.refuse(node, "join of objects or arrays", "map the elements to strings first");
      return { text: `__ice_join<${T}>(${r}, ${arg(ctx, node, 0, STRING, '","')})`, type: STRING };
    case "splice": {
      const items = node.arguments.slice(2).map((x) => printTo(ctx, x, element));
      const count = node.arguments[1] ? n(1, "") : "Infinity";
      return { text: `__ice_splice<${T}>(${r}, ${n(0, "0.0")}, ${count}, <Array<${T}>>[${items.join(", ")}])`, type };
    }
    case "reverse":
      return { text: `${r}.reverse()`, type };
    case "fill":
      return {
        text: `__ice_fill<${T}>(${r}, ${arg(ctx, node, 0, element, "")}, ${n(1, "0.0")}, ${n(2, "Infinity")})`,
        type,
      };
    case "sort": {
      if (!node.arguments[0]) {
        if (element.kind !== "string" && element.kind !== "number" && element.kind !== "boolean")
          return ctx.refuse(
            node,
            "sort() of objects without a comparator",
            "pass a comparator, e.g. sort((a, b) => a.x - b.x)",
          );
        return { text: `__ice_sort_default<${T}>(${r})`, type };
      }
      const f = callbackFor(ctx, node.arguments[0], 2, [element, element], NUMBER, true);
      return { text: `__ice_sort<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type };
    }
    case "map": {
      const result = ctx.typeOf(node);
      if (result.kind !== "array") break;
      const f = callback(3, result.element);
      return {
        text: `__ice_map<${T}, ${asType(result.element)}, ${f.envType}>(${r}, ${f.name}, ${f.env})`,
        type: result,
      };
    }
    case "filter": {
      const f = callback(3, BOOLEAN);
      return { text: `__ice_filter<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type };
    }
    case "forEach": {
      const f = callback(3, VOID);
      return { text: `__ice_for_each<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type: VOID };
    }
    case "some":
    case "every": {
      const f = callback(3, BOOLEAN);
      return { text: `__ice_${method}<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type: BOOLEAN };
    }
    case "find":
    case "findLast": {
      const f = callback(3, BOOLEAN);
      const helper = method === "find" ? "__ice_find" : "__ice_find_last";
      return {
        text: `${helper}${box(element)}<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`,
        type: optional(element),
      };
    }
    case "findIndex":
    case "findLastIndex": {
      const f = callback(3, BOOLEAN);
      const helper = method === "findIndex" ? "__ice_find_index" : "__ice_find_last_index";
      return { text: `${helper}<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type: NUMBER };
    }
    case "reduce": {
      const result = ctx.typeOf(node);
      if (node.arguments.length < 2) {
        const f = callbackFor(ctx, node.arguments[0]!, 4, [element, element], element, false, true);
        return { text: `__ice_reduce1<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type: element };
      }
      const init = printTo(ctx, node.arguments[1]!, result);
      const f = callbackFor(ctx, node.arguments[0]!, 4, [result, element], result, false, true);
      return {
        text: `__ice_reduce<${T}, ${asType(result)}, ${f.envType}>(${r}, ${f.name}, ${f.env}, ${init})`,
        type: result,
      };
    }
    default:
      break;
  }
  return ctx.refuse(node, `array.${method}()`, "use a supported array method");
}

function collectionMethod(ctx: PrintContext, node: ts.CallExpression, c: Printed, method: string): Printed {
  const t = c.type;
  const key = t.kind === "map" ? t.key : (t as Extract<ValueType, { kind: "set" }>).element;
  const K = asType(key);
  const k = () => `__ice_key<${K}>(${arg(ctx, node, 0, key, "")})`;
  switch (method) {
    case "get":
      if (t.kind !== "map") break;
      return {
        text: `__ice_map_get${box(t.value)}<${K}, ${asType(t.value)}>(${c.text}, ${arg(ctx, node, 0, key, "")})`,
        type: optional(t.value),
      };
    case "set":
      if (t.kind !== "map") break;
      return { text: `${c.text}.set(${k()}, ${arg(ctx, node, 1, t.value, "")})`, type: t };
    case "add":
      if (t.kind !== "set") break;
      return { text: `${c.text}.add(${k()})`, type: t };
    case "has":
      return { text: `${c.text}.has(${k()})`, type: BOOLEAN };
    case "delete":
      return { text: `${c.text}.delete(${k()})`, type: BOOLEAN };
    case "clear":
      return { text: `${c.text}.clear()`, type: VOID };
    default:
      break;
  }
  return ctx.refuse(
    node,
    `${t.kind === "map" ? "Map" : "Set"}.${method}()`,
    "use get, set, add, has, delete, clear or size",
  );
}

export { numberLiteral, coerce };
