/**
 * @fileoverview Locals stored in a faster representation than their type's default, where the
 * printer can prove that no program can tell the difference:
 *
 * - A string builder (`__ice_Sb`, support/builder.ts) for a `let` string that a loop extends with
 *   `s += x` or `s = s + x + ...`: without it every step copies the whole string (and the runtime
 *   never frees), so building a string in a loop was quadratic in time and memory. Reads give the
 *   ordinary string (made once per change), `s.length` reads the builder's length.
 *
 * - An i32 for a number local proven to hold only int32 values, or read only by bitwise operators
 *   (int32Locals.ts decides which; int32.ts gives reads an exact i32 view).
 *
 * Only locals of the function being printed that no closure captures, declared with `let` or
 * `const` in a statement or a `for` initializer, whose every write is one of the forms the
 * representation allows. The hooks are
 * called by the printer where it declares, reads and assigns locals; each returns undefined when
 * the local keeps its ordinary representation.
 */
import { ts } from "../typescript.js";
import { NUMBER, STRING } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { asText, printExpr, printTo } from "./expressions.js";
import { bitwise, fromInt32, toInt32 } from "./int32.js";
import { analyzeNumberLocals, isOtherWrite } from "./int32Locals.js";
import { mayBeMissing } from "./missing.js";
import { isAssignmentOperator } from "./operatorKinds.js";
import { perContext } from "./perContext.js";

type Repr = "builder" | "int32" | "wrap" | "shadowed";

interface Analysis {
  readonly reprs: Map<ts.Symbol, Repr>;
  readonly incrementors: Set<ts.Node>;
}

const cache = perContext(() => new Map<ts.Node, Analysis>());

function analysisOf(ctx: PrintContext, owner: ts.Node): Analysis {
  const byFunction = cache.of(ctx);
  let analysis = byFunction.get(owner);
  if (!analysis) {
    analysis = analyze(ctx, owner);
    byFunction.set(owner, analysis);
  }
  return analysis;
}

/** The representation of a local, when it is not the ordinary one. */
export function reprOf(ctx: PrintContext, symbol: ts.Symbol): Repr | undefined {
  const declaration = symbol.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || ctx.captured.has(symbol)) return undefined;
  return analysisOf(ctx, ctx.functionOf(declaration)).reprs.get(symbol);
}

/** `let name = ...` of a special local (undefined: print it as usual). */
export function declareLocal(ctx: PrintContext, symbol: ts.Symbol, d: ts.VariableDeclaration): string | undefined {
  const repr = reprOf(ctx, symbol);
  if (!repr) return undefined;
  const name = ctx.nameOf(symbol);
  if (repr === "builder") {
    const value = d.initializer ? printTo(ctx, d.initializer, STRING) : '""';
    return `let ${name}: __ice_Sb = new __ice_Sb(${value});`;
  }
  if (repr === "shadowed") {
    const shadow = `${name}_k`;
    return `let ${shadow}: i32 = ${int32Value(ctx, d.initializer!)};\nlet ${name}: f64 = <f64>${shadow};`;
  }
  return `let ${name}: i32 = ${d.initializer ? int32Value(ctx, d.initializer) : "0"};`;
}

/** ToInt32 of a number expression, as i32 text (the value itself for an int32 local's writes). */
function int32Value(ctx: PrintContext, node: ts.Expression): string {
  const printed = printExpr(ctx, node, NUMBER);
  return printed.type.kind === "number" ? toInt32(printed) : `__ice_i32(${coerce(ctx, printed, NUMBER, node)})`;
}

/** A read of a special local. */
export function readLocal(ctx: PrintContext, symbol: ts.Symbol): Printed | undefined {
  const repr = reprOf(ctx, symbol);
  if (!repr) return undefined;
  const name = ctx.nameOf(symbol);
  if (repr === "builder") return { text: `${name}.get()`, type: STRING };
  if (repr === "int32") return fromInt32(name);
  if (repr === "shadowed") return { text: name, type: NUMBER, index: `${name}_k` };
  // Only bitwise operators read it (int32Locals.ts), and they take the view.
  return { text: `(<f64>${name})`, type: NUMBER, int32: { text: name, exact: false } };
}

