/**
 * @fileoverview Assignments: plain and compound (`+=`, `??=`, ...), to locals, captured variables,
 * fields and elements, with the value converted to the target's type. Part of the expression
 * printer (expressions.ts).
 */
import { ts } from "../typescript.js";
import { asType, NUMBER } from "../types.js";
import { shortText, type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printExpr, printTo, variableAccess } from "./expressions.js";
import { isLogicalAssignment, printLogicalAssignment } from "./logicalAssignment.js";
import { assignLocal } from "./locals.js";
import { COMPOUND, isPure, operate } from "./operators.js";
import { dictAssignment } from "./objects.js";
import { jsonAssignment } from "./json.js";
import { printArrayDestructuring } from "./destructuringAssignment.js";
import { keyedFieldAssignment } from "./fieldByKey.js";
import { checkUnionFieldWrite } from "./unions.js";
import { urlAssignment } from "./urls.js";

export function printLValue(ctx: PrintContext, node: ts.Expression): Printed {
  const inner = stripParens(node);
  if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    if (!symbol || !ctx.isLocal(symbol))
      return ctx.refuse(node, `assigning to '${inner.text}'`, "assign to a local variable");
    return { text: variableAccess(ctx, symbol), type: ctx.declaredType(symbol, inner) };
  }
  if (ts.isPropertyAccessExpression(inner) && !inner.questionDotToken) {
    const object = printExpr(ctx, inner.expression);
    if (object.type.kind === "object") {
      checkUnionFieldWrite(ctx, inner, object.type);
      const field = object.type.shape.fields.find((f) => f.name === inner.name.text);
      if (field) return { text: `${object.text}.${field.name}`, type: field.type };
    }
    if (object.type.kind === "regexp" && inner.name.text === "lastIndex")
      return { text: `${object.text}.lastIndex`, type: NUMBER };
  }
  return ctx.refuse(node, `assigning to '${shortText(node)}'`, "assign to a local variable or an object field");
}

export function printAssignment(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const op = node.operatorToken.kind;
  const left = stripParens(node.left);
  if (ts.isArrayLiteralExpression(left) && op === ts.SyntaxKind.EqualsToken) return printArrayDestructuring(ctx, node);
  if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left))
    return ctx.refuse(node, "destructuring assignment", "assign each value separately");
  const url = urlAssignment(ctx, node);
  if (url) return url;
  if (ts.isElementAccessExpression(left) || (ts.isPropertyAccessExpression(left) && !left.questionDotToken)) {
    if (ctx.typeOf(left.expression).kind === "dict")
      return dictAssignment(
        ctx,
        node,
        printExpr(ctx, left.expression),
        ts.isElementAccessExpression(left) ? left.argumentExpression : left.name.text,
        COMPOUND[op],
      );
  }
  if (isLogicalAssignment(node)) {
    const json = jsonAssignment(ctx, node);
    if (json) return json;
    const printed = printLogicalAssignment(ctx, node, (target) => printLValue(ctx, target));
    if (printed) return printed;
  }
  if (op !== ts.SyntaxKind.EqualsToken && COMPOUND[op] === undefined)
    return ctx.refuse(node, `'${ts.tokenToString(op)}'`, "write the test and the assignment separately");
  const json = jsonAssignment(ctx, node);
  if (json) return json;
  const special = assignLocal(ctx, node);
  if (special) return special;
  const keyed = keyedFieldAssignment(ctx, node);
  if (keyed) return keyed;
  if (ts.isElementAccessExpression(left)) {
    const array = printExpr(ctx, left.expression);
    if (array.type.kind !== "array")
      return ctx.refuse(node, "assigning through [ ] here", "assign to array elements only; use a Map for keyed data");
    const element = asType(array.type.element);
    const index = printTo(ctx, left.argumentExpression, NUMBER);
    if (op === ts.SyntaxKind.EqualsToken)
      return {
        text: `__ice_set<${element}>(${array.text}, ${index}, ${printTo(ctx, node.right, array.type.element)})`,
        type: array.type.element,
      };
    // `matrix[i][j] += x`, `sums[key(x)] += v`: the array and the index are evaluated once, in
    // JavaScript's order, before the element is read.
    const pure = isPure(left.expression) && isPure(left.argumentExpression);
    const arrayAt = pure ? array.text : ctx.temp(array.type);
    const indexAt = pure ? index : ctx.temp(NUMBER);
    const current: Printed = { text: `__ice_at<${element}>(${arrayAt}, ${indexAt})`, type: array.type.element };
    const value = operate(
      ctx,
      node,
      COMPOUND[op]!,
      current,
      printExpr(ctx, node.right),
      array.type.element.kind === "string",
    );
    const set = `__ice_set<${element}>(${arrayAt}, ${indexAt}, ${coerce(ctx, value, array.type.element, node)})`;
    return {
      text: pure ? set : `(${arrayAt} = ${array.text}, ${indexAt} = ${index}, ${set})`,
      type: array.type.element,
    };
  }
  if (ts.isPropertyAccessExpression(left) && left.name.text === "length" && op === ts.SyntaxKind.EqualsToken) {
    const array = printExpr(ctx, left.expression);
    if (array.type.kind === "array")
      return {
        text: `__ice_set_length<${asType(array.type.element)}>(${array.text}, ${printTo(ctx, node.right, NUMBER)})`,
        type: NUMBER,
      };
  }
  if (op !== ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) && !isPure(left.expression)) {
    // `rows[k].count += 1`: the object is evaluated once.
    const object = printExpr(ctx, left.expression);
    const field =
      object.type.kind === "object" ? object.type.shape.fields.find((f) => f.name === left.name.text) : undefined;
    if (!field) return ctx.refuse(node, "a compound assignment to this field", "read the object into a local first");
    checkUnionFieldWrite(ctx, left, object.type);
    const t = ctx.temp(object.type);
    const place: Printed = { text: `${t}.${field.name}`, type: field.type };
    const value = operate(
      ctx,
      node,
      COMPOUND[op]!,
      narrowedForCompound(place),
      printExpr(ctx, node.right),
      field.type.kind === "string",
    );
    return {
      text: `(${t} = ${object.text}, ${place.text} = ${coerce(ctx, value, field.type, node)})`,
      type: field.type,
    };
  }
  const target = printLValue(ctx, node.left);
  if (op === ts.SyntaxKind.EqualsToken)
    return { text: `(${target.text} = ${printTo(ctx, node.right, target.type)})`, type: target.type };
  const current = narrowedForCompound(target);
  const value = operate(ctx, node, COMPOUND[op]!, current, printExpr(ctx, node.right), target.type.kind === "string");
  return { text: `(${target.text} = ${coerce(ctx, value, target.type, node)})`, type: target.type };
}

function narrowedForCompound(target: Printed): Printed {
  return target.type.kind === "optional" ? { text: unwrap(target), type: target.type.inner } : target;
}
