/**
 * @fileoverview `String.raw` applied to a template (`String.raw\`C:\dir\${name}\``): the
 * template's raw text (escapes left as written; a line break written as CR LF or CR is LF, as
 * JavaScript's raw value has it) with each substitution converted as a template converts it.
 * Other tagged templates are refused (a tag function receives a strings array the sandbox does
 * not build).
 */
import { ts } from "../typescript.js";
import { STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";

/** True when `node` is `String.raw\`...\`` of the library's `String`. */
export function isStringRaw(ctx: PrintContext, node: ts.TaggedTemplateExpression): boolean {
  const tag = node.tag;
  if (!ts.isPropertyAccessExpression(tag) || !ts.isIdentifier(tag.expression) || tag.name.text !== "raw") return false;
  if (tag.expression.text !== "String" || node.typeArguments) return false;
  const symbol = ctx.symbolOf(tag.expression);
  return !!symbol && !ctx.isLocal(symbol);
}

/** The parts of `String.raw\`...\``: its raw literal texts and its substitutions, in order. */
export function printStringRaw(
  ctx: PrintContext,
  node: ts.TaggedTemplateExpression,
  literal: (text: string) => string,
  substitution: (e: ts.Expression) => string,
): Printed {
  const raw = (part: ts.TemplateLiteralLikeNode): string => {
    if (part.rawText === undefined) return ctx.refuse(part, "this template's raw text", "write the text as a string");
    return part.rawText.replace(/\r\n?/g, "\n");
  };
  const template = node.template;
  const parts: string[] = [];
  if (ts.isNoSubstitutionTemplateLiteral(template)) parts.push(literal(raw(template)));
  else {
    parts.push(literal(raw(template.head)));
    for (const span of template.templateSpans) {
      parts.push(substitution(span.expression));
      parts.push(literal(raw(span.literal)));
    }
  }
  return { text: `__ice_join_strs(<Array<string>>[${parts.join(", ")}], "")`, type: STRING };
}
