/**
 * @fileoverview `new TextEncoder().encode(s).length`: the UTF-8 byte count of a string
 * (support/utf8.ts), the one use of TextEncoder code nodes have (byte budgets for a model or an
 * API). The encoded bytes themselves (a Uint8Array) are not a value code nodes hold.
 */
import { ts } from "../typescript.js";
import { NUMBER, STRING } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printTo } from "./expressions.js";

/** `new TextEncoder().encode(s).length` as the UTF-8 length of s; undefined for any other access. */
export function utf8Length(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed | undefined {
  if (node.name.text !== "length" || node.questionDotToken) return undefined;
  const call = stripParens(node.expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return undefined;
  const method = call.expression;
  if (!ts.isPropertyAccessExpression(method) || method.name.text !== "encode") return undefined;
  const encoder = stripParens(method.expression);
  if (!ts.isNewExpression(encoder) || (encoder.arguments?.length ?? 0) !== 0) return undefined;
  if (!ts.isIdentifier(encoder.expression) || encoder.expression.text !== "TextEncoder") return undefined;
  const symbol = ctx.symbolOf(encoder.expression);
  if (symbol && ctx.isLocal(symbol)) return undefined;
  return { text: `__ice_utf8_length(${printTo(ctx, call.arguments[0]!, STRING)})`, type: NUMBER };
}