/** `s.length` of a builder local. */
export function localLength(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed | undefined {
  if (node.name.text !== "length" || node.questionDotToken || !ts.isIdentifier(node.expression)) return undefined;
  const symbol = ctx.symbolOf(node.expression);
  if (!symbol || reprOf(ctx, symbol) !== "builder") return undefined;
  return fromInt32(`${ctx.nameOf(symbol)}.len`);
}

/** An assignment to a special local. */
export function assignLocal(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  if (!ts.isIdentifier(node.left)) return undefined;
  const symbol = ctx.symbolOf(node.left);
  const repr = symbol && reprOf(ctx, symbol);
  if (!symbol || !repr) return undefined;
  const name = ctx.nameOf(symbol);
  const op = node.operatorToken.kind;
  if (repr === "shadowed") {
    if (!isIncrementor(ctx, node, symbol)) return undefined;
    return { text: shadowedStep(name), type: NUMBER };
  }
  if (repr !== "builder") {
    if (op === ts.SyntaxKind.EqualsToken) return fromInt32(`(${name} = ${int32Value(ctx, node.right)})`);
    if (isIncrementor(ctx, node, symbol))
      return fromInt32(`(${name} ${op === ts.SyntaxKind.PlusEqualsToken ? "+=" : "-="} 1)`);
    const bit = BITWISE_COMPOUND[op];
    if (!bit) return undefined;
    const value = bitwise(bit, readLocal(ctx, symbol)!, printExpr(ctx, node.right));
    return fromInt32(`(${name} = ${value.int32!.text})`);
  }
  const pieces = appendedPieces(ctx, node, symbol);
  if (pieces) {
    const text = pieces.map((p) => asText(ctx, printExpr(ctx, p), p));
    const joined = text.length === 1 ? text[0]! : `(${text.join(" + ")})`;
    return { text: `${name}.append(${joined})`, type: STRING };
  }
  return { text: `${name}.set(${printTo(ctx, node.right, STRING)})`, type: STRING };
}

/** `i++` and the like of a proven int32 counter. */
export function updateLocal(
  ctx: PrintContext,
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  prefix: boolean,
): Printed | undefined {
  if (!ts.isIdentifier(node.operand)) return undefined;
  const symbol = ctx.symbolOf(node.operand);
  if (!symbol || !isIncrementor(ctx, node, symbol)) return undefined;
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--";
  const name = ctx.nameOf(symbol);
  if (reprOf(ctx, symbol) === "shadowed") return { text: shadowedStep(name), type: NUMBER };
  return fromInt32(prefix ? `(${op}${name})` : `(${name}${op})`);
}

/** The step of a shadowed counter (its value is discarded: the step of a `for`). */
function shadowedStep(name: string): string {
  return `(${name}_k += <i32>(${name}_k != i32.MAX_VALUE), ${name} += 1.0)`;
}

function isIncrementor(ctx: PrintContext, node: ts.Node, symbol: ts.Symbol): boolean {
  const repr = reprOf(ctx, symbol);
  return (
    (repr === "int32" || repr === "shadowed") &&
    analysisOf(ctx, ctx.functionOf(symbol.valueDeclaration!)).incrementors.has(node)
  );
}

const BITWISE_COMPOUND: { readonly [op: number]: string } = {
  [ts.SyntaxKind.AmpersandEqualsToken]: "&",
  [ts.SyntaxKind.BarEqualsToken]: "|",
  [ts.SyntaxKind.CaretEqualsToken]: "^",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
};

/**
 * The expressions appended by `s += e` or `s = s + e1 + e2 ...` (as a statement), or undefined
 * for any other assignment. In the second form no piece mentions `s` (the builder is extended
 * after all pieces are evaluated, as JavaScript reads `s` first and assigns last).
 */
function appendedPieces(ctx: PrintContext, node: ts.BinaryExpression, symbol: ts.Symbol): ts.Expression[] | undefined {
  if (!ts.isExpressionStatement(node.parent)) return undefined;
  if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return [node.right];
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const pieces: ts.Expression[] = [];
  let current = stripParens(node.right);
  while (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    pieces.unshift(current.right);
    const left = stripParens(current.left);
    if (ts.isIdentifier(left) && ctx.symbolOf(left) === symbol) {
      return pieces.some((p) => mentions(ctx, p, symbol)) ? undefined : pieces;
    }
    current = left;
  }
  return undefined;
}

function mentions(ctx: PrintContext, node: ts.Node, symbol: ts.Symbol): boolean {
  if (ts.isIdentifier(node) && ctx.symbolOf(node) === symbol) return true;
  return ts.forEachChild(node, (child) => mentions(ctx, child, symbol) || undefined) ?? false;
}

function isLoop(node: ts.Node): boolean {
  return (
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node)
  );
}

