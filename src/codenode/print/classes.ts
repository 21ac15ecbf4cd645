/**
 * @fileoverview Classes declared in a body, lowered to AssemblyScript classes: instance fields
 * (initialized in JavaScript's order: after `super(...)`, field initializers in declaration order,
 * then parameter properties, then the constructor's body), methods (overriding dispatches as in
 * JavaScript), getters and setters, static fields (initialized where the class is declared) and
 * static methods, `this`, `super`, `instanceof`, `extends` of a body class or of `Error`. A class
 * instance's value type is an object shape named after its class (types.ts asks
 * `ClassRegistry.userClasses`), so field reads and writes go through the ordinary printer.
 * Methods and constructors are units like nested functions (functions.ts): variables of the body
 * they use live in the body's environment, reached through the global `__ice_root_env`.
 * Also the printer's hook for what exceptions need in expressions (exceptions.ts).
 */
import { ts } from "ts-morph";
import { asType, type ClassShape, optional, type ValueType, zeroValue } from "../types.js";
import { isFunctionLike, type PrintContext, type Printed, Refused, shortText, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import {
  baseClass,
  constructorUnit,
  fromThrown,
  isStatic,
  printCaught,
  printHoisted,
  refuseThrowing,
  THROWN,
} from "./exceptions.js";
import { printExpr, printTo } from "./expressions.js";
import { enter, prologue } from "./functions.js";
import { printStatements } from "./statements.js";

interface ClassInfo {
  readonly node: ts.ClassDeclaration;
  readonly name: string;
  readonly shape: ClassShape & { fields: { name: string; type: ValueType }[] };
  readonly statics: ClassShape & { fields: { name: string; type: ValueType }[] };
  /** The AssemblyScript class it extends: a body class, `Error`, or none. */
  readonly base: ClassInfo | "Error" | undefined;
  printed: boolean;
}

const infos = new WeakMap<PrintContext, Map<ts.ClassDeclaration, ClassInfo>>();
/** Shape names of body classes, with what they extend (for upcasts and String(e)). */
const shapes = new Map<string, ClassInfo>();

function table(ctx: PrintContext): Map<ts.ClassDeclaration, ClassInfo> {
  let t = infos.get(ctx);
  if (!t) {
    t = new Map();
    infos.set(ctx, t);
  }
  return t;
}

/** Registers every class of the body (before printing: their shapes are value types). */
export function registerClasses(ctx: PrintContext, root: ts.FunctionDeclaration): void {
  const found: ts.ClassDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  if (found.length === 0) return;
  const t = table(ctx);
  for (const cls of found) {
    const name = ctx.fresh(`C_${cls.name?.text ?? "anon"}_`);
    const info: ClassInfo = {
      node: cls,
      name,
      shape: { name, fields: [] },
      statics: { name, fields: [] },
      base: undefined,
      printed: false,
    };
    t.set(cls, info);
    shapes.set(name, info);
    const symbol = cls.name && ctx.checker.getSymbolAtLocation(cls.name);
    if (symbol) ctx.classes.userClasses.set(symbol, info.shape);
  }
  for (const info of t.values()) {
    try {
      fillShape(ctx, info);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
}

function fillShape(ctx: PrintContext, info: ClassInfo): void {
  const cls = info.node;
  if (ctx.functionOf(cls) !== ctx.root)
    ctx.refuse(cls.name ?? cls, "a class declared inside a function", "declare classes at the top level of the body");
  if (!cls.name) ctx.refuse(cls, "an anonymous class", "give the class a name");
  if (cls.typeParameters) ctx.refuse(cls, "a generic class", "declare the class with concrete types");
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = baseClass(ctx, cls);
  let baseInfo: ClassInfo | "Error" | undefined;
  if (base) baseInfo = table(ctx).get(base);
  else if (clause) {
    const expr = clause.types[0]!.expression;
    if (!(ts.isIdentifier(expr) && expr.text === "Error"))
      ctx.refuse(expr, `extending '${shortText(expr)}'`, "extend a class of the body, or Error");
    baseInfo = "Error";
  }
  (info as { base: ClassInfo | "Error" | undefined }).base = baseInfo;
  if (baseInfo === "Error")
    info.shape.fields.push({ name: "name", type: { kind: "string" } }, { name: "message", type: { kind: "string" } });
  else if (baseInfo) {
    info.shape.fields.push(...baseInfo.shape.fields);
  }
  const add = (target: { name: string; type: ValueType }[], name: string, type: ValueType) => {
    if (!target.some((f) => f.name === name)) target.push({ name, type });
  };
  for (const member of cls.members) {
    if (ts.isConstructorDeclaration(member)) {
      for (const p of member.parameters)
        if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) {
          const symbol = ctx.symbolOf(p.name)!;
          add(info.shape.fields, (p.name as ts.Identifier).text, ctx.declaredType(symbol, p));
        }
      continue;
    }
    if (ts.isSemicolonClassElement(member) || ts.isMethodDeclaration(member)) continue;
    if (!member.name || !ts.isIdentifier(member.name))
      ctx.refuse(member, "a class member with a computed or private name", "use a plain name");
    const name = (member.name as ts.Identifier).text;
    if (name.startsWith("__ice")) ctx.refuse(member, `the name '${name}'`, "use another name");
    if (
      ts.isPropertyDeclaration(member) ||
      ts.isGetAccessorDeclaration(member) ||
      ts.isSetAccessorDeclaration(member)
    ) {
      const symbol = ctx.checker.getSymbolAtLocation(member.name!)!;
      let type = ctx.typeOf(member, ctx.checker.getTypeOfSymbolAtLocation(symbol, member));
      if (ts.isPropertyDeclaration(member) && member.questionToken) type = optional(type);
      add(isStatic(member) ? info.statics.fields : info.shape.fields, name, type);
    } else ctx.refuse(member, "this class member", "use fields, a constructor, methods and accessors");
  }
}

/** Body class shapes, by shape name. */
export function classOfShape(t: ValueType): ClassInfo | undefined {
  return t.kind === "object" ? shapes.get(t.shape.name) : undefined;
}

/** True when a value of type `from` is a `to` as it is (a subclass instance, an Error subclass). */
export function isUpcast(from: ValueType, to: ValueType): boolean {
  let info = classOfShape(from);
  while (info) {
    if (to.kind === "object" && to.shape.name === info.name) return true;
    if (info.base === "Error") return to.kind === "error";
    info = info.base;
  }
  return false;
}

/** True for values that are Errors (String(e) as Error.prototype.toString). */
export function isErrorValue(t: ValueType): boolean {
  return t.kind === "error" || isUpcast(t, { kind: "error" });
}

// ---- declarations ------------------------------------------------------------------------

/** The class statement: the AssemblyScript class (hoisted) and its static fields initialized here. */
export function printClass(ctx: PrintContext, cls: ts.ClassDeclaration): string {
  const info = table(ctx).get(cls);
  if (!info) return ctx.refuse(cls, "this class", "declare it at the top level of the body");
  if (!info.printed) declareClass(ctx, info);
  const lines: string[] = [];
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || !isStatic(member)) continue;
    const name = (member.name as ts.Identifier).text;
    const field = info.statics.fields.find((f) => f.name === name)!;
    if (member.initializer)
      refuseThrowing(
        ctx,
        member.initializer,
        "a static field initializer",
        "assign the field in a statement after the class",
      );
    const value = member.initializer ? printTo(ctx, member.initializer, field.type) : zeroValue(field.type);
    lines.push(`${info.name}.${name} = ${value};`);
  }
  return lines.join("\n");
}

