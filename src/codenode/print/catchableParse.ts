/**
 * @fileoverview `JSON.parse` in a body that catches exceptions: the everyday way to read a model's
 * reply (`try { data = JSON.parse(reply) } catch { data = fallback }`). There the call is one that
 * may throw (throwAnalysis.ts): it is printed as `__ice_j_parse_try` (support/jsonValid.ts), which
 * checks the text first and, when JavaScript would throw its SyntaxError, throws one the body's
 * `catch` takes, then hoisted and checked like any throwing call (throwingCalls.ts). The error's
 * message is the JavaScript engine's own wording (it differs between engines and versions): where
 * a `catch` that reads the error may take it, the parse is `__ice_j_parse_try_msg`, whose
 * SyntaxError carries the message the host's own JSON.parse gives for the text (runtime/sandbox/
 * hostText.ts `jsonParseError`, texts up to 1 MiB). Bodies without `catch` keep the plain parse: an
 * invalid text stops the node there, as an uncaught SyntaxError would.
 */
import { ts } from "../typescript.js";
import { JSON_VALUE, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { state } from "./exceptionRegions.js";
import { printTo } from "./expressions.js";
import { unitOf } from "./throwAnalysis.js";
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

/** Bodies with a `catch` clause anywhere, cached per body. */
const catching = new WeakMap<ts.Node, boolean>();

/** True when a `catch` clause is anywhere in `node`. */
function hasCatch(node: ts.Node): boolean {
  return ts.isCatchClause(node) || (ts.forEachChild(node, (child) => (hasCatch(child) ? true : undefined)) ?? false);
}

/** True when the body being printed has a `catch` clause (its JSON.parse calls may throw there). */
export function bodyCatches(ctx: PrintContext): boolean {
  let answer = catching.get(ctx.root);
  if (answer === undefined) {
    answer = hasCatch(ctx.root);
    catching.set(ctx.root, answer);
  }
  return answer;
}

/** True when `node` is in the `try` block of a try statement of its own function. */
export function insideTry(node: ts.Node): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.tryBlock === child) return true;
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return false;
  }
  return false;
}

/** `JSON.parse(text)` (one argument, the global JSON) in a body that catches: a call that may throw. */
export function isCatchableParse(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "parse") return false;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== "JSON") return false;
  const symbol = ctx.symbolOf(callee.expression);
  if (symbol && ctx.isLocal(symbol)) return false;
  return bodyCatches(ctx);
}

/** True when `clause` binds the caught value and reads it. */
function readsError(ctx: PrintContext, clause: ts.CatchClause): boolean {
  const name = clause.variableDeclaration?.name;
  if (!name) return false;
  if (!ts.isIdentifier(name)) return true;
  const symbol = ctx.symbolOf(name);
  const visit = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && node !== name && node.text === name.text && ctx.symbolOf(node) === symbol) ||
    (ts.forEachChild(node, visit) ?? false);
  return visit(clause.block);
}

/** The `catch` clauses that may take what `call` throws and read it (the first is reported). */
export function readingCatch(ctx: PrintContext, call: ts.Node): ts.CatchClause | undefined {
  const all: ts.CatchClause[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isCatchClause(node)) all.push(node);
    ts.forEachChild(node, collect);
  };
  collect(ctx.root);
  // Inside a function of the body: it may be called from any try.
  if (unitOf(call) !== undefined && unitOf(call) !== ctx.root) return all.find((c) => readsError(ctx, c));
  for (let child: ts.Node = call, p = call.parent; p && p !== ctx.root; child = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.tryBlock === child && p.catchClause) {
      return readsError(ctx, p.catchClause) ? p.catchClause : undefined;
    }
  }
  return undefined;
}

/** Prints `JSON.parse(text)` as a call that throws a catchable SyntaxError. */
export function printCatchableParse(ctx: PrintContext, node: ts.CallExpression): Printed {
  const text = printTo(ctx, node.arguments[0]!, STRING);
  if (readingCatch(ctx, node))
    return {
      text: `__ice_j_parse_try_msg(${text}, ${state(ctx).line}, ${STR_OPS.indexOf("jsonParseError")})`,
      type: JSON_VALUE,
    };
  return { text: `__ice_j_parse_try(${text}, ${state(ctx).line})`, type: JSON_VALUE };
}
