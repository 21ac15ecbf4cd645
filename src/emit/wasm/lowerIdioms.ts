/**
 * @fileoverview Lowers the TypeScript a user writes in a code body into the AssemblyScript that
 * asc accepts, on the TypeScript AST, before asc sees it. Each rewrite keeps TypeScript's meaning
 * (within the limits README lists); what cannot be lowered gets a diagnostic that says what to
 * write instead. Positions of the rewritten text map back to the body (rewriter.ts).
 *
 * Rewrites: `for (const x of xs)` over arrays and strings; `xs.forEach(cb)` as a statement;
 * shorthand properties; destructuring declarations; `a ?? b`, `a?.b`, `=== undefined` (optional
 * fields of numbers and booleans through their presence flags); `/` between integers as float
 * division, and `let n = 0` that later holds a fraction as `f64`; `Math.max/min/abs/floor/...` on
 * integers; numbers in strings (`"n=" + x`, templates, `String(x)`, `console.log(a, b)`) formatted
 * as JavaScript does; `Date.now()` as a number; float indexes; the returned object literal checked
 * against output_schema (missing fields, integer fields, presence flags).
 */
import { ts } from "ts-morph";
import type { ObjectType, SchemaField, SchemaType } from "../../../runtime/schema.js";
import { createDiagnostic, Diagnostics, type Diagnostic, type DiagnosticKind } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import { hasFlag } from "./marshal.js";
import { RewriteBuilder, type RewrittenBody } from "./rewriter.js";
import { bodyOffset } from "./syntax.js";

/** The result of lowering one body. */
export interface LoweredBody {
  readonly body: RewrittenBody;
  readonly diagnostics: Diagnostic[];
}

type Kind = "int" | "float" | "string" | "bool";
/** A schema type as an expression has it: `optional` when it is an optional field read. */
interface Typed {
  readonly type: SchemaType;
  readonly optional: boolean;
}

