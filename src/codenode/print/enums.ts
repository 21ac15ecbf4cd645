/**
 * @fileoverview Enums in a body: every member has a constant value (TypeScript computes it:
 * auto-incremented numbers, strings, constant expressions), so an enum declaration prints nothing
 * and `Status.Ready` prints its value. A member's type is a string or number literal type to the
 * checker, so values of an enum type are strings or numbers (types.ts). Using the enum object
 * itself as a value (`Object.values(Status)`, the reverse mapping `Color[0]`) is refused where the
 * identifier is printed.
 */
import { ts } from "../typescript.js";
import { NUMBER, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { numberLiteral, stringLiteral } from "./expressions.js";

/** Checks an enum declaration (all members constant) and prints nothing for it. */
export function printEnumDeclaration(ctx: PrintContext, node: ts.EnumDeclaration): string {
  for (const member of node.members)
    if (ctx.checker.getConstantValue(member) === undefined)
      ctx.refuse(member, "an enum member whose value is not a constant", "give it a literal value");
  return "";
}

/** `E.Member` of an enum declared in the body, as its constant value; undefined for any other access. */
export function enumMember(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed | undefined {
  const symbol = ctx.symbolOf(node.expression);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Enum)) return undefined;
  // The member's declaration: getConstantValue of the access itself answers for const enums only.
  const member = ctx.checker.getSymbolAtLocation(node.name)?.valueDeclaration;
  if (!member || !ts.isEnumMember(member)) return undefined;
  const value = ctx.checker.getConstantValue(member);
  if (typeof value === "string") return { text: stringLiteral(value), type: STRING };
  if (typeof value === "number") return { text: numberLiteral(value), type: NUMBER };
  return undefined;
}
