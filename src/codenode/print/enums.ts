/**
 * @fileoverview Enums in a body: every member has a constant value (TypeScript computes it:
 * auto-incremented numbers, strings, constant expressions), so an enum declaration prints nothing
 * and `Status.Ready` prints its value. A member's type is a string or number literal type to the
 * checker, so values of an enum type are strings or numbers (types.ts). Using the enum object
 * itself as a value (`Object.values(Status)`) is refused where the identifier is printed; `Color[c]`
 * (the reverse mapping) and `Color["Red"]` are enumElement's.
 */
import { ts } from "../typescript.js";
import { NUMBER, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { numberLiteral, printTo, stringLiteral } from "./expressions.js";

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

/**
 * `E[v]` of a numeric enum declared in the body: the reverse mapping, the name of the member whose
 * value `v` is (the last declared, as JavaScript's object keeps the last write), and `E["Name"]`, a
 * member's value. A constant `v` is folded; a `v` typed as the enum is looked up at run time (a
 * value of the enum type that is no member's, made by a cast, stops the node where JavaScript gives
 * undefined); a `v` typed `number` is refused (TypeScript types the result `string`, JavaScript
 * gives undefined for a number no member has). Undefined for any other element access.
 */
export function enumElement(ctx: PrintContext, node: ts.ElementAccessExpression): Printed | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const symbol = ctx.symbolOf(node.expression);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Enum) || !declaration || !ts.isEnumDeclaration(declaration))
    return undefined;
  const arg = node.argumentExpression;
  const members = declaration.members.map((m) => ({ name: memberName(m), value: ctx.checker.getConstantValue(m) }));
  if (ts.isStringLiteralLike(arg)) {
    const member = members.find((m) => m.name === arg.text);
    if (typeof member?.value === "number") return { text: numberLiteral(member.value), type: NUMBER };
    if (typeof member?.value === "string") return { text: stringLiteral(member.value), type: STRING };
    return undefined;
  }
  if (members.some((m) => typeof m.value !== "number"))
    return ctx.refuse(node, "the reverse mapping of an enum with string members", "keep a Record from values to names");
  // JavaScript's object: each member writes its name under its value's text, later ones win.
  const names = new Map<number, string>();
  for (const m of members) names.set((m.value as number) === 0 ? 0 : (m.value as number), m.name);
  const constant = constantNumber(ctx, arg);
  if (constant !== undefined) {
    const name = names.get(constant === 0 ? 0 : constant);
    if (name === undefined)
      return ctx.refuse(
        node,
        `'${shortName(node)}', which no member's value is (JavaScript gives undefined)`,
        "use a member's value",
      );
    return { text: stringLiteral(name), type: STRING };
  }
  const argType = ctx.checker.getTypeAtLocation(arg);
  const parts = argType.isUnion() ? argType.types : [argType];
  const ofThisEnum = (t: ts.Type): boolean =>
    t.getSymbol() === symbol ||
    (!!(t.flags & ts.TypeFlags.EnumLiteral) && t.getSymbol()?.valueDeclaration?.parent === declaration);
  if (!parts.every(ofThisEnum))
    return ctx.refuse(
      node,
      `the reverse mapping '${shortName(node)}' of a number (JavaScript gives undefined for a value no member has; TypeScript types it string)`,
      `type the index as the enum: (x as ${symbol.name}), or keep a Record from values to names`,
    );
  const fn = `__ice_enum_name_${ctx.nameOf(symbol)}`;
  if (!ctx.hoisted.some((h) => h.startsWith(`function ${fn}(`))) {
    const cases = [...names].map(([v, n]) => `  if (v == ${numberLiteral(v)}) return ${stringLiteral(n)};`);
    ctx.hoisted.push(
      `function ${fn}(v: f64): string {\n${cases.join("\n")}\n  abort(${stringLiteral(`a value of the enum ${symbol.name} that is none of its members' (JavaScript gives undefined)`)});\n  return "";\n}`,
    );
  }
  return { text: `${fn}(${printTo(ctx, arg, NUMBER)})`, type: STRING };
}

function memberName(m: ts.EnumDeclaration["members"][number]): string {
  return ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
}

function shortName(node: ts.Node): string {
  const text = node.getText();
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The value of a numeric literal or an enum member read (`Color.Red`, `-1`), else undefined. */
function constantNumber(ctx: PrintContext, e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return -Number(e.operand.text);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const member = ctx.checker.getSymbolAtLocation(
      ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression,
    )?.valueDeclaration;
    if (member && ts.isEnumMember(member)) {
      const v = ctx.checker.getConstantValue(member);
      if (typeof v === "number") return v;
    }
  }
  return undefined;
}