/** The special locals declared in function `owner`. */
function analyze(ctx: PrintContext, owner: ts.Node): Analysis {
  const declarations = new Map<ts.Symbol, ts.VariableDeclaration>();
  const references: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const list = node.parent;
      const symbol = ctx.symbolOf(node.name);
      if (
        symbol &&
        ts.isVariableDeclarationList(list) &&
        list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const) &&
        (ts.isVariableStatement(list.parent) || (ts.isForStatement(list.parent) && list.parent.initializer === list)) &&
        ctx.functionOf(node) === owner &&
        !ctx.captured.has(symbol) &&
        !mayBeMissing(ctx, symbol)
      )
        declarations.set(symbol, node);
    }
    if (ts.isIdentifier(node)) references.push(node);
    ts.forEachChild(node, visit);
  };
  visit(owner);
  const reprs = new Map<ts.Symbol, Repr>();
  for (const symbol of builders(ctx, owner, declarations, references)) reprs.set(symbol, "builder");
  const numbers = analyzeNumberLocals(ctx.checker, (n) => referenced(ctx, n), declarations, references);
  for (const symbol of numbers.int32) reprs.set(symbol, "int32");
  for (const symbol of numbers.wrap) reprs.set(symbol, "wrap");
  for (const symbol of numbers.shadowed) reprs.set(symbol, "shadowed");
  return { reprs, incrementors: numbers.incrementors };
}

/** String locals a loop extends: builders. */
function builders(
  ctx: PrintContext,
  owner: ts.Node,
  declarations: ReadonlyMap<ts.Symbol, ts.VariableDeclaration>,
  references: readonly ts.Identifier[],
): ts.Symbol[] {
  const candidates = new Map<ts.Symbol, { ok: boolean; loopAppend: boolean }>();
  for (const [symbol, d] of declarations)
    if (d.parent.flags & ts.NodeFlags.Let && isStringLocal(ctx, symbol, d.name))
      candidates.set(symbol, { ok: true, loopAppend: false });
  for (const ref of references) {
    const symbol = referenced(ctx, ref);
    const c = symbol ? candidates.get(symbol) : undefined;
    if (!symbol || !c?.ok || ref === declarations.get(symbol)?.name) continue;
    let top: ts.Node = ref;
    while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
    const parent = top.parent;
    if (isOtherWrite(ref)) c.ok = false;
    else if (ts.isBinaryExpression(parent) && parent.left === top && isAssignmentOperator(parent.operatorToken.kind)) {
      if (top !== ref) c.ok = false;
      else if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const pieces = appendedPieces(ctx, parent, symbol);
        if (pieces?.some((p) => isLoose(ctx, p))) c.ok = false;
        else if (pieces && inLoop(parent, owner)) c.loopAppend = true;
      } else if (parent.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) {
        if (!ts.isExpressionStatement(parent.parent) || writes(ctx, parent.right, symbol) || isLoose(ctx, parent.right))
          c.ok = false;
        else if (inLoop(parent, owner)) c.loopAppend = true;
      } else c.ok = false;
    } else if (
      (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
      (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      c.ok = false;
    }
  }
  return [...candidates].filter(([, c]) => c.ok && c.loopAppend).map(([s]) => s);
}

/** The variable an identifier refers to (in `{ x }`, the variable x, not the property). */
function referenced(ctx: PrintContext, node: ts.Node): ts.Symbol | undefined {
  if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node)
    return ctx.checker.getShorthandAssignmentValueSymbol(node.parent);
  return ctx.symbolOf(node);
}

/** A value typed any or unknown (JSON values add to text by their own rules). */
function isLoose(ctx: PrintContext, node: ts.Node): boolean {
  return (ctx.checker.getTypeAtLocation(node).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

function isStringLocal(ctx: PrintContext, symbol: ts.Symbol, at: ts.Node): boolean {
  return (ctx.checker.getTypeOfSymbolAtLocation(symbol, at).flags & ts.TypeFlags.String) !== 0;
}

function inLoop(node: ts.Node, owner: ts.Node): boolean {
  for (let current = node.parent; current && current !== owner; current = current.parent)
    if (isLoop(current)) return true;
  return false;
}

/** True when `node` contains an assignment or update of `symbol`. */
function writes(ctx: PrintContext, node: ts.Node, symbol: ts.Symbol): boolean {
  if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) {
    const left = stripParens(node.left);
    if (ts.isIdentifier(left) && ctx.symbolOf(left) === symbol) return true;
  }
  return ts.forEachChild(node, (child) => writes(ctx, child, symbol) || undefined) ?? false;
}