function rootEnv(ctx: PrintContext): string {
  const root = ctx.states.get(ctx.root)?.env?.name;
  return root ? "__ice_root_env!" : "0";
}

/** The parameter's own symbol (a parameter property also has a property symbol). */
function paramSymbol(ctx: PrintContext, p: ts.ParameterDeclaration): ts.Symbol {
  if (ts.isIdentifier(p.name) && ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) {
    const [own] = ctx.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text);
    if (own) return own;
  }
  return ctx.symbolOf(p.name)!;
}

interface Param {
  readonly name: string;
  readonly type: ValueType;
}

function paramsOf(ctx: PrintContext, node: ts.SignatureDeclaration): Param[] {
  return node.parameters.map((p) => {
    if (!ts.isIdentifier(p.name)) ctx.refuse(p, "a destructured parameter", "take the object and read its fields");
    if (p.initializer || p.questionToken || p.dotDotDotToken)
      ctx.refuse(p, "optional, default or rest parameters of a method", "pass every argument explicitly");
    const symbol = paramSymbol(ctx, p);
    return { name: ctx.nameOf(symbol), type: ctx.declaredType(symbol, p) };
  });
}

/** The parameters `new C(...)` takes (a class without a constructor takes its base's). */
function constructorParams(ctx: PrintContext, info: ClassInfo | "Error" | undefined): Param[] | "Error" {
  if (info === undefined) return [];
  if (info === "Error") return "Error";
  const ctor = info.node.members.find(ts.isConstructorDeclaration);
  if (ctor) return paramsOf(ctx, ctor);
  return constructorParams(ctx, info.base);
}

