/**
 * @fileoverview Conversions between typed values and JSON values (`__ice_J`, support/json.ts) in
 * the printer:
 * - a number, string, boolean or `any[]` becomes a JSON value as it is (arrays are shared);
 * - a typed array, object, Map or Set becomes a copy, which is exact only where nothing can see
 *   the difference: inside the value given to `JSON.stringify` and in the body's returned object
 *   (elsewhere JavaScript would share it: refused); an object's keys come in the order its object
 *   literals write them (refused when that order is not known at compile time);
 * - a JSON value read where TypeScript's type is a primitive or `any[]` (narrowed by `typeof`,
 *   `Array.isArray`, or declared) is checked at run time: JavaScript would go on with the value,
 *   the sandbox stops (README "What code nodes support").
 * The conversion functions of typed objects are generated once the whole body is printed
 * (finishJson), when every object literal's key order is known.
 */
import { isFreshParse, parsedReader, readsFieldsOnly } from "./parsedJson.js";
import { ts } from "../typescript.js";
import { subclassDispatch } from "./classKeys.js";
import { absentJsonKind } from "./nullable.js";
import { asType, isPrimitive, JSON_VALUE, type ClassShape, type ValueType, typeKey } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { describe, unwrap } from "./coerce.js";
import { stringLiteral } from "./expressions.js";
import { jsonNumber } from "./jsonNumeric.js";
import { finishWriters } from "./jsonWrite.js";
import { unionToJsonBody } from "./unionTables.js";
import { freshArrayReader, isFreshArray } from "./freshArrays.js";
import { classOfShape } from "./classShapes.js";
import { perContext } from "./perContext.js";
import { toJsonResult } from "./toJsonMethods.js";
import { isFunctionField, keyOrder, type WrittenKey } from "./jsonKeyOrder.js";

export type { WrittenKey };

/** Per body: conversion functions asked for, generated at the end (finishJson). */
interface JsonState {
  readonly conversions: Map<string, { name: string; type: ValueType; sites: ts.Node[] }>;
  /** Shape name -> the key orders its object literals and spreads write ("unknown": not known here). */
  readonly orders: Map<string, (readonly WrittenKey[] | "unknown")[]>;
  /** Shapes whose instances come from the node's inputs (key order and extra keys unknown). */
  readonly inputShapes: Set<string>;
  counter: number;
}
const STATES = perContext<JsonState>(() => ({
  conversions: new Map(),
  orders: new Map(),
  inputShapes: new Set(),
  counter: 0,
}));
function state(ctx: PrintContext): JsonState {
  return STATES.of(ctx);
}

/** Marks the classes of the input schema: their instances' key order is the input's. */
export function markInputShapes(ctx: PrintContext, type: ValueType): void {
  const visit = (t: ValueType): void => {
    if (t.kind === "object") {
      if (state(ctx).inputShapes.has(t.shape.name)) return;
      state(ctx).inputShapes.add(t.shape.name);
      for (const f of t.shape.fields) visit(f.type);
    } else if (t.kind === "array") visit(t.element);
    else if (t.kind === "optional") visit(t.inner);
  };
  visit(type);
}

/**
 * Records the key order an object of `shape` is built with: an object literal's keys, or a
 * spread's parts (shapes.ts), or "unknown" when a spread's keys may come in an order the
 * compiler cannot tell (then turning the shape into JSON is refused).
 */
export function recordOrder(ctx: PrintContext, shape: ClassShape, written: readonly WrittenKey[] | "unknown"): void {
  const orders = state(ctx).orders;
  const list = orders.get(shape.name) ?? [];
  list.push(written === "unknown" ? written : [...written]);
  orders.set(shape.name, list);
}

/** A typed value as a JSON value. */
export function toJson(ctx: PrintContext, printed: Printed, at: ts.Node): string {
  const t = printed.type;
  switch (t.kind) {
    case "json":
      return printed.text;
    case "number":
      return `__ice_jv_num(${printed.text})`;
    case "string":
      return `__ice_jv_str(${printed.text})`;
    case "boolean":
      return `__ice_jv_bool(${printed.text})`;
    case "void":
      return printed.text === "0" ? "__ice_j_undef()" : `(${printed.text}, __ice_j_undef())`;
    case "array":
      if (t.element.kind === "json") return `__ice_jv_arr(${printed.text})`;
      break;
    case "optional":
      if (
        isPrimitive(t.inner) ||
        t.inner.kind === "string" ||
        (t.inner.kind === "array" && t.inner.element.kind === "json")
      )
        return `${conversion(ctx, t, at)}(${printed.text})`;
      break;
    default:
      break;
  }
  if (!consuming(at) && !freshPrimitives(ctx, t, at))
    return ctx.refuse(
      at,
      `using a value of type '${describe(t)}' as a value of type 'any'`,
      "JavaScript would share the object, the sandbox would copy it: keep its declared type, or build the value as a literal where it is used",
    );
  return `${conversion(ctx, t, at)}(${printed.text})`;
}

