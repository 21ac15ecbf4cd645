/**
 * @fileoverview JSON values in the printer: `any`, `unknown` and unions of primitives are
 * `__ice_J` (support/json.ts). Property and element reads with JavaScript's rules, writes into
 * JSON objects and arrays, `typeof`, `Array.isArray`, `in`, `JSON.parse`, `JSON.stringify`,
 * object and array literals built as JSON values, and the conversions between typed values and
 * JSON values:
 * - a number, string, boolean or `any[]` becomes a JSON value as it is (arrays are shared);
 * - a typed array, object, Map or Set becomes a copy, which is exact only where nothing can see
 *   the difference: inside the value given to `JSON.stringify` and in the body's returned object
 *   (elsewhere JavaScript would share it: refused); an object's keys come in the order its object
 *   literals write them (refused when that order is not known at compile time);
 * - a JSON value read where TypeScript's type is a primitive or `any[]` (narrowed by `typeof`,
 *   `Array.isArray`, or declared) is checked at run time: JavaScript would go on with the value,
 *   the sandbox stops (README "What code nodes support").
 */
import { ts } from "ts-morph";
import {
  asType,
  BOOLEAN,
  isPrimitive,
  JSON_VALUE,
  STRING,
  type ClassShape,
  type ValueType,
  fromChecker,
  typeKey,
} from "../types.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { describe, unwrap } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { callbackFor } from "./functions.js";

/** Per body: conversion functions asked for, generated at the end (finishJson). */
interface JsonState {
  readonly conversions: Map<string, { name: string; type: ValueType; sites: ts.Node[] }>;
  /** Shape name -> the key orders its object literals write. */
  readonly orders: Map<string, string[][]>;
  /** Shapes whose instances come from the node's inputs (key order and extra keys unknown). */
  readonly inputShapes: Set<string>;
  counter: number;
}
const STATES = new WeakMap<PrintContext, JsonState>();

function state(ctx: PrintContext): JsonState {
  let s = STATES.get(ctx);
  if (!s) {
    s = { conversions: new Map(), orders: new Map(), inputShapes: new Set(), counter: 0 };
    STATES.set(ctx, s);
  }
  return s;
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

/** Records the key order an object literal of `shape` writes. */
export function recordOrder(ctx: PrintContext, shape: ClassShape, written: readonly string[]): void {
  const orders = state(ctx).orders;
  const list = orders.get(shape.name) ?? [];
  list.push([...written]);
  orders.set(shape.name, list);
}

// ---- conversions ------------------------------------------------------------------------------

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
  if (!consuming(at))
    return ctx.refuse(
      at,
      `using a value of type '${describe(t)}' as a value of type 'any'`,
      "JavaScript would share the object, the sandbox would copy it: keep its declared type, or build the value as a literal where it is used",
    );
  return `${conversion(ctx, t, at)}(${printed.text})`;
}

/** A JSON value where TypeScript's type is `to`. */
export function fromJson(ctx: PrintContext, printed: Printed, to: ValueType, at: ts.Node): string {
  switch (to.kind) {
    case "json":
      return printed.text;
    case "number":
      return `__ice_j_to_num(${printed.text})`;
    case "string":
      return `__ice_j_to_str(${printed.text})`;
    case "boolean":
      return `__ice_j_to_bool(${printed.text})`;
    case "void":
      return printed.text;
    case "array":
      if (to.element.kind === "json") return `__ice_j_to_arr(${printed.text})`;
      break;
    case "optional": {
      const inner = to.inner;
      if (isPrimitive(inner) || inner.kind === "string" || (inner.kind === "array" && inner.element.kind === "json")) {
        const name = `__ice_fromjson_${typeKey(to).replace(/\W/g, "_")}`;
        hoistOnce(ctx, name, () => {
          const value = fromJson(ctx, { text: "v", type: JSON_VALUE }, inner, at);
          const boxed = isPrimitive(inner) ? `new __ice_Box<${asType(inner)}>(${value})` : value;
          return `function ${name}(v: __ice_J): ${asType(to)} { return v.k == 0 ? null : ${boxed}; }`;
        });
        return `${name}(${printed.text})`;
      }
      break;
    }
    default:
      break;
  }
  return ctx.refuse(
    at,
    `reading a value of type 'any' as '${describe(to)}'`,
    "read its fields one by one into typed variables (`const n: number = data.n`), or keep it as 'any'",
  );
}

