/**
 * @fileoverview `===` and `!==` of function values (`listeners.filter((f) => f !== fn)` of an
 * event bus's unsubscribe). A function value is a closure object (closures.ts) made where an arrow
 * or function expression is evaluated, once per evaluation as in JavaScript, so comparing two of
 * them compares references, exactly. A function declared with `function` (or a `const` arrow the
 * printer lifts) is made anew each time its name is used as a value, where JavaScript has one
 * object: in a body comparing functions, such a use is refused (with what to write instead).
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";
import { perContext } from "./perContext.js";

const compares = perContext((): { found?: boolean } => ({}));

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** True when the body compares two function values with `===`, `!==`, `==` or `!=` somewhere. */
export function comparesFunctions(ctx: PrintContext): boolean {
  const state = compares.of(ctx);
  if (state.found !== undefined) return state.found;
  const isFunction = (e: ts.Expression) =>
    ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(e)).getCallSignatures().length > 0;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    // Both sides functions: `f === undefined` (an optional callback's test) compares no identities.
    if (ts.isBinaryExpression(n) && EQUALITY.has(n.operatorToken.kind) && isFunction(n.left) && isFunction(n.right))
      found = true;
    else ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  state.found = found;
  return found;
}

/** Refuses the name of a declared (or lifted `const`) function used as a value in a body that compares functions. */
export function refuseDeclaredFunctionValue(ctx: PrintContext, node: ts.Identifier): void {
  if (comparesFunctions(ctx))
    ctx.refuse(
      node,
      `the function '${node.text}' used as a value in a body that compares functions (each use would be another object here)`,
      `declare it as \`let ${node.text} = (...) => ...\` (one object, as in JavaScript), or compare names kept beside the functions`,
    );
}
