/**
 * @fileoverview `==`, `===`, `!=` and `!==` with JavaScript's semantics across the sandbox's
 * representations: with `undefined` (an input path is never undefined), JSON values, nullable and
 * nullish references by identity, optionals of a number, string or boolean against a defined value
 * or against each other (equal when both are undefined), functions refused. Part of the operator
 * printer (operators.ts).
 */
import { ts } from "../typescript.js";
import { BOOLEAN, isNullable, isNullish, isObjectKind, isPrimitive, sameType, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { unwrap } from "./coerce.js";
import { nullComparison } from "./regex.js";
import { nullableIdentity } from "./nullable.js";
import { nullishIdentity } from "./nullish.js";
import { printExpr } from "./expressions.js";
import { jsonEquality, jsonIsUndefined } from "./json.js";

function isUndefined(ctx: PrintContext, node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (!ts.isIdentifier(inner) || inner.text !== "undefined") return false;
  const symbol = ctx.symbolOf(inner);
  return !symbol || !ctx.isLocal(symbol);
}

/** `inputs.a.b` (plain property reads from the node's input): present when its type says so. */
function isInputPath(ctx: PrintContext, node: ts.Expression): boolean {
  let e = stripParens(node);
  while (ts.isPropertyAccessExpression(e) && !e.questionDotToken) e = stripParens(e.expression);
  if (!ts.isIdentifier(e) || e.text !== "inputs" || e === stripParens(node)) return false;
  const symbol = ctx.symbolOf(e);
  return !symbol || !ctx.isLocal(symbol);
}

export function printEquality(ctx: PrintContext, node: ts.BinaryExpression, equal: boolean): Printed {
  const nullish = nullComparison(ctx, node, equal);
  if (nullish) return nullish;
  const [value, other] = isUndefined(ctx, node.left) ? [node.right, node.left] : [node.left, node.right];
  if (isUndefined(ctx, other)) {
    const printed = printExpr(ctx, value);
    if (printed.type.kind === "json") return jsonIsUndefined(node, printed, equal);
    // A required field of the node's input (validated before the body runs) is never undefined.
    if (printed.type.kind !== "optional" && isInputPath(ctx, value))
      return { text: equal ? "false" : "true", type: BOOLEAN };
    if (printed.type.kind !== "optional")
      return ctx.refuse(
        node,
        "comparing a value whose type excludes undefined with undefined",
        "its type says it is never undefined; give it a type with `| undefined` if it can be",
      );
    return { text: `(${printed.text} ${equal ? "===" : "!=="} null)`, type: BOOLEAN };
  }
  const left = printExpr(ctx, node.left);
  const right = printExpr(ctx, node.right);
  const json = jsonEquality(ctx, node, left, right, equal);
  if (json) return json;
  const identity = nullishIdentity(ctx, node, left, right, equal) ?? nullableIdentity(ctx, node, left, right, equal);
  if (identity) return identity;
  const op = equal ? "==" : "!=";
  // Closure objects of one function type compare by reference (functionIdentity.ts).
  if (left.type.kind === "function" && sameType(left.type, right.type))
    return { text: `(${left.text} ${op} ${right.text})`, type: BOOLEAN };
  if (left.type.kind === "function" || right.type.kind === "function")
    return ctx.refuse(node, "comparing functions of different types", "compare the values they compute");
  if (left.type.kind === "optional" || right.type.kind === "optional") {
    // Objects (records, arrays, Maps, ...) compare by identity, and undefined only equals undefined:
    // the nullable references compare as they are.
    const l = left.type.kind === "optional" ? left.type.inner : left.type;
    const r = right.type.kind === "optional" ? right.type.inner : right.type;
    if (isObjectKind(l) && sameType(l, r)) return { text: `(${left.text} ${op} ${right.text})`, type: BOOLEAN };
    const [opt, plain] = left.type.kind === "optional" ? [left, right] : [right, left];
    const scalar = (t: ValueType) => isPrimitive(t) || t.kind === "string";
    const undefinedOrValue = (t: ValueType) => !isNullish(t) && !isNullable(t);
    if (
      plain.type.kind === "optional" &&
      scalar(l) &&
      l.kind === r.kind &&
      undefinedOrValue(left.type) &&
      undefinedOrValue(right.type)
    ) {
      // `low.get(v) === index.get(v)`: equal when both are undefined or both hold equal values.
      const a = ctx.temp(left.type);
      const b = ctx.temp(right.type);
      const values = `${unwrap({ text: a, type: left.type })} == ${unwrap({ text: b, type: right.type })}`;
      const test = `(${a} === null ? ${b} === null : ${b} !== null && ${values})`;
      return { text: `(${a} = ${left.text}, ${b} = ${right.text}, ${equal ? test : `!${test}`})`, type: BOOLEAN };
    }
    if (plain.type.kind === "optional" || !scalar(plain.type))
      return ctx.refuse(node, "comparing two values that may be undefined", "check them for undefined first");
    const a = ctx.temp(opt.type);
    const b = ctx.temp(plain.type);
    const first = opt === left ? `${a} = ${opt.text}` : `${b} = ${plain.text}`;
    const second = opt === left ? `${b} = ${plain.text}` : `${a} = ${opt.text}`;
    const test = `${a} !== null && ${unwrap({ text: a, type: opt.type })} == ${b}`;
    return { text: `(${first}, ${second}, ${equal ? `(${test})` : `!(${test})`})`, type: BOOLEAN };
  }
  if (left.type.kind !== right.type.kind)
    return ctx.refuse(node, `comparing ${left.type.kind} with ${right.type.kind}`, "compare values of one type");
  return { text: `(${left.text} ${op} ${right.text})`, type: BOOLEAN };
}
