/**
 * @fileoverview Which number locals of a function may live in an i32 (locals.ts prints them):
 *
 * - int32: every value ever stored is an exact int32 (int32.ts isExactInt32: integer literals,
 *   bitwise results, lengths, other int32 locals; or `x &= ...` and the like), or the local is a
 *   `for` counter proven to stay in range: `for (let i = <int32>; i < <int32>; i++)` (also `<=`
 *   a literal below 2^31-1, and the decreasing forms; the step `i++`, `++i` or `i += 1`), with
 *   no other write to `i`. The set is the
 *   greatest fixed point (assume every candidate, drop those with a write that is not proven,
 *   repeat): by induction over the run, every stored value is then an int32.
 * - wrap: every read is an operand of a bitwise operator (which only sees ToInt32 of it) and every
 *   write is a statement `x = e` or a bitwise compound assignment, so storing ToInt32 of each value
 *   is invisible (`let x = inputs.seed; x ^= x << 13; ...`).
 */
import { ts } from "../typescript.js";
import { isExactInt32, literalView } from "./int32.js";
import { BITWISE_BINARY } from "./operatorKinds.js";

export interface NumberLocals {
  readonly int32: Set<ts.Symbol>;
  readonly wrap: Set<ts.Symbol>;
  /**
   * Counters `for (let i = <int32>; <any test>; i++)` (no other write): always integers, so they
   * keep their f64 and get a saturating i32 shadow for indexing.
   */
  readonly shadowed: Set<ts.Symbol>;
  /** The `i++` (or `i += 1`, `i = i - 1`, ...) of proven counters. */
  readonly incrementors: Set<ts.Node>;
}

/** Compound assignments whose result is an int32 (not `>>>=`: its result is unsigned). */
const BITWISE_COMPOUND = new Set([
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
]);
interface Candidate {
  readonly declaration: ts.VariableDeclaration;
  /** Values stored by `x = e` (and the initializer). */
  readonly stored: ts.Expression[];
  /** Other writes: updates and compound assignments other than the bitwise ones. */
  readonly other: ts.Node[];
  /** `x = e` used as a value. */
  assignmentUsed: boolean;
  /** A write the analysis does not model (through parentheses). */
  opaque: boolean;
  /** Every read is an operand of a bitwise operator. */
  bitwiseReadsOnly: boolean;
}

/** Number locals of one function: `declarations` are the candidates, `references` every identifier. */
export function analyzeNumberLocals(
  checker: ts.TypeChecker,
  symbolOf: (node: ts.Node) => ts.Symbol | undefined,
  declarations: ReadonlyMap<ts.Symbol, ts.VariableDeclaration>,
  references: readonly ts.Identifier[],
): NumberLocals {
  const candidates = new Map<ts.Symbol, Candidate>();
  for (const [symbol, declaration] of declarations) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration.name);
    if (!(type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral))) continue;
    candidates.set(symbol, {
      declaration,
      stored: declaration.initializer ? [declaration.initializer] : [],
      other: [],
      assignmentUsed: false,
      opaque: false,
      bitwiseReadsOnly: true,
    });
  }
  for (const ref of references) {
    const symbol = symbolOf(ref);
    const c = symbol && candidates.get(symbol);
    if (!c || ref === c.declaration.name) continue;
    let top: ts.Node = ref;
    while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
    const parent = top.parent;
    if (isOtherWrite(ref)) c.opaque = true;
    else if (ts.isBinaryExpression(parent) && parent.left === top && isAssignment(parent.operatorToken.kind)) {
      const op = parent.operatorToken.kind;
      if (top !== ref) c.opaque = true;
      else if (op === ts.SyntaxKind.EqualsToken) {
        c.stored.push(parent.right);
        if (!isDiscarded(parent)) c.assignmentUsed = true;
      } else if (!BITWISE_COMPOUND.has(op)) c.other.push(parent);
    } else if (
      (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
      (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      c.other.push(parent);
    } else if (
      !(ts.isBinaryExpression(parent) && BITWISE_BINARY.has(parent.operatorToken.kind)) &&
      !(ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.TildeToken)
    ) {
      c.bitwiseReadsOnly = false;
    }
  }
  const int32 = new Set([...candidates].filter(([, c]) => !c.opaque).map(([s]) => s));
  const incrementors = new Set<ts.Node>();
  const isInt32 = (node: ts.Identifier): boolean => {
    const symbol = symbolOf(node);
    return !!symbol && int32.has(symbol);
  };
  for (let changed = true; changed; ) {
    changed = false;
    incrementors.clear();
    for (const symbol of [...int32]) {
      const c = candidates.get(symbol)!;
      let ok = c.stored.every((e) => isExactInt32(checker, e, isInt32));
      if (ok && c.other.length > 0) {
        const step = c.other.length === 1 ? provenCounterStep(checker, c, symbol, symbolOf, isInt32) : undefined;
        if (step) incrementors.add(step);
        else ok = false;
      }
      if (!ok) {
        int32.delete(symbol);
        changed = true;
      }
    }
  }
  const wrap = new Set<ts.Symbol>();
  const shadowed = new Set<ts.Symbol>();
  for (const [symbol, c] of candidates) {
    if (int32.has(symbol) || c.opaque) continue;
    if (c.bitwiseReadsOnly && !c.assignmentUsed && c.other.length === 0) wrap.add(symbol);
    else if (
      c.other.length === 1 &&
      c.stored.length === 1 &&
      c.stored[0] === c.declaration.initializer &&
      isExactInt32(checker, c.stored[0]!, isInt32) &&
      isForCounter(c.declaration, c.other[0]!) &&
      stepDirection(c.other[0]!, symbol, symbolOf) === "up"
    ) {
      shadowed.add(symbol);
      incrementors.add(c.other[0]!);
    }
  }
  return { int32, wrap, shadowed, incrementors };
}

/**
 * A write the analysis does not model: a destructuring assignment target (`[x, y] = ...`,
 * `({ x } = ...)`) or the variable of `for (x of ...)` / `for (x in ...)`.
 */
export function isOtherWrite(ref: ts.Node): boolean {
  let node: ts.Node = ref;
  let nested = false;
  for (;;) {
    const parent = node.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
      (ts.isShorthandPropertyAssignment(parent) && parent.name === node)
    ) {
      if (!ts.isParenthesizedExpression(parent)) nested = true;
      node = parent;
      continue;
    }
    if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node) return true;
    return (
      nested &&
      ts.isBinaryExpression(parent) &&
      parent.left === node &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
    );
  }
}