/**
 * A value built by the expression itself (nothing else refers to it) as a JSON value: the copy
 * cannot be observed, so no aliasing check.
 */
export function freshToJson(ctx: PrintContext, printed: Printed, at: ts.Node): string {
  return `${conversion(ctx, printed.type, at)}(${printed.text})`;
}

/** A JSON value where TypeScript's type is `to`. */
export function fromJson(ctx: PrintContext, printed: Printed, to: ValueType, at: ts.Node): string {
  switch (to.kind) {
    case "json":
      return printed.text;
    case "number":
      return jsonNumber(printed, "to_num");
    case "string":
      return `__ice_j_to_str(${printed.text})`;
    case "boolean":
      return `__ice_j_to_bool(${printed.text})`;
    case "void":
      return printed.text;
    case "array": {
      if (to.element.kind === "json") return `__ice_j_to_arr(${printed.text})`;
      const reader = isFreshArray(ctx, at) && freshArrayReader(to.element, false, (n, t) => hoistOnce(ctx, n, t));
      if (reader) return `${reader}(${printed.text})`;
      break;
    }
    case "optional": {
      const inner = to.inner;
      if (isPrimitive(inner) || inner.kind === "string" || (inner.kind === "array" && inner.element.kind === "json")) {
        const name = `__ice_fromjson_${typeKey(to).replace(/\W/g, "_")}`;
        hoistOnce(ctx, name, () => {
          const value = fromJson(ctx, { text: "v", type: JSON_VALUE }, inner, at);
          const boxed = isPrimitive(inner) ? `new __ice_Box<${asType(inner)}>(${value})` : value;
          return `function ${name}(v: __ice_J): ${asType(to)} { return v.k == ${absentJsonKind(to)} ? null : ${boxed}; }`;
        });
        return `${name}(${printed.text})`;
      }
      break;
    }
    default:
      break;
  }
  const parsed = isFreshParse(ctx, at) ? parsedReader(ctx, to) : undefined;
  if (parsed)
    return readsFieldsOnly(ctx, at, to)
      ? `${parsed}(__ice_j_fields_of(${printed.text}))`
      : `${parsed}(${printed.text})`;
  const cls = classOfShape(ctx, to)?.node.name?.text;
  if (cls)
    return ctx.refuse(
      at,
      `reading a value of type 'any' as an instance of the class '${cls}' (JavaScript's value is a plain object, without the class's methods)`,
      `read its fields into \`new ${cls}(...)\``,
    );
  return ctx.refuse(
    at,
    `reading a value of type 'any' as '${describe(to)}'`,
    "read its fields one by one into typed variables (`const n: number = data.n`), or keep it as 'any'",
  );
}

const HOISTED = perContext(() => new Set<string>());
export function hoistOnce(ctx: PrintContext, name: string, text: () => string): void {
  const done = HOISTED.of(ctx);
  if (done.has(name)) return;
  done.add(name);
  ctx.hoisted.push(text());
}

/** True where a copy cannot be told from the shared value: inside `JSON.stringify(...)`'s value and the body's returned object. */
/**
 * An array of primitives made by the expression itself (`xs.map(...)`, `s.split(",")`): no other
 * reference to it exists, so the copy into a JSON array changes nothing JavaScript could observe.
 */
function freshPrimitives(ctx: PrintContext, t: ValueType, at: ts.Node): boolean {
  if (t.kind !== "array") return false;
  const e = t.element.kind;
  return (e === "string" || e === "number" || e === "boolean") && isFreshArray(ctx, at);
}

function consuming(at: ts.Node): boolean {
  let node: ts.Node = at;
  while (node.parent) {
    const parent = node.parent;
    if (ts.isCallExpression(parent)) return isJsonCall(parent, "stringify") && parent.arguments[0] === node;
    if (ts.isReturnStatement(parent)) {
      let fn: ts.Node = parent.parent;
      while (fn && !ts.isFunctionDeclaration(fn) && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))
        fn = fn.parent;
      return !!fn && ts.isFunctionDeclaration(fn) && fn.name?.text === "__ice_node";
    }
    const passes =
      ts.isParenthesizedExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
      ts.isShorthandPropertyAssignment(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== node);
    if (!passes) return false;
    node = parent;
  }
  return false;
}

function isJsonCall(node: ts.CallExpression, method: string): boolean {
  const callee = stripParens(node.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "JSON" &&
    callee.name.text === method
  );
}

/** The name of the function converting a typed value to a JSON value (its text is made by finishJson). */
function conversion(ctx: PrintContext, t: ValueType, at: ts.Node): string {
  const s = state(ctx);
  const key = typeKey(t);
  let found = s.conversions.get(key);
  if (!found) {
    found = { name: `__ice_tojson_${s.counter++}`, type: t, sites: [] };
    s.conversions.set(key, found);
    // Parts of the value are converted too.
    if (t.kind === "array") conversion(ctx, t.element, at);
    if (t.kind === "optional") conversion(ctx, t.inner, at);
    const viaToJson = t.kind === "object" && !t.shape.union ? toJsonResult(ctx, t.shape) : undefined;
    if (viaToJson) conversion(ctx, viaToJson, at);
    else if (t.kind === "object")
      for (const f of t.shape.fields) if (!isFunctionField(f.type)) conversion(ctx, f.type, at);
    if (t.kind === "tuple") for (const e of t.elements) conversion(ctx, e, at);
    if (t.kind === "dict") conversion(ctx, t.value, at);
  }
  found.sites.push(at);
  return found.name;
}