function returnTypeOf(ctx: PrintContext, node: ts.SignatureDeclaration): ValueType {
  const signature = ctx.checker.getSignatureFromDeclaration(node)!;
  let type = ctx.checker.getReturnTypeOfSignature(signature);
  if (type.flags & ts.TypeFlags.TypeParameter) type = ctx.checker.getApparentType(type);
  return ctx.typeOf(node, type);
}

/** Prints the body of a method-like unit with its own function state. */
function unitBody(
  ctx: PrintContext,
  node: ts.Node,
  params: readonly ts.ParameterDeclaration[],
  returnType: ValueType,
  print: () => string,
): { body: string } {
  const outer = ctx.current;
  const state = enter(ctx, node, ctx.fresh("m"), returnType);
  ctx.current = state;
  try {
    const body = print();
    const rest = `${prologue(ctx, state, params)}\n${body}`;
    const env = rest.includes("__ice_pe") ? `const __ice_pe = ${rootEnv(ctx)};\n` : "";
    return { body: `${env}${rest}` };
  } finally {
    ctx.current = outer;
  }
}

function fallOff(type: ValueType): string {
  if (type.kind === "void") return "";
  if (type.kind === "optional") return `\nreturn ${zeroValue(type)};`;
  return '\nthrow new Error("unreachable: the method ended without returning");';
}

function declareClass(ctx: PrintContext, info: ClassInfo): void {
  info.printed = true;
  const cls = info.node;
  if (info.base && info.base !== "Error" && !info.base.printed) declareClass(ctx, info.base);
  const members: string[] = [];
  const inherited = new Set(
    info.base === "Error" ? ["name", "message"] : info.base ? info.base.shape.fields.map((f) => f.name) : [],
  );
  for (const f of info.shape.fields)
    if (!inherited.has(f.name) && !isAccessor(cls, f.name))
      members.push(`  ${f.name}: ${asType(f.type)} = ${zeroValue(f.type)};`);
  for (const f of info.statics.fields)
    if (!isAccessor(cls, f.name)) members.push(`  static ${f.name}: ${asType(f.type)} = ${zeroValue(f.type)};`);
  members.push(constructorText(ctx, info));
  for (const member of cls.members) {
    try {
      if (ts.isMethodDeclaration(member)) members.push(methodText(ctx, member));
      else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member))
        members.push(accessorText(ctx, member));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  const base = info.base === "Error" ? " extends Error" : info.base ? ` extends ${info.base.name}` : "";
  ctx.hoisted.push(`class ${info.name}${base} {\n${members.join("\n")}\n}`);
}

function isAccessor(cls: ts.ClassDeclaration, name: string): boolean {
  return cls.members.some(
    (m) =>
      (ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) &&
      ts.isIdentifier(m.name) &&
      m.name.text === name,
  );
}

function constructorText(ctx: PrintContext, info: ClassInfo): string {
  const cls = info.node;
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const unit = constructorUnit(cls);
  const own = ctor ? paramsOf(ctx, ctor) : constructorParams(ctx, info.base);
  const params: Param[] = own === "Error" ? [{ name: "__ice_m", type: { kind: "string" } }] : own;
  const paramText = params.map((p) => (own === "Error" ? `${p.name}: string = ""` : `${p.name}: ${asType(p.type)}`));
  const { body } = unitBody(ctx, unit, ctor?.parameters ?? [], { kind: "void" }, () => {
    const inits = (): string => {
      const lines: string[] = [];
      for (const member of cls.members) {
        if (!ts.isPropertyDeclaration(member) || isStatic(member)) continue;
        const name = (member.name as ts.Identifier).text;
        const field = info.shape.fields.find((f) => f.name === name);
        if (member.initializer)
          refuseThrowing(ctx, member.initializer, "a field initializer", "assign the field in the constructor");
        if (field && member.initializer) lines.push(`this.${name} = ${printTo(ctx, member.initializer, field.type)};`);
      }
      for (const p of ctor?.parameters ?? [])
        if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) {
          lines.push(`this.${(p.name as ts.Identifier).text} = ${ctx.nameOf(paramSymbol(ctx, p))};`);
        }
      return lines.join("\n");
    };
    if (!ctor) {
      const call = info.base ? `super(${params.map((p) => p.name).join(", ")});\n` : "";
      return `${call}${inits()}`;
    }
    const statements = ctor.body?.statements ?? ts.factory.createNodeArray();
    const out: string[] = [];
    let initialized = !info.base;
    if (initialized) out.push(inits());
    for (const statement of statements) {
      if (
        ts.isExpressionStatement(statement) &&
        ts.isCallExpression(statement.expression) &&
        statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
      ) {
        out.push(`${superCall(ctx, info, statement.expression)};`, inits());
        initialized = true;
        continue;
      }
      out.push(printStatements(ctx, [statement]));
    }
    return out.join("\n");
  });
  const paramsList = params.map((p, i) => (own === "Error" ? paramText[i] : `${p.name}: ${asType(p.type)}`));
  // Captured parameters are moved into the environment by the prologue, which reads them by name.
  return `  constructor(${paramsList.join(", ")}) {\n${body}\n  }`;
}

