/**
 * @fileoverview Getters in object literals (`{ a: 1, get total() { return this.a * 2; } }`).
 * JavaScript runs a getter at every read (`o.total`, JSON.stringify, a spread, Object.values).
 * The sandbox's objects hold data fields, so a getter compiles only when every run of it gives
 * the same value as one run right after the object is made: its body is `return <expression>`
 * built from `this.<field>` reads of primitive fields that nothing in the body assigns (any
 * value of any type: `x.<field> = ...`, `x.<field>++`), literals, operators, templates, `Math.*`,
 * `String(x)` and a few string methods that cannot throw. The value is computed then and stored in the field
 * (its key keeps the getter's place, as JavaScript lists it). Setters and other getters are
 * refused with a located message.
 */
import { ts } from "../typescript.js";
import type { ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { printTo } from "./expressions.js";

/** `this` inside a getter being inlined: the object's temporary. */
const THIS = new WeakMap<ts.Node, Printed>();

const STRING_METHODS = new Set(["toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "toString"]);

/** Refuses a getter that is not a pure expression of fields nothing assigns (see the file comment). */
export function checkLiteralGetter(
  ctx: PrintContext,
  getter: ts.GetAccessorDeclaration,
  fieldType: (name: string) => ValueType | undefined,
): void {
  const why = "a getter in an object literal that is not `return` of an expression of the object's fields";
  const fix = "compute the value into a field, or use a function";
  const body = getter.body?.statements ?? ts.factory.createNodeArray();
  const only = body[0];
  if (body.length !== 1 || !only || !ts.isReturnStatement(only) || !only.expression) ctx.refuse(getter, why, fix);
  const reads = new Set<string>();
  const pure = (n: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(n)) return pure(n.expression);
    if (
      ts.isNumericLiteral(n) ||
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      n.kind === ts.SyntaxKind.TrueKeyword ||
      n.kind === ts.SyntaxKind.FalseKeyword
    )
      return true;
    if (ts.isTemplateExpression(n)) return n.templateSpans.every((s) => pure(s.expression));
    if (ts.isPropertyAccessExpression(n)) {
      if (n.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const t = fieldType(n.name.text);
        const inner = t?.kind === "optional" ? t.inner : t;
        if (!t || !inner || !["number", "string", "boolean"].includes(inner.kind)) return false;
        reads.add(n.name.text);
        return true;
      }
      if (n.name.text === "length") return pure(n.expression);
      return false;
    }
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      // String(x) of a primitive cannot throw or run code.
      if (ts.isIdentifier(callee) && callee.text === "String" && n.arguments.length === 1)
        return !ts.isSpreadElement(n.arguments[0]!) && pure(n.arguments[0]!);
      if (!ts.isPropertyAccessExpression(callee) || n.questionDotToken) return false;
      const isMath = ts.isIdentifier(callee.expression) && callee.expression.text === "Math";
      if (!isMath && !(STRING_METHODS.has(callee.name.text) && n.arguments.length === 0 && pure(callee.expression)))
        return false;
      return n.arguments.every((a) => !ts.isSpreadElement(a) && pure(a));
    }
    if (ts.isPrefixUnaryExpression(n))
      return (
        n.operator !== ts.SyntaxKind.PlusPlusToken && n.operator !== ts.SyntaxKind.MinusMinusToken && pure(n.operand)
      );
    if (ts.isConditionalExpression(n)) return pure(n.condition) && pure(n.whenTrue) && pure(n.whenFalse);
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
      if (op === ts.SyntaxKind.InKeyword || op === ts.SyntaxKind.InstanceOfKeyword || op === ts.SyntaxKind.CommaToken)
        return false;
      return pure(n.left) && pure(n.right);
    }
    return false;
  };
  if (!pure((only as ts.ReturnStatement).expression!)) ctx.refuse(getter, why, fix);
  const assigned = assignedField(ctx.root, reads);
  if (assigned)
    ctx.refuse(
      getter,
      `a getter in an object literal reading '${assigned}', which the body assigns (JavaScript runs the getter at every read)`,
      fix,
    );
}

/** The value of the getter for the object `self` (printed once it is made). */
export function getterValue(
  ctx: PrintContext,
  getter: ts.GetAccessorDeclaration,
  self: Printed,
  type: ValueType,
): string {
  const ret = getter.body!.statements[0] as ts.ReturnStatement;
  THIS.set(getter, self);
  try {
    return printTo(ctx, ret.expression!, type);
  } finally {
    THIS.delete(getter);
  }
}

/** What `this` is inside a getter of an object literal being printed (classExpressions.ts). */
export function literalThis(node: ts.Node): Printed | undefined {
  const getter = ts.findAncestor(node, (n) => ts.isGetAccessorDeclaration(n) || ts.isFunctionLike(n));
  return getter ? THIS.get(getter) : undefined;
}

/** A field of `names` that the body assigns anywhere (on any value), if any. */
function assignedField(root: ts.Node, names: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  const target = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) && names.has(n.name.text)) found = n.name.text;
    else if (ts.isElementAccessExpression(n)) found = [...names][0];
    ts.forEachChild(n, target);
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      target(n.left);
    else if (
      (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
      (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)
    )
      target(n.operand);
    else if ((ts.isForOfStatement(n) || ts.isForInStatement(n)) && !ts.isVariableDeclarationList(n.initializer))
      target(n.initializer);
    else if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      ts.isIdentifier(n.expression.expression) &&
      n.expression.expression.text === "Object" &&
      n.expression.name.text === "assign"
    )
      found = [...names][0];
    ts.forEachChild(n, visit);
  };
  visit(root);
  return found;
}
