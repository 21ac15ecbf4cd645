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

/** The widened text of `file`, or undefined when no read needs it. */
export function widenNullishReads(file: ts.SourceFile, checker: ts.TypeChecker): Widened | undefined {
  const insertions: Insertion[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
      !ts.isParenthesizedExpression(node.left)
    ) {
      const index = widening(checker, node);
      if (index) {
        insertions.push({ at: node.left.getStart(), text: "(" });
        const object = (node.left as ts.ElementAccessExpression).expression.getText();
        insertions.push({ at: node.left.getEnd(), text: ` as (typeof ${object})[${index}] | undefined)` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (insertions.length === 0) return undefined;
  insertions.sort((a, b) => a.at - b.at);
  let text = "";
  let from = 0;
  for (const i of insertions) {
    text += file.text.slice(from, i.at) + i.text;
    from = i.at;
  }
  return { text: text + file.text.slice(from), insertions };
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
  if (!ts.isElementAccessExpression(left) || left.questionDotToken || ts.isOptionalChain(left)) return undefined;
  if (!isNamePath(left.expression)) return undefined;
  const type = checker.getTypeAtLocation(left);
  const absent =
    ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  if (type.flags & absent) return undefined;
  if (type.isUnion() && type.types.some((t) => t.flags & absent)) return undefined;
  // Only a fallback of null or undefined: other fallbacks of another type would widen the read
  // to a union of it, which the sandbox holds for objects only (and then as a new class).
  const fallback = checker.getTypeAtLocation(node.right);
  const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  if (!(fallback.flags & nullish) && !(fallback.isUnion() && fallback.types.every((t) => t.flags & nullish)))
    return undefined;
  const object = checker.getTypeAtLocation(left.expression);
  if (checker.isTupleType(object)) return undefined;
  if (checker.isArrayType(object) || object.flags & ts.TypeFlags.StringLike) return "number";
  if (checker.getIndexInfoOfType(object, ts.IndexKind.String)) return "string";
  return undefined;
}

/** `r`, `inputs.rows`: what `typeof` accepts. */
function isNamePath(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && !node.questionDotToken && isNamePath(node.expression);
}