/** The conversion functions, once the whole body is printed (key orders known); refusals are reported. */
export function finishJson(ctx: PrintContext, root: ts.Node): string[] {
  const s = state(ctx);
  const out: string[] = [];
  // One answer (and one refusal) per shape, for the conversions and the writers (jsonWrite.ts).
  const orders = new Map<string, string[] | undefined>();
  const orderOf = (shape: ClassShape, at: ts.Node): string[] | undefined => {
    if (!orders.has(shape.name)) {
      // A shape spread into itself (directly or not) while its order is worked out: not known.
      orders.set(shape.name, undefined);
      orders.set(shape.name, keyOrder(ctx, s, shape, root, at, orderOf));
    }
    return orders.get(shape.name);
  };
  for (const { name, type, sites } of s.conversions.values()) {
    const param = `v: ${asType(type)}`;
    const of = (t: ValueType, text: string): string => {
      if (t.kind === "number" || t.kind === "string" || t.kind === "boolean" || t.kind === "json")
        return toJson(ctx, { text, type: t }, sites[0]!);
      return `${s.conversions.get(typeKey(t))!.name}(${text})`;
    };
    let body: string;
    switch (type.kind) {
      case "number":
      case "string":
      case "boolean":
      case "json":
        body = `return ${of(type, "v")};`;
        break;
      case "optional":
        body = `return v === null ? ${type.absent === "null" ? "__ice_j_null()" : "__ice_j_undef()"} : ${of(type.inner, unwrap({ text: "v", type }))};`;
        break;
      case "array":
        body = `const a = new Array<__ice_J>();\nfor (let i = 0; i < v.length; i++) a.push(${of(type.element, "v[i]")});\nreturn __ice_jv_arr(a);`;
        break;
      case "map":
      case "set":
      case "error":
      case "urlParams":
        body = "return __ice_j_newobj();";
        break;
      case "url":
        // URL.prototype.toJSON: the href.
        body = "return __ice_jv_str(__ice_url_href(v));";
        break;
      case "date":
        // Date.prototype.toJSON: the ISO string, or null for an invalid date.
        body = "return isFinite(v.t) ? __ice_jv_str(__ice_date_iso(v.t)) : __ice_j_null();";
        break;
      case "tuple":
        body = `const a = new Array<__ice_J>();\n${type.elements.map((e, i) => `a.push(${of(e, `v._${i}`)});`).join("\n")}\nreturn __ice_jv_arr(a);`;
        break;
      case "dict":
        // Own keys in JavaScript's order (support/dictionary.ts), each a data property.
        body = `const o = __ice_j_newobj();\nconst ks = v.keys();\nfor (let i = 0; i < ks.length; i++) __ice_j_put(o, ks[i], ${of(type.value, "v.at(ks[i])")});\nreturn o;`;
        break;
      case "object": {
        if (type.shape.union) {
          body = unionToJsonBody(type.shape, (f) => {
            const field = type.shape.fields.find((x) => x.name === f)!;
            return `__ice_j_put(o, ${stringLiteral(f)}, ${of(field.type, `v.${f}`)});`;
          });
          break;
        }
        // A class's toJSON(): what it returns, in the object's place (toJsonMethods.ts).
        const viaToJson = toJsonResult(ctx, type.shape);
        if (viaToJson) {
          body = `return ${of(viaToJson, "v.toJSON()")};`;
          break;
        }
        const order = orderOf(type.shape, sites[0]!);
        if (!order) continue;
        const puts = order.map((f) => {
          const field = type.shape.fields.find((x) => x.name === f)!;
          return `__ice_j_put(o, ${stringLiteral(f)}, ${of(field.type, `v.${f}`)});`;
        });
        // An instance of a subclass: its own class's keys (classKeys.ts).
        const dispatch = subclassDispatch(
          ctx,
          type.shape,
          (sub, value) => `return ${conversion(ctx, sub, sites[0]!)}(${value});`,
        );
        body = `${dispatch}\nconst o = __ice_j_newobj();\n${puts.join("\n")}\nreturn o;`;
        break;
      }
      default:
        ctx.report(refusal(ctx, sites[0]!, `a value of type '${describe(type)}' as JSON`));
        continue;
    }
    out.push(`function ${name}(${param}): __ice_J {\n${body}\n}`);
  }
  out.push(...finishWriters(ctx, orderOf));
  return out;
}

function refusal(ctx: PrintContext, at: ts.Node, what: string) {
  try {
    ctx.refuse(at, what, "build the value as an object literal where it is used, or declare it as 'any'");
  } catch {}
  return ctx.diagnostics[ctx.diagnostics.length - 1]!;
}
