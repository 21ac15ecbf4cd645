/**
 * @fileoverview `r[i] ?? null` where TypeScript types the element read `T` (it has no
 * noUncheckedIndexedAccess, so a read past the end or of a missing key is never undefined to it):
 * tsc then types the whole `T` too, although JavaScript gives the fallback there, a value `T`
 * cannot hold (`string[]` element ?? null is null). Once the body checks as written, each such
 * read is widened in the text the checker sees, `(r[i] as (typeof r)[number] | undefined)`, and
 * the body is typed again: the result is then `T | null` wherever it goes (a local, an array
 * literal, JSON), as in JavaScript. The printer reads past the end under an `as` that allows
 * undefined as a tested read (print/missing.ts). Positions after an insertion move: `unshift`
 * maps them back to the body as written (PrintContext.spanOf).
 *
 * The same holds for a read stored where the declared type allows undefined
 * (`const v: T | undefined = xs[0]`, `o.v = xs[i]` of a field `v: T | undefined`, an argument for
 * `p?: T`, a `(T | undefined)[]` element): tsc narrows the declared union to `T` by that
 * assignment, so later uses (`[v]`, `f(v)`, `v === undefined`) were typed as never undefined.
 * Widened, the narrowing is `T | undefined` as in JavaScript. Those reads are widened only when the
 * body still checks with them widened (`stored: false` is the fallback), since a body that then
 * does not check relied on the narrowing (`v.toFixed()` after it), where JavaScript throws.
 */
import { ts } from "./typescript.js";

/** Text inserted at `at` (an offset of the text as written). */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** The file's text with its widening reads, and where text was inserted. */
export interface Widened {
  readonly text: string;
  readonly insertions: readonly Insertion[];
}

/**
 * The insertions widening the reads of `file` (none when no read needs it); `stored` also widens
 * reads stored where undefined fits (storedWhereUndefinedFits).
 */
