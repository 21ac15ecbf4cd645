/**
 * @fileoverview The value of `JSON.parse(text)` read as a typed value: `JSON.parse(reply) as
 * Verdict`, `const items: Item[] = JSON.parse(text)`, `v = JSON.parse(text)` into a typed variable.
 * Nothing else refers to a value JSON.parse has just made, so converting it into typed objects
 * and arrays at once cannot be told from JavaScript's sharing. Each field is read with
 * JavaScript's rules and must already be what the type says (a number, a string, a boolean, an
 * array, an object, undefined for an optional field; `any` fields are kept as they are); anything
 * else stops the node with a message, where JavaScript would carry the mistyped value on. Keys the
 * type does not declare are not kept, so, as for the node's inputs, the key order of these objects
 * is unknown to the compiler: JSON.stringify, Object.keys and spreads of them are refused
 * (jsonConvert.ts markInputShapes).
 *
 * A text may parse to a boolean, number, string or array where the code casts it to an object
 * type (`JSON.parse(reply) as ToolCall` of the reply "42"); JavaScript then reads `undefined`
 * from each field the value does not have. Where the cast value is only ever read by fields
 * (`call.name`, directly or through the local it is stored in) and no field of the type is a
 * property those values have (`length`, `toString`, an index), such a value is read as an empty
 * object: the same reads (readsFieldsOnly). Elsewhere (and for `null`, whose reads throw) it stops
 * the node, as a mistyped field does.
 */
import { ts } from "../typescript.js";
import { asType, isBoxed, typeKey, type ValueType } from "../types.js";
import { type PrintContext, stripParens } from "./context.js";
import { hoistOnce, markInputShapes } from "./jsonConvert.js";
import { absentJsonKind } from "./nullable.js";
import { classOfShape } from "./classShapes.js";

/**
 * True when `node` is a `JSON.parse(...)` call (through parentheses and type assertions), or a
 * `const` holding one that is read nowhere else and only once per run of its declaration
 * (`const data = JSON.parse(t); const v: T = data`).
 */
export function isFreshParse(ctx: PrintContext, node: ts.Node, viaConst = true): boolean {
  let e: ts.Node = node;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    else break;
  }
  if (ts.isIdentifier(e) && viaConst) return isOnlyReadOfParse(ctx, e);
  if (!ts.isCallExpression(e)) return false;
  const callee = stripParens(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "parse") return false;
  const object = callee.expression;
  if (!ts.isIdentifier(object) || object.text !== "JSON") return false;
  const symbol = ctx.symbolOf(object);
  return !symbol || !ctx.isLocal(symbol);
}

/**
 * True when the object `to` that a fresh parse at `at` is read as is only ever read by fields none
 * of which a boolean, number, string or array has: those values may then be read as an empty object.
 */
export function readsFieldsOnly(ctx: PrintContext, at: ts.Node, to: ValueType): boolean {
  if (to.kind !== "object" || !to.shape.fields.every((f) => !primitiveProperty(f.name))) return false;
  let e: ts.Node = at;
  while (
    ts.isParenthesizedExpression(e.parent) ||
    ts.isAsExpression(e.parent) ||
    ts.isSatisfiesExpression(e.parent) ||
    ts.isNonNullExpression(e.parent)
  )
    e = e.parent;
  const parent = e.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === e) return !isWritten(parent);
  let name: ts.Node | undefined;
  if (ts.isVariableDeclaration(parent) && parent.initializer === e) name = parent.name;
  else if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === e &&
    ts.isExpressionStatement(parent.parent)
  )
    name = parent.left;
  if (!name || !ts.isIdentifier(name)) return false;
  const symbol = ctx.symbolOf(name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration)) return false;
  let only = true;
  const visit = (n: ts.Node): void => {
    if (!only) return;
    if (ts.isIdentifier(n) && n !== declaration.name && ctx.symbolOf(n) === symbol) {
      const p = n.parent;
      const written = ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      const read = ts.isPropertyAccessExpression(p) && p.expression === n && !isWritten(p);
      // Other stores into the local are fine when they are statements (`raw = JSON.parse(t) as T`, `raw = DEFAULTS`).
      if (!read && !(written && ts.isExpressionStatement(p.parent))) only = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return only;
}

/** A property a boolean, number, string or array has (own or inherited), or an index. */
function primitiveProperty(name: string): boolean {
  return name in Object(false) || name in Object(0) || name in Object("") || name in [] || /^\d/.test(name);
}

/** True for a field access that is written (`o.f = v`, `o.f++`, `delete o.f`) or called as a method. */
function isWritten(access: ts.PropertyAccessExpression): boolean {
  const p = access.parent;
  if (
    ts.isBinaryExpression(p) &&
    p.left === access &&
    p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  )
    return true;
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p) || ts.isDeleteExpression(p)) return true;
  return ts.isCallExpression(p) && p.expression === access;
}

