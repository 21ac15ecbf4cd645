/**
 * @fileoverview `===` and `!==` of function values (`listeners.filter((f) => f !== fn)` of an
 * event bus's unsubscribe). A function value is a closure object (closures.ts) made where an arrow
 * or function expression is evaluated, once per evaluation as in JavaScript, so comparing two of
 * them compares references, exactly. A `const f = (...) => ...` is lifted and called directly,
 * made as an object only where its name is used as a value; in a body comparing functions, a
 * `const` arrow whose name is used as a value is instead kept as a variable holding one closure
 * object, made where the declaration runs, as in JavaScript (keepConstFunctionValues). A function
 * declared with `function` is made anew each time its name is used as a value, where JavaScript
 * has one object: in a body comparing functions, such a use is refused (with what to write instead).
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

/** `const` arrows kept as variables holding one closure object (not lifted), in bodies comparing functions. */
const kept = new WeakSet<ts.Node>();

/** True for a `const f = (...) => ...` kept as a variable holding one closure object. */
export function isKeptFunctionValue(declaration: ts.Node): boolean {
  return kept.has(declaration);
}

/**
 * In a body comparing functions, marks each `const f = (...) => ...` whose name is used as a value
 * (not only called) to be kept as a variable holding one closure object: each use is then that
 * object, as in JavaScript. Runs before anything else looks at the body's functions.
 */
export function keepConstFunctionValues(ctx: PrintContext, isConstArrow: (d: ts.Node) => boolean): void {
  if (!comparesFunctions(ctx)) return;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) {
      const symbol = ts.isShorthandPropertyAssignment(n.parent)
        ? ctx.checker.getShorthandAssignmentValueSymbol(n.parent)
        : ctx.symbolOf(n);
      const declaration = symbol?.valueDeclaration;
      if (declaration && isConstArrow(declaration) && (declaration as ts.VariableDeclaration).name !== n)
        kept.add(declaration);
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
}

/** Refuses the name of a declared (or lifted `const`) function used as a value in a body that compares functions. */
export function refuseDeclaredFunctionValue(ctx: PrintContext, node: ts.Identifier): void {
  if (comparesFunctions(ctx))
    ctx.refuse(
      node,
      `the function '${node.text}' used as a value in a body that compares functions (each use would be another object here)`,
      `declare it as \`const ${node.text} = (...) => ...\` (one object, as in JavaScript), or compare names kept beside the functions`,
    );
}
