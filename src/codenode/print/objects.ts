/**
 * @fileoverview Objects used as dictionaries (`Record<string, T>`, `{ [k: string]: T }`; the
 * support class is support/dictionary.ts): literals, `o[k]` (a
 * missing key is `undefined` where the code tests for it — `??`, `||`, `!`, `=== undefined`,
 * conditions, a local it initialises — and stops the node where the value is used as defined),
 * `o[k] = v`, compound assignment, `??=`, `++`, `delete`, `in`, `for...in`. The `Object.*`
 * functions are in objectStatics.ts.
 */
import { inKnownObject } from "./fieldByKey.js";
import { ts } from "../typescript.js";
import { asType, BOOLEAN, isNullable, NUMBER, optional, STRING, sameType, type ValueType } from "../types.js";
import { box } from "./calls.js";
import { outerExpression, type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printCondition, printExpr, printTo, truthy, stringLiteral } from "./expressions.js";
import { operate } from "./operators.js";
import { knownKeys, objectLike } from "./shapes.js";
import { unionKeys } from "./unions.js";
import { numericOperand, textOperand } from "./undefinedLocals.js";
import { allowsUndefined, assignedToOptional } from "./missing.js";

type Dict = Extract<ValueType, { kind: "dict" }>;

/** A key as the dictionary's string (a number converts as String(n)). */
export function keyText(ctx: PrintContext, node: ts.Expression): string {
  const key = printExpr(ctx, node);
  if (key.type.kind === "string") return key.text;
  if (key.type.kind === "number") return `__ice_num_key(${key.text})`;
  return ctx.refuse(node, `a key of type ${key.type.kind}`, "use a string or a number as the key");
}

/**
 * True when the value at `node` is tested for undefined where it is used (`??`, `||`, `&&`, `!`,
 * `=== undefined`, a condition, `?.`, or a local it initialises): a missing key or an element
 * past the end is `undefined` there, as in JavaScript.
 */
export function undefinedAware(node: ts.Node): boolean {
  const n = outerExpression(node);
  const p = n.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (
      p.left === n &&
      (op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken)
    )
      return true;
    const equality =
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken;
    if (equality) {
      const other = stripParens(p.left === n ? p.right : p.left);
      return ts.isIdentifier(other) && other.text === "undefined";
    }
    return false;
  }
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === n;
  if (ts.isForStatement(p)) return p.condition === n;
  if (ts.isConditionalExpression(p)) return p.condition === n;
  if (allowsUndefined(p)) return true;
  if (ts.isPropertyAccessExpression(p)) return p.expression === n && !!p.questionDotToken;
  if (ts.isVariableDeclaration(p)) return p.initializer === n && ts.isIdentifier(p.name);
  // Turned into text, undefined is "undefined".
  if (ts.isTemplateSpan(p)) return p.expression === n;
  if (ts.isCallExpression(p))
    return ts.isIdentifier(p.expression) && p.expression.text === "String" && p.arguments.length === 1;
  return false;
}