function superCall(ctx: PrintContext, info: ClassInfo, call: ts.CallExpression): string {
  const params = constructorParams(ctx, info.base);
  if (params === "Error") {
    const [m] = call.arguments;
    return `super(${m ? printTo(ctx, m, { kind: "string" }) : '""'})`;
  }
  if (call.arguments.length !== params.length)
    ctx.refuse(call, "a super call with a different number of arguments than parameters", "pass every parameter");
  return `super(${call.arguments.map((a, i) => printTo(ctx, a, params[i]!.type)).join(", ")})`;
}

function methodText(ctx: PrintContext, method: ts.MethodDeclaration): string {
  if (!ts.isIdentifier(method.name)) return ctx.refuse(method, "a method with a computed name", "use a plain name");
  if (method.asteriskToken || ts.getCombinedModifierFlags(method) & ts.ModifierFlags.Async)
    return ctx.refuse(method, "a generator or async method", "use a plain method");
  if (method.typeParameters) return ctx.refuse(method, "a generic method", "declare it with concrete types");
  const params = paramsOf(ctx, method);
  const returnType = returnTypeOf(ctx, method);
  const { body } = unitBody(ctx, method, method.parameters, returnType, () => {
    if (!method.body) return fallOff(returnType);
    return printStatements(ctx, method.body.statements) + fallOff(returnType);
  });
  const head = `${isStatic(method) ? "static " : ""}${method.name.text}(${params.map((p) => `${p.name}: ${asType(p.type)}`).join(", ")}): ${asType(returnType)}`;
  return `  ${head} {\n${body}\n  }`;
}

function accessorText(ctx: PrintContext, node: ts.GetAccessorDeclaration | ts.SetAccessorDeclaration): string {
  const name = (node.name as ts.Identifier).text;
  const isGet = ts.isGetAccessorDeclaration(node);
  const params = isGet ? [] : paramsOf(ctx, node);
  const returnType: ValueType = isGet ? returnTypeOf(ctx, node) : { kind: "void" };
  const { body } = unitBody(ctx, node, node.parameters, returnType, () => {
    if (!node.body) return "";
    return printStatements(ctx, node.body.statements) + fallOff(returnType);
  });
  const stat = isStatic(node) ? "static " : "";
  const head = isGet
    ? `${stat}get ${name}(): ${asType(returnType)}`
    : `${stat}set ${name}(${params.map((p) => `${p.name}: ${asType(p.type)}`).join(", ")})`;
  return `  ${head} {\n${body}\n  }`;
}

// ---- expressions -------------------------------------------------------------------------

function localClass(ctx: PrintContext, expr: ts.Expression): ClassInfo | undefined {
  if (!ts.isIdentifier(expr)) return undefined;
  const symbol = ctx.symbolOf(expr);
  const d = symbol?.declarations?.find(ts.isClassDeclaration);
  return d ? table(ctx).get(d) : undefined;
}

