/**
 * @fileoverview Lowers the TypeScript a user writes in a code body into the AssemblyScript that
 * asc accepts, on the TypeScript AST, before asc sees it. Each rewrite keeps TypeScript's meaning
 * (within the limits README lists); what cannot be lowered gets a diagnostic that says what to
 * write instead. Positions of the rewritten text map back to the body (rewriter.ts).
 *
 * This file is the driver: it runs the analyses, then emits the body, choosing for each node the
 * rewrite that applies. The rewrites, by family (in lower/):
 * - loops.ts: `for (const x of xs)` over arrays and strings; `xs.forEach(cb)` as a statement.
 * - objects.ts, destructuring.ts, annotations.ts: shorthand properties; destructuring
 *   declarations; the returned object literal checked against output_schema (missing fields,
 *   integer fields, presence flags), and a returned local annotated `: Output`.
 * - numbers.ts, annotations.ts: `/` between integers as float division, and `let n = 0` that
 *   later holds a fraction as `f64`; `Math.max/min/abs/floor/...` on integers; `Date.now()` as a
 *   number; float indexes.
 * - optionals.ts: `a ?? b`, `a?.b`, `=== undefined` (optional fields of numbers and booleans
 *   through their presence flags).
 * - strings.ts: numbers in strings (`"n=" + x`, templates, `String(x)`, `console.log(a, b)`)
 *   formatted as JavaScript does.
 * - unsupported.ts, closures.ts: what has no lowering, and nested functions that capture locals.
 * The analyses: locals.ts (declarations and assignments by name), typeInfo.ts (schema types and
 * value kinds of expressions, float lets), returnedObjects.ts (literals typed by output_schema).
 */
import { ts } from "ts-morph";
import type { ObjectType } from "../../../runtime/schema.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import type { RewrittenBody } from "./rewriter.js";
import { annotateDeclaration } from "./lower/annotations.js";
import { checkCaptures } from "./lower/closures.js";
import { LowerContext } from "./lower/context.js";
import { variableStatement } from "./lower/destructuring.js";
import { collectLocals } from "./lower/locals.js";
import { forEach, forOf, loopReturn } from "./lower/loops.js";
import { dateNow, floatIndex, integerDivision, math, numberOfString } from "./lower/numbers.js";
import { shorthandProperty, typedObjectLiteral } from "./lower/objects.js";
import { coalesce, optionalChain, presence, undefinedAsNull } from "./lower/optionals.js";
import { isEquality, isNullish } from "./lower/predicates.js";
import { findReturnedObjects } from "./lower/returnedObjects.js";
import { consoleLog, floatToString, stringConcatenation, stringOf, templateSpan } from "./lower/strings.js";
import { TypeInfo } from "./lower/typeInfo.js";
import { reportCoalesceAssignment, reportUnsupportedSyntax, unsupportedCall } from "./lower/unsupported.js";

/** The result of lowering one body. */
export interface LoweredBody {
  readonly body: RewrittenBody;
  readonly diagnostics: Diagnostic[];
}

/** Lowers a parsed body (see the file comment). */
export function lowerIdioms(block: ts.Block, map: BodyMap, inputType: ObjectType, outputType: ObjectType): LoweredBody {
  const locals = collectLocals(block);
  const types = new TypeInfo(locals, inputType);
  types.inferFloatVars();
  const objects = findReturnedObjects(block, locals, outputType);
  const cx = new LowerContext(map, locals, types, objects, rewrite);
  const body = cx.emitBody(block);
  return { body, diagnostics: cx.diagnostics };
}

/** Emits a rewritten form of `node`; false when it has none. */
function rewrite(cx: LowerContext, node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.ForOfStatement:
      return forOf(cx, node as ts.ForOfStatement);
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.TryStatement:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.DeleteExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.YieldExpression:
      reportUnsupportedSyntax(cx, node);
      return false;
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return shorthandProperty(cx, node as ts.ShorthandPropertyAssignment);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return typedObjectLiteral(cx, node as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.VariableStatement:
      return variableStatement(cx, node as ts.VariableStatement);
    case ts.SyntaxKind.VariableDeclaration:
      return annotateDeclaration(cx, node as ts.VariableDeclaration);
    case ts.SyntaxKind.ExpressionStatement:
      return forEach(cx, node as ts.ExpressionStatement);
    case ts.SyntaxKind.ReturnStatement:
      return loopReturn(cx, node as ts.ReturnStatement);
    case ts.SyntaxKind.CallExpression:
      return call(cx, node as ts.CallExpression);
    case ts.SyntaxKind.BinaryExpression:
      return binary(cx, node as ts.BinaryExpression);
    case ts.SyntaxKind.ElementAccessExpression: {
      const access = node as ts.ElementAccessExpression;
      return access.questionDotToken ? optionalChain(cx, access) : floatIndex(cx, access);
    }
    case ts.SyntaxKind.PropertyAccessExpression:
      return optionalChain(cx, node as ts.PropertyAccessExpression);
    case ts.SyntaxKind.TemplateSpan:
      return templateSpan(cx, node as ts.TemplateSpan);
    case ts.SyntaxKind.Identifier:
      return undefinedAsNull(cx, node as ts.Identifier);
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.FunctionDeclaration:
      checkCaptures(cx, node as ts.FunctionLikeDeclaration);
      return false;
    default:
      return false;
  }
}

/** A call: the first rewrite that applies, in this order. */
function call(cx: LowerContext, node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (node.questionDotToken || (ts.isPropertyAccessExpression(callee) && callee.questionDotToken))
    return optionalChain(cx, node);
  if (ts.isIdentifier(callee)) return stringOf(cx, node, callee.text) || numberOfString(cx, node, callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  const object = ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
  if (object === "Math") return math(cx, node, name);
  return (
    dateNow(cx, node, object, name) ||
    consoleLog(cx, node, object, name) ||
    floatToString(cx, node, callee) ||
    unsupportedCall(cx, node, object, name)
  );
}

/** A binary expression: the rewrite for its operator. */
function binary(cx: LowerContext, node: ts.BinaryExpression): boolean {
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.QuestionQuestionToken) return coalesce(cx, node);
  if (op === ts.SyntaxKind.QuestionQuestionEqualsToken) {
    reportCoalesceAssignment(cx, node);
    return false;
  }
  if (isEquality(op) && (isNullish(node.right) || isNullish(node.left))) return presence(cx, node);
  return integerDivision(cx, node) || stringConcatenation(cx, node);
}
