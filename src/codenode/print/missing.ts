/**
 * @fileoverview Reads past the end of an array (or string), which JavaScript answers with
 * `undefined` although TypeScript types them `T`. Where the program observes that `undefined`
 * (`xs[i] ?? d`, `if (xs[i])`, `xs[i] === undefined`, arithmetic, where `undefined` is `NaN`, text,
 * where it is "undefined"), the read gives exactly what JavaScript gives. A local bound from such
 * a read (`const first = xs[0]`, `const [a, b] = parts`) is stored as possibly undefined: the
 * same contexts see `undefined`, and any other use of an undefined one stops the node with a trap
 * (a property read is JavaScript's TypeError there too), never a silently different value.
 *
 * A number read whose only uses treat `undefined` exactly as `NaN` (arithmetic, comparisons,
 * truthiness, `Math`; `missingAsNaN`) is NaN past the end: a plain f64, no box, so hot loops such
 * as `const y = xs[i]; sum += y;` cost what a checked read costs.
 */
import { storedWhereUndefinedFits } from "../nullishReads.js";
import { ts } from "../typescript.js";
import { asType, isBoxed, optional } from "../types.js";
import { isFunctionLike, outerExpression, type PrintContext, type Printed, stripParens } from "./context.js";
import { NUMERIC_COMPOUND } from "./operatorKinds.js";
import { numericOperand } from "./undefinedLocals.js";
import { perContext } from "./perContext.js";
import { definedOperand } from "./missingOperands.js";

/** How the value of `node` is used: where `undefined` has a meaning of its own. */
export function missingContext(ctx: PrintContext, node: ts.Node): "nullish" | "number" | "text" | undefined {
  const self = outerExpression(node);
  const parent = self.parent;
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken && parent.left === self) return "nullish";
    if (assignedToOptional(ctx, self)) return "nullish";
    // The right operand is the value of `a || xs[i]`, `a && xs[i]`, `a ?? xs[i]`: its undefined
    // is seen wherever the whole is (`s[i] || s[j] || s[0]`, `"" + (a || xs[i])`); printLogical and
    // printCoalesce make a whole observed as nullish possibly undefined (passesMissing).
    if (op === ts.SyntaxKind.QuestionQuestionToken)
      return isCondition(parent) ? "nullish" : missingContext(ctx, parent);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken)
      return parent.left === self || isCondition(parent) ? "nullish" : missingContext(ctx, parent);
    if (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken
    ) {
      const other = parent.left === self ? parent.right : parent.left;
      const o = stripParens(other);
      if (ts.isIdentifier(o) && o.text === "undefined") return "nullish";
      // `xs[i] === null` of `(T | null)[]`: past the end it is undefined, not null (print/nullish.ts).
      if (o.kind === ts.SyntaxKind.NullKeyword) return "nullish";
      // An object compared by identity: undefined is unequal to every object (operators.ts).
      if (ctx.checker.getTypeAtLocation(self).flags & ts.TypeFlags.Object) return "nullish";
      // `text[i + 1] === '"'`, `xs[j] !== x`: undefined equals no number, string or boolean that
      // is certainly defined (a literal, or a local not bound from a read past the end). A number
      // read is NaN there, unequal to everything as undefined is; the others are compared as optionals.
      if (!definedOperand(ctx, o)) return undefined;
      const flags = ctx.checker.getTypeAtLocation(self).flags;
      if (flags & ts.TypeFlags.NumberLike) return "number";
      return flags & (ts.TypeFlags.StringLike | ts.TypeFlags.BooleanLike) ? "nullish" : undefined;
    }
    if (numericOperand(ctx.checker, node)) return "number";
    const concatenates =
      op === ts.SyntaxKind.PlusToken || (op === ts.SyntaxKind.PlusEqualsToken && parent.right === self);
    return concatenates && ctx.checker.getTypeAtLocation(parent).flags & ts.TypeFlags.StringLike ? "text" : undefined;
  }
  if (ts.isPrefixUnaryExpression(parent)) {
    if (parent.operator === ts.SyntaxKind.ExclamationToken) return "nullish";
    return numericOperand(ctx.checker, node) ? "number" : undefined;
  }
  if (ts.isConditionalExpression(parent) && parent.condition === self) return "nullish";
  if (allowsUndefined(parent)) return "nullish";
  if (assignedToOptional(ctx, self)) return "nullish";
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.questionDotToken &&
    parent.expression === self
  )
    return "nullish";
  if (
    (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
    parent.expression === self
  )
    return "nullish";
  if (ts.isForStatement(parent) && parent.condition === self) return "nullish";
  if (returnedAsOptional(ctx, self)) return "nullish";
  if (ts.isTemplateSpan(parent)) return "text";
  if (
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === "String" &&
    parent.arguments.length === 1
  )
    return "text";
  // `Number(w)`, `parseFloat(w)`, `parseInt(w)` of a part past the end (`const [k, w] = s.split(":")`):
  // JavaScript converts undefined as it converts the text "undefined", to NaN.
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.arguments[0] === self) {
    const name = parent.expression.text;
    const [, radix] = parent.arguments;
    if ((name === "Number" || name === "parseFloat") && parent.arguments.length === 1) return "text";
    // A radix of 31 or more reads the letters of "undefined" as digits.
    if (name === "parseInt" && (!radix || (ts.isNumericLiteral(radix) && Number(radix.text) < 31))) return "text";
  }
  return undefined;
}