/** The name of the reader of a parsed JSON value as `to`, or undefined when `to` cannot be read so. */
export function parsedReader(ctx: PrintContext, to: ValueType): string | undefined {
  if (!readable(ctx, to, new Set())) return undefined;
  markInputShapes(ctx, to);
  return reader(ctx, to);
}

function readable(ctx: PrintContext, t: ValueType, seen: Set<string>): boolean {
  switch (t.kind) {
    case "number":
    case "string":
    case "boolean":
    case "json":
      return true;
    case "optional":
    case "array":
      return readable(ctx, t.kind === "optional" ? t.inner : t.element, seen);
    case "dict":
      // `const args: Record<string, unknown> = JSON.parse(text)`: a fresh object's keys, in its order.
      return readable(ctx, t.value, seen);
    case "object":
      // A union value's layout is the parsed object's keys: not read this way (refused).
      if (t.shape.union) return false;
      // JSON.parse makes plain objects: a class's methods, getters and instanceof are not there.
      if ([...ctx.classes.userClasses.values()].includes(t.shape) || classOfShape(ctx, t) !== undefined) return false;
      if (seen.has(t.shape.name)) return true;
      seen.add(t.shape.name);
      return t.shape.fields.every((f) => readable(ctx, f.type, seen));
    default:
      return false;
  }
}

function reader(ctx: PrintContext, t: ValueType): string {
  switch (t.kind) {
    case "number":
      return "__ice_j_to_num";
    case "string":
      return "__ice_j_to_str";
    case "boolean":
      return "__ice_j_to_bool";
    default:
      break;
  }
  const name = `__ice_parsed_${typeKey(t).replace(/\W/g, "_")}`;
  const T = asType(t);
  hoistOnce(ctx, name, () => {
    switch (t.kind) {
      case "json":
        return `function ${name}(v: __ice_J): __ice_J { return v; }`;
      case "optional": {
        const inner = `${reader(ctx, t.inner)}(v)`;
        const value = isBoxed(t.inner) ? `new __ice_Box<${asType(t.inner)}>(${inner})` : inner;
        return `function ${name}(v: __ice_J): ${T} { return v.k == ${absentJsonKind(t)} ? null : ${value}; }`;
      }
      case "array": {
        const E = asType(t.element);
        return `function ${name}(v: __ice_J): ${T} {\n  const a = __ice_j_to_arr(v);\n  const out = new Array<${E}>(a.length);\n  for (let i = 0; i < a.length; i++) out[i] = ${reader(ctx, t.element)}(a[i]);\n  return out;\n}`;
      }
      case "dict": {
        const V = asType(t.value);
        const value = `${reader(ctx, t.value)}(__ice_j_get(v, ks[i]))`;
        return `function ${name}(v: __ice_J): ${T} {\n  __ice_j_to_obj(v);\n  const out = new __ice_Dict<${V}>();\n  const ks = __ice_j_keys(v);\n  for (let i = 0; i < ks.length; i++) out.put(ks[i], ${value});\n  return out;\n}`;
      }
      case "object": {
        const fields = t.shape.fields.map((f) => `${reader(ctx, f.type)}(__ice_j_get(v, ${JSON.stringify(f.name)}))`);
        return `function ${name}(v: __ice_J): ${T} {\n  __ice_j_to_obj(v);\n  return new ${t.shape.name}(${fields.join(", ")});\n}`;
      }
      default:
        throw new Error(`parsedReader: ${t.kind}`);
    }
  });
  return name;
}

/** `id` is the one read of a `const` initialised by `JSON.parse(...)`. */
function isOnlyReadOfParse(ctx: PrintContext, id: ts.Identifier): boolean {
  const symbol = ctx.symbolOf(id);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
  if (!ts.isIdentifier(declaration.name) || !isFreshParse(ctx, declaration.initializer, false)) return false;
  let reads = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n !== declaration.name && ctx.symbolOf(n) === symbol) reads++;
    else ts.forEachChild(n, visit);
  };
  visit(declaration.getSourceFile());
  return reads === 1 && !repeated(id, declaration);
}

/** True when `read` may run more than once per run of `declaration` (a loop or function between). */
function repeated(read: ts.Node, declaration: ts.Node): boolean {
  for (let n = read.parent; n; n = n.parent) {
    if (n.pos <= declaration.pos && declaration.end <= n.end) return false;
    if (ts.isIterationStatement(n, false) || ts.isFunctionLike(n)) return true;
  }
  return true;
}