/** `counts[w] == null` of a dictionary read: a missing key is undefined, which `== null` is (`=== null` never). */
function comparedWithNull(node: ts.Node): boolean {
  const n = outerExpression(node);
  const p = n.parent;
  if (!p || !ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (
    op !== ts.SyntaxKind.EqualsEqualsToken &&
    op !== ts.SyntaxKind.ExclamationEqualsToken &&
    op !== ts.SyntaxKind.EqualsEqualsEqualsToken &&
    op !== ts.SyntaxKind.ExclamationEqualsEqualsToken
  )
    return false;
  return stripParens(p.left === n ? p.right : p.left).kind === ts.SyntaxKind.NullKeyword;
}

/** `o[k]` (or `o.name`) of a dictionary. */
export function dictRead(ctx: PrintContext, node: ts.Node, dict: Printed, key: string): Printed {
  const V = (dict.type as Dict).value;
  const T = asType(V);
  // `Record<string, unknown>`: a JSON value carries undefined itself (a missing key), as JavaScript.
  if (V.kind === "json") return { text: `__ice_dict_get_json(${dict.text}, ${key})`, type: V };
  if (V.kind === "optional" && !isNullable(V))
    return { text: `__ice_dict_get_opt<${T}>(${dict.text}, ${key})`, type: V };
  // `T | null` values: a missing key is undefined, a third state (print/nullish.ts).
  if (
    undefinedAware(node) ||
    comparedWithNull(node) ||
    assignedToOptional(ctx, outerExpression(node)) ||
    textOperand(ctx.checker, node) ||
    isNullable(V)
  )
    return { text: `__ice_dict_get${box(V)}<${T}>(${dict.text}, ${key})`, type: optional(V) };
  if (V.kind === "number" && numericOperand(ctx.checker, node))
    return { text: `__ice_dict_get_nan(${dict.text}, ${key})`, type: V };
  return { text: `__ice_dict_at<${T}>(${dict.text}, ${key})`, type: V };
}

function set(dict: string, key: string, value: string, V: ValueType): string {
  return `__ice_dict_set<${asType(V)}>(${dict}, ${key}, ${value}, ${objectLike(V)})`;
}

/** `o[k] = v`, `o[k] op= v`, `o[k] ??= v`, `o[k] ||= v` on a dictionary (`key` is the key's node, or a name). */
export function dictAssignment(
  ctx: PrintContext,
  node: ts.BinaryExpression,
  dict: Printed,
  key: ts.Expression | string,
  compound: ts.SyntaxKind | undefined,
): Printed {
  const V = (dict.type as Dict).value;
  const T = asType(V);
  const op = node.operatorToken.kind;
  const k = typeof key === "string" ? stringLiteral(key) : keyText(ctx, key);
  if (op === ts.SyntaxKind.EqualsToken) return { text: set(dict.text, k, printTo(ctx, node.right, V), V), type: V };
  const d = ctx.temp(dict.type);
  const kt = ctx.temp(STRING);
  const head = `${d} = ${dict.text}, ${kt} = ${k}`;
  if (op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) {
    const current: Printed =
      V.kind === "optional"
        ? { text: `__ice_dict_get_opt<${T}>(${d}, ${kt})`, type: V }
        : { text: `__ice_dict_get${box(V)}<${T}>(${d}, ${kt})`, type: optional(V) };
    const r = ctx.temp(current.type);
    const present =
      op === ts.SyntaxKind.QuestionQuestionEqualsToken
        ? `(${r} = ${current.text}) !== null`
        : truthy({ text: `(${r} = ${current.text})`, type: current.type });
    const kept = V.kind === "optional" ? r : unwrap({ text: r, type: current.type });
    const result: Printed = {
      text: `(${head}, ${present} ? ${kept} : ${set(d, kt, printTo(ctx, node.right, V), V)})`,
      type: V,
    };
    // `(g[k] ??= []).push(x)` of a dictionary of `T | undefined`: the checker proved the value defined.
    const proven = ctx.typeOf(node);
    if (V.kind !== "optional" || proven.kind === "optional" || proven.kind === "json") return result;
    return { text: coerce(ctx, result, proven, node), type: proven };
  }
  if (compound === undefined)
    return ctx.refuse(node, `'${ts.tokenToString(op)}' on a key`, "read the value, compute, and assign it");
  // A missing key is undefined: as a number it is NaN (`undefined + 1`).
  const current: Printed = {
    text: V.kind === "number" ? `__ice_dict_get_nan(${d}, ${kt})` : `__ice_dict_at<${T}>(${d}, ${kt})`,
    type: V,
  };
  const value = operate(ctx, node, compound, current, printExpr(ctx, node.right), V.kind === "string");
  return { text: `(${head}, ${set(d, kt, coerce(ctx, value, V, node), V)})`, type: V };
}

/** `o[k]++`, `--o[k]`, ... on a dictionary of numbers. */
export function dictUpdate(
  ctx: PrintContext,
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  dict: Printed,
  key: ts.Expression,
  prefix: boolean,
): Printed {
  const V = (dict.type as Dict).value;
  if (V.kind !== "number") return ctx.refuse(node, "'++' or '--' on this value", "use it on numbers");
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
  const d = ctx.temp(dict.type);
  const kt = ctx.temp(STRING);
  const old = ctx.temp(NUMBER);
  const text = `(${d} = ${dict.text}, ${kt} = ${keyText(ctx, key)}, ${old} = __ice_dict_get_nan(${d}, ${kt}), ${set(d, kt, `${old} ${op} 1.0`, V)}${prefix ? "" : `, ${old}`})`;
  return { text, type: NUMBER };
}

/** A dictionary literal: `{}`, `{ a: 1, [k]: v, ...other }` (CreateDataProperty, in order). */
export function printDictLiteral(ctx: PrintContext, node: ts.ObjectLiteralExpression, type: Dict): Printed {
  const V = type.value;
  const t = ctx.temp(type);
  const steps: string[] = [`${t} = new __ice_Dict<${asType(V)}>()`];
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
      const name = property.name;
      let key: string;
      if (ts.isComputedPropertyName(name)) key = keyText(ctx, name.expression);
      else if (ts.isIdentifier(name) || ts.isStringLiteral(name)) {
        if (name.text === "__proto__" && !ts.isShorthandPropertyAssignment(property))
          ctx.refuse(property, "a '__proto__' property in an object literal (it sets the prototype)", "use a Map");
        key = stringLiteral(name.text);
      } else if (ts.isNumericLiteral(name)) key = stringLiteral(String(Number(name.text)));
      else return ctx.refuse(property, "this property name", "use a name, a string or [key]");
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : property.initializer;
      steps.push(`${t}.put(${key}, ${printTo(ctx, value, V)})`);
    } else if (ts.isSpreadAssignment(property)) {
      steps.push(...spreadInto(ctx, t, V, property.expression));
    } else {
      ctx.refuse(property, "a method or accessor in an object literal", "write `name: value`");
    }
  }
  return { text: `(${steps.join(", ")}, ${t})`, type };
}