/** `xs[i] as T | undefined` (nullishReads.ts writes one for `xs[i] ?? null`): undefined is a value there. */
export function allowsUndefined(parent: ts.Node): boolean {
  if (!ts.isAsExpression(parent) || !ts.isUnionTypeNode(parent.type)) return false;
  return parent.type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword);
}

/**
 * `c = prev[c]` into a variable declared `T | undefined`, and every other place whose contextual
 * type allows undefined (nullishReads.ts storedWhereUndefinedFits): undefined is stored as it is.
 */
export function assignedToOptional(ctx: PrintContext, self: ts.Node): boolean {
  return ts.isExpression(self) && storedWhereUndefinedFits(ctx.checker, self);
}

/** `return xs[i]` (or an arrow's body) in a function declared to return `T | undefined`: undefined is its value. */
function returnedAsOptional(ctx: PrintContext, self: ts.Node): boolean {
  const parent = self.parent;
  let fn: ts.Node | undefined;
  if (parent && ts.isReturnStatement(parent) && parent.expression === self)
    fn = ts.findAncestor(parent, (n) => isFunctionLike(n));
  else if (parent && ts.isArrowFunction(parent) && parent.body === self) fn = parent;
  if (!fn || !ts.isFunctionLike(fn) || !fn.type) return false;
  const declared = ctx.checker.getTypeFromTypeNode(fn.type);
  return declared.isUnion() && declared.types.some((t) => t.flags & ts.TypeFlags.Undefined);
}