const INT_TYPES = new Set(["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "isize", "usize"]);
const INT_MATH = new Set(["floor", "ceil", "round", "trunc"]);
const STRING_METHODS = new Set([
  "charAt", "concat", "join", "padEnd", "padStart", "repeat", "replace", "replaceAll", "slice", "substr", "substring",
  "toLowerCase", "toUpperCase", "toString", "trim", "trimEnd", "trimStart", "trimLeft", "trimRight", "at",
]);
const INT_METHODS = new Set(["indexOf", "lastIndexOf", "charCodeAt", "codePointAt", "findIndex", "push", "localeCompare"]);
const LOG_METHODS = new Set(["log", "info", "warn", "error", "debug"]);

/** Lowers a parsed body (see the file comment). */
export function lowerIdioms(block: ts.Block, map: BodyMap, inputType: ObjectType, outputType: ObjectType): LoweredBody {
  const lowerer = new Lowerer(block, map, inputType, outputType);
  return lowerer.run();
}

class Lowerer {
  private readonly out: RewriteBuilder;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly decls = new Map<string, ts.VariableDeclaration | ts.ParameterDeclaration | ts.ForOfStatement>();
  private readonly functionNames = new Set<string>();
  private readonly assignments = new Map<string, ts.BinaryExpression[]>();
  private readonly floatVars = new Set<string>();
  /** Names bound by rewrites to a schema type (forEach parameters, destructured fields). */
  private readonly boundTypes = new Map<string, Typed>();
  /** Object literals whose type is known (the returned object and what it nests). */
  private readonly literalTypes = new Map<ts.Node, ObjectType>();
  /** Variables initialised with an object literal and returned: annotated `: Output`. */
  private readonly outputVars = new Set<ts.VariableDeclaration>();
  /** `return` statements of forEach callbacks that became loop bodies. */
  private readonly loopReturns = new Set<ts.Node>();
  private readonly inferring = new Set<string>();
  private counter = 0;

  constructor(
    private readonly block: ts.Block,
    private readonly map: BodyMap,
    private readonly inputType: ObjectType,
    private readonly outputType: ObjectType,
  ) {
    this.out = new RewriteBuilder(map.body.text);
  }

  run(): LoweredBody {
    this.collect(this.block);
    this.inferFloatVars();
    this.findReturnedLiterals(this.block);
    let pos = 0;
    for (const statement of this.block.statements) {
      this.out.copy(pos, this.start(statement));
      this.node(statement);
      pos = this.end(statement);
    }
    this.out.copy(pos, this.map.body.text.length);
    return { body: this.out.finish(), diagnostics: this.diagnostics };
  }

  // ---- analysis ----------------------------------------------------------------------------

  private collect(root: ts.Node): void {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && !this.decls.has(node.name.text)) this.decls.set(node.name.text, node);
      else if (ts.isParameter(node) && ts.isIdentifier(node.name) && !this.decls.has(node.name.text)) this.decls.set(node.name.text, node);
      else if (ts.isFunctionDeclaration(node) && node.name) this.functionNames.add(node.name.text);
      else if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
        const [decl] = node.initializer.declarations;
        if (decl && ts.isIdentifier(decl.name)) this.decls.set(decl.name.text, node);
      } else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(node.left)) {
        const list = this.assignments.get(node.left.text) ?? [];
        list.push(node);
        this.assignments.set(node.left.text, list);
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
  }

  /** `let n = 0` becomes `f64` when it is ever assigned a fraction or divided in place. */
  private inferFloatVars(): void {
    for (let round = 0; round < 8; round++) {
      let changed = false;
      for (const [name, decl] of this.decls) {
        if (this.floatVars.has(name) || !ts.isVariableDeclaration(decl) || decl.type || !decl.initializer) continue;
        if (!(decl.parent.flags & ts.NodeFlags.Let) && decl.parent.flags & ts.NodeFlags.Const) continue;
        if (this.kindOf(decl.initializer) !== "int") continue;
        const float = (this.assignments.get(name) ?? []).some((a) => {
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

  /** Registers the returned object literal (directly, or through a local) as an Output. */
  private findReturnedLiterals(root: ts.Node): void {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) {
        const value = skipParens(node.expression);
        if (ts.isObjectLiteralExpression(value)) this.literalTypes.set(value, this.outputType);
        else if (ts.isIdentifier(value)) {
          const decl = this.decls.get(value.text);
          if (decl && ts.isVariableDeclaration(decl) && !decl.type && decl.initializer && ts.isObjectLiteralExpression(skipParens(decl.initializer))) {
            this.outputVars.add(decl);
            this.literalTypes.set(skipParens(decl.initializer), this.outputType);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(root, visit);
  }

  /** The schema type of an expression rooted at `inputs` (or a local bound to part of it). */
  private typed(expr: ts.Expression): Typed | undefined {
    expr = skipParens(expr);
    if (ts.isNonNullExpression(expr)) {
      const inner = this.typed(expr.expression);
      return inner && { type: inner.type, optional: false };
    }
    if (ts.isIdentifier(expr)) {
      if (expr.text === "inputs") return { type: this.inputType, optional: false };
      const bound = this.boundTypes.get(expr.text);
      if (bound) return bound;
      const decl = this.decls.get(expr.text);
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
      if (name === "length" && (base.type.kind === "array" || base.type.kind === "string")) return { type: { kind: "integer" }, optional: false };
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
  private kindOf(expr: ts.Expression): Kind | undefined {
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
    const decl = this.decls.get(name);
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
        return l === r ? l : numeric(l, r) ?? l ?? r;
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
      if ((INT_MATH.has(name) || name === "abs") && expr.arguments.length === 1 && this.kindOf(expr.arguments[0]!) === "int") return "int";
      return "float";
    }
    if (ts.isIdentifier(callee.expression) && callee.expression.text === "Date" && name === "now") return "float";
    if (STRING_METHODS.has(name)) return "string";
    if (INT_METHODS.has(name)) return "int";
    if (name === "includes" || name === "startsWith" || name === "endsWith" || name === "has" || name === "some" || name === "every") return "bool";
    return undefined;
  }

  // ---- emission ----------------------------------------------------------------------------

  private start(node: ts.Node): number {
    return bodyOffset(node.getStart());
  }

  private end(node: ts.Node): number {
    return bodyOffset(node.end);
  }

  private gen(text: string, at: ts.Node): void {
    this.out.emit(text, this.start(at));
  }

  private report(kind: DiagnosticKind, node: ts.Node, args: readonly (string | number)[]): void {
    this.diagnostics.push(createDiagnostic(kind, this.map.spanOf(this.start(node), this.end(node)), args));
  }

  private unsupported(node: ts.Node, what: string, instead: string): void {
    this.report(Diagnostics.UnsupportedIdiom, node, [what, instead]);
  }

  /** Emits `node` unchanged but for its rewritten descendants. */
  private children(node: ts.Node): void {
    let pos = this.start(node);
    ts.forEachChild(node, (child) => {
      this.out.copy(pos, this.start(child));
      this.node(child);
      pos = this.end(child);
    });
    this.out.copy(pos, this.end(node));
  }

  private node(node: ts.Node): void {
    if (!this.rewrite(node)) this.children(node);
  }

  /** Emits a rewritten form of `node`; false when it has none. */
  private rewrite(node: ts.Node): boolean {
    switch (node.kind) {
      case ts.SyntaxKind.ForOfStatement:
        return this.forOf(node as ts.ForOfStatement);
      case ts.SyntaxKind.ForInStatement:
        this.unsupported(node, "for...in", "iterate an array with `for (const x of xs)`, a Map with `for (const k of map.keys())`; the fields of an object are known from its schema");
        return false;
      case ts.SyntaxKind.TryStatement:
        this.unsupported(node.getFirstToken() ?? node, "try/catch", "a `throw` stops the node with ICE_SANDBOX_TRAP, so test for what would fail before it happens (e.g. `if (i < xs.length)`)");
        return false;
      case ts.SyntaxKind.RegularExpressionLiteral:
        this.unsupported(node, "a regular expression", "use string methods: indexOf, includes, startsWith, split, replace, replaceAll");
        return false;
      case ts.SyntaxKind.TypeOfExpression:
        this.unsupported(node, "typeof", "values have static types here; the schema says what each input is");
        return false;
      case ts.SyntaxKind.DeleteExpression:
        this.unsupported(node, "delete", "objects have fixed fields; use a Map<string, T> for keys that come and go");
        return false;
      case ts.SyntaxKind.SpreadElement:
      case ts.SyntaxKind.SpreadAssignment:
        this.unsupported(node, "spread (`...`)", "copy what you need: `xs.concat(ys)` for arrays, `{ a: o.a, b: o.b }` for objects");
        return false;
      case ts.SyntaxKind.AwaitExpression:
      case ts.SyntaxKind.YieldExpression:
        this.unsupported(node, node.kind === ts.SyntaxKind.AwaitExpression ? "await" : "yield", "code nodes are synchronous: compute the result and return it");
        return false;
      case ts.SyntaxKind.ShorthandPropertyAssignment: {
        const name = (node as ts.ShorthandPropertyAssignment).name;
        this.gen(`${name.text}: `, node);
        this.node(name);
        return true;
      }
      case ts.SyntaxKind.ObjectLiteralExpression: {
        const type = this.literalTypes.get(node);
        if (!type) return false;
        this.objectLiteral(node as ts.ObjectLiteralExpression, type);
        return true;
      }
      case ts.SyntaxKind.VariableStatement:
        return this.variableStatement(node as ts.VariableStatement);
      case ts.SyntaxKind.VariableDeclaration:
        return this.variableDeclaration(node as ts.VariableDeclaration);
      case ts.SyntaxKind.ExpressionStatement:
        return this.forEach(node as ts.ExpressionStatement);
      case ts.SyntaxKind.ReturnStatement:
        return this.loopReturn(node as ts.ReturnStatement);
      case ts.SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.elementAccess(node as ts.ElementAccessExpression);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.optionalChain(node as ts.PropertyAccessExpression);
      case ts.SyntaxKind.TemplateSpan:
        return this.templateSpan(node as ts.TemplateSpan);
      case ts.SyntaxKind.Identifier:
        if ((node as ts.Identifier).text === "undefined" && isValuePosition(node)) {
          this.gen("null", node);
          return true;
        }
        return false;
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.FunctionDeclaration:
        this.checkCaptures(node as ts.FunctionLikeDeclaration);
        return false;
      default:
        return false;
    }
  }

  /** `for (const x of xs) body` -> an indexed loop (arrays: elements; strings: UTF-16 units). */
  private forOf(node: ts.ForOfStatement): boolean {
    if (node.awaitModifier) return false;
    const init = node.initializer;
    if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1) {
      this.unsupported(init, "for...of over an existing variable", "declare the loop variable: `for (const x of xs)`");
      return false;
    }
    const decl = init.declarations[0]!;
    const n = ++this.counter;
    const a = `__ice_a${n}`;
    const i = `__ice_i${n}`;
    this.gen(`for (let ${i} = 0, ${a} = `, node);
    this.node(node.expression);
    this.gen(`; ${i} < ${a}.length; ${i}++) {\n`, node);
    if (ts.isIdentifier(decl.name)) {
      this.gen(`const ${decl.name.text}${decl.type ? `: ${decl.type.getText()}` : ""} = ${a}[${i}];\n`, decl);
    } else {
      const over = this.typed(node.expression);
      this.destructure(decl.name, `${a}[${i}]`, "const", over?.type.kind === "array" ? { type: over.type.element, optional: false } : undefined);
    }
    this.statementBody(node.statement);
    this.gen("\n}", node);
    return true;
  }

  /** The statements of a loop body without their braces (so `continue` reaches the loop). */
  private statementBody(statement: ts.Statement): void {
    if (ts.isBlock(statement)) {
      let pos = this.start(statement) + 1;
      for (const inner of statement.statements) {
        this.out.copy(pos, this.start(inner));
        this.node(inner);
        pos = this.end(inner);
      }
      this.out.copy(pos, this.end(statement) - 1);
    } else this.node(statement);
  }

  /** `xs.forEach((x, i) => ...)` as a statement -> a loop; its `return`s become `continue`. */
  private forEach(statement: ts.ExpressionStatement): boolean {
    const call = skipParens(statement.expression);
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "forEach") return false;
    const callback = call.arguments[0];
    if (call.arguments.length !== 1 || !callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return false;
    const params = callback.parameters;
    if (params.length > 2 || params.some((p) => !ts.isIdentifier(p.name))) return false;
    const n = ++this.counter;
    const a = `__ice_a${n}`;
    const i = `__ice_i${n}`;
    const over = this.typed(call.expression.expression);
    this.gen(`{ const ${a} = `, statement);
    this.node(call.expression.expression);
    this.gen(`;\nfor (let ${i} = 0; ${i} < ${a}.length; ${i}++) {\n`, statement);
    const [value, index] = params;
    if (value) {
      const name = (value.name as ts.Identifier).text;
      if (over?.type.kind === "array") this.boundTypes.set(name, { type: over.type.element, optional: false });
      this.gen(`const ${name}${value.type ? `: ${value.type.getText()}` : ""} = ${a}[${i}];\n`, value);
    }
    if (index) this.gen(`const ${(index.name as ts.Identifier).text} = ${i};\n`, index);
    if (ts.isBlock(callback.body)) {
      markReturns(callback.body, this.loopReturns);
      this.statementBody(callback.body);
    } else {
      this.node(callback.body);
      this.gen(";", callback.body);
    }
    this.gen("\n} }", statement);
    return true;
  }

  private loopReturn(node: ts.ReturnStatement): boolean {
    if (!this.loopReturns.has(node)) return false;
    if (node.expression) {
      this.gen("{ ", node);
      this.node(node.expression);
      this.gen("; continue; }", node);
    } else this.gen("continue;", node);
    return true;
  }

  private variableStatement(node: ts.VariableStatement): boolean {
    const list = node.declarationList;
    if (!list.declarations.some((d) => !ts.isIdentifier(d.name))) return false;
    const keyword = list.flags & ts.NodeFlags.Const ? "const" : "let";
    for (const decl of list.declarations) {
      if (ts.isIdentifier(decl.name)) {
        this.gen(`${keyword} `, decl);
        this.node(decl);
        this.gen(";\n", decl);
      } else if (!decl.initializer) {
        this.unsupported(decl, "a destructuring declaration without a value", "give it a value");
      } else {
        const init = skipParens(decl.initializer);
        const typed = this.typed(init);
        let base: string;
        if (isPure(init)) base = init.getText();
        else {
          base = `__ice_d${++this.counter}`;
          this.gen(`const ${base} = `, decl);
          this.node(decl.initializer);
          this.gen(";\n", decl);
        }
        this.destructure(decl.name, base, keyword, typed);
      }
    }
    return true;
  }

  /** `const { a, b = 1 } = base` / `const [x, y] = base` as one declaration per name. */
  private destructure(pattern: ts.BindingName, base: string, keyword: string, typed: Typed | undefined): void {
    if (ts.isIdentifier(pattern)) {
      this.gen(`${keyword} ${pattern.text} = ${base};\n`, pattern);
      return;
    }
    pattern.elements.forEach((element, index) => {
      if (ts.isOmittedExpression(element)) return;
      if (element.dotDotDotToken || !ts.isIdentifier(element.name)) {
        this.unsupported(element, element.dotDotDotToken ? "a rest element (`...rest`)" : "a nested destructuring pattern", "destructure one level at a time, or read the fields directly");
        return;
      }
      const name = element.name.text;
      let field: SchemaField | undefined;
      let access: string;
      if (ts.isObjectBindingPattern(pattern)) {
        const key = element.propertyName ? element.propertyName.getText() : name;
        access = `${base}.${key}`;
        field = typed?.type.kind === "object" ? typed.type.fields.find((f) => f.name === key) : undefined;
      } else {
        access = `${base}[${index}]`;
        if (typed?.type.kind === "array") this.boundTypes.set(name, { type: typed.type.element, optional: false });
      }
      if (field) this.boundTypes.set(name, { type: field.type, optional: field.optional && !element.initializer });
      if (element.initializer) {
        this.gen(`${keyword} ${name} = `, element);
        if (field?.optional && isPrimitive(field.type)) {
          this.gen(`(${base}.${hasFlag(field.name)} ? ${access} : (`, element);
          this.node(element.initializer);
          this.gen("))", element);
        } else {
          this.gen(`__ice_or(${access}, `, element);
          this.node(element.initializer);
          this.gen(")", element);
        }
        this.gen(";\n", element);
      } else this.gen(`${keyword} ${name} = ${access};\n`, element);
    });
  }

  /** `let n = 0` that later holds fractions -> `let n: f64 = 0`; a returned literal -> `: Output`. */
  private variableDeclaration(decl: ts.VariableDeclaration): boolean {
    if (!ts.isIdentifier(decl.name) || decl.type) return false;
    const annotation = this.floatVars.has(decl.name.text) ? "f64" : this.outputVars.has(decl) ? "Output" : undefined;
    if (!annotation) return false;
    this.node(decl.name);
    this.gen(`: ${annotation}`, decl.name);
    if (decl.initializer) {
      this.out.copy(this.end(decl.name), this.start(decl.initializer));
      this.node(decl.initializer);
    }
    return true;
  }

  /** An object literal of a known type: presence flags, integer checks, missing fields. */
  private objectLiteral(node: ts.ObjectLiteralExpression, type: ObjectType): void {
    const given = new Set<string>();
    const parts: (() => void)[] = [];
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        this.unsupported(property, "spread (`...`) in the returned object", "list the fields: `{ a: o.a, b: o.b }`");
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) {
        parts.push(() => this.node(property));
        continue;
      }
      const name = property.name.getText().replace(/^["']|["']$/g, "");
      given.add(name);
      const field = type.fields.find((f) => f.name === name);
      const value: ts.Expression = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      if (field?.optional && isPrimitive(field.type) && isNullish(value)) continue;
      parts.push(() => this.property(property, name, value, field));
    }
    for (const field of type.fields) {
      if (!field.optional && !given.has(field.name) && !node.properties.some(ts.isSpreadAssignment)) {
        this.report(Diagnostics.OutputFieldMissing, node, [field.name, describe(field.type)]);
      }
    }
    this.gen("{ ", node);
    parts.forEach((emit, index) => {
      if (index > 0) this.gen(", ", node);
      emit();
    });
    this.gen(" }", node);
  }

  private property(property: ts.ObjectLiteralElementLike, name: string, value: ts.Expression, field: SchemaField | undefined): void {
    this.gen(`${name}: `, property);
    const inner = skipParens(value);
    if (field?.type.kind === "object" && ts.isObjectLiteralExpression(inner)) this.literalTypes.set(inner, field.type);
    if (field?.type.kind === "array" && field.type.element.kind === "object" && ts.isArrayLiteralExpression(inner)) {
      for (const element of inner.elements) if (ts.isObjectLiteralExpression(element)) this.literalTypes.set(element, field.type.element);
    }
    const asInteger = field?.type.kind === "integer" && this.kindOf(value) !== "int";
    if (asInteger) this.gen("__ice_int(", value);
    if (ts.isShorthandPropertyAssignment(property)) this.node(property.name);
    else this.node(value);
    if (asInteger) this.gen(")", value);
    if (field?.optional && isPrimitive(field.type)) {
      const typed = this.typed(inner);
      if (typed?.optional && ts.isPropertyAccessExpression(inner) && !inner.questionDotToken && isPure(inner.expression)) {
        this.gen(`, ${hasFlag(name)}: `, property);
        this.node(inner.expression);
        this.gen(`.${hasFlag(inner.name.text)}`, property);
      } else this.gen(`, ${hasFlag(name)}: true`, property);
    }
  }

  private call(node: ts.CallExpression): boolean {
    const callee = node.expression;
    if (node.questionDotToken || (ts.isPropertyAccessExpression(callee) && callee.questionDotToken)) return this.optionalChain(node);
    if (ts.isIdentifier(callee)) {
      if (callee.text === "String" && node.arguments.length === 1) return this.wrap(node, "__ice_str(", node.arguments[0]!, ")");
      if (callee.text === "Number" && node.arguments.length === 1 && this.kindOf(node.arguments[0]!) === "string") return this.wrap(node, "parseFloat(", node.arguments[0]!, ")");
      return false;
    }
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const name = callee.name.text;
    const object = ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
    if (object === "Math") return this.math(node, name);
    if (object === "Date" && name === "now" && node.arguments.length === 0) {
      this.gen("(<f64>", node);
      this.children(node);
      this.gen(")", node);
      return true;
    }
    if (object === "console" && LOG_METHODS.has(name) && !(node.arguments.length === 1 && this.kindOf(node.arguments[0]!) === "string")) {
      this.gen(`console.${name}(`, node);
      if (node.arguments.length === 0) this.gen('""', node);
      node.arguments.forEach((arg, index) => {
        if (index > 0) this.gen(' + " " + ', arg);
        this.gen("__ice_str(", arg);
        this.node(arg);
        this.gen(")", arg);
      });
      this.gen(")", node);
      return true;
    }
    if (name === "toString" && node.arguments.length === 0 && this.kindOf(callee.expression) === "float") {
      return this.wrap(node, "__ice_str(", callee.expression, ")");
    }
    if (object === "JSON") {
      this.unsupported(node, `JSON.${name}`, "declare the data's shape in input_schema/output_schema: values cross the sandbox already parsed and typed");
      return false;
    }
    if (object === "Object" || object === "Array" && name === "from") {
      this.unsupported(node, `${object}.${name}`, object === "Object" ? "the fields of inputs are known from input_schema: name them" : "build the array with a loop and push");
      return false;
    }
    return false;
  }

  private wrap(node: ts.Node, before: string, inner: ts.Node, after: string): boolean {
    this.gen(before, node);
    this.node(inner);
    this.gen(after, node);
    return true;
  }

  private math(node: ts.CallExpression, name: string): boolean {
    const args = node.arguments;
    const kinds = args.map((a) => this.kindOf(a));
    const allInt = args.length > 0 && kinds.every((k) => k === "int");
    if ((name === "max" || name === "min") && args.length >= 2) {
      // Fold: max(a, b, c) -> max(a, max(b, c)); integers stay integers.
      const fn = allInt ? `${name}<i32>` : `Math.${name}`;
      args.forEach((arg, index) => {
        if (index < args.length - 1) this.gen(`${fn}(`, arg);
        if (!allInt && kinds[index] !== "float") {
          this.gen("<f64>(", arg);
          this.node(arg);
          this.gen(")", arg);
        } else this.node(arg);
        if (index < args.length - 1) this.gen(", ", arg);
      });
      this.gen(")".repeat(args.length - 1), node);
      return true;
    }
    if (args.length === 1 && allInt && INT_MATH.has(name)) return this.wrap(node, "(", args[0]!, ")");
    if (args.length === 1 && allInt && name === "abs") return this.wrap(node, "abs<i32>(", args[0]!, ")");
    return false;
  }

  private binary(node: ts.BinaryExpression): boolean {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken) return this.coalesce(node);
    if (op === ts.SyntaxKind.QuestionQuestionEqualsToken) {
      this.unsupported(node.operatorToken, "`??=`", "write `x = x ?? value`");
      return false;
    }
    if (isEquality(op) && (isNullish(node.right) || isNullish(node.left))) return this.presence(node);
    if (op === ts.SyntaxKind.SlashToken && this.kindOf(node.left) === "int" && this.kindOf(node.right) === "int") {
      this.gen("(<f64>(", node);
      this.node(node.left);
      this.gen(") / <f64>(", node.operatorToken);
      this.node(node.right);
      this.gen("))", node);
      return true;
    }
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusEqualsToken) {
      const l = this.kindOf(node.left);
      const r = this.kindOf(node.right);
      const wrapLeft = op === ts.SyntaxKind.PlusToken && r === "string" && l !== undefined && l !== "string";
      const wrapRight = l === "string" && r !== undefined && r !== "string";
      if (!wrapLeft && !wrapRight) return false;
      if (wrapLeft) this.wrap(node.left, "__ice_str(", node.left, ")");
      else this.node(node.left);
      this.out.copy(this.end(node.left), this.start(node.right));
      if (wrapRight) this.wrap(node.right, "__ice_str(", node.right, ")");
      else this.node(node.right);
      return true;
    }
    return false;
  }

  /** `a ?? b`: optional numbers/booleans through their presence flag, references through null. */
  private coalesce(node: ts.BinaryExpression): boolean {
    const left = skipParens(node.left);
    const guards = this.guards(left);
    if (guards === undefined) return true;
    if (guards.length === 0) {
      this.gen("__ice_or(", node);
      this.node(node.left);
      this.gen(", ", node.operatorToken);
      this.node(node.right);
      this.gen(")", node);
      return true;
    }
    this.gen("((", node);
    this.emitGuards(guards, left);
    this.gen(") ? ", node);
    this.nonNull(left, true);
    this.gen(" : (", node.operatorToken);
    this.node(node.right);
    this.gen("))", node);
    return true;
  }

  /** `x === undefined` / `x !== null`...: presence flags for optional numbers and booleans. */
  private presence(node: ts.BinaryExpression): boolean {
    const value = skipParens(isNullish(node.right) ? node.left : node.right);
    const negate = node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
    const guards = this.guards(value);
    if (guards === undefined) return true;
    if (guards.length === 0 || !this.isFlagged(value) && !hasOptionalChain(value)) {
      // A reference: compare with null (TypeScript's undefined).
      this.node(node.left);
      this.out.copy(this.end(node.left), this.start(node.right));
      this.node(node.right);
      return true;
    }
    this.gen(negate ? "!(" : "(", node);
    this.emitGuards(guards, value);
    if (!guards.includes(value)) {
      this.gen(" && ", node);
      this.nonNull(value, false);
      this.gen(" !== null", node);
    }
    this.gen(")", node);
    return true;
  }

  /** True when `expr` reads an optional number/boolean field (which has a presence flag). */
  private isFlagged(expr: ts.Expression): boolean {
    const typed = this.typed(expr);
    return !!typed?.optional && isPrimitive(typed.type) && (ts.isPropertyAccessExpression(expr) || ts.isPropertyAccessChain(expr));
  }

  /**
   * The checks that must hold for `expr` (an optional chain or optional field read) to have a
   * value: one per `?.` and, for an optional number/boolean field, its presence flag. Undefined
   * (after a diagnostic) when a checked part would be evaluated twice and is not a plain path.
   */
  private guards(expr: ts.Expression): ts.Expression[] | undefined {
    const guards: ts.Expression[] = [];
    let current: ts.Expression = expr;
    const flagged = this.isFlagged(expr);
    if (flagged) guards.push(expr);
    else if (this.typed(expr)?.optional && hasOptionalChain(expr)) guards.push(expr);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isNonNullExpression(current) || ts.isParenthesizedExpression(current)) {
      if (!ts.isNonNullExpression(current) && !ts.isParenthesizedExpression(current) && current.questionDotToken) guards.push(current.expression);
      current = current.expression;
    }
    if (guards.length === 0) return guards;
    for (const guard of guards) {
      const base = guard === expr && flagged ? (expr as ts.PropertyAccessExpression).expression : guard;
      if (!isPure(base)) {
        this.unsupported(base, "`?.`/`??` on a computed value", "store it in a local first: `const v = ...;` then use `v?.x ?? d`");
        return undefined;
      }
    }
    return guards.reverse();
  }

  private emitGuards(guards: readonly ts.Expression[], value: ts.Expression): void {
    guards.forEach((guard, index) => {
      if (index > 0) this.gen(" && ", guard);
      if (guard === value && this.isFlagged(value)) {
        const access = value as ts.PropertyAccessExpression;
        this.nonNull(access.expression, false);
        this.gen(`${access.questionDotToken ? "!" : ""}.${hasFlag(access.name.text)}`, guard);
      } else if (guard === value) {
        this.nonNull(value, false);
        this.gen(" !== null", guard);
      } else {
        this.nonNull(guard, false);
        this.gen(" !== null", guard);
      }
    });
  }

  /** Emits `expr` with every `?.` as `!.`; `assert` adds a final `!` for optional references. */
  private nonNull(expr: ts.Expression, assert: boolean): void {
    if (ts.isPropertyAccessExpression(expr) && expr.questionDotToken) {
      this.nonNull(expr.expression, false);
      this.gen(`!.${expr.name.text}`, expr.name);
    } else if (ts.isElementAccessExpression(expr) && expr.questionDotToken) {
      this.nonNull(expr.expression, false);
      this.gen("![", expr);
      this.node(expr.argumentExpression);
      this.gen("]", expr);
    } else if (ts.isPropertyAccessExpression(expr) && hasOptionalChain(expr.expression)) {
      this.nonNull(expr.expression, false);
      this.gen(`.${expr.name.text}`, expr.name);
    } else this.node(expr);
    const typed = this.typed(expr);
    if (assert && typed?.optional && !isPrimitive(typed.type)) this.gen("!", expr);
  }

  /** `a?.b` outside `??`: `(a !== null ? a!.b : null)`. */
  private optionalChain(node: ts.PropertyAccessExpression | ts.CallExpression | ts.ElementAccessExpression): boolean {
    if (!hasOptionalChain(node) || isChainPart(node)) return false;
    if (ts.isCallExpression(node)) {
      this.unsupported(node, "an optional call (`a?.f()`)", "check first: `if (a !== null) a.f()`");
      return false;
    }
    const typed = this.typed(node);
    if (typed && isPrimitive(typed.type)) {
      this.unsupported(node, `\`${node.getText()}\` without a default`, `it reads a ${typed.type.kind}: give the value when it is missing, \`${node.getText()} ?? 0\``);
      return false;
    }
    const guards = this.guards(node);
    if (guards === undefined) return true;
    this.gen("((", node);
    this.emitGuards(guards, node);
    this.gen(") ? ", node);
    this.nonNull(node, false);
    this.gen(" : null)", node);
    return true;
  }

  private elementAccess(node: ts.ElementAccessExpression): boolean {
    if (node.questionDotToken) return this.optionalChain(node);
    if (this.kindOf(node.argumentExpression) !== "float") return false;
    this.node(node.expression);
    this.gen("[<i32>(", node.argumentExpression);
    this.node(node.argumentExpression);
    this.gen(")]", node);
    return true;
  }

  /** `${x}` with a float or boolean x: formatted as JavaScript does. */
  private templateSpan(span: ts.TemplateSpan): boolean {
    const kind = this.kindOf(span.expression);
    if (kind !== "float" && kind !== "bool") return false;
    this.wrap(span.expression, "__ice_str(", span.expression, ")");
    this.out.copy(this.end(span.expression), this.end(span));
    return true;
  }

  /** Nested functions may not use the body's locals (AssemblyScript has no closures). */
  private checkCaptures(fn: ts.FunctionLikeDeclaration): void {
    if (!fn.body) return;
    const own = new Set<string>();
    const collectOwn = (node: ts.Node): void => {
      if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) own.add(node.name.text);
      if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) own.add(node.name.text);
      ts.forEachChild(node, collectOwn);
    };
    fn.parameters.forEach(collectOwn);
    collectOwn(fn.body);
    let captured: ts.Identifier | undefined;
    const visit = (node: ts.Node): void => {
      if (captured) return;
      if (ts.isIdentifier(node) && isValuePosition(node)) {
        const name = node.text;
        if (!own.has(name) && !this.functionNames.has(name) && (name === "inputs" || this.decls.has(name))) captured = node;
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.body);
    if (!captured) return;
    this.report(Diagnostics.ClosureCapture, captured, [captured.text, captureHint(fn)]);
  }
}

/** What to write instead of a capturing callback, by the method it is passed to. */
function captureHint(fn: ts.Node): string {
  const call = fn.parent;
  const method = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  switch (method) {
    case "map":
      return "write a loop: `const out: T[] = []; for (const x of xs) out.push(...);`";
    case "filter":
      return "write a loop: `const out: T[] = []; for (const x of xs) if (...) out.push(x);`";
    case "reduce":
      return "write a loop: `let acc = init; for (const x of xs) acc = ...;`";
    case "some":
    case "every":
    case "find":
    case "findIndex":
      return "write a loop with `for (const x of xs)` and `break`";
    case "sort":
      return "a comparator may use only its two parameters";
    default:
      return "pass what it needs as parameters, or write the code inline (`forEach` and `for...of` loops may use anything)";
  }
}

function markReturns(body: ts.Node, into: Set<ts.Node>): void {
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) into.add(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}

function skipParens(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  return expr;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

function isNullish(expr: ts.Expression): boolean {
  expr = skipParens(expr);
  return expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === "undefined");
}

/** A path that can be evaluated twice: `a`, `a.b`, `a[i]`, `a[0]`, `a!.b`. */
function isPure(expr: ts.Expression): boolean {
  expr = skipParens(expr);
  if (ts.isIdentifier(expr) || expr.kind === ts.SyntaxKind.ThisKeyword || ts.isNumericLiteral(expr) || ts.isStringLiteral(expr)) return true;
  if (ts.isPropertyAccessExpression(expr) || ts.isNonNullExpression(expr)) return isPure(expr.expression);
  if (ts.isElementAccessExpression(expr)) return isPure(expr.expression) && isPure(expr.argumentExpression);
  return false;
}

function hasOptionalChain(expr: ts.Expression): boolean {
  return (expr.flags & ts.NodeFlags.OptionalChain) !== 0;
}

/** True for a node inside a larger optional chain (the chain is handled at its top). */
function isChainPart(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent) || ts.isNonNullExpression(parent)) &&
    parent.expression === node &&
    hasOptionalChain(parent as ts.Expression)
  );
}

/** True when an identifier is read as a value (not a property name, key or declaration name). */
function isValuePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent)) return false;
  return true;
}

function isPrimitive(type: SchemaType): boolean {
  return type.kind === "integer" || type.kind === "number" || type.kind === "boolean";
}

function kindOfSchema(type: SchemaType): Kind | undefined {
  switch (type.kind) {
    case "integer":
      return "int";
    case "number":
      return "float";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    default:
      return undefined;
  }
}

function kindOfTypeNode(type: ts.TypeNode): Kind | undefined {
  const text = type.getText().trim();
  if (text === "number" || text === "f64" || text === "f32") return "float";
  if (INT_TYPES.has(text)) return "int";
  if (text === "string") return "string";
  if (text === "boolean" || text === "bool") return "bool";
  return undefined;
}

function numeric(a: Kind | undefined, b: Kind | undefined): Kind | undefined {
  if (a === "int" && b === "int") return "int";
  if ((a === "float" && (b === "int" || b === "float")) || (b === "float" && a === "int")) return "float";
  return undefined;
}

function describe(type: SchemaType): string {
  switch (type.kind) {
    case "array":
      return `${describe(type.element)}[]`;
    case "object":
      return "an object";
    default:
      return type.kind;
  }
}