/** The class that `this` means at `node` (refused inside a function nested in a method). */
function thisClass(ctx: PrintContext, node: ts.Node): ClassInfo {
  let unit: ts.Node | undefined = node.parent;
  while (unit && !isFunctionLike(unit) && !ts.isPropertyDeclaration(unit) && !ts.isClassDeclaration(unit))
    unit = unit.parent;
  if (!unit || ts.isArrowFunction(unit) || ts.isFunctionExpression(unit) || ts.isFunctionDeclaration(unit))
    return ctx.refuse(node, "'this' inside a nested function", "copy it into a const first: `const self = this;`");
  const cls = ts.findAncestor(unit, ts.isClassDeclaration);
  const info = cls && table(ctx).get(cls);
  if (!info) return ctx.refuse(node, "'this' here", "use 'this' inside methods and constructors of a body class");
  if (isStatic(unit) && !ts.isClassDeclaration(unit))
    return ctx.refuse(node, "'this' in a static member", "name the class instead");
  return info;
}

/**
 * The printer's hook (called first by printExpr): hoisted calls and line bookkeeping
 * (exceptions.ts), caught values, `this`, `super`, `new` of a body class, method calls,
 * static members, `instanceof`. Undefined for everything else.
 */
export function printExtended(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const hoisted = printHoisted(ctx, node);
  if (hoisted) return hoisted;
  switch (node.kind) {
    case ts.SyntaxKind.Identifier: {
      const symbol = ctx.symbolOf(node);
      const d = symbol?.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && ts.isCatchClause(d.parent)) {
        if (ctx.captured.has(symbol!))
          return ctx.refuse(
            node,
            "the caught value used inside a nested function",
            "copy what you need into a const first",
          );
        return printCaught(ctx, node as ts.Identifier, ctx.nameOf(symbol!));
      }
      const cls = localClass(ctx, node);
      if (cls) return { text: cls.name, type: { kind: "object", shape: cls.statics } };
      return downcast(ctx, node);
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      // `e.message` / `e.name` of a value caught as `catch (e: any)`.
      const access = node as ts.PropertyAccessExpression;
      const operand = stripParens(access.expression);
      const symbol = ts.isIdentifier(operand) ? ctx.symbolOf(operand) : undefined;
      const d = symbol?.valueDeclaration;
      if (!d || !ts.isVariableDeclaration(d) || !ts.isCatchClause(d.parent)) return undefined;
      if (!(ctx.checker.getTypeAtLocation(operand).flags & ts.TypeFlags.Any)) return undefined;
      const name = access.name.text;
      if (name !== "message" && name !== "name")
        return ctx.refuse(node, `'.${name}' of a caught value`, "test it with instanceof first");
      return { text: `__ice_thrown_as<Error>(${ctx.nameOf(symbol!)}).${name}`, type: { kind: "string" } };
    }
    case ts.SyntaxKind.TypeOfExpression: {
      // typeof of a caught value (other operands: the plain printer).
      const operand = stripParens((node as ts.TypeOfExpression).expression);
      const symbol = ts.isIdentifier(operand) ? ctx.symbolOf(operand) : undefined;
      const d = symbol?.valueDeclaration;
      if (!d || !ts.isVariableDeclaration(d) || !ts.isCatchClause(d.parent)) return undefined;
      return { text: `__ice_thrown_typeof(${ctx.nameOf(symbol!)})`, type: { kind: "string" } };
    }
    case ts.SyntaxKind.ThisKeyword: {
      const info = thisClass(ctx, node);
      return { text: "this", type: { kind: "object", shape: info.shape } };
    }
    case ts.SyntaxKind.NewExpression: {
      const n = node as ts.NewExpression;
      const info = localClass(ctx, n.expression);
      if (!info) return undefined;
      if (!info.printed) declareClass(ctx, info);
      const params = constructorParams(ctx, info);
      const args = n.arguments ?? [];
      if (params === "Error") {
        const [m] = args;
        return {
          text: `new ${info.name}(${m ? printTo(ctx, m, { kind: "string" }) : ""})`,
          type: { kind: "object", shape: info.shape },
        };
      }
      if (args.length !== params.length)
        return ctx.refuse(n, "a call with a different number of arguments than parameters", "pass every parameter");
      const text = args.map((a, i) => printTo(ctx, a, params[i]!.type)).join(", ");
      return { text: `new ${info.name}(${text})`, type: { kind: "object", shape: info.shape } };
    }
    case ts.SyntaxKind.CallExpression:
      return methodCall(ctx, node as ts.CallExpression);
    case ts.SyntaxKind.BinaryExpression: {
      const b = node as ts.BinaryExpression;
      if (b.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return undefined;
      const right = stripParens(b.right);
      const info = localClass(ctx, right);
      const target = info ? info.name : ts.isIdentifier(right) && right.text === "Error" ? "Error" : undefined;
      if (!target) return ctx.refuse(b.right, "instanceof of this", "test against a class of the body or Error");
      const left = printExpr(ctx, b.left);
      if (left.type === THROWN || (left.type.kind === "object" && left.type.shape.name === "__ice_Thrown"))
        return { text: `__ice_thrown_is<${target}>(${left.text})`, type: { kind: "boolean" } };
      if (left.type.kind === "object" || left.type.kind === "error")
        return { text: `__ice_instance_of<${target}, ${asType(left.type)}>(${left.text})`, type: { kind: "boolean" } };
      return { text: `(${left.text}, false)`, type: { kind: "boolean" } };
    }
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.TypeAssertionExpression: {
      const innerNode = (node as ts.AsExpression).expression;
      const innerType = ctx.checker.getTypeAtLocation(innerNode);
      if (innerType.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
        const inner = printExpr(ctx, innerNode);
        if (inner.type !== THROWN) return undefined;
        const to = ctx.typeOf(node);
        return { text: fromThrown(ctx, inner.text, to, node), type: to };
      }
      const targetClass = ctx.checker.getTypeAtLocation(node).getSymbol()?.declarations?.find(ts.isClassDeclaration);
      if (!targetClass || !table(ctx).get(targetClass)) return undefined;
      const inner = printExpr(ctx, innerNode);
      const to = ctx.typeOf(node);
      if (isUpcast(to, inner.type) && !isUpcast(inner.type, to))
        return { text: `__ice_downcast<${asType(to)}, ${asType(inner.type)}>(${inner.text})`, type: to };
      return { text: coerce(ctx, inner, to, node), type: to };
    }
    default:
      return undefined;
  }
}