/** `a && b` or `a || b` that is itself a condition (its operands are tested, not returned). */
function isCondition(node: ts.Node): boolean {
  const self = outerExpression(node);
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

/**
 * True when `node`'s value is used only where `undefined` and `NaN` give the same result: as a
 * number (arithmetic, comparison, `Math.f(x)`), as a truth value (NaN and undefined are both
 * falsy; `x || d` never yields a falsy `x`), or as the target of an assignment or `++`/`--`.
 */
function treatsUndefinedAsNaN(ctx: PrintContext, node: ts.Identifier): boolean {
  if (missingContext(ctx, node) === "number" || provenDefined(ctx, node)) return true;
  const self = outerExpression(node);
  const parent = self.parent;
  if (!parent || ts.isShorthandPropertyAssignment(parent)) return false;
  if (ts.isPrefixUnaryExpression(parent))
    return (
      parent.operator === ts.SyntaxKind.ExclamationToken ||
      parent.operator === ts.SyntaxKind.PlusPlusToken ||
      parent.operator === ts.SyntaxKind.MinusMinusToken ||
      parent.operator === ts.SyntaxKind.TildeToken
    );
  if (ts.isPostfixUnaryExpression(parent)) return true;
  if (
    (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
    parent.expression === self
  )
    return true;
  if ((ts.isForStatement(parent) || ts.isConditionalExpression(parent)) && parent.condition === self) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return parent.left === self;
    if (parent.left === self && (NUMERIC_COMPOUND.has(op) || op === ts.SyntaxKind.PlusEqualsToken)) return true;
    if (op === ts.SyntaxKind.BarBarToken && parent.left === self) return true;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return isCondition(parent);
    return false;
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(self as ts.Expression)) {
    const callee = parent.expression;
    return (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === "Math" &&
      ctx.symbolOf(callee.expression)?.valueDeclaration?.getSourceFile() !== ctx.root.getSourceFile()
    );
  }
  return false;
}

/**
 * True when `node`, a read of a const, runs only where a comparison of it was true: inside the
 * `then` of `if (x > m ...)`, the true branch of `x < m ? a : b` or right of `x >= m && ...`. A
 * comparison with undefined (or NaN) is false, so there the value is a defined number.
 */
function provenDefined(ctx: PrintContext, node: ts.Identifier): boolean {
  const symbol = ctx.symbolOf(node);
  const d = symbol?.valueDeclaration;
  if (!symbol || !d || !ts.isVariableDeclaration(d) || !(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)) return false;
  for (let child: ts.Node = node, at = node.parent; at && at !== ctx.root; child = at, at = at.parent) {
    const guard =
      ts.isIfStatement(at) && at.thenStatement === child
        ? at.expression
        : ts.isConditionalExpression(at) && at.whenTrue === child
          ? at.condition
          : ts.isBinaryExpression(at) &&
              at.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
              at.right === child
            ? at.left
            : undefined;
    if (guard && comparesTrue(ctx, guard, symbol)) return true;
  }
  return false;
}

/** True when `condition` being true implies a relational comparison of `symbol` was true. */
function comparesTrue(ctx: PrintContext, condition: ts.Expression, symbol: ts.Symbol): boolean {
  const c = stripParens(condition);
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken)
    return comparesTrue(ctx, c.left, symbol) || comparesTrue(ctx, c.right, symbol);
  if (
    op !== ts.SyntaxKind.LessThanToken &&
    op !== ts.SyntaxKind.LessThanEqualsToken &&
    op !== ts.SyntaxKind.GreaterThanToken &&
    op !== ts.SyntaxKind.GreaterThanEqualsToken
  )
    return false;
  return [c.left, c.right].some((side) => {
    const e = stripParens(side);
    return ts.isIdentifier(e) && ctx.symbolOf(e) === symbol;
  });
}

const asNaN = perContext(() => new Map<ts.Symbol, boolean>());

/**
 * True for a possibly-missing number local (`const y = xs[i]`) every use of which treats
 * `undefined` as `NaN`: it is stored as a plain number, NaN when the read was past the end.
 */
export function missingAsNaN(ctx: PrintContext, symbol: ts.Symbol): boolean {
  const known = asNaN.of(ctx);
  const cached = known.get(symbol);
  if (cached !== undefined) return cached;
  let result = false;
  const d = symbol.valueDeclaration;
  if (d && mayBeMissing(ctx, symbol) && ctx.checker.getTypeOfSymbolAtLocation(symbol, d).flags & ts.TypeFlags.Number) {
    result = true;
    const visit = (node: ts.Node): void => {
      if (!result) return;
      if (ts.isIdentifier(node) && node !== (d as ts.NamedDeclaration).name && referencedSymbol(ctx, node) === symbol)
        result = treatsUndefinedAsNaN(ctx, node);
      ts.forEachChild(node, visit);
    };
    visit(ctx.root);
  }
  known.set(symbol, result);
  return result;
}

