/**
 * @fileoverview `decodeURIComponent(part)` and `decodeURI(text)` written inside a `try` block: the
 * everyday way to read a query string whose escapes may be malformed (`try { v =
 * decodeURIComponent(raw) } catch { bad.push(raw) }`). As for JSON.parse (catchableParse.ts), the
 * call is then one that may throw (throwAnalysis.ts): printed as `__ice_uri_try`
 * (support/uriErrors.ts), which throws JavaScript's URIError ("URI malformed") for the `catch`
 * where JavaScript throws it, and is hoisted and checked like any throwing call. Elsewhere (and
 * `encodeURIComponent` of a lone surrogate, everywhere) the plain host call: its error stops the
 * node, so code that never meets a `try` keeps its plain, unchecked call. `atob(cursor)` and
 * `btoa(text)` in a `try` likewise: the DOMException JavaScript throws (InvalidCharacterError)
 * reaches the `catch` as an Error with that name and message.
 */
import { ts } from "../typescript.js";
import { STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { state } from "./exceptionRegions.js";
import { bodyCatches, insideTry } from "./catchableParse.js";
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

const URI_FUNCTIONS = new Set(["decodeURIComponent", "decodeURI", "atob", "btoa"]);

/** `decodeURIComponent(x)` and its kin (the global functions) in a body that catches. */
export function isCatchableUri(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = node.expression;
  if (!ts.isIdentifier(callee) || !URI_FUNCTIONS.has(callee.text)) return false;
  const symbol = ctx.symbolOf(callee);
  if (symbol && ctx.isLocal(symbol)) return false;
  return bodyCatches(ctx) && insideTry(node);
}

/** The call, given its argument printed as a string: a URIError the body's catch takes. */
export function printCatchableUri(ctx: PrintContext, name: string, text: string): Printed {
  if (name === "atob" || name === "btoa")
    return { text: `__ice_b64_try(${STR_OPS.indexOf(`${name}Try`)}, ${text}, ${state(ctx).line})`, type: STRING };
  const op = STR_OPS.indexOf(name as (typeof STR_OPS)[number]);
  return { text: `__ice_uri_try(${op}, ${text}, ${name.startsWith("decode")}, ${state(ctx).line})`, type: STRING };
}
