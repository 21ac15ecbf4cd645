/**
 * @fileoverview Loop idioms: `for (const x of xs)` over arrays and strings, and `xs.forEach(cb)`
 * as a statement, both lowered to indexed loops (AssemblyScript has neither iterators nor closures).
 */
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";
import { destructure } from "./destructuring.js";
import { skipParens } from "./predicates.js";

/** `for (const x of xs) body` -> an indexed loop (arrays: elements; strings: UTF-16 units). */
export function forOf(cx: LowerContext, node: ts.ForOfStatement): boolean {
  if (node.awaitModifier) return false;
  const init = node.initializer;
  if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1) {
    cx.unsupported(init, "for...of over an existing variable", "declare the loop variable: `for (const x of xs)`");
    return false;
  }
  const decl = init.declarations[0]!;
  const n = cx.nextId();
  const a = `__ice_a${n}`;
  const i = `__ice_i${n}`;
  cx.gen(`for (let ${i} = 0, ${a} = `, node);
  cx.node(node.expression);
  cx.gen(`; ${i} < ${a}.length; ${i}++) {\n`, node);
  if (ts.isIdentifier(decl.name)) {
    cx.gen(`const ${decl.name.text}${decl.type ? `: ${decl.type.getText()}` : ""} = ${a}[${i}];\n`, decl);
  } else {
    const over = cx.typed(node.expression);
    destructure(
      cx,
      decl.name,
      `${a}[${i}]`,
      "const",
      over?.type.kind === "array" ? { type: over.type.element, optional: false } : undefined,
    );
  }
  statementBody(cx, node.statement);
  cx.gen("\n}", node);
  return true;
}

/** `xs.forEach((x, i) => ...)` as a statement -> a loop; its `return`s become `continue`. */
export function forEach(cx: LowerContext, statement: ts.ExpressionStatement): boolean {
  const call = skipParens(statement.expression);
  if (
    !ts.isCallExpression(call) ||
    !ts.isPropertyAccessExpression(call.expression) ||
    call.expression.name.text !== "forEach"
  )
    return false;
  const callback = call.arguments[0];
  if (call.arguments.length !== 1 || !callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)))
    return false;
  const params = callback.parameters;
  if (params.length > 2 || params.some((p) => !ts.isIdentifier(p.name))) return false;
  const n = cx.nextId();
  const a = `__ice_a${n}`;
  const i = `__ice_i${n}`;
  const over = cx.typed(call.expression.expression);
  cx.gen(`{ const ${a} = `, statement);
  cx.node(call.expression.expression);
  cx.gen(`;\nfor (let ${i} = 0; ${i} < ${a}.length; ${i}++) {\n`, statement);
  const [value, index] = params;
  if (value) {
    const name = (value.name as ts.Identifier).text;
    if (over?.type.kind === "array") cx.types.bind(name, { type: over.type.element, optional: false });
    cx.gen(`const ${name}${value.type ? `: ${value.type.getText()}` : ""} = ${a}[${i}];\n`, value);
  }
  if (index) cx.gen(`const ${(index.name as ts.Identifier).text} = ${i};\n`, index);
  if (ts.isBlock(callback.body)) {
    markReturns(callback.body, cx.loopReturns);
    statementBody(cx, callback.body);
  } else {
    cx.node(callback.body);
    cx.gen(";", callback.body);
  }
  cx.gen("\n} }", statement);
  return true;
}

/** A `return` of a forEach callback that became a loop body -> `continue` (after its value). */
export function loopReturn(cx: LowerContext, node: ts.ReturnStatement): boolean {
  if (!cx.loopReturns.has(node)) return false;
  if (node.expression) {
    cx.gen("{ ", node);
    cx.node(node.expression);
    cx.gen("; continue; }", node);
  } else cx.gen("continue;", node);
  return true;
}

/** The statements of a loop body without their braces (so `continue` reaches the loop). */
function statementBody(cx: LowerContext, statement: ts.Statement): void {
  if (ts.isBlock(statement)) {
    let pos = cx.start(statement) + 1;
    for (const inner of statement.statements) {
      cx.copy(pos, cx.start(inner));
      cx.node(inner);
      pos = cx.end(inner);
    }
    cx.copy(pos, cx.end(statement) - 1);
  } else cx.node(statement);
}

/** Adds the `return`s of `body` (not those of functions nested in it) to `into`. */
function markReturns(body: ts.Node, into: Set<ts.Node>): void {
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) into.add(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}