const HOISTED = new WeakMap<PrintContext, Set<string>>();
function hoistOnce(ctx: PrintContext, name: string, text: () => string): void {
  let done = HOISTED.get(ctx);
  if (!done) {
    done = new Set();
    HOISTED.set(ctx, done);
  }
  if (done.has(name)) return;
  done.add(name);
  ctx.hoisted.push(text());
}

/** True where a copy cannot be told from the shared value: inside `JSON.stringify(...)`'s value and the body's returned object. */
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
    if (t.kind === "object") for (const f of t.shape.fields) conversion(ctx, f.type, at);
    if (t.kind === "tuple") for (const e of t.elements) conversion(ctx, e, at);
  }
  found.sites.push(at);
  return found.name;
}

/** The conversion functions, once the whole body is printed (key orders known); refusals are reported. */
export function finishJson(ctx: PrintContext, root: ts.Node): string[] {
  const s = STATES.get(ctx);
  if (!s) return [];
  const out: string[] = [];
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
        body = `return v === null ? __ice_j_undef() : ${of(type.inner, unwrap({ text: "v", type }))};`;
        break;
      case "array":
        body = `const a = new Array<__ice_J>();\nfor (let i = 0; i < v.length; i++) a.push(${of(type.element, "v[i]")});\nreturn __ice_jv_arr(a);`;
        break;
      case "map":
      case "set":
      case "error":
        body = "return __ice_j_newobj();";
        break;
      case "date":
        // Date.prototype.toJSON: the ISO string, or null for an invalid date.
        body = "return isFinite(v.t) ? __ice_jv_str(__ice_date_iso(v.t)) : __ice_j_null();";
        break;
      case "tuple":
        body = `const a = new Array<__ice_J>();\n${type.elements.map((e, i) => `a.push(${of(e, `v._${i}`)});`).join("\n")}\nreturn __ice_jv_arr(a);`;
        break;
      case "object": {
        const order = keyOrder(ctx, s, type.shape, root, sites[0]!);
        if (!order) continue;
        const puts = order.map((f) => {
          const field = type.shape.fields.find((x) => x.name === f)!;
          return `__ice_j_put(o, ${stringLiteral(f)}, ${of(field.type, `v.${f}`)});`;
        });
        body = `const o = __ice_j_newobj();\n${puts.join("\n")}\nreturn o;`;
        break;
      }
      default:
        ctx.report(refusal(ctx, sites[0]!, `a value of type '${describe(type)}' as JSON`));
        continue;
    }
    out.push(`function ${name}(${param}): __ice_J {\n${body}\n}`);
  }
  return out;
}

function refusal(ctx: PrintContext, at: ts.Node, what: string) {
  try {
    ctx.refuse(at, what, "build the value as an object literal where it is used, or declare it as 'any'");
  } catch {}
  return ctx.diagnostics[ctx.diagnostics.length - 1]!;
}

/**
 * The key order of a shape's instances: its object literals' order when they agree (an optional
 * field some literal leaves out must never be assigned later: JavaScript would add it at the end).
 */
function keyOrder(
  ctx: PrintContext,
  s: JsonState,
  shape: ClassShape,
  root: ts.Node,
  at: ts.Node,
): string[] | undefined {
  const fail = (why: string): undefined => {
    try {
      ctx.refuse(
        at,
        `turning this object into JSON (${why})`,
        "build it as an object literal inside JSON.stringify(...) or the returned object, or declare it as 'any'",
      );
    } catch {}
    return undefined;
  };
  if (s.inputShapes.has(shape.name))
    return fail("its keys are in the order of the node's input, which is known only at run time");
  const orders = s.orders.get(shape.name) ?? [];
  if (orders.length === 0) return fail("its key order is not known at compile time");
  const longest = orders.reduce((a, b) => (b.length > a.length ? b : a));
  for (const o of orders) {
    let j = 0;
    for (const k of longest) if (o[j] === k) j++;
    if (j !== o.length) return fail("object literals of this type write its keys in different orders");
  }
  const missing = shape.fields
    .map((f) => f.name)
    .filter((n) => !longest.includes(n) || orders.some((o) => !o.includes(n)));
  if (missing.length > 0 && assignsField(ctx, root, shape, missing))
    return fail("an optional field left out of a literal is assigned later, which moves it to the end in JavaScript");
  return [...longest, ...shape.fields.map((f) => f.name).filter((n) => !longest.includes(n))];
}

