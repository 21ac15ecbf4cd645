/**
 * @fileoverview Own-property tests: `Object.hasOwn(o, k)`, `o.hasOwnProperty(k)` and
 * `Object.prototype.hasOwnProperty.call(o, k)` (the library declares `Object.prototype` for this
 * call only, lib/objects.ts). Unlike `k in o`, the prototype's names (`toString`, `constructor`)
 * are not own keys. Dictionaries ask their table, values of type 'any' their own keys (indices
 * and `length` of arrays and strings; a TypeError for undefined and null, as ToObject throws);
 * fixed-shape objects answer from the keys the compiler knows, union values from their layout.
 */
import { ts } from "../typescript.js";
import { BOOLEAN, STRING } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { keyText } from "./objects.js";
import { knownKeys } from "./shapes.js";
import { classKeyOrder } from "./classKeys.js";
import { hasSlot } from "./unions.js";

/** `Object.prototype.hasOwnProperty.call(o, k)`, with `Object` the global: true when `call` is that. */
export function isHasOwnPropertyCall(ctx: PrintContext, callee: ts.PropertyAccessExpression): boolean {
  if (callee.name.text !== "call") return false;
  const method = stripParens(callee.expression);
  if (!ts.isPropertyAccessExpression(method) || method.name.text !== "hasOwnProperty") return false;
  const proto = stripParens(method.expression);
  if (!ts.isPropertyAccessExpression(proto) || proto.name.text !== "prototype") return false;
  const object = stripParens(proto.expression);
  if (!ts.isIdentifier(object) || object.text !== "Object") return false;
  const symbol = ctx.symbolOf(object);
  return !symbol || !ctx.isLocal(symbol);
}

/** Whether `key` (a string or number expression) is an own key of `object`. */
export function printHasOwn(
  ctx: PrintContext,
  at: ts.Node,
  object: Printed,
  objectNode: ts.Expression,
  key: ts.Expression | undefined,
): Printed {
  if (!key) return ctx.refuse(at, "an own-property test without a key", "pass the key");
  const type = object.type;
  if (type.kind === "dict") return { text: `${object.text}.has(${keyText(ctx, key)})`, type: BOOLEAN };
  if (type.kind === "json") {
    const k = printExpr(ctx, key);
    const text = k.type.kind === "json" ? `__ice_j_key(${k.text})` : keyText(ctx, key);
    return { text: `__ice_j_has_own(${object.text}, ${text})`, type: BOOLEAN };
  }
  if (type.kind === "object") {
    const shape = type.shape;
    const literal = stripParens(key);
    const name = ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal) ? literal.text : undefined;
    if (shape.union) {
      if (name === undefined)
        return ctx.refuse(
          key,
          "an own-property test with a computed key on a value of a union type",
          "test a literal key",
        );
      if (!shape.fields.some((f) => f.name === name)) return { text: `(${object.text}, false)`, type: BOOLEAN };
      const t = ctx.temp(type);
      return { text: `(${t} = ${object.text}, ${hasSlot(ctx, shape, t, name)})`, type: BOOLEAN };
    }
    const keys = knownKeys(ctx, objectNode, type);
    if (keys) {
      const k = ctx.temp(STRING);
      const tests = keys.length > 0 ? keys.map((n) => `${k} == ${stringLiteral(n)}`).join(" || ") : "false";
      return { text: `(${object.text}, ${k} = ${printTo(ctx, key, STRING)}, ${tests})`, type: BOOLEAN };
    }
    // A required field of a plain object type is always an own key (a class's may be an accessor).
    const field = name === undefined ? undefined : shape.fields.find((f) => f.name === name);
    if (
      field &&
      classKeyOrder(ctx, shape) === undefined &&
      (field.type.kind !== "optional" || field.type.absent === "null")
    )
      return { text: `(${object.text}, true)`, type: BOOLEAN };
  }
  return ctx.refuse(
    at,
    "an own-property test on this value",
    "use it on a dictionary (Record<string, T>), a value of type 'any', or with a literal key of a required field",
  );
}
