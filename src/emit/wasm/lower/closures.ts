/**
 * @fileoverview The closure check: AssemblyScript has no closures, so a nested function (an arrow,
 * a function expression or declaration) may not use the body's locals or `inputs`. Reports
 * ICE3010 with what to write instead, by the method the function is passed to.
 */
import { ts } from "ts-morph";
import { Diagnostics } from "../../../diagnostics/index.js";
import type { LowerContext } from "./context.js";
import { isValuePosition } from "./predicates.js";

/** Nested functions may not use the body's locals (AssemblyScript has no closures). */
export function checkCaptures(cx: LowerContext, fn: ts.FunctionLikeDeclaration): void {
  if (!fn.body) return;
  const own = new Set<string>();
  const collectOwn = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      own.add(node.name.text);
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) own.add(node.name.text);
    ts.forEachChild(node, collectOwn);
  };
  fn.parameters.forEach(collectOwn);
  collectOwn(fn.body);
  let captured: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (captured) return;
    if (ts.isIdentifier(node) && isValuePosition(node)) {
      const name = node.text;
      if (!own.has(name) && !cx.locals.functionNames.has(name) && (name === "inputs" || cx.locals.decls.has(name)))
        captured = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  if (!captured) return;
  cx.report(Diagnostics.ClosureCapture, captured, [captured.text, captureHint(fn)]);
}

/** What to write instead of a capturing callback, by the method it is passed to. */
function captureHint(fn: ts.Node): string {
  const call = fn.parent;
  const method =
    ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  switch (method) {
    case "map":
      return "write a loop: `const out: T[] = []; for (const x of xs) out.push(...);`";
    case "filter":
      return "write a loop: `const out: T[] = []; for (const x of xs) if (...) out.push(x);`";
    case "reduce":
      return "write a loop: `let acc = init; for (const x of xs) acc = ...;`";
    case "some":
    case "every":
    case "find":
    case "findIndex":
      return "write a loop with `for (const x of xs)` and `break`";
    case "sort":
      return "a comparator may use only its two parameters";
    default:
      return "pass what it needs as parameters, or write the code inline (`forEach` and `for...of` loops may use anything)";
  }
}
