/**
 * @fileoverview Reads past the end of an array (or string), which JavaScript answers with
 * `undefined` although TypeScript types them `T`. Where the program observes that `undefined`
 * (`xs[i] ?? d`, `if (xs[i])`, `xs[i] === undefined`, arithmetic, where `undefined` is `NaN`, text,
 * where it is "undefined"), the read gives exactly what JavaScript gives. A local bound from such
 * a read (`const first = xs[0]`, `const [a, b] = parts`) is stored as possibly undefined: the
 * same contexts see `undefined`, and any other use of an undefined one stops the node with a trap
 * (a property read is JavaScript's TypeError there too), never a silently different value.
 */
import { ts } from "ts-morph";
import { asType, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";

const ARITHMETIC = new Set([
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

/** The expression whose value `node` is, through parentheses. */
function outer(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

/** How the value of `node` is used: where `undefined` has a meaning of its own. */
export function missingContext(ctx: PrintContext, node: ts.Node): "nullish" | "number" | "text" | undefined {
  const self = outer(node);
  const parent = self.parent;
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken && parent.left === self) return "nullish";
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken)
      return parent.left === self || isCondition(parent) ? "nullish" : undefined;
    if (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken
    ) {
      const other = parent.left === self ? parent.right : parent.left;
      const o = stripParens(other);
      return ts.isIdentifier(o) && o.text === "undefined" ? "nullish" : undefined;
    }
    if (ARITHMETIC.has(op)) return "number";
    if (op === ts.SyntaxKind.PlusToken) {
      const type = ctx.checker.getTypeAtLocation(parent);
      return type.flags & ts.TypeFlags.NumberLike
        ? "number"
        : type.flags & ts.TypeFlags.StringLike
          ? "text"
          : undefined;
    }
    return undefined;
  }
  if (ts.isPrefixUnaryExpression(parent)) {
    if (parent.operator === ts.SyntaxKind.ExclamationToken) return "nullish";
    if (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken) return "number";
    return undefined;
  }
  if (ts.isConditionalExpression(parent) && parent.condition === self) return "nullish";
  if (ts.isPropertyAccessExpression(parent) && parent.questionDotToken && parent.expression === self) return "nullish";
  if (
    (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
    parent.expression === self
  )
    return "nullish";
  if (ts.isForStatement(parent) && parent.condition === self) return "nullish";
  if (ts.isTemplateSpan(parent)) return "text";
  if (
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === "String" &&
    parent.arguments.length === 1
  )
    return "text";
  return undefined;
}

/** `a && b` or `a || b` that is itself a condition (its operands are tested, not returned). */
function isCondition(node: ts.Node): boolean {
  const self = outer(node);
  const parent = self.parent;
  if (!parent) return false;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === self) return true;
  if (
    (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
    parent.expression === self
  )
    return true;
  if (ts.isForStatement(parent) && parent.condition === self) return true;
  if (
    ts.isBinaryExpression(parent) &&
    (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return isCondition(parent);
  return false;
}

/** An optional value as the context wants it: NaN or "undefined" for undefined, else the optional itself. */
export function observe(printed: Printed, how: "nullish" | "number" | "text"): Printed | undefined {
  const t = printed.type;
  if (t.kind !== "optional") return undefined;
  if (how === "nullish") return printed;
  if (how === "number" && t.inner.kind === "number") return { text: `__ice_or_nan(${printed.text})`, type: t.inner };
  if (how === "text" && t.inner.kind === "string")
    return { text: `__ice_text_or_undefined(${printed.text})`, type: t.inner };
  if (how === "text" && (t.inner.kind === "number" || t.inner.kind === "boolean"))
    return { text: `__ice_text_or_undefined_box<${asType(t.inner)}>(${printed.text})`, type: { kind: "string" } };
  // Another use (a string compared with <, ...): the plain read, which traps past the end.
  return undefined;
}

/** True when a local is bound from a read that may be past the end (its storage is optional). */
export function mayBeMissing(ctx: PrintContext, symbol: ts.Symbol): boolean {
  const d = symbol.valueDeclaration;
  if (!d || !ctx.isLocal(symbol)) return false;
  if (ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && d.initializer) {
    const init = stripParens(d.initializer);
    return (
      ts.isElementAccessExpression(init) &&
      !init.questionDotToken &&
      (indexesArray(ctx, init.expression) || ctx.typeOf(init.expression).kind === "dict")
    );
  }
  if (ts.isBindingElement(d) && ts.isArrayBindingPattern(d.parent) && !d.dotDotDotToken && ts.isIdentifier(d.name)) {
    const pattern = d.parent;
    const owner = pattern.parent;
    if (ts.isVariableDeclaration(owner)) {
      if (ts.isForOfStatement(owner.parent.parent)) {
        // for (const [a, b] of rows): each row is read as an array.
        const type = ctx.checker.getTypeAtLocation(owner.name);
        return ctx.checker.isArrayType(type);
      }
      return !!owner.initializer && indexesArray(ctx, owner.initializer);
    }
  }
  return false;
}

function indexesArray(ctx: PrintContext, node: ts.Expression): boolean {
  const type = ctx.checker.getTypeAtLocation(node);
  return ctx.checker.isArrayType(type) || !!(type.flags & ts.TypeFlags.StringLike);
}

/** A read of `a[i]` (array or string) that gives undefined past the end, when its context observes that. */
export function missingRead(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  object: Printed,
  index: string,
): Printed | undefined {
  const self = outer(node);
  const parent = self.parent;
  let how = missingContext(ctx, node);
  if (
    !how &&
    parent &&
    ts.isVariableDeclaration(parent) &&
    parent.initializer === self &&
    ts.isIdentifier(parent.name)
  ) {
    const symbol = ctx.symbolOf(parent.name);
    if (symbol && mayBeMissing(ctx, symbol)) how = "nullish";
  }
  if (!how) return undefined;
  const t = object.type;
  let read: Printed;
  if (t.kind === "array") {
    const box = t.element.kind === "number" || t.element.kind === "boolean";
    read = {
      text: `__ice_a_get${box ? "_box" : ""}<${asType(t.element)}>(${object.text}, ${index})`,
      type: { kind: "optional", inner: t.element },
    };
  } else if (t.kind === "string") {
    read = { text: `__ice_s_get(${object.text}, ${index})`, type: { kind: "optional", inner: t } };
  } else return undefined;
  return observe(read, how);
}

/** The element `i` of a destructured array as the local it binds stores it. */
export function destructuredElement(
  ctx: PrintContext,
  element: ts.BindingElement,
  array: string,
  i: number,
  type: ValueType,
): Printed | undefined {
  if (!ts.isIdentifier(element.name)) return undefined;
  const symbol = ctx.symbolOf(element.name);
  if (!symbol || !mayBeMissing(ctx, symbol)) return undefined;
  const box = type.kind === "number" || type.kind === "boolean";
  return {
    text: `__ice_a_get${box ? "_box" : ""}<${asType(type)}>(${array}, ${i}.0)`,
    type: { kind: "optional", inner: type },
  };
}

/** A read of a possibly-missing local, as its context wants it (undefined of one in other contexts traps). */
export function missingLocal(ctx: PrintContext, node: ts.Node, printed: Printed): Printed | undefined {
  if (printed.type.kind !== "optional" || !ts.isIdentifier(node)) return undefined;
  const symbol = ctx.symbolOf(node);
  if (!symbol || !mayBeMissing(ctx, symbol)) return undefined;
  const how = missingContext(ctx, node);
  return how ? observe(printed, how) : undefined;
}
