/**
 * @fileoverview `o[k] ?? d` on an object used as a dictionary, with a literal default (the
 * counting idiom `o[k] = (o[k] ?? 0) + 1`): one lookup that returns the value or the default
 * (support/dictionary.ts `__ice_dict_get_or`), instead of a boxed `number | undefined`. A missing
 * key that Object.prototype has (`toString`, ...) stops the node as the boxed read does. A
 * literal has no effects, so evaluating it before the lookup is unobservable. Called from
 * operators.ts (printCoalesce), as mapDefault.ts.
 */
import { ts } from "../typescript.js";
import { asType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { isLiteral } from "./mapDefault.js";
import { keyText } from "./objects.js";

/** The lowering of `o[k] ?? literal` for a dictionary of numbers, booleans or strings; undefined otherwise. */
export function dictGetOr(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const read = stripParens(node.left);
  if (!isLiteral(node.right)) return undefined;
  let object: ts.Expression;
  let key: (() => string) | undefined;
  if (ts.isElementAccessExpression(read) && !read.questionDotToken && !ts.isOptionalChain(read)) {
    object = read.expression;
    const argument = read.argumentExpression;
    key = () => keyText(ctx, argument);
  } else if (ts.isPropertyAccessExpression(read) && !read.questionDotToken && !ts.isOptionalChain(read)) {
    object = read.expression;
    const name = read.name.text;
    key = () => stringLiteral(name);
  } else return undefined;
  const t = ctx.typeOf(object);
  if (t.kind !== "dict") return undefined;
  const value = t.value;
  if (value.kind !== "number" && value.kind !== "boolean" && value.kind !== "string") return undefined;
  if (ctx.typeOf(node).kind !== value.kind) return undefined;
  const receiver = printExpr(ctx, object);
  if (receiver.type.kind !== "dict") return undefined;
  const k = key();
  const fallback = printTo(ctx, node.right, value);
  return { text: `__ice_dict_get_or<${asType(value)}>(${receiver.text}, ${k}, ${fallback})`, type: value };
}
