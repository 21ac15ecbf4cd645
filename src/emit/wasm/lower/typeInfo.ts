/**
 * @fileoverview Type analysis of a body's expressions for the idiom lowering: the schema type of
 * what is read from `inputs` (directly or through locals), the evident kind of any expression
 * (int, float, string, bool), and which `let`s must be floats because they later hold a fraction.
 */
import { ts } from "ts-morph";
import type { ObjectType } from "../../../../runtime/schema.js";
import { INT_MATH, kindOfSchema, kindOfTypeNode, numeric, type Kind, type Typed } from "./kinds.js";
import type { Locals } from "./locals.js";
import { isAssignment, skipParens } from "./predicates.js";

/** Methods whose result is a string. */
const STRING_METHODS = new Set([
  "charAt",
  "concat",
  "join",
  "padEnd",
  "padStart",
  "repeat",
  "replace",
  "replaceAll",
  "slice",
  "substr",
  "substring",
  "toLowerCase",
  "toUpperCase",
  "toString",
  "trim",
  "trimEnd",
  "trimStart",
  "trimLeft",
  "trimRight",
  "at",
]);
/** Methods whose result is an integer. */
const INT_METHODS = new Set([
  "indexOf",
  "lastIndexOf",
  "charCodeAt",
  "codePointAt",
  "findIndex",
  "push",
  "localeCompare",
]);

/** Answers type questions about a body's expressions; rewrites bind the names they introduce. */
export class TypeInfo {
  private readonly floatVars = new Set<string>();
  /** Names bound by rewrites to a schema type (forEach parameters, destructured fields). */
  private readonly boundTypes = new Map<string, Typed>();
  /** Names whose declaration is being followed (stops cycles like `let a = b; let b = a`). */
  private readonly inferring = new Set<string>();

  constructor(
    private readonly locals: Locals,
    private readonly inputType: ObjectType,
  ) {}

  /** Binds `name` (introduced by a rewrite) to a schema type. */
  bind(name: string, typed: Typed): void {
    this.boundTypes.set(name, typed);
  }

  /** True for a `let` that inferFloatVars found must be an `f64`. */
  isFloatVar(name: string): boolean {
    return this.floatVars.has(name);
  }