/** A local read where the checker narrowed a class type to a subclass (`if (s instanceof Circle)`). */
function downcast(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const symbol = ctx.symbolOf(node);
  if (!symbol || !ctx.isLocal(symbol) || !(symbol.flags & ts.SymbolFlags.Variable)) return undefined;
  const declared = symbol.valueDeclaration && ctx.checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration);
  const here = ctx.checker.getTypeAtLocation(node);
  if (!declared || declared === here) return undefined;
  const hereClass = here.getSymbol()?.declarations?.find(ts.isClassDeclaration);
  if (!hereClass || !table(ctx).get(hereClass)) return undefined;
  const declaredType = ctx.declaredType(symbol, node);
  const hereType = ctx.typeOf(node, here);
  if (declaredType.kind !== "object" && declaredType.kind !== "error") return undefined;
  if (declaredType.kind === "object" && hereType.kind === "object" && declaredType.shape.name === hereType.shape.name)
    return undefined;
  const plainRead = printExprPlainIdentifier(ctx, node, declaredType);
  return { text: `__ice_downcast<${asType(hereType)}, ${asType(declaredType)}>(${plainRead})`, type: hereType };
}

function printExprPlainIdentifier(ctx: PrintContext, node: ts.Expression, _declared: ValueType): string {
  const symbol = ctx.symbolOf(node)!;
  if (!ctx.captured.has(symbol)) return ctx.nameOf(symbol);
  const declaration = symbol.valueDeclaration!;
  return `${ctx.envOf(ctx.functionOf(declaration))}.${ctx.nameOf(symbol)}`;
}

function methodCall(ctx: PrintContext, call: ts.CallExpression): Printed | undefined {
  const callee = stripParens(call.expression);
  if (callee.kind === ts.SyntaxKind.SuperKeyword)
    return ctx.refuse(call, "super(...) here", "call super(...) as a statement of the constructor");
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const symbol = ctx.symbolOf(callee.name);
  const method = symbol?.declarations?.find(ts.isMethodDeclaration);
  if (!method || !ts.isClassDeclaration(method.parent) || !table(ctx).get(method.parent)) return undefined;
  if (callee.questionDotToken)
    return ctx.refuse(call, "'?.' before a method call", "check the value for undefined first");
  const receiver =
    callee.expression.kind === ts.SyntaxKind.SuperKeyword ? { text: "super" } : printExpr(ctx, callee.expression);
  const params = paramsOf(ctx, method);
  if (call.arguments.length !== params.length)
    return ctx.refuse(call, "a call with a different number of arguments than parameters", "pass every parameter");
  const args = call.arguments.map((a, i) => printTo(ctx, a, params[i]!.type));
  const returnType = returnTypeOf(ctx, method);
  return { text: `${receiver.text}.${callee.name.text}(${args.join(", ")})`, type: returnType };
}
