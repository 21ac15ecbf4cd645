/**
 * @fileoverview `m.get(k) ?? d` with a literal default (the counting idiom
 * `m.set(k, (m.get(k) ?? 0) + 1)`): one lookup that returns the value or the default, instead of
 * a boxed `number | undefined` per call. A literal has no effects, so evaluating it before the
 * lookup is unobservable. Called from operators.ts (printCoalesce).
 */
import { ts } from "../typescript.js";
import { asType, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo } from "./expressions.js";
import { arg } from "./calls.js";

export function isLiteral(node: ts.Expression): boolean {
  const e = stripParens(node);
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand);
}

/** The lowering of `m.get(k) ?? literal` for a Map of numbers, booleans or strings; undefined otherwise. */
export function mapGetOr(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const call = stripParens(node.left);
  if (!ts.isCallExpression(call) || call.questionDotToken || call.arguments.length !== 1) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || callee.name.text !== "get") return undefined;
  if (ts.isSpreadElement(call.arguments[0]!) || !isLiteral(node.right)) return undefined;
  const t = ctx.typeOf(callee.expression);
  if (t.kind !== "map") return undefined;
  const value: ValueType = t.value;
  if (value.kind !== "number" && value.kind !== "boolean" && value.kind !== "string") return undefined;
  if (ctx.typeOf(node).kind !== value.kind) return undefined;
  const receiver = printExpr(ctx, callee.expression);
  if (receiver.type.kind !== "map") return undefined;
  const key = arg(ctx, call, 0, t.key, "");
  const fallback = printTo(ctx, node.right, value);
  return {
    text: `__ice_map_get_or<${asType(t.key)}, ${asType(value)}>(${receiver.text}, ${key}, ${fallback})`,
    type: value,
  };
}
