/**
 * @fileoverview `x ??= v`, `x ||= v`, `x &&= v` on a local or a field (`o.f ??= v`): the test
 * reads the target once, the value is evaluated and assigned only when the test says so, and the
 * expression's value is JavaScript's (the old value, or the one assigned).
 */
import { ts } from "../typescript.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printTo, truthy } from "./expressions.js";
import { isPure } from "./operators.js";
import { nullishTest } from "./nullish.js";
import { isNullish } from "../types.js";

const LOGICAL: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

export function isLogicalAssignment(node: ts.BinaryExpression): boolean {
  return LOGICAL.has(node.operatorToken.kind);
}

/** The assignment, or undefined when the target is not a local or a field of one (then refused by the caller). */
export function printLogicalAssignment(
  ctx: PrintContext,
  node: ts.BinaryExpression,
  target: (node: ts.Expression) => Printed,
): Printed | undefined {
  if (!isPure(node.left)) return undefined;
  const place = target(node.left);
  const assign = `(${place.text} = ${printTo(ctx, node.right, place.type)})`;
  const type = ctx.typeOf(node);
  let text: string;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.QuestionQuestionEqualsToken:
      // A target whose type excludes undefined is never assigned (NaN and 0 are not nullish).
      text = isNullish(place.type)
        ? `(${nullishTest(place, "null", false, true).text} ? ${assign} : ${place.text})`
        : place.type.kind === "optional"
          ? `(${place.text} === null ? ${assign} : ${place.text})`
          : place.text;
      break;
    case ts.SyntaxKind.BarBarEqualsToken:
      text = `(${truthy(place)} ? ${place.text} : ${assign})`;
      break;
    default:
      text = `(${truthy(place)} ? ${assign} : ${place.text})`;
  }
  return { text: coerce(ctx, { text, type: place.type }, type, node), type };
}
