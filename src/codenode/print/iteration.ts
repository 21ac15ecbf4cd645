/**
 * @fileoverview Iteration: what `for...of`, `[...spread]`, `Array.from`, `new Set(...)`,
 * `new Map(...)` and `Map/Set.forEach` iterate, with JavaScript's order and its view of a
 * collection changed during the iteration. Arrays are read at a live index (elements pushed
 * during the loop are visited), strings by code point, Maps and Sets in insertion order through
 * their live positions (support/iteration.ts), `keys()/values()/entries()` of each. An iterator
 * itself is never a value: it is used where it is written, so its laziness cannot be observed.
 */
import { mapResultElement } from "./emptyArrayResults.js";
import { ts } from "../typescript.js";
import { asType, NUMBER, optional, sameType, STRING, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { callbackFor } from "./callbacks.js";
import { arrayKeys, arrayLengthArgument } from "./arrayConstructor.js";
import { isCatchableAny, iteratedText } from "./catchableAny.js";
import { state } from "./exceptionRegions.js";

/** Something iterable, evaluated once into `collection`, stepped by a `for` header. */
export interface Sequence {
  readonly collection: Printed;
  /** What each step yields. */
  readonly element: ValueType;
  /** The `for (...)` header over collection variable `c` with position `p`, and the element's parts (one, or a tuple's). */
  loop(c: string, p: string): { readonly head: string; readonly parts: readonly string[] };
  /** A new array of the elements in one library call (Map and Set keys or values), when there is one. */
  readonly copy?: (c: string) => string;
  /** The loop's parts one by one, for an iterator object stepped by `next()` (iterators.ts). */
  readonly steps?: (c: string, p: string) => Steps;
}

/** A loop over position `p` of collection `c`: where it starts, while it goes on, how it moves (a statement). */
export interface Steps {
  readonly init: string;
  readonly more: string;
  readonly advance: string;
  readonly parts: readonly string[];
}

/** A sequence stepped by `steps`, its `for` header made from them. */
function stepped(collection: Printed, element: ValueType, steps: (c: string, p: string) => Steps): Sequence {
  return {
    collection,
    element,
    steps,
    loop: (c, p) => {
      const s = steps(c, p);
      return { head: `for (let ${p}: i32 = ${s.init}; ${s.more}; ${s.advance})`, parts: s.parts };
    },
  };
}

type Iter = "values" | "keys" | "entries";

/** The element value of a step (a tuple is built from its parts). */
export function elementOf(sequence: Sequence, parts: readonly string[]): string {
  const t = sequence.element;
  if (t.kind === "tuple" && parts.length === t.elements.length) return `new ${t.shape.name}(${parts.join(", ")})`;
  return parts[0]!;
}

/** What `node` iterates, or a refusal. */
export function sequenceOf(ctx: PrintContext, node: ts.Expression): Sequence {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  let iter: Iter = "values";
  let source: ts.Expression = inner;
  if (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    inner.arguments.length === 0 &&
    !inner.questionDotToken &&
    !inner.expression.questionDotToken
  ) {
    const method = inner.expression.name.text;
    if (method === "keys" || method === "values" || method === "entries") {
      const receiverType = ctx.checker.getTypeAtLocation(inner.expression.expression);
      const name = receiverType.getSymbol()?.getName();
      if (
        name === "Map" ||
        name === "Set" ||
        name === "ArrayWithHoles" ||
        name === "URLSearchParams" ||
        ctx.checker.isArrayType(receiverType)
      ) {
        iter = method;
        source = inner.expression.expression;
      }
    }
  }
  const holes = iter === "keys" ? arrayLengthArgument(ctx, source) : undefined;
  if (holes) return arrayKeys(ctx, holes);
  const collection = printExpr(ctx, source);
  const t = collection.type;
  const pair = (a: ValueType, b: ValueType) => ctx.classes.tuple([a, b]);
  switch (t.kind) {
    case "array": {
      const element = iter === "keys" ? NUMBER : iter === "entries" ? pair(NUMBER, t.element) : t.element;
      return stepped(collection, element, (c, p) => ({
        init: "0",
        more: `${p} < ${c}.length`,
        advance: `${p}++`,
        parts: iter === "keys" ? [`<f64>${p}`] : iter === "entries" ? [`<f64>${p}`, `${c}[${p}]`] : [`${c}[${p}]`],
      }));
    }
    case "string":
      if (source !== inner) break;
      return {
        collection,
        element: STRING,
        loop: (c, p) => ({
          head: `for (let ${p}: i32 = 0; ${p} < ${c}.length; ${p} += __ice_cp_len(${c}, ${p}))`,
          parts: [`${c}.substring(${p}, ${p} + __ice_cp_len(${c}, ${p}))`],
        }),
      };
    case "map": {
      const entries = source === inner || iter === "entries";
      const element = entries ? pair(t.key, t.value) : iter === "keys" ? t.key : t.value;
      return {
        ...stepped(collection, element, (c, p) => ({
          init: `${c}.begin()`,
          more: `${p} >= 0`,
          advance: `${p} = ${c}.next(${p} + 1)`,
          parts: entries ? [`${c}.ks[${p}]`, `${c}.vs[${p}]`] : [`${c}.${iter === "keys" ? "ks" : "vs"}[${p}]`],
        })),
        ...(entries ? {} : { copy: (c: string) => `${c}.${iter === "keys" ? "keys" : "values"}()` }),
      };
    }
    case "set": {
      const element = iter === "entries" ? pair(t.element, t.element) : t.element;
      return {
        ...stepped(collection, element, (c, p) => ({
          init: `${c}.begin()`,
          more: `${p} >= 0`,
          advance: `${p} = ${c}.next(${p} + 1)`,
          parts: iter === "entries" ? [`${c}.ks[${p}]`, `${c}.ks[${p}]`] : [`${c}.ks[${p}]`],
        })),
        ...(iter === "entries" ? {} : { copy: (c: string) => `${c}.values()` }),
      };
    }
    case "urlParams": {
      // The engine's iterator reads the params' current list at each step, by position.
      const entries = source === inner || iter === "entries";
      const element = entries ? pair(STRING, STRING) : STRING;
      return {
        collection,
        element,
        loop: (c, p) => {
          const at = `${c}.l[${p} << 1]`;
          const next = `${c}.l[(${p} << 1) + 1]`;
          return {
            head: `for (let ${p}: i32 = 0; (${p} << 1) < ${c}.l.length; ${p}++)`,
            parts: entries ? [at, next] : iter === "keys" ? [at] : [next],
          };
        },
      };
    }
    case "match":
      // `s.match(re) ?? []`: its strings (support/regexMethods.ts; a capture that did not take
      // part stops the node, as everywhere a match is read as an array of strings).
      if (source !== inner) break;
      return indexed(`__ice_m_arr(${collection.text})`, STRING);
    case "json":
      // A value of type 'any': its array (live), or its string's code points (support/json.ts).
      if (source !== inner) break;
      if (ts.isForOfStatement(node.parent) && isCatchableAny(ctx, node.parent)) {
        // In a try: JavaScript's TypeError for a value that is not iterable (catchableAny.ts).
        const text = stringLiteral(iteratedText(ctx, node.parent));
        return indexed(`__ice_j_iter_try(${collection.text}, ${text}, ${state(ctx).line})`, t);
      }
      return indexed(`__ice_j_iter(${collection.text})`, t);
    case "iterator":
      // An iterator object (iterators.ts) goes on from where its `next()` calls left it.
      if (source !== inner) break;
      return {
        collection,
        element: t.element,
        loop: (c, p) => ({ head: `for (let ${p}: i32 = 0; ${c}.step(); ${p}++)`, parts: [`${c}.current()`] }),
      };
    default:
      break;
  }
  return ctx.refuse(node, "iterating this value", "iterate an array, a string, a Map or a Set");
}

/** The elements of the array `text` (of `element`s) evaluates to, by index, read live. */
function indexed(text: string, element: ValueType): Sequence {
  return {
    collection: { text, type: { kind: "array", element } },
    element,
    loop: (c, p) => ({ head: `for (let ${p}: i32 = 0; ${p} < ${c}.length; ${p}++)`, parts: [`${c}[${p}]`] }),
  };
}

/** True when `node` is an iterator (`m.keys()`), which is only ever used where it is written. */
export function isIterator(ctx: PrintContext, node: ts.Expression): boolean {
  const name = ctx.checker.getTypeAtLocation(node).getSymbol()?.getName();
  return name === "IterableIterator" || name === "IteratorObject" || name === "Iterator";
}

/** An iterable as an array of `element`: an array itself (not copied), else its elements collected. */
export function asArray(ctx: PrintContext, node: ts.Expression, element: ValueType): string {
  const type = ctx.checker.getTypeAtLocation(node);
  if (ctx.checker.isArrayType(type)) return printTo(ctx, node, { kind: "array", element });
  return collect(ctx, node, element);
}

/** The elements of an iterable as a new array of `element` (spread, `Array.from`). */
export function collect(ctx: PrintContext, node: ts.Expression, element: ValueType): string {
  const type = ctx.checker.getTypeAtLocation(node);
  if (ctx.checker.isArrayType(type) && !ts.isCallExpression(stripParensOf(node)))
    return `${printTo(ctx, node, { kind: "array", element })}.slice(0)`;
  const sequence = sequenceOf(ctx, node);
  if (sequence.copy && sameType(sequence.element, element)) return sequence.copy(sequence.collection.text);
  const name = ctx.fresh("s");
  const c = "c";
  const { head, parts } = sequence.loop(c, "p");
  const value = coerce(ctx, { text: elementOf(sequence, parts), type: sequence.element }, element, node);
  const E = asType(element);
  ctx.hoisted.push(
    `function ${name}(${c}: ${asType(sequence.collection.type)}): Array<${E}> {\n  const r = new Array<${E}>();\n  ${head} r.push(${value});\n  return r;\n}`,
  );
  return `${name}(${sequence.collection.text})`;
}

function stripParensOf(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

/** `Array.from(iterable)`, `Array.from(iterable, (v, i) => ...)`, `Array.from({ length: n }, (_, i) => ...)`. */
export function arrayFrom(ctx: PrintContext, node: ts.CallExpression): Printed {
  const result = ctx.typeOf(node);
  if (result.kind !== "array") return ctx.refuse(node, "this Array.from", "build the array with a loop");
  const [source, mapper] = node.arguments;
  if (!source || node.arguments.some(ts.isSpreadElement) || node.arguments.length > 2)
    return ctx.refuse(node, "this form of Array.from", "pass an iterable and at most a mapping function");
  if (!mapper) return { text: collect(ctx, source, result.element), type: result };
  const R = asType(result.element);
  const name = ctx.fresh("s");
  const plain = stripParensOf(source);
  if (ts.isObjectLiteralExpression(plain)) {
    const [property] = plain.properties;
    if (
      plain.properties.length !== 1 ||
      !property ||
      !ts.isPropertyAssignment(property) ||
      !ts.isIdentifier(property.name) ||
      property.name.text !== "length"
    )
      return ctx.refuse(source, "this array-like object", "write Array.from({ length: n }, (_, i) => ...)");
    const length = printTo(ctx, property.initializer, NUMBER);
    const hole = optional(NUMBER);
    const f = callbackFor(ctx, mapper, 2, [hole], result.element);
    ctx.hoisted.push(
      `function ${name}(n: f64, e: ${f.envType}): Array<${R}> {\n  const len = __ice_array_length(n);\n  const r = new Array<${R}>();\n  for (let k: i32 = 0; k < len; k++) r.push(${f.name}(e, null, <f64>k, __ice_none<Array<${asType(hole)}>>()));\n  return r;\n}`,
    );
    return { text: `${name}(${length}, ${f.env})`, type: result };
  }
  const sequence = sequenceOf(ctx, source);
  const f = callbackFor(ctx, mapper, 2, [sequence.element], result.element);
  const { head, parts } = sequence.loop("c", "p");
  const T = asType(sequence.element);
  ctx.hoisted.push(
    `function ${name}(c: ${asType(sequence.collection.type)}, e: ${f.envType}): Array<${R}> {\n  const r = new Array<${R}>();\n  let k = 0.0;\n  ${head} { r.push(${f.name}(e, ${elementOf(sequence, parts)}, k, __ice_none<Array<${T}>>())); k++; }\n  return r;\n}`,
  );
  return { text: `${name}(${sequence.collection.text}, ${f.env})`, type: result };
}

/** `Array.of(a, b, ...)`: the array of its arguments. */
export function arrayOf(ctx: PrintContext, node: ts.CallExpression): Printed {
  const result = ctx.typeOf(node);
  if (result.kind !== "array") return ctx.refuse(node, "this Array.of", "write an array literal");
  if (node.arguments.some(ts.isSpreadElement)) return ctx.refuse(node, "Array.of(...spread)", "write [...xs]");
  if (node.arguments.length === 0) return { text: `new Array<${asType(result.element)}>()`, type: result };
  const items = node.arguments.map((a) => printTo(ctx, a, result.element));
  return { text: `(<${asType(result)}>[${items.join(", ")}])`, type: result };
}

/** `new Set(iterable)` and `new Map(iterable of [key, value])`. */
export function collectionFrom(ctx: PrintContext, node: ts.NewExpression, type: ValueType): Printed | undefined {
  const [source] = node.arguments ?? [];
  if (!source || (node.arguments?.length ?? 0) !== 1) return undefined;
  // An array of the very elements is only read (no user code runs meanwhile): no copy.
  const expected = ts.isCallExpression(source) ? mapResultElement(ctx, source) : undefined;
  const given: ValueType | undefined = expected
    ? { kind: "array", element: ctx.typeOf(source, expected) }
    : ctx.checker.isArrayType(ctx.checker.getTypeAtLocation(source))
      ? ctx.typeOf(source)
      : undefined;
  const array = (element: ValueType) => given?.kind === "array" && sameType(given.element, element);
  if (type.kind === "set") {
    const values = array(type.element)
      ? printTo(ctx, source, { kind: "array", element: type.element })
      : collect(ctx, source, type.element);
    return { text: `__ice_set_of<${asType(type.element)}>(${values})`, type };
  }
  if (type.kind === "map") {
    const entry = ctx.classes.tuple([type.key, type.value]);
    const entries = array(entry)
      ? printTo(ctx, source, { kind: "array", element: entry })
      : collect(ctx, source, entry);
    return { text: `__ice_map_of<${asType(type.key)}, ${asType(type.value)}, ${asType(entry)}>(${entries})`, type };
  }
  return undefined;
}

/** `m.forEach((value, key) => ...)` and `s.forEach((value) => ...)`, live as a for...of. */
export function collectionForEach(ctx: PrintContext, node: ts.CallExpression, c: Printed): Printed {
  const t = c.type;
  if (t.kind !== "map" && t.kind !== "set") return ctx.refuse(node, "this forEach", "use for...of");
  const [callback] = node.arguments;
  if (!callback || node.arguments.length !== 1)
    return ctx.refuse(node, "forEach with a second argument", "use for...of");
  const key = t.kind === "map" ? t.key : t.element;
  const value = t.kind === "map" ? t.value : t.element;
  const f = callbackFor(ctx, callback, 2, [value, key], { kind: "void" });
  const name = ctx.fresh("s");
  const parts = t.kind === "map" ? ["c.vs[p]", "c.ks[p]"] : ["c.ks[p]", "c.ks[p]"];
  ctx.hoisted.push(
    `function ${name}(c: ${asType(t)}, e: ${f.envType}): void {\n  for (let p: i32 = c.begin(); p >= 0; p = c.next(p + 1)) ${f.name}(e, ${parts.join(", ")}, 0.0, __ice_none<Array<${asType(key)}>>());\n}`,
  );
  return { text: `${name}(${c.text}, ${f.env})`, type: { kind: "void" } };
}
