/**
 * @fileoverview `URL` (lib/url.ts), lowered to support/url.ts: `new URL(input, base?)`,
 * `URL.canParse`, the parts (`href`, `origin`, `protocol`, `username`, `password`, `host`,
 * `hostname`, `port`, `pathname`, `search`, `hash`), the live `searchParams`, the setters of
 * `search`, `hash` and `pathname`, `toString()` and `toJSON()`. An invalid URL throws
 * JavaScript's TypeError ("Invalid URL"): in a body that catches, the constructor
 * is a call that may throw (throwAnalysis.ts), printed as `__ice_url_try` and checked like any
 * throwing call; elsewhere the node stops there, as an uncaught TypeError would.
 */
import { ts } from "../typescript.js";
import { BOOLEAN, STRING, type ValueType } from "../types.js";
import { URL_PARTS } from "../support/url.js";
import type { PrintContext, Printed } from "./context.js";
import { bodyCatches } from "./catchableParse.js";
import { state } from "./exceptionRegions.js";
import { printExpr } from "./expressions.js";

const URL_TYPE: ValueType = { kind: "url" };
const SETTERS: { readonly [property: string]: string } = { hash: "h", pathname: "p" };

/**
 * `new URL(...)` in a body that catches: a call that may throw (as JSON.parse there,
 * catchableParse.ts), so a `catch` around the call, or around a call of the function holding it,
 * takes its TypeError.
 */
export function isCatchableUrl(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "URL") return false;
  const symbol = ctx.symbolOf(node.expression);
  if (symbol && ctx.isLocal(symbol)) return false;
  return bodyCatches(ctx);
}

/** A URL or a string argument as text (a URL is its href); "null" when absent. */
function urlText(ctx: PrintContext, node: ts.Expression | undefined): string {
  if (!node) return "null";
  const value = printExpr(ctx, node);
  if (value.type.kind === "url") return `__ice_url_href(${value.text})`;
  if (value.type.kind === "string") return value.text;
  return ctx.refuse(node, "a URL from this value", "pass a string or a URL");
}

export function newUrl(ctx: PrintContext, node: ts.NewExpression): Printed {
  const [input, base] = node.arguments ?? [];
  if (!input) return ctx.refuse(node, "new URL()", "pass the URL's text");
  const args = `${urlText(ctx, input)}, ${urlText(ctx, base)}`;
  if (isCatchableUrl(ctx, node)) return { text: `__ice_url_try(${args}, ${state(ctx).line})`, type: URL_TYPE };
  return { text: `__ice_url_new(${args})`, type: URL_TYPE };
}

/** `URL.canParse(input, base?)`. */
export function urlStatic(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  if (method !== "canParse") return ctx.refuse(node, `URL.${method}`, "use new URL(text) or URL.canParse(text)");
  const [input, base] = node.arguments;
  if (!input) return ctx.refuse(node, "URL.canParse()", "pass the URL's text");
  return { text: `__ice_url_can_parse(${urlText(ctx, input)}, ${urlText(ctx, base)})`, type: BOOLEAN };
}

export function urlMethod(ctx: PrintContext, node: ts.CallExpression, u: Printed, method: string): Printed {
  if ((method === "toString" || method === "toJSON") && node.arguments.length === 0)
    return { text: `__ice_url_href(${u.text})`, type: STRING };
  return ctx.refuse(node, `url.${method}()`, "read the URL's parts, or call toString()");
}

/** `url.part`, or undefined for a property a URL does not have. */
export function urlProperty(u: Printed, property: string): Printed | undefined {
  if (property === "href") return { text: `__ice_url_href(${u.text})`, type: STRING };
  if (property === "search") return { text: `__ice_url_search(${u.text})`, type: STRING };
  if (property === "searchParams") return { text: `__ice_url_params(${u.text})`, type: { kind: "urlParams" } };
  const index = (URL_PARTS as { readonly [name: string]: number })[property];
  if (index === undefined) return undefined;
  return { text: `__ice_url_part(${u.text}, ${index})`, type: STRING };
}

/** `url.search = v`, `url.hash = v`, `url.pathname = v`; undefined when `node` is another assignment. */
export function urlAssignment(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const left = node.left;
  if (!ts.isPropertyAccessExpression(left) || left.questionDotToken) return undefined;
  if (ctx.typeOf(left.expression).kind !== "url") return undefined;
  const property = left.name.text;
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
    return ctx.refuse(
      node,
      `a compound assignment to url.${property}`,
      `write url.${property} = url.${property} + ...`,
    );
  const u = printExpr(ctx, left.expression);
  const value = printExpr(ctx, node.right);
  if (value.type.kind !== "string") return ctx.refuse(node.right, `url.${property} of this value`, "assign a string");
  if (property === "search") return { text: `__ice_url_set_search(${u.text}, ${value.text})`, type: STRING };
  const which = SETTERS[property];
  if (which === undefined) return ctx.refuse(node, `assigning url.${property}`, "build a new URL instead");
  return { text: `__ice_url_set(${u.text}, "${which}", ${value.text})`, type: STRING };
}
