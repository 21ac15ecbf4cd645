/**
 * @fileoverview Array destructuring assignment from an array literal, as a statement: the swap
 * `[a, b] = [b, a]` and `[xs[i], xs[j]] = [xs[j], xs[i]]`. JavaScript evaluates the literal's
 * elements in order, then assigns each target in order, evaluating the target's object and index
 * when it gets there; the lowering does the same with one temporary per element. Targets are locals,
 * fields of typed objects and elements of typed arrays; anything else (a pattern with holes,
 * defaults, rest or nesting, a right side that is not a literal of the same length, the assignment
 * used as a value) is refused with what to write instead.
 */
import { ts } from "../typescript.js";
import { asType, NUMBER } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo } from "./expressions.js";
import { printLValue } from "./assignment.js";
import { reprOf } from "./locals.js";

export function printArrayDestructuring(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const pattern = stripParens(node.left) as ts.ArrayLiteralExpression;
  const source = stripParens(node.right);
  const refuse = (at: ts.Node, what: string): never =>
    ctx.refuse(at, what, "assign each value separately, through a `const` for values that change");
  if (!isStatement(node)) return refuse(node, "a destructuring assignment used as a value");
  if (!ts.isArrayLiteralExpression(source) || source.elements.length !== pattern.elements.length)
    return refuse(node.right, "destructuring assignment from anything but an array literal of the same length");
  for (const e of [...pattern.elements, ...source.elements])
    if (ts.isOmittedExpression(e) || ts.isSpreadElement(e))
      return refuse(e, "a hole or spread in a destructuring assignment");
  const values = source.elements.map((e) => {
    const value = printExpr(ctx, e);
    const temp = ctx.temp(value.type);
    return { set: `${temp} = ${value.text}`, value: { text: temp, type: value.type } };
  });
  const stores = pattern.elements.map((target, i) => store(ctx, target, values[i]!.value, refuse));
  return { text: `(${[...values.map((v) => v.set), ...stores].join(", ")})`, type: NUMBER };
}

function store(
  ctx: PrintContext,
  target: ts.Expression,
  value: Printed,
  refuse: (at: ts.Node, what: string) => never,
): string {
  const inner = stripParens(target);
  if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    if (symbol && reprOf(ctx, symbol)) return refuse(target, "this variable as a destructuring target");
    const place = printLValue(ctx, inner);
    return `${place.text} = ${coerce(ctx, value, place.type, target)}`;
  }
  if (ts.isPropertyAccessExpression(inner) && !inner.questionDotToken) {
    const place = printLValue(ctx, inner);
    return `${place.text} = ${coerce(ctx, value, place.type, target)}`;
  }
  if (ts.isElementAccessExpression(inner) && !inner.questionDotToken) {
    const array = printExpr(ctx, inner.expression);
    if (array.type.kind !== "array")
      return refuse(target, "this destructuring target (an element of a typed array, a variable or a field)");
    const index = printTo(ctx, inner.argumentExpression, NUMBER);
    return `__ice_set<${asType(array.type.element)}>(${array.text}, ${index}, ${coerce(ctx, value, array.type.element, target)})`;
  }
  return refuse(target, "this destructuring target (a variable, a field or an element of a typed array)");
}

function isStatement(node: ts.Node): boolean {
  let top = node;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  return ts.isExpressionStatement(top.parent);
}