/** Copies the own keys of `source` into dictionary `t` (spread: CreateDataProperty; assign: [[Set]]). */
export function spreadInto(
  ctx: PrintContext,
  t: string,
  V: ValueType,
  source: ts.Expression,
  assign = false,
): string[] {
  // An object literal copied into a dictionary is built as one (its keys may be "10", "-1", ...).
  const from = ts.isObjectLiteralExpression(stripParens(source))
    ? printExpr(ctx, source, { kind: "dict", value: V })
    : printExpr(ctx, source);
  if (from.type.kind === "dict") {
    if (!sameType(from.type.value, V))
      return ctx.refuse(source, "copying between dictionaries of different value types", "give both the same type");
    return [`__ice_dict_copy_into<${asType(V)}>(${t}, ${from.text}, ${assign}, ${objectLike(V)})`];
  }
  if (from.type.kind === "object") {
    const keys = knownKeys(ctx, source, from.type);
    if (!keys)
      return ctx.refuse(
        source,
        `copying '${shortText(source)}' into a dictionary (the order of its keys is not known here)`,
        'copy its fields one by one: o["a"] = x.a',
      );
    const s = ctx.temp(from.type);
    const steps = [`${s} = ${from.text}`];
    for (const name of keys) {
      const field = from.type.shape.fields.find((f) => f.name === name)!;
      const value = coerce(ctx, { text: `${s}.${name}`, type: field.type }, V, source);
      steps.push(assign ? set(t, stringLiteral(name), value, V) : `${t}.put(${stringLiteral(name)}, ${value})`);
    }
    return steps;
  }
  return ctx.refuse(source, "spreading this value into an object", "spread objects or dictionaries");
}

/** `delete o[k]`, `delete o.field` (an optional field). */
export function printDelete(ctx: PrintContext, node: ts.DeleteExpression): Printed {
  const target = stripParens(node.expression);
  if (ts.isElementAccessExpression(target)) {
    const dict = printExpr(ctx, target.expression);
    if (dict.type.kind === "dict")
      return { text: `${dict.text}.remove(${keyText(ctx, target.argumentExpression)})`, type: BOOLEAN };
  }
  if (ts.isPropertyAccessExpression(target) && !target.questionDotToken) {
    const object = printExpr(ctx, target.expression);
    if (object.type.kind === "dict")
      return { text: `${object.text}.remove(${stringLiteral(target.name.text)})`, type: BOOLEAN };
    if (object.type.kind === "object") {
      const field = object.type.shape.fields.find((f) => f.name === target.name.text);
      if (field && field.type.kind === "optional")
        return { text: `(${object.text}.${field.name} = __ice_none<${asType(field.type)}>(), true)`, type: BOOLEAN };
    }
  }
  return ctx.refuse(node, "this 'delete'", "delete keys of a dictionary (Record<string, T>) or optional fields");
}

