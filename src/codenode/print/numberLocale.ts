/**
 * @fileoverview `x.toLocaleString(locale?, options?)` of a number, and the locale and options
 * arguments `localeCompare` shares with it: the host's own
 * (support/locale.ts `__ice_num_locale`, through the intrinsic `ice.str_op`), so exactly what
 * JavaScript prints on the same host, like `localeCompare`. The locale is a string (absent or
 * `undefined`: the host's default); the options must be an object literal of constant strings, numbers and
 * booleans (`{ maximumFractionDigits: 2, style: "percent" }`), written into the module as JSON
 * text; a locale or options JavaScript refuses stop the node with its RangeError. An
 * `Intl.NumberFormat` holds the two arguments (checked by the host when it is made, where
 * JavaScript checks them) and formats as `toLocaleString` does.
 */
import { ts } from "../typescript.js";
import { NUMBER, STRING } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printTo, stringLiteral } from "./expressions.js";

/** A constant of an options literal, or undefined when it is not one. */
function constant(node: ts.Expression): string | number | boolean | undefined {
  const e = stripParens(node);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return -Number(e.operand.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** The options literal as JSON text, or undefined (refused) when it is not all constants. */
export function optionsJson(node: ts.Expression): string | undefined {
  const e = stripParens(node);
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
    const value = constant(p.initializer);
    if (value === undefined) return undefined;
    Object.defineProperty(out, p.name.text, { value, enumerable: true, writable: true, configurable: true });
  }
  return JSON.stringify(out);
}

/** `x.toLocaleString(...)` of the number `receiver`. */
export function printNumberLocale(ctx: PrintContext, node: ts.CallExpression, receiver: Printed): Printed {
  const [locale, options, ...rest] = node.arguments;
  if (rest.length > 0)
    return ctx.refuse(node, "toLocaleString with more than two arguments", "pass a locale and options");
  const args = localeArguments(ctx, "toLocaleString", locale, options);
  if (typeof args === "object") return args;
  return { text: `__ice_num_locale(${receiver.text}, ${args})`, type: STRING };
}

/**
 * The locale and options arguments of `toLocaleString` / `localeCompare` as the support
 * library takes them (`locale | null, optionsJson | ""`), or the refusal.
 */
export function localeArguments(
  ctx: PrintContext,
  method: string,
  locale: ts.Expression | undefined,
  options: ts.Expression | undefined,
): string | Printed {
  const absent = !locale || (ts.isIdentifier(stripParens(locale)) && stripParens(locale).getText() === "undefined");
  const localeText = absent ? "null" : printTo(ctx, locale, STRING);
  if (!options) return `${localeText}, ""`;
  const text = optionsJson(options);
  if (text === undefined)
    return ctx.refuse(
      options,
      `${method} options that are not an object literal of constants`,
      "write the options in place: { numeric: true }",
    );
  return `${localeText}, ${stringLiteral(text)}`;
}

/** `new Intl.NumberFormat(locale?, options?)`. */
export function printNewNumberFormat(ctx: PrintContext, node: ts.NewExpression): Printed {
  const [locale, options, ...rest] = node.arguments ?? [];
  if (rest.length > 0 || (node.arguments ?? []).some(ts.isSpreadElement))
    return ctx.refuse(node, "Intl.NumberFormat with more than two arguments", "pass a locale and options");
  const args = localeArguments(ctx, "Intl.NumberFormat", locale, options);
  if (typeof args === "object") return args;
  return { text: `__ice_num_fmt_new(${args})`, type: { kind: "numberFormat" } };
}

/** `f.format(x)` of an Intl.NumberFormat. */
export function numberFormatMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  receiver: Printed,
  method: string,
): Printed {
  const [value] = node.arguments;
  if (method !== "format" || node.arguments.length !== 1 || !value || ts.isSpreadElement(value))
    return ctx.refuse(node, `Intl.NumberFormat's '${method}' here`, "call format(x) with one number");
  return { text: `__ice_num_fmt_format(${receiver.text}, ${printTo(ctx, value, NUMBER)})`, type: STRING };
}