export function nullishReadInsertions(file: ts.SourceFile, checker: ts.TypeChecker, stored: boolean): Insertion[] {
  const insertions: Insertion[] = [];
  const widen = (read: ts.ElementAccessExpression, index: "number" | "string"): void => {
    insertions.push({ at: read.getStart(), text: "(" });
    insertions.push({ at: read.getEnd(), text: ` as (typeof ${read.expression.getText()})[${index}] | undefined)` });
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
      !ts.isParenthesizedExpression(node.left)
    ) {
      const index = widening(checker, node);
      if (index) widen(node.left as ts.ElementAccessExpression, index);
    } else if (stored && ts.isElementAccessExpression(node) && storedWhereUndefinedFits(checker, node)) {
      const index = readIndex(checker, node);
      if (index) widen(node, index);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return insertions;
}

/** The text of `file` with `insertions` made (positions of the text as written), or undefined when there are none. */
export function insertText(file: ts.SourceFile, insertions: readonly Insertion[]): Widened | undefined {
  if (insertions.length === 0) return undefined;
  const sorted = [...insertions].sort((a, b) => a.at - b.at);
  let text = "";
  let from = 0;
  for (const i of sorted) {
    text += file.text.slice(from, i.at) + i.text;
    from = i.at;
  }
  return { text: text + file.text.slice(from), insertions: sorted };
}

/** A position of the widened text as a position of the text as written. */
export function unshift(insertions: readonly Insertion[], position: number): number {
  let shift = 0;
  for (const i of insertions) {
    const start = i.at + shift;
    if (position < start) break;
    // Inside inserted text: the place it was inserted at.
    if (position < start + i.text.length) return i.at;
    shift += i.text.length;
  }
  return position - shift;
}

/**
 * The index type (`number` or `string`) to widen the left operand of `node` with, when it is an
 * element read of an array, string or dictionary named by a plain path (`r`, `inputs.rows`) that
 * TypeScript types as never undefined, and the fallback is `null` or `undefined`.
 */
function widening(checker: ts.TypeChecker, node: ts.BinaryExpression): "number" | "string" | undefined {
  const left = node.left;
  if (!ts.isElementAccessExpression(left)) return undefined;
  // Only a fallback of null or undefined: other fallbacks of another type would widen the read
  // to a union of it, which the sandbox holds for objects only (and then as a new class).
  const fallback = checker.getTypeAtLocation(node.right);
  const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  if (!(fallback.flags & nullish) && !(fallback.isUnion() && fallback.types.every((t) => t.flags & nullish)))
    return undefined;
  return readIndex(checker, left);
}

/** The index type to widen `read` with, when it is a read by a plain path typed as never undefined. */
function readIndex(checker: ts.TypeChecker, read: ts.ElementAccessExpression): "number" | "string" | undefined {
  if (read.questionDotToken || ts.isOptionalChain(read) || !isNamePath(read.expression)) return undefined;
  const type = checker.getTypeAtLocation(read);
  const absent =
    ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  if (type.flags & absent) return undefined;
  if (type.isUnion() && type.types.some((t) => t.flags & absent)) return undefined;
  return indexOf(checker, read.expression);
}

/** `number` for an array or string, `string` for a dictionary; undefined for a tuple or other object. */
function indexOf(checker: ts.TypeChecker, expression: ts.Expression): "number" | "string" | undefined {
  const object = checker.getTypeAtLocation(expression);
  if (checker.isTupleType(object)) return undefined;
  if (checker.isArrayType(object) || object.flags & ts.TypeFlags.StringLike) return "number";
  if (checker.getIndexInfoOfType(object, ts.IndexKind.String)) return "string";
  return undefined;
}

/**
 * True when `self`'s value is stored or passed on where its contextual type allows undefined:
 * `const v: T | undefined = self`, `x = self` of such a variable or field, a field of a literal
 * typed `{ v: T | undefined }` or `{ v?: T }`, an argument for `p: T | undefined` or `p?: T`, an
 * element of a `(T | undefined)[]` literal, a value returned where `T | undefined` is expected, a
 * branch of a conditional in any of those. Operands (`a || self`, `self ?? d`) are not: their
 * operators have rules of their own (print/missing.ts).
 */
export function storedWhereUndefinedFits(checker: ts.TypeChecker, self: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(self.parent)) self = self.parent;
  const parent = self.parent;
  if (!parent) return false;
  const stored =
    (ts.isBinaryExpression(parent) &&
      parent.right === self &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) ||
    (ts.isVariableDeclaration(parent) && parent.initializer === self) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === self) ||
    (ts.isShorthandPropertyAssignment(parent) && parent.name === self) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && !!parent.arguments?.includes(self)) ||
    ts.isArrayLiteralExpression(parent) ||
    (ts.isReturnStatement(parent) && parent.expression === self) ||
    (ts.isArrowFunction(parent) && parent.body === self) ||
    (ts.isConditionalExpression(parent) && parent.condition !== self && storedWhereUndefinedFits(checker, parent));
  if (!stored) return false;
  if (ts.isShorthandPropertyAssignment(parent)) {
    // `{ first }`: the type the literal's context gives that field.
    const literal = checker.getContextualType(parent.parent as ts.ObjectLiteralExpression);
    const field = literal && checker.getPropertyOfType(literal, parent.name.text);
    return !!field && fitsUndefined(checker.getTypeOfSymbol(field));
  }
  const contextual = checker.getContextualType(self);
  if (contextual) return fitsUndefined(contextual);
  // `[current, words[i]]` with `current: string | undefined`: the literal's own element type.
  if (!ts.isArrayLiteralExpression(parent)) return false;
  const element = checker.getIndexTypeOfType(checker.getTypeAtLocation(parent), ts.IndexKind.Number);
  return !!element && fitsUndefined(element);
}

function fitsUndefined(type: ts.Type): boolean {
  return type.isUnion() && type.types.some((t) => (t.flags & ts.TypeFlags.Undefined) !== 0);
}

/** `r`, `inputs.rows`: what `typeof` accepts. */
function isNamePath(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && !node.questionDotToken && isNamePath(node.expression);
}