/** `k in o`. */
export function printIn(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const object = printExpr(ctx, node.right);
  if (object.type.kind === "dict") {
    const key = keyText(ctx, node.left);
    return { text: `__ice_dict_in<${asType(object.type.value)}>(${object.text}, ${key})`, type: BOOLEAN };
  }
  const known = inKnownObject(ctx, node, object);
  if (known) return known;
  const left = stripParens(node.left);
  if (object.type.kind === "object" && ts.isStringLiteral(left)) {
    const field = object.type.shape.fields.find((f) => f.name === left.text);
    // A `T | null` field is there even when null (print/nullable.ts).
    if (field && (field.type.kind !== "optional" || field.type.absent === "null"))
      return { text: "true", type: BOOLEAN };
  }
  return ctx.refuse(
    node,
    "'in' on this object",
    "use 'in' on a dictionary (Record<string, T>); compare an optional field with undefined",
  );
}

/** `for (const k in o)`: own keys in JavaScript's order; a key deleted meanwhile is skipped. */
export function printForIn(
  ctx: PrintContext,
  node: ts.ForInStatement,
  bindKey: (declaration: ts.VariableDeclaration, key: string) => string,
  body: () => string,
): string {
  const list = node.initializer;
  if (
    !ts.isVariableDeclarationList(list) ||
    list.declarations.length !== 1 ||
    !ts.isIdentifier(list.declarations[0]!.name)
  )
    return ctx.refuse(node, "for...in over an existing variable", "declare the key: for (const k in o)");
  const declaration = list.declarations[0]!;
  const source = printExpr(ctx, node.expression);
  const keys = ctx.temp({ kind: "array", element: STRING });
  const i = ctx.fresh("i");
  let head: string;
  let skip = "";
  if (source.type.kind === "dict") {
    const d = ctx.temp(source.type);
    head = `${d} = ${source.text};\n${keys} = ${d}.keys();`;
    skip = `if (!__ice_dict_in<${asType(source.type.value)}>(${d}, ${keys}[${i}])) continue;\n`;
  } else if (source.type.kind === "object" && source.type.shape.union) {
    // A union value's own keys (print/unions.ts); none is added or removed while the loop runs.
    head = `${keys} = ${unionKeys(ctx, source.type.shape, source.text)};`;
  } else if (source.type.kind === "object") {
    const names = knownKeys(ctx, node.expression, source.type);
    if (!names)
      return ctx.refuse(
        node.expression,
        `for...in over '${shortText(node.expression)}' (the order of its keys is not known here)`,
        "iterate a list of the field names, or use a Record<string, T>",
      );
    head = `${keys} = <Array<string>>[${names.map((n) => stringLiteral(n)).join(", ")}];`;
  } else if (source.type.kind === "json") {
    // A value of type 'any' (support/jsonKeys.ts): its keys when the loop starts, each visited
    // only if it is still there.
    const v = ctx.temp(source.type);
    head = `${v} = ${source.text};\n${keys} = __ice_j_forin_keys(${v});`;
    skip = `if (!__ice_j_forin_has(${v}, ${keys}[${i}])) continue;\n`;
  } else {
    return ctx.refuse(
      node.expression,
      "for...in over this value",
      "use for...of over an array, or for...in over an object",
    );
  }
  const bound = bindKey(declaration, `${keys}[${i}]`);
  return `${head}\nfor (let ${i}: i32 = 0; ${i} < ${keys}.length; ${i}++) {\n${skip}${bound}\n${body()}\n}`;
}

/** `o.hasOwnProperty(k)` on a dictionary. */
export function dictMethod(ctx: PrintContext, node: ts.CallExpression, dict: Printed, method: string): Printed {
  if (method === "hasOwnProperty" && node.arguments.length === 1)
    return { text: `${dict.text}.has(${keyText(ctx, node.arguments[0]!)})`, type: BOOLEAN };
  return ctx.refuse(node, `'.${method}()' on an object`, "use Object.keys, Object.values, Object.entries or 'in'");
}

export { printCondition };
