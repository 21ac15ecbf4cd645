/**
 * @fileoverview Field reads a hoisted call cannot change (print/throwingCalls.ts `isStable`): a
 * call that may throw is moved before its statement, so what the statement evaluated to its left
 * is read after the call. `{ op: t.op, arg: this.unary() }` stays exact when nothing in the body
 * ever writes a field named `op` (after construction) and `t` cannot be null, because the call
 * then cannot change what `t.op` reads, and reading it cannot fail.
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";
import { perContext } from "./perContext.js";

/** Field names the body writes after construction; `null` when a write's name is not known. */
const written = perContext<{ names?: Set<string> | null }>(() => ({}));

/** True for `obj.name` reading a field declared in the body that no statement of the body writes. */
export function isUnwrittenFieldRead(ctx: PrintContext, read: ts.PropertyAccessExpression): boolean {
  const symbol = ctx.symbolOf(read.name);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Property) || symbol.flags & ts.SymbolFlags.Accessor) return false;
  const declarations = symbol.declarations ?? [];
  // Fields of the body's own types and of `inputs` (library fields such as `length` change with `push`).
  if (declarations.length === 0 || !declarations.every((d) => d.getSourceFile().fileName === "/body.ts")) return false;
  if (!declarations.every(isFieldDeclaration)) return false;
  // A null or undefined object would throw before the call in JavaScript, after it here.
  const objectType = ctx.checker.getTypeAtLocation(read.expression);
  if (mayBeNullish(objectType)) return false;
  const names = writtenNames(ctx);
  return names !== null && !names.has(read.name.text);
}

function isFieldDeclaration(d: ts.Declaration): boolean {
  return (
    ts.isPropertySignature(d) ||
    ts.isPropertyDeclaration(d) ||
    ts.isPropertyAssignment(d) ||
    ts.isShorthandPropertyAssignment(d) ||
    (ts.isParameter(d) && ts.isConstructorDeclaration(d.parent))
  );
}

function mayBeNullish(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  const nullish =
    ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown;
  return parts.some((t) => (t.flags & nullish) !== 0);
}

function writtenNames(ctx: PrintContext): Set<string> | null {
  const state = written.of(ctx);
  if (state.names === undefined) state.names = collectWrites(ctx.root);
  return state.names;
}

/** Every field name the body assigns, increments or deletes; null when some write's name is unknown. */
function collectWrites(root: ts.Node): Set<string> | null {
  const names = new Set<string>();
  let unknown = false;
  const target = (node: ts.Node): void => {
    const e = skipOuter(node);
    if (ts.isPropertyAccessExpression(e)) {
      if (!isOwnFieldInConstructor(e)) names.add(e.name.text);
    } else if (ts.isElementAccessExpression(e)) {
      const key = e.argumentExpression;
      if (ts.isStringLiteralLike(key)) names.add(key.text);
      else if (!ts.isNumericLiteral(key)) unknown = true;
    } else if (ts.isArrayLiteralExpression(e)) {
      for (const el of e.elements) target(ts.isSpreadElement(el) ? el.expression : el);
    } else if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p)) target(p.initializer);
        else if (ts.isSpreadAssignment(p)) target(p.expression);
      }
    } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      target(e.left);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) target(node.left);
    } else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
        target(node.operand);
    } else if (ts.isDeleteExpression(node)) {
      target(node.expression);
    } else if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      if (!ts.isVariableDeclarationList(node.initializer)) target(node.initializer);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      // Library calls that write fields they are given (`Object.assign(target, ...)`).
      if (
        node.expression.text === "Object" &&
        node.name.text !== "keys" &&
        node.name.text !== "values" &&
        node.name.text !== "entries" &&
        node.name.text !== "fromEntries" &&
        node.name.text !== "is"
      )
        unknown = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return unknown ? null : names;
}

function skipOuter(node: ts.Node): ts.Node {
  let e = node;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isTypeAssertionExpression(e)
  )
    e = e.expression;
  return e;
}

/** `this.x = ...` directly in a constructor writes the object being made, which no earlier read sees. */
function isOwnFieldInConstructor(e: ts.PropertyAccessExpression): boolean {
  if (e.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  for (let p: ts.Node | undefined = e.parent; p; p = p.parent) {
    if (ts.isConstructorDeclaration(p)) return true;
    if (ts.isFunctionLike(p)) return false;
  }
  return false;
}
