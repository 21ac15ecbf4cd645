/**
 * @fileoverview Array methods: callbacks (`map`, `filter`, `reduce`, `sort`, ...) as lifted functions
 * taking their environment, and the rest through support-library helpers with JavaScript's
 * behaviour (index conversion, `undefined` past the end, stable sort). Dispatched from calls.ts.
 */
import { joinObjects } from "./objectText.js";
import { type CallbackLoop, directLoop } from "../support/callbackLoops.js";
import { mergeSortSource } from "../support/mergeSort.js";
import type { ts } from "ts-morph";
import { asType, BOOLEAN, isNullish, NUMBER, optional, STRING, type ValueType, VOID } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { printTo } from "./expressions.js";
import { type Callback, callbackFor } from "./callbacks.js";
import { arg, box } from "./calls.js";
import { arrayLibraryMethod, joinNested } from "./library.js";
import { hasSpread, pushSpread } from "./parameters.js";
import { definedElements } from "./nullish.js";
import { mapResultElement } from "./emptyArrayResults.js";
import { isCatchableReduce, printCatchableReduce } from "./catchableReduce.js";

export function arrayMethod(ctx: PrintContext, node: ts.CallExpression, a: Printed, method: string): Printed {
  const type = a.type as Extract<ValueType, { kind: "array" }>;
  const element = type.element;
  const T = asType(element);
  const r = a.text;
  const n = (i: number, absent: string) => arg(ctx, node, i, NUMBER, absent);
  const callback = (arity: number, result: ValueType) => callbackFor(ctx, node.arguments[0]!, arity, [element], result);
  if (element.kind === "function" && (method === "indexOf" || method === "lastIndexOf" || method === "includes"))
    return ctx.refuse(
      node,
      `${method} of a function`,
      "keep an id or a name next to each function and search for that",
    );
  if (isNullish(element) && (method === "indexOf" || method === "lastIndexOf" || method === "includes")) {
    // Three states (support/nullish.ts): undefined, null and a reference compared apart.
    const X = asType((element as Extract<ValueType, { kind: "optional" }>).inner);
    const value = arg(ctx, node, 0, element, "null");
    if (method === "lastIndexOf")
      return { text: `__ice_nsh_last_index_of<${X}>(${r}, ${value}, ${n(1, "Infinity")})`, type: NUMBER };
    const found = `__ice_nsh_index_of<${X}>(${r}, ${value}, ${n(1, "0.0")})`;
    return method === "indexOf" ? { text: found, type: NUMBER } : { text: `(${found} >= 0)`, type: BOOLEAN };
  }
  switch (method) {
    case "at":
      if (element.kind === "json") return { text: `__ice_a_at_j(${r}, ${n(0, "0.0")})`, type: element };
      return { text: `__ice_a_at${box(element)}<${T}>(${r}, ${n(0, "0.0")})`, type: optional(element) };
    case "push": {
      if (hasSpread(node.arguments)) return pushSpread(ctx, node, a);
      if (node.arguments.length === 1)
        return { text: `(<f64>${r}.push(${printTo(ctx, node.arguments[0]!, element)}))`, type: NUMBER };
      // Every argument is evaluated before the first is pushed (an argument may read the array).
      const temp = ctx.temp(type);
      const values = node.arguments.map((x) => {
        const v = ctx.temp(element);
        return { v, set: `${v} = ${printTo(ctx, x, element)}` };
      });
      const pushes = values.map(({ v }) => `${temp}.push(${v})`);
      const sets = values.map(({ set }) => set);
      return { text: `(${temp} = ${r}, ${sets.join(", ")}, ${pushes.join(", ")}, <f64>${temp}.length)`, type: NUMBER };
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
      if (element.kind === "array") {
        const nested = joinNested(ctx, node, a);
        if (nested) return nested;
      }
      // Objects, arrays, elements that may be undefined: each element's text (objectText.ts).
      if (element.kind !== "string" && element.kind !== "number" && element.kind !== "boolean")
        return { text: joinObjects(ctx, a, arg(ctx, node, 0, STRING, '","'), node), type: STRING };
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
      if (!f.direct) return { text: `__ice_sort<${T}, ${f.envType}>(${r}, ${f.name}, ${f.env})`, type };
      // A comparator written here: a copy of the sort that calls it directly (binaryen inlines it).
      const sorter = ctx.fresh("sort");
      ctx.hoisted.push(
        mergeSortSource({
          name: sorter,
          element: T,
          parameters: `e: ${f.envType}`,
          before: (x, y) => `${f.name}(e, ${x}, ${y}) < 0`,
          unchecked: false,
        }),
      );
      return { text: `${sorter}(${r}, ${f.env})`, type };
    }
    case "map": {
      const expected = mapResultElement(ctx, node);
      const result = expected ? { kind: "array" as const, element: ctx.typeOf(node, expected) } : mapResult(ctx, node);
      if (result.kind !== "array") break;
      const f = callback(3, result.element);
      return {
        text: loopCall(ctx, "__ice_map", `${T}, ${asType(result.element)}, ${f.envType}`, r, f),
        type: result,
      };
    }
    case "filter": {
      const f = callback(3, BOOLEAN);
      const kept = loopCall(ctx, "__ice_filter", `${T}, ${f.envType}`, r, f);
      // `(T | null)[]` filtered by a type guard (`(x): x is T => x !== null`): a `T[]` (print/nullish.ts).
      const guarded = definedElements(ctx.typeOf(node), type, kept);
      return guarded ?? { text: kept, type };
    }
    case "forEach": {
      const f = callback(3, VOID);
      return { text: loopCall(ctx, "__ice_for_each", `${T}, ${f.envType}`, r, f), type: VOID };
    }
    case "some":
    case "every": {
      const f = callback(3, BOOLEAN);
      const loop = method === "some" ? "__ice_some" : "__ice_every";
      return { text: loopCall(ctx, loop, `${T}, ${f.envType}`, r, f), type: BOOLEAN };
    }
    case "find":
    case "findLast": {
      const f = callback(3, BOOLEAN);
      const boxed = box(element) !== "";
      const loop: CallbackLoop =
        method === "find"
          ? boxed
            ? "__ice_find_box"
            : "__ice_find"
          : boxed
            ? "__ice_find_last_box"
            : "__ice_find_last";
      return {
        text: loopCall(ctx, loop, `${T}, ${f.envType}`, r, f),
        type: optional(element),
      };
    }
    case "findIndex":
    case "findLastIndex": {
      const f = callback(3, BOOLEAN);
      const loop = method === "findIndex" ? "__ice_find_index" : "__ice_find_last_index";
      return { text: loopCall(ctx, loop, `${T}, ${f.envType}`, r, f), type: NUMBER };
    }
    case "reduce":
    case "reduceRight": {
      const result = ctx.typeOf(node);
      const right = method === "reduceRight";
      if (node.arguments.length < 2) {
        const f = callbackFor(ctx, node.arguments[0]!, 4, [element, element], element, false, true);
        const loop = right ? "__ice_reduce_right1" : "__ice_reduce1";
        if (isCatchableReduce(ctx, node)) {
          const guarded = printCatchableReduce(ctx, r, a.type, element, (t) =>
            loopCall(ctx, loop, `${T}, ${f.envType}`, t, f),
          );
          return { text: guarded, type: element };
        }
        return { text: loopCall(ctx, loop, `${T}, ${f.envType}`, r, f), type: element };
      }
      const init = printTo(ctx, node.arguments[1]!, result);
      const f = callbackFor(ctx, node.arguments[0]!, 4, [result, element], result, false, true);
      const loop = right ? "__ice_reduce_right" : "__ice_reduce";
      return {
        text: loopCall(ctx, loop, `${T}, ${asType(result)}, ${f.envType}`, r, f, `, ${init}`),
        type: result,
      };
    }
    default: {
      const more = arrayLibraryMethod(ctx, node, a, method, (copy) => arrayMethod(ctx, node, copy, "sort"));
      if (more) return more;
      break;
    }
  }
  return ctx.refuse(node, `array.${method}()`, "use a supported array method");
}