function assignsField(ctx: PrintContext, root: ts.Node, shape: ClassShape, names: readonly string[]): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      ts.isPropertyAccessExpression(stripParens(node.left))
    ) {
      const left = stripParens(node.left) as ts.PropertyAccessExpression;
      if (names.includes(left.name.text)) {
        const converted = fromChecker(ctx.checker, ctx.checker.getTypeAtLocation(left.expression), ctx.classes);
        const t = "type" in converted ? converted.type : undefined;
        const inner = t?.kind === "optional" ? t.inner : t;
        if (inner?.kind === "object" && inner.shape.name === shape.name) found = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

// ---- literals ----------------------------------------------------------------------------------

/** An object literal built as a JSON object (keys in JavaScript's order). */
export function printJsonObject(ctx: PrintContext, node: ts.ObjectLiteralExpression): Printed {
  let text = "__ice_j_newobj()";
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && p.name.text === "__proto__")
      ctx.refuse(
        p,
        "'__proto__: ...' in an object literal (it sets the prototype)",
        'write ["__proto__"]: value for a key of that name',
      );
    if (ts.isPropertyAssignment(p)) {
      text = `__ice_j_prop(${text}, ${propertyKey(ctx, p.name)}, ${printTo(ctx, p.initializer, JSON_VALUE)})`;
    } else if (ts.isShorthandPropertyAssignment(p)) {
      text = `__ice_j_prop(${text}, ${stringLiteral(p.name.text)}, ${printTo(ctx, p.name, JSON_VALUE)})`;
    } else if (ts.isSpreadAssignment(p)) {
      text = `__ice_j_spread(${text}, ${printTo(ctx, p.expression, JSON_VALUE)})`;
    } else {
      ctx.refuse(p, "a method or accessor in an object of type 'any'", "write `name: value` for each field");
    }
  }
  return { text, type: JSON_VALUE };
}

function propertyKey(ctx: PrintContext, name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return stringLiteral(name.text);
  if (ts.isNumericLiteral(name)) return stringLiteral(String(Number(name.text)));
  if (ts.isComputedPropertyName(name)) return keyText(ctx, printExpr(ctx, name.expression), name);
  return ctx.refuse(name, `the property name '${shortText(name)}'`, "use a plain name or a string");
}

/** ToPropertyKey of a printed value. */
function keyText(ctx: PrintContext, key: Printed, at: ts.Node): string {
  switch (key.type.kind) {
    case "string":
      return key.text;
    case "number":
      return `__ice_num_str(${key.text})`;
    case "boolean":
      return `(${key.text} ? "true" : "false")`;
    case "json":
      return `__ice_j_key(${key.text})`;
    default:
      return ctx.refuse(at, "a key of this type", "use a string or a number as the key");
  }
}

/** An array literal built as a JSON array (the value of an `any`). */
export function printJsonArray(ctx: PrintContext, node: ts.ArrayLiteralExpression): Printed {
  let text = "__ice_j_newarr()";
  for (const e of node.elements) {
    if (ts.isOmittedExpression(e)) ctx.refuse(e, "holes in an array literal", "write every element");
    if (ts.isSpreadElement(e)) {
      const inner = printExpr(ctx, e.expression);
      const array =
        inner.type.kind === "array" || inner.type.kind === "json" ? toJson(ctx, inner, e.expression) : undefined;
      if (!array) ctx.refuse(e, "spreading this value", "spread arrays");
      text = `__ice_j_push_all(${text}, ${array})`;
    } else text = `__ice_j_push(${text}, ${printTo(ctx, e, JSON_VALUE)})`;
  }
  return { text, type: JSON_VALUE };
}

