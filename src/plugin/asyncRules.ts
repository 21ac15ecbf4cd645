/**
 * @fileoverview The rules that make a plugin's `async` code exact in the sandbox. The sandbox runs
 * an async function to its end, pausing inside host calls (Asyncify), so it computes what
 * JavaScript computes exactly when every promise is awaited where it is made: a call returning a
 * promise is the operand of `await`, an async function is declared (`async function f` or
 * `const f = async (...) => ...`) and called, never passed as a callback, and `for await` and
 * promise chaining (`.then`) are not used. Anything else is refused at compile time.
 */
import { ts } from "../codenode/typescript.js";

type Report = (node: ts.Node, what: string, instead: string) => void;

function isPromise(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some((t) => isPromise(checker, t));
  const name = type.getSymbol()?.getName();
  return name === "Promise" || name === "PromiseLike";
}

function isAsync(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

function outerParent(node: ts.Node): ts.Node {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return parent;
}

/** Reports every construct of `root` that would make the sandbox's order differ from JavaScript's. */
export function checkAsyncRules(checker: ts.TypeChecker, root: ts.Node, report: Report): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isPromise(checker, checker.getTypeAtLocation(node))) {
      if (!ts.isAwaitExpression(outerParent(node)))
        report(node, "a promise that is not awaited where it is made", "write `await` before the call");
    }
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && isAsync(node)) {
      const parent = outerParent(node);
      if (!(ts.isVariableDeclaration(parent) && parent.initializer && ts.isIdentifier(parent.name)))
        report(
          node,
          "an async function passed as a value",
          "declare it (`async function f(...)`), then call it with `await f(...)` in a loop",
        );
    }
    if (ts.isForOfStatement(node) && node.awaitModifier)
      report(node, "'for await'", "use a plain `for` loop with `await` in its body");
    if (ts.isIdentifier(node) && node.text === "Promise" && !ts.isTypeReferenceNode(node.parent))
      report(node, "'Promise' as a value", "await each call in turn");
    ts.forEachChild(node, visit);
  };
  visit(root);
}