  /** `let n = 0` becomes `f64` when it is ever assigned a fraction or divided in place. */
  inferFloatVars(): void {
    for (let round = 0; round < 8; round++) {
      let changed = false;
      for (const [name, decl] of this.locals.decls) {
        if (this.floatVars.has(name) || !ts.isVariableDeclaration(decl) || decl.type || !decl.initializer) continue;
        if (!(decl.parent.flags & ts.NodeFlags.Let) && decl.parent.flags & ts.NodeFlags.Const) continue;
        if (this.kindOf(decl.initializer) !== "int") continue;
        const float = (this.locals.assignments.get(name) ?? []).some((a) => {
          const op = a.operatorToken.kind;
          if (op === ts.SyntaxKind.SlashEqualsToken || op === ts.SyntaxKind.AsteriskAsteriskEqualsToken) return true;
          return this.kindOf(a.right) === "float";
        });
        if (float) {
          this.floatVars.add(name);
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  /** The schema type of an expression rooted at `inputs` (or a local bound to part of it). */
  typed(expr: ts.Expression): Typed | undefined {
    expr = skipParens(expr);
    if (ts.isNonNullExpression(expr)) {
      const inner = this.typed(expr.expression);
      return inner && { type: inner.type, optional: false };
    }
    if (ts.isIdentifier(expr)) {
      if (expr.text === "inputs") return { type: this.inputType, optional: false };
      const bound = this.boundTypes.get(expr.text);
      if (bound) return bound;
      const decl = this.locals.decls.get(expr.text);
      if (!decl || this.inferring.has(expr.text)) return undefined;
      this.inferring.add(expr.text);
      try {
        if (ts.isForOfStatement(decl)) {
          const over = this.typed(decl.expression);
          return over?.type.kind === "array" ? { type: over.type.element, optional: false } : undefined;
        }
        if (ts.isVariableDeclaration(decl) && decl.initializer && !decl.type) {
          const inner = this.typed(decl.initializer);
          return inner && !inner.optional ? inner : undefined;
        }
        return undefined;
      } finally {
        this.inferring.delete(expr.text);
      }
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const base = this.typed(expr.expression);
      if (!base) return undefined;
      const name = expr.name.text;
      if (name === "length" && (base.type.kind === "array" || base.type.kind === "string"))
        return { type: { kind: "integer" }, optional: false };
      if (base.type.kind !== "object") return undefined;
      const field = base.type.fields.find((f) => f.name === name);
      return field && { type: field.type, optional: field.optional };
    }
    if (ts.isElementAccessExpression(expr)) {
      const base = this.typed(expr.expression);
      if (base?.type.kind === "array") return { type: base.type.element, optional: false };
      if (base?.type.kind === "string") return { type: { kind: "string" }, optional: false };
    }
    return undefined;
  }

  /** What kind of value an expression has, when it is evident. */
  kindOf(expr: ts.Expression): Kind | undefined {
    expr = skipParens(expr);
    const typed = this.typed(expr);
    if (typed) return kindOfSchema(typed.type);
    switch (expr.kind) {
      case ts.SyntaxKind.NumericLiteral: {
        const text = (expr as ts.NumericLiteral).getText();
        return /^(0[xXbBoO]|\d+$)/.test(text) && !/[.eE]/.test(text.replace(/^0[xX].*/, "")) ? "int" : "float";
      }
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateExpression:
        return "string";
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
        return "bool";
    }
    if (ts.isIdentifier(expr)) return this.kindOfName(expr.text);
    if (ts.isPrefixUnaryExpression(expr)) {
      if (expr.operator === ts.SyntaxKind.ExclamationToken) return "bool";
      if (expr.operator === ts.SyntaxKind.TildeToken) return "int";
      return this.kindOf(expr.operand);
    }
    if (ts.isPostfixUnaryExpression(expr)) return this.kindOf(expr.operand);
    if (ts.isConditionalExpression(expr)) {
      const a = this.kindOf(expr.whenTrue);
      const b = this.kindOf(expr.whenFalse);
      return a === b ? a : (a === "float" && b === "int") || (a === "int" && b === "float") ? "float" : undefined;
    }
    if (ts.isBinaryExpression(expr)) return this.kindOfBinary(expr);
    if (ts.isCallExpression(expr)) return this.kindOfCall(expr);
    if (ts.isPropertyAccessExpression(expr) && expr.name.text === "length") return "int";
    if (ts.isAsExpression(expr) || ts.isTypeAssertionExpression(expr)) return kindOfTypeNode(expr.type);
    return undefined;
  }

  private kindOfName(name: string): Kind | undefined {
    if (this.floatVars.has(name)) return "float";
    const decl = this.locals.decls.get(name);
    if (!decl || this.inferring.has(name)) return undefined;
    if (ts.isForOfStatement(decl)) {
      const over = this.kindOf(decl.expression);
      if (over === "string") return "string";
      const typed = this.typed(decl.expression);
      return typed?.type.kind === "array" ? kindOfSchema(typed.type.element) : undefined;
    }
    if (decl.type) return kindOfTypeNode(decl.type);
    if (!ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    this.inferring.add(name);
    try {
      return this.kindOf(decl.initializer);
    } finally {
      this.inferring.delete(name);
    }
  }

  private kindOfBinary(expr: ts.BinaryExpression): Kind | undefined {
    const op = expr.operatorToken.kind;
    switch (op) {
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.AsteriskAsteriskToken:
        return "float";
      case ts.SyntaxKind.PlusToken: {
        const l = this.kindOf(expr.left);
        const r = this.kindOf(expr.right);
        if (l === "string" || r === "string") return "string";
        return numeric(l, r);
      }
      case ts.SyntaxKind.MinusToken:
      case ts.SyntaxKind.AsteriskToken:
      case ts.SyntaxKind.PercentToken:
        return numeric(this.kindOf(expr.left), this.kindOf(expr.right));
      case ts.SyntaxKind.AmpersandToken:
      case ts.SyntaxKind.BarToken:
      case ts.SyntaxKind.CaretToken:
      case ts.SyntaxKind.LessThanLessThanToken:
      case ts.SyntaxKind.GreaterThanGreaterThanToken:
      case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
        return "int";
      case ts.SyntaxKind.LessThanToken:
      case ts.SyntaxKind.LessThanEqualsToken:
      case ts.SyntaxKind.GreaterThanToken:
      case ts.SyntaxKind.GreaterThanEqualsToken:
      case ts.SyntaxKind.EqualsEqualsToken:
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.BarBarToken:
        return "bool";
      case ts.SyntaxKind.QuestionQuestionToken: {
        const l = this.kindOf(expr.left);
        const r = this.kindOf(expr.right);
        return l === r ? l : (numeric(l, r) ?? l ?? r);
      }
      default:
        return isAssignment(op) ? this.kindOf(expr.left) : undefined;
    }
  }

  private kindOfCall(expr: ts.CallExpression): Kind | undefined {
    const callee = expr.expression;
    if (ts.isIdentifier(callee)) {
      if (callee.text === "String") return "string";
      if (callee.text === "parseFloat" || callee.text === "parseInt" || callee.text === "Number") return "float";
      if (callee.text === "isNaN" || callee.text === "isFinite" || callee.text === "Boolean") return "bool";
      return undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    if (ts.isIdentifier(callee.expression) && callee.expression.text === "Math") {
      if ((name === "max" || name === "min") && expr.arguments.every((a) => this.kindOf(a) === "int")) return "int";
      if (
        (INT_MATH.has(name) || name === "abs") &&
        expr.arguments.length === 1 &&
        this.kindOf(expr.arguments[0]!) === "int"
      )
        return "int";
      return "float";
    }
    if (ts.isIdentifier(callee.expression) && callee.expression.text === "Date" && name === "now") return "float";
    if (STRING_METHODS.has(name)) return "string";
    if (INT_METHODS.has(name)) return "int";
    if (
      name === "includes" ||
      name === "startsWith" ||
      name === "endsWith" ||
      name === "has" ||
      name === "some" ||
      name === "every"
    )
      return "bool";
    return undefined;
  }
}