// ---- reads and writes -------------------------------------------------------------------------

/** `object.name` of a JSON value. */
export function jsonGet(ctx: PrintContext, node: ts.Node, object: Printed, name: string): Printed {
  return narrowJson(ctx, node, { text: `__ice_j_get(${object.text}, ${stringLiteral(name)})`, type: JSON_VALUE });
}

/** `object[index]` of a JSON value. */
export function jsonElement(ctx: PrintContext, node: ts.ElementAccessExpression, object: Printed): Printed {
  const index = printExpr(ctx, node.argumentExpression);
  const text =
    index.type.kind === "number"
      ? `__ice_j_at(${object.text}, ${index.text})`
      : `__ice_j_get(${object.text}, ${keyText(ctx, index, node.argumentExpression)})`;
  return narrowJson(ctx, node, { text, type: JSON_VALUE });
}

/** A read of a JSON value where the checker has narrowed its type (`typeof x === "string"`): converted. */
export function narrowJson(ctx: PrintContext, node: ts.Node, printed: Printed): Printed {
  if (printed.type.kind !== "json") return printed;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind)) return printed;
  const type = ctx.checker.getTypeAtLocation(node);
  if (type.flags & ts.TypeFlags.Never) return printed;
  const here = ctx.typeOf(node, type);
  if (here.kind === "json") return printed;
  return { text: fromJson(ctx, printed, here, node), type: here };
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** `o.k = v` / `o[k] = v` on a JSON value, or undefined when the target is not one. */
export function jsonAssignment(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const left = stripParens(node.left);
  if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return undefined;
  if (ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression)) {
    const symbol = ctx.symbolOf(left.expression);
    if (!symbol || !ctx.isLocal(symbol)) return undefined;
  }
  const object = printExpr(ctx, left.expression);
  if (object.type.kind !== "json") return undefined;
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
    return ctx.refuse(
      node,
      `'${ts.tokenToString(node.operatorToken.kind)}' on a property of a value of type 'any'`,
      "read it into a typed local, update it, and assign it back with =",
    );
  let key: string;
  if (ts.isPropertyAccessExpression(left)) key = stringLiteral(left.name.text);
  else {
    const index = printExpr(ctx, left.argumentExpression);
    key = keyText(ctx, index, left.argumentExpression);
  }
  return { text: `__ice_j_set(${object.text}, ${key}, ${printTo(ctx, node.right, JSON_VALUE)})`, type: JSON_VALUE };
}

/** The elements of a pattern destructuring a JSON value, each with the text of its value. */
export function jsonPattern(
  ctx: PrintContext,
  pattern: ts.BindingName,
  temp: string,
  iterated: string,
): [ts.BindingElement, string][] {
  const out: [ts.BindingElement, string][] = [];
  if (ts.isObjectBindingPattern(pattern)) {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken)
        ctx.refuse(element, "a rest element in a pattern of type 'any'", "read the fields you need");
      const key = element.propertyName ?? element.name;
      let keyText: string;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) keyText = stringLiteral(key.text);
      else if (ts.isNumericLiteral(key)) keyText = stringLiteral(String(Number(key.text)));
      else if (ts.isComputedPropertyName(key)) keyText = propertyKey(ctx, key);
      else return ctx.refuse(element, "this property in a pattern", "read the field directly");
      out.push([element, `__ice_j_get(${temp}, ${keyText})`]);
    }
  } else if (ts.isArrayBindingPattern(pattern)) {
    pattern.elements.forEach((e, i) => {
      if (ts.isOmittedExpression(e)) return;
      if (e.dotDotDotToken)
        ctx.refuse(e, "a rest element in a pattern of type 'any'", "use slice after narrowing with Array.isArray");
      out.push([e, `__ice_j_nth(${iterated}, ${i})`]);
    });
  }
  return out;
}

