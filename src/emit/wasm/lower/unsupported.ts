/**
 * @fileoverview TypeScript that has no lowering: each gets a diagnostic (ICE3009) that says what
 * to write instead. The node is then copied as written (asc may report more).
 */
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";

/** Reports a statement or expression AssemblyScript lacks (for...in, try, regular expressions, typeof, delete, spread, await, yield). */
export function reportUnsupportedSyntax(cx: LowerContext, node: ts.Node): void {
  switch (node.kind) {
    case ts.SyntaxKind.ForInStatement:
      cx.unsupported(
        node,
        "for...in",
        "iterate an array with `for (const x of xs)`, a Map with `for (const k of map.keys())`; the fields of an object are known from its schema",
      );
      break;
    case ts.SyntaxKind.TryStatement:
      cx.unsupported(
        node.getFirstToken() ?? node,
        "try/catch",
        "a `throw` stops the node with ICE_SANDBOX_TRAP, so test for what would fail before it happens (e.g. `if (i < xs.length)`)",
      );
      break;
    case ts.SyntaxKind.RegularExpressionLiteral:
      cx.unsupported(
        node,
        "a regular expression",
        "use string methods: indexOf, includes, startsWith, split, replace, replaceAll",
      );
      break;
    case ts.SyntaxKind.TypeOfExpression:
      cx.unsupported(node, "typeof", "values have static types here; the schema says what each input is");
      break;
    case ts.SyntaxKind.DeleteExpression:
      cx.unsupported(node, "delete", "objects have fixed fields; use a Map<string, T> for keys that come and go");
      break;
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
      cx.unsupported(
        node,
        "spread (`...`)",
        "copy what you need: `xs.concat(ys)` for arrays, `{ a: o.a, b: o.b }` for objects",
      );
      break;
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.YieldExpression:
      cx.unsupported(
        node,
        node.kind === ts.SyntaxKind.AwaitExpression ? "await" : "yield",
        "code nodes are synchronous: compute the result and return it",
      );
      break;
  }
}

/** Reports `x ??= v`. */
export function reportCoalesceAssignment(cx: LowerContext, node: ts.BinaryExpression): void {
  cx.unsupported(node.operatorToken, "`??=`", "write `x = x ?? value`");
}

/** `JSON.*`, `Object.*` and `Array.from`: reported; always false (nothing rewritten). */
export function unsupportedCall(
  cx: LowerContext,
  node: ts.CallExpression,
  object: string | undefined,
  name: string,
): boolean {
  if (object === "JSON") {
    cx.unsupported(
      node,
      `JSON.${name}`,
      "declare the data's shape in input_schema/output_schema: values cross the sandbox already parsed and typed",
    );
  } else if (object === "Object" || (object === "Array" && name === "from")) {
    cx.unsupported(
      node,
      `${object}.${name}`,
      object === "Object"
        ? "the fields of inputs are known from input_schema: name them"
        : "build the array with a loop and push",
    );
  }
  return false;
}