function referencedSymbol(ctx: PrintContext, node: ts.Identifier): ts.Symbol | undefined {
  if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node)
    return ctx.checker.getShorthandAssignmentValueSymbol(node.parent);
  return ctx.symbolOf(node);
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
    // A pattern inside another pattern or in a parameter ({ tags: [first] }): what it destructures.
    return indexesArray(ctx, pattern);
  }
  return false;
}

export function indexesArray(ctx: PrintContext, node: ts.Expression | ts.ArrayBindingPattern): boolean {
  const type = ctx.checker.getTypeAtLocation(node);
  return ctx.checker.isArrayType(type) || !!(type.flags & ts.TypeFlags.StringLike);
}

/** A read of `a[i]` (array or string) that gives undefined past the end, when its context observes that. */
export function missingRead(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  object: Printed,
  index: Printed & { text: string },
): Printed | undefined {
  const self = outerExpression(node);
  const parent = self.parent;
  let how = missingContext(ctx, node);
  let nanLocal = false;
  if (
    !how &&
    parent &&
    ts.isVariableDeclaration(parent) &&
    parent.initializer === self &&
    ts.isIdentifier(parent.name)
  ) {
    const symbol = ctx.symbolOf(parent.name);
    if (symbol && mayBeMissing(ctx, symbol)) {
      how = "nullish";
      nanLocal = missingAsNaN(ctx, symbol);
    }
  }
  const t = object.type;
  // Elements that may be undefined themselves (`(T | undefined)[]`, `(T | null | undefined)[]`):
  // past the end is that same undefined, wherever it goes (print/nullish.ts).
  if (t.kind === "array" && t.element.kind === "optional" && t.element.absent !== "null") {
    const k = index.index ?? (index.int32?.exact ? index.int32.text : undefined);
    return {
      text:
        k !== undefined
          ? `__ice_a_get_i<${asType(t.element)}>(${object.text}, ${k})`
          : `__ice_a_get<${asType(t.element)}>(${object.text}, ${index.text})`,
      type: t.element,
    };
  }
  if (!how) return undefined;
  if (t.kind === "array" && t.element.kind === "number" && (how === "number" || nanLocal))
    return {
      text:
        index.index !== undefined
          ? `__ice_a_get_nan_s(${object.text}, ${index.index})`
          : `__ice_a_get_nan(${object.text}, ${index.text})`,
      type: t.element,
    };
  let read: Printed;
  if (t.kind === "array") {
    const box = isBoxed(t.element);
    // An int32 index (a counter's shadow or an exact int32 view) skips the f64 round trip (support/fastReads.ts).
    const k = index.index ?? (index.int32?.exact ? index.int32.text : undefined);
    read = {
      text:
        k !== undefined
          ? `__ice_a_get${box ? "_box" : ""}_i<${asType(t.element)}>(${object.text}, ${k})`
          : `__ice_a_get${box ? "_box" : ""}<${asType(t.element)}>(${object.text}, ${index.text})`,
      type: optional(t.element),
    };
  } else if (t.kind === "string") {
    read = { text: `__ice_s_get(${object.text}, ${index.text})`, type: { kind: "optional", inner: t } };
  } else return undefined;
  return observe(read, how);
}

/** A read of a possibly-missing local, as its context wants it (undefined of one in other contexts traps). */
export function missingLocal(ctx: PrintContext, node: ts.Node, printed: Printed): Printed | undefined {
  if (printed.type.kind !== "optional" || !ts.isIdentifier(node)) return undefined;
  const symbol = referencedSymbol(ctx, node);
  if (!symbol || !mayBeMissing(ctx, symbol)) return undefined;
  const how = missingContext(ctx, node);
  return how ? observe(printed, how) : undefined;
}