/** `delete o.k` / `delete o[k]` of a JSON object. */
export function printJsonDelete(ctx: PrintContext, node: ts.DeleteExpression): Printed {
  const target = stripParens(node.expression);
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const object = printExpr(ctx, target.expression);
    if (object.type.kind === "json") {
      const key = ts.isPropertyAccessExpression(target)
        ? stringLiteral(target.name.text)
        : keyText(ctx, printExpr(ctx, target.argumentExpression), target.argumentExpression);
      return { text: `__ice_j_delete(${object.text}, ${key})`, type: BOOLEAN };
    }
  }
  return ctx.refuse(node, "'delete' here", "delete keys of a value of type 'any', or use a Map and its delete");
}

// ---- operators ---------------------------------------------------------------------------------

/** `typeof x`. */
export function printTypeof(ctx: PrintContext, node: ts.TypeOfExpression): Printed {
  const value = printExpr(ctx, node.expression);
  const fixed = (name: string): Printed => ({
    text: /^[\w.!]+$/.test(value.text) ? stringLiteral(name) : `(${value.text}, ${stringLiteral(name)})`,
    type: STRING,
  });
  const t = value.type;
  switch (t.kind) {
    case "json":
      return { text: `__ice_j_typeof(${value.text})`, type: STRING };
    case "number":
    case "string":
    case "boolean":
      return fixed(t.kind);
    case "void":
      return fixed("undefined");
    case "optional": {
      const inner =
        t.inner.kind === "number" || t.inner.kind === "string" || t.inner.kind === "boolean" ? t.inner.kind : "object";
      return { text: `(${value.text} === null ? "undefined" : ${stringLiteral(inner)})`, type: STRING };
    }
    default:
      return fixed("object");
  }
}

/** `===`, `!==`, `==`, `!=` when one side is a JSON value; undefined otherwise. */
export function jsonEquality(
  ctx: PrintContext,
  node: ts.BinaryExpression,
  left: Printed,
  right: Printed,
  equal: boolean,
): Printed | undefined {
  if (left.type.kind !== "json" && right.type.kind !== "json") return undefined;
  const strict =
    node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  const isNull = (n: ts.Expression) => stripParens(n).kind === ts.SyntaxKind.NullKeyword;
  let test: string;
  if (isNull(node.right) || isNull(node.left)) {
    const value = isNull(node.right) ? left : right;
    test = strict ? `__ice_j_is_null(${toJson(ctx, value, node)})` : `__ice_j_nullish(${toJson(ctx, value, node)})`;
  } else {
    const a = toJson(ctx, left, node.left);
    const b = toJson(ctx, right, node.right);
    test = strict ? `__ice_j_seq(${a}, ${b})` : `__ice_j_leq(${a}, ${b})`;
  }
  return { text: equal ? test : `!${test}`, type: BOOLEAN };
}

/** `x === undefined` / `x == undefined` of a JSON value. */
export function jsonIsUndefined(node: ts.BinaryExpression, value: Printed, equal: boolean): Printed {
  const strict =
    node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  const test = `${strict ? "__ice_j_is_undef" : "__ice_j_nullish"}(${value.text})`;
  return { text: equal ? test : `!${test}`, type: BOOLEAN };
}

const RELATION: { readonly [op: string]: string } = { "<": "lt", ">": "gt", "<=": "le", ">=": "ge" };

/** `<`, `>`, `<=`, `>=` with a JSON value: JavaScript's abstract comparison. */
export function jsonCompare(
  ctx: PrintContext,
  node: ts.BinaryExpression,
  left: Printed,
  right: Printed,
  op: string,
): Printed {
  const a = toJson(ctx, left, node.left);
  const b = toJson(ctx, right, node.right);
  return { text: `__ice_j_${RELATION[op]}(${a}, ${b})`, type: BOOLEAN };
}

/** `a + b` where either is a JSON value and the result is not known to be text. */
export function jsonAdd(ctx: PrintContext, node: ts.Node, left: Printed, right: Printed): Printed {
  return { text: `__ice_j_add(${toJson(ctx, left, node)}, ${toJson(ctx, right, node)})`, type: JSON_VALUE };
}