/** `step` is the incrementor of the `for` whose initializer declares `declaration`. */
function isForCounter(declaration: ts.VariableDeclaration, step: ts.Node): boolean {
  const list = declaration.parent;
  return ts.isForStatement(list.parent) && list.parent.initializer === list && list.parent.incrementor === step;
}

function isAssignment(op: ts.SyntaxKind): boolean {
  return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
}

function isDiscarded(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isExpressionStatement(parent) || (ts.isForStatement(parent) && parent.incrementor === node);
}

/**
 * The incrementor of `for (let i = ...; cond; step)` when `step` is the only write besides the
 * declaration and `cond` keeps `i` from overflowing in the step's direction; else undefined.
 */
function provenCounterStep(
  checker: ts.TypeChecker,
  c: Candidate,
  symbol: ts.Symbol,
  symbolOf: (node: ts.Node) => ts.Symbol | undefined,
  isInt32: (node: ts.Identifier) => boolean,
): ts.Node | undefined {
  const list = c.declaration.parent;
  const loop = list.parent;
  if (!ts.isForStatement(loop) || loop.initializer !== list || !loop.incrementor || !loop.condition) return undefined;
  const step = c.other[0]!;
  if (step !== loop.incrementor) return undefined;
  const direction = stepDirection(step, symbol, symbolOf);
  if (!direction) return undefined;
  const cond = stripParens(loop.condition);
  if (!ts.isBinaryExpression(cond)) return undefined;
  const isI = (e: ts.Expression): boolean => {
    const inner = stripParens(e);
    return ts.isIdentifier(inner) && symbolOf(inner) === symbol;
  };
  let op: ts.SyntaxKind = cond.operatorToken.kind;
  let bound: ts.Expression;
  if (isI(cond.left)) bound = cond.right;
  else if (isI(cond.right)) {
    bound = cond.left;
    op = FLIPPED[op] ?? ts.SyntaxKind.Unknown;
  } else return undefined;
  if (direction === "up") {
    if (op === ts.SyntaxKind.LessThanToken) return isExactInt32(checker, bound, isInt32) ? step : undefined;
    if (op === ts.SyntaxKind.LessThanEqualsToken) {
      const v = literal(bound);
      return v !== undefined && v < 2147483647 ? step : undefined;
    }
  } else {
    if (op === ts.SyntaxKind.GreaterThanToken) return isExactInt32(checker, bound, isInt32) ? step : undefined;
    if (op === ts.SyntaxKind.GreaterThanEqualsToken) {
      const v = literal(bound);
      return v !== undefined && v > -2147483648 ? step : undefined;
    }
  }
  return undefined;
}

const FLIPPED: { readonly [op: number]: ts.SyntaxKind } = {
  [ts.SyntaxKind.LessThanToken]: ts.SyntaxKind.GreaterThanToken,
  [ts.SyntaxKind.LessThanEqualsToken]: ts.SyntaxKind.GreaterThanEqualsToken,
  [ts.SyntaxKind.GreaterThanToken]: ts.SyntaxKind.LessThanToken,
  [ts.SyntaxKind.GreaterThanEqualsToken]: ts.SyntaxKind.LessThanEqualsToken,
};

/** The value of an exact int32 literal (`5`, `-5`), or undefined. */
function literal(node: ts.Expression): number | undefined {
  const e = stripParens(node);
  let value: number | undefined;
  if (ts.isNumericLiteral(e)) value = Number(e.text);
  else if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    value = -Number(e.operand.text);
  return value !== undefined && literalView(value).exact ? value : undefined;
}

/** "up" for `i++`, `++i`, `i += 1`; "down" for the decrements; else undefined. */
function stepDirection(
  step: ts.Node,
  symbol: ts.Symbol,
  symbolOf: (node: ts.Node) => ts.Symbol | undefined,
): "up" | "down" | undefined {
  if (ts.isPrefixUnaryExpression(step) || ts.isPostfixUnaryExpression(step)) {
    if (!ts.isIdentifier(step.operand) || symbolOf(step.operand) !== symbol) return undefined;
    return step.operator === ts.SyntaxKind.PlusPlusToken ? "up" : "down";
  }
  if (!ts.isBinaryExpression(step) || !ts.isIdentifier(step.left) || symbolOf(step.left) !== symbol) return undefined;
  const op = step.operatorToken.kind;
  const one = (e: ts.Expression): boolean => {
    const inner = stripParens(e);
    return ts.isNumericLiteral(inner) && Number(inner.text) === 1;
  };
  if (op === ts.SyntaxKind.PlusEqualsToken && one(step.right)) return "up";
  if (op === ts.SyntaxKind.MinusEqualsToken && one(step.right)) return "down";
  return undefined;
}

function stripParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
