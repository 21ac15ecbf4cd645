/**
 * @fileoverview JSON values in the printer's expressions: `any`, `unknown` and unions of
 * primitives are `__ice_J` (support/json.ts). Object and array literals built as JSON values,
 * property and element reads with JavaScript's rules, writes into JSON objects and arrays,
 * `delete`, destructuring, `typeof`, equality, comparison, `+` and `in`. Conversions from and to
 * typed values are in jsonConvert.ts, `JSON.*`, `Array.isArray` and methods in jsonCalls.ts.
 */
import { ts } from "../typescript.js";
import { absentText } from "./nullable.js";
import { BOOLEAN, JSON_VALUE, STRING } from "../types.js";
import { fromChecker } from "../fromChecker.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral, truthy } from "./expressions.js";
import { fromJson, toJson } from "./jsonConvert.js";
import { jsonNumber, withNumberForm } from "./jsonNumeric.js";
import { isCatchableAny } from "./catchableAny.js";
import { state } from "./exceptionRegions.js";

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
  // A spread of a Map, Set or string (`JSON.stringify([...m])`): the typed array, then its JSON.
  if (node.elements.some((e) => ts.isSpreadElement(e) && !["array", "json"].includes(ctx.typeOf(e.expression).kind))) {
    const typed = ctx.typeOf(node);
    if (typed.kind === "array") return { text: toJson(ctx, printExpr(ctx, node, typed), node), type: JSON_VALUE };
  }
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
  if (isCatchableAny(ctx, node)) {
    const text = `__ice_j_get_try(${object.text}, ${stringLiteral(name)}, ${state(ctx).line})`;
    return narrowJson(ctx, node, { text, type: JSON_VALUE });
  }
  const printed: Printed = { text: `__ice_j_get(${object.text}, ${stringLiteral(name)})`, type: JSON_VALUE };
  if (name === "length") withNumberForm(printed, (read) => `__ice_j_len_${read}(${object.text})`);
  return narrowJson(ctx, node, printed);
}

/** `object[index]` of a JSON value. */
export function jsonElement(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  object: Printed,
  narrow = true,
): Printed {
  const index = printExpr(ctx, node.argumentExpression);
  // In a try that may take JavaScript's TypeError (catchableAny.ts).
  const line = isCatchableAny(ctx, node) ? `, ${state(ctx).line}` : "";
  const text = line
    ? index.type.kind === "number"
      ? `__ice_j_at_try(${object.text}, ${index.text}${line})`
      : `__ice_j_get_try(${object.text}, ${keyText(ctx, index, node.argumentExpression)}${line})`
    : index.type.kind === "number"
      ? `__ice_j_at(${object.text}, ${index.text})`
      : `__ice_j_get(${object.text}, ${keyText(ctx, index, node.argumentExpression)})`;
  return narrow ? narrowJson(ctx, node, { text, type: JSON_VALUE }) : { text, type: JSON_VALUE };
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
  const op = node.operatorToken.kind;
  const logical =
    op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    op === ts.SyntaxKind.BarBarEqualsToken ||
    op === ts.SyntaxKind.AmpersandAmpersandEqualsToken;
  if (op !== ts.SyntaxKind.EqualsToken && !logical)
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
  if (!logical) {
    const value = printTo(ctx, node.right, JSON_VALUE);
    if (isCatchableAny(ctx, node))
      return { text: `__ice_j_set_try(${object.text}, ${key}, ${value}, ${state(ctx).line})`, type: JSON_VALUE };
    return { text: `__ice_j_set(${object.text}, ${key}, ${value})`, type: JSON_VALUE };
  }
  // `cur = cur[k] ??= {}` (a deep set by path): the object and the key evaluated once, the value
  // only when the test says so (as JavaScript), and the whole is the old value or the one set.
  const o = ctx.temp(JSON_VALUE);
  const k = ctx.temp(STRING);
  const old = ctx.temp(JSON_VALUE);
  const read = `${o} = ${object.text}, ${k} = ${key}, ${old} = __ice_j_get(${o}, ${k})`;
  const assign = `__ice_j_set(${o}, ${k}, ${printTo(ctx, node.right, JSON_VALUE)})`;
  const test =
    op === ts.SyntaxKind.QuestionQuestionEqualsToken
      ? `!__ice_j_nullish(${old})`
      : op === ts.SyntaxKind.BarBarEqualsToken
        ? truthy({ text: old, type: JSON_VALUE })
        : `!(${truthy({ text: old, type: JSON_VALUE })})`;
  return { text: `(${read}, ${test} ? ${old} : ${assign})`, type: JSON_VALUE };
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
      if (t.inner.kind === "optional") {
        const core = t.inner.inner.kind === "function" ? "function" : "object";
        const temp = ctx.temp(t);
        return {
          text: `((${temp} = ${value.text}) === null ? "undefined" : ${temp}!.v === null ? "object" : "${core}")`,
          type: STRING,
        };
      }
      const inner =
        t.inner.kind === "number" ||
        t.inner.kind === "string" ||
        t.inner.kind === "boolean" ||
        t.inner.kind === "function"
          ? t.inner.kind
          : "object";
      // The absent value: typeof undefined is "undefined", typeof null "object" (print/nullable.ts).
      return {
        text: `(${value.text} === null ? "${absentText(t) === "null" ? "object" : "undefined"}" : ${stringLiteral(inner)})`,
        type: STRING,
      };
    }
    case "function":
      return fixed("function");
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
  // Against a number, always a numeric comparison: ToNumber of the JSON value once both are evaluated.
  if (left.type.kind === "number" && right.type.kind === "json")
    return { text: `(${left.text} ${op} ${jsonNumber(right, "tonum")})`, type: BOOLEAN };
  if (left.type.kind === "json" && right.type.kind === "number") {
    // The left number may be read first only when evaluating the right one changes nothing.
    if (/^[\w.!]+$/.test(right.text))
      return { text: `(${jsonNumber(left, "tonum")} ${op} ${right.text})`, type: BOOLEAN };
    return { text: `__ice_j_${RELATION[op]}_jn(${left.text}, ${right.text})`, type: BOOLEAN };
  }
  const a = toJson(ctx, left, node.left);
  const b = toJson(ctx, right, node.right);
  return { text: `__ice_j_${RELATION[op]}(${a}, ${b})`, type: BOOLEAN };
}

/** `a + b` where either is a JSON value and the result is not known to be text. */
export function jsonAdd(ctx: PrintContext, node: ts.Node, left: Printed, right: Printed): Printed {
  const printed: Printed = {
    text: `__ice_j_add(${toJson(ctx, left, node)}, ${toJson(ctx, right, node)})`,
    type: JSON_VALUE,
  };
  if (left.type.kind === "number" && right.type.kind === "json")
    withNumberForm(printed, (read) => `__ice_j_add_nj_${read}(${left.text}, ${right.text})`);
  else if (left.type.kind === "json" && right.type.kind === "number")
    withNumberForm(printed, (read) => `__ice_j_add_jn_${read}(${left.text}, ${right.text})`);
  return printed;
}

/** `key in object` when the object is a JSON value; undefined otherwise. */
export function jsonIn(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const converted = fromChecker(ctx.checker, ctx.checker.getTypeAtLocation(node.right), ctx.classes);
  if (!("type" in converted) || converted.type.kind !== "json") return undefined;
  const key = keyText(ctx, printExpr(ctx, node.left), node.left);
  return { text: `__ice_j_in(${key}, ${printExpr(ctx, node.right).text})`, type: BOOLEAN };
}