/**
 * The type of `xs.map(cb)`: TypeScript's, but where the receiver is typed only here (`split` of a
 * value of type 'any' is a `string[]` to the printer, 'any' to TypeScript) the array of what the
 * callback returns (the caller turns that new array into the 'any' TypeScript expects).
 */
function mapResult(ctx: PrintContext, node: ts.CallExpression): ValueType {
  const own = ctx.typeOf(node);
  const callback = node.arguments[0];
  if (own.kind !== "json" || !callback) return own;
  const signature = ctx.checker.getTypeAtLocation(callback).getCallSignatures()[0];
  if (!signature) return own;
  return { kind: "array", element: ctx.typeOf(callback, signature.getReturnType()) };
}

/**
 * A call of the callback loop `loop` (support/callbackLoops.ts): for a callback written in the
 * body, a copy of the loop that calls it directly; for any other function value, the library's.
 */
function loopCall(
  ctx: PrintContext,
  loop: CallbackLoop,
  typeArguments: string,
  receiver: string,
  f: Callback,
  extra = "",
): string {
  if (!f.direct) return `${loop}<${typeArguments}>(${receiver}, ${f.name}, ${f.env}${extra})`;
  const name = ctx.fresh("loop");
  ctx.hoisted.push(directLoop(loop, name, f.name));
  return `${name}<${typeArguments}>(${receiver}, ${f.env}${extra})`;
}