/** `key in object` when the object is a JSON value; undefined otherwise. */
export function jsonIn(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const converted = fromChecker(ctx.checker, ctx.checker.getTypeAtLocation(node.right), ctx.classes);
  if (!("type" in converted) || converted.type.kind !== "json") return undefined;
  const key = keyText(ctx, printExpr(ctx, node.left), node.left);
  return { text: `__ice_j_in(${key}, ${printExpr(ctx, node.right).text})`, type: BOOLEAN };
}

// ---- calls -------------------------------------------------------------------------------------

/** `Array.isArray(x)`. */
export function printIsArray(ctx: PrintContext, node: ts.CallExpression): Printed {
  const [first] = node.arguments;
  if (!first) return { text: "false", type: BOOLEAN };
  const value = printExpr(ctx, first);
  if (value.type.kind === "json") return { text: `__ice_j_is_arr(${value.text})`, type: BOOLEAN };
  const answer = value.type.kind === "array" ? "true" : "false";
  return { text: /^[\w.!]+$/.test(value.text) ? answer : `(${value.text}, ${answer})`, type: BOOLEAN };
}

/** `JSON.parse(text)` and `JSON.stringify(value, null, space)`. */
export function printJsonCall(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  if (method === "parse") {
    if (node.arguments.length !== 1)
      return ctx.refuse(node, "JSON.parse with a reviver", "parse, then transform the value");
    if (catches(ctx.root))
      return ctx.refuse(
        node,
        "JSON.parse in a body that catches exceptions (its SyntaxError would stop the node instead of reaching the catch)",
        "parse in a body without try/catch, and check the text before parsing",
      );
    return { text: `__ice_j_parse(${printTo(ctx, node.arguments[0]!, STRING)})`, type: JSON_VALUE };
  }
  if (method === "stringify") {
    const [value, replacer, space] = node.arguments;
    if (!value) return ctx.refuse(node, "JSON.stringify()", "give it a value");
    if (replacer && !isNullish(ctx, replacer))
      return ctx.refuse(replacer, "a replacer in JSON.stringify", "build the value you want to print first; pass null");
    const printed = printTo(ctx, value, JSON_VALUE);
    let gap = '""';
    if (space) {
      const s = printExpr(ctx, space);
      if (s.type.kind === "number") gap = `__ice_js_gap_num(${s.text})`;
      else if (s.type.kind === "string") gap = `__ice_js_gap_str(${s.text})`;
      else if (s.type.kind === "json") gap = `__ice_js_gap(${s.text})`;
      else if (s.type.kind !== "void") return ctx.refuse(space, "this indentation", "pass a number or a string");
    }
    return { text: `__ice_j_stringify(${printed}, ${gap})`, type: STRING };
  }
  return ctx.refuse(node, `JSON.${method}`, "use JSON.parse or JSON.stringify");
}

/** True when a `catch` clause is anywhere in `node`. */
function catches(node: ts.Node): boolean {
  return ts.isCatchClause(node) || (ts.forEachChild(node, (child) => (catches(child) ? true : undefined)) ?? false);
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

/** Method names only one kind of JSON value has in JavaScript (no JSON object holds a function). */
const OWN_NAMES = (proto: object) => new Set(Object.getOwnPropertyNames(proto));
const PROTOS = {
  string: OWN_NAMES(String.prototype),
  array: OWN_NAMES(Array.prototype),
  number: OWN_NAMES(Number.prototype),
  boolean: OWN_NAMES(Boolean.prototype),
  object: OWN_NAMES(Object.prototype),
};
function onlyOn(kind: keyof typeof PROTOS, method: string): boolean {
  return (
    PROTOS[kind].has(method) &&
    (Object.keys(PROTOS) as (keyof typeof PROTOS)[]).every((k) => k === kind || !PROTOS[k].has(method))
  );
}
const STRING_AND_ARRAY = new Set(["includes", "indexOf", "lastIndexOf", "slice", "concat", "at"]);

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
  const asString: Printed = { text: `__ice_j_to_str(${temp})`, type: STRING };
  const asArray: Printed = { text: `__ice_j_to_arr(${temp})`, type: { kind: "array", element: JSON_VALUE } };
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
    return seq(methods.number(ctx, node, { text: `__ice_j_to_num(${temp})`, type: { kind: "number" } }, method));
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
