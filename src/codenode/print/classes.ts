/**
 * @fileoverview Classes declared in a body, lowered to AssemblyScript classes: instance fields
 * (initialized in JavaScript's order: after `super(...)`, field initializers in declaration order,
 * then parameter properties, then the constructor's body), methods (overriding dispatches as in
 * JavaScript), getters and setters, static fields (initialized where the class is declared) and
 * static methods, `extends` of a body class or of `Error`. A class instance's value type is an
 * object shape named after its class (classShapes.ts), so field reads and writes go through the
 * ordinary printer; `this`, `new`, method calls and `instanceof` are in classExpressions.ts.
 * Methods and constructors are units like nested functions (functions.ts): variables of the body
 * they use live in the body's environment, reached through the global `__ice_root_env`.
 */
import { ts } from "../typescript.js";
import { asType, type ValueType, zeroValue } from "../types.js";
import { type PrintContext, Refused } from "./context.js";
import { constructorUnit, isStatic } from "./throwAnalysis.js";
import { refuseThrowing } from "./throwingCalls.js";
import { printTo, variableAccess } from "./expressions.js";
import { enter, prologue } from "./functions.js";
import { thisIntoEnv } from "./capturedThis.js";
import { isGenericClass, printingInstance, staticsHolder, undeclaredInstances } from "./genericClasses.js";
import { finishHeldClasses, hasGenericMethods, holdClass } from "./genericMethods.js";
import { finishGenericInstanceOf } from "./genericInstanceOf.js";
import { printStatements } from "./statements.js";
import { overriddenSignature, paddingParams } from "./overrides.js";
import { declareProtocol, propertyReaders, protocolOfClass } from "./protocols.js";
import {
  classTable,
  constructorParams,
  paramSymbol,
  methodDefaults,
  paramsOf,
  returnTypeOf,
  type ClassInfo,
  type Param,
} from "./classShapes.js";

// ---- declarations ------------------------------------------------------------------------

/** The class statement: the AssemblyScript class (hoisted) and its static fields initialized here. */
export function printClass(ctx: PrintContext, cls: ts.ClassDeclaration): string {
  // A generic class is declared per instance (genericClasses.ts), its statics in a class of their own.
  const info = isGenericClass(ctx, cls) ? staticsHolder(ctx, cls) : classTable(ctx).get(cls);
  if (!info && isGenericClass(ctx, cls)) return "";
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

/** Prints the body of a method-like unit with its own function state. */
function unitBody(
  ctx: PrintContext,
  node: ts.Node,
  params: readonly ts.ParameterDeclaration[],
  returnType: ValueType,
  typeArgs: ReadonlyMap<ts.Symbol, ValueType> | undefined,
  info: ClassInfo,
  print: () => string,
): { body: string } {
  const outer = ctx.current;
  const state = enter(ctx, node, ctx.fresh("m"), returnType, undefined, typeArgs);
  ctx.current = state;
  try {
    // `this` for the arrows inside; a derived constructor has none before `super(...)` (constructorText).
    const self = thisIntoEnv(ctx, node, { kind: "object", shape: info.shape });
    const early = self && !(isConstructorUnit(node) && info.base) ? `${self}\n` : "";
    const body = print();
    const rest = `${prologue(ctx, state, params)}\n${early}${body}`;
    const env = rest.includes("__ice_pe") ? `const __ice_pe = ${rootEnv(ctx)};\n` : "";
    return { body: `${env}${rest}` };
  } finally {
    ctx.current = outer;
  }
}

function isConstructorUnit(node: ts.Node): boolean {
  return ts.isConstructorDeclaration(node) || ts.isClassLike(node);
}

function fallOff(type: ValueType): string {
  if (type.kind === "void") return "";
  if (type.kind === "optional") return `\nreturn ${zeroValue(type)};`;
  return '\nthrow new Error("unreachable: the method ended without returning");';
}

/** Declares the instances of generic classes that types named but no `new` declared (after the body). */
export function declareInstances(ctx: PrintContext): void {
  for (let list = undeclaredInstances(ctx); list.length > 0; list = undeclaredInstances(ctx))
    for (const info of list) declareClass(ctx, info);
  finishHeldClasses(ctx);
  finishGenericInstanceOf(ctx);
}

export function declareClass(ctx: PrintContext, info: ClassInfo): void {
  info.printed = true;
  printingInstance(ctx, info, () => declareMembers(ctx, info));
}

function declareMembers(ctx: PrintContext, info: ClassInfo): void {
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
  if (!info.staticsOnly) members.push(constructorText(ctx, info));
  for (const member of cls.members) {
    // A generic class's statics are in their own class, its instances hold the rest (genericClasses.ts).
    if (info.staticsOnly ? !isStatic(member) : info.typeArgs && isStatic(member)) continue;
    try {
      // A generic method is printed per type arguments, at its calls (genericMethods.ts).
      if (ts.isMethodDeclaration(member)) {
        if (!member.typeParameters) members.push(methodText(ctx, info, member));
      } else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member))
        members.push(accessorText(ctx, info, member));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  // The root of a chain implementing a protocol interface extends its stub (protocols.ts).
  const protocol = info.base === undefined && !info.staticsOnly ? protocolOfClass(ctx, cls) : undefined;
  if (protocol) declareProtocol(ctx, protocol);
  if (!info.staticsOnly) members.push(...propertyReaders(ctx, cls, info.shape));
  const base =
    info.base === "Error"
      ? " extends Error"
      : info.base
        ? ` extends ${info.base.name}`
        : protocol
          ? ` extends ${protocol.name}`
          : "";
  if (hasGenericMethods(cls)) holdClass(ctx, info, `class ${info.name}${base}`, members);
  else ctx.hoisted.push(`class ${info.name}${base} {\n${members.join("\n")}\n}`);
}

function typeArgsOf(info: ClassInfo): ReadonlyMap<ts.Symbol, ValueType> | undefined {
  return info.typeArgs;
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
  const self = (): string => (info.base ? thisIntoEnv(ctx, unit, { kind: "object", shape: info.shape }) : "");
  const { body } = unitBody(ctx, unit, ctor?.parameters ?? [], { kind: "void" }, typeArgsOf(info), info, () => {
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
          const symbol = paramSymbol(ctx, p);
          const value = p.initializer && ctx.captured.has(symbol) ? variableAccess(ctx, symbol) : ctx.nameOf(symbol);
          lines.push(`this.${(p.name as ts.Identifier).text} = ${value};`);
        }
      return lines.join("\n");
    };
    if (!ctor) {
      const call = info.base ? `super(${params.map((p) => p.name).join(", ")});\n${self()}\n` : "";
      return `${call}${inits()}`;
    }
    const statements = ctor.body?.statements ?? ts.factory.createNodeArray();
    const out: string[] = own === "Error" ? [] : [methodDefaults(ctx, own)];
    let initialized = !info.base;
    if (initialized) out.push(inits());
    for (const statement of statements) {
      if (
        ts.isExpressionStatement(statement) &&
        ts.isCallExpression(statement.expression) &&
        statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
      ) {
        out.push(`${superCall(ctx, info, statement.expression)};`, self(), inits());
        initialized = true;
        continue;
      }
      out.push(printStatements(ctx, [statement]));
    }
    return out.join("\n");
  });
  const paramsList = params.map((p, i) => (own === "Error" ? paramText[i] : `${p.name}: ${asType(p.type)}`));
  // Captured parameters are moved into the environment by the prologue, which reads them by name.
  // A root extending a protocol's stub calls its (empty) constructor first.
  const stub = !info.base && protocolOfClass(ctx, cls) ? "super();\n" : "";
  return `  constructor(${paramsList.join(", ")}) {\n${stub}${body}\n  }`;
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

/** The instance of a generic method for the type arguments `info.typeArgs` binds, named `name`. */
export function methodInstanceText(
  ctx: PrintContext,
  info: ClassInfo,
  method: ts.MethodDeclaration,
  name: string,
): string {
  return printingInstance(ctx, info, () => methodText(ctx, info, method, name));
}

function methodText(ctx: PrintContext, info: ClassInfo, method: ts.MethodDeclaration, instanceName?: string): string {
  if (ts.isComputedPropertyName(method.name) && method.name.expression.getText() === "Symbol.iterator")
    return ctx.refuse(
      method.name,
      "an iterable class (`[Symbol.iterator]()`)",
      "give the class a method returning its items as an array, and iterate that: `for (const t of c.items())`",
    );
  if (!ts.isIdentifier(method.name)) return ctx.refuse(method, "a method with a computed name", "use a plain name");
  if (method.asteriskToken || ts.getCombinedModifierFlags(method) & ts.ModifierFlags.Async)
    return ctx.refuse(method, "a generator or async method", "use a plain method");
  const params = paramsOf(ctx, method);
  // An override printed with the signature of the method it overrides (overrides.ts).
  const root = overriddenSignature(ctx, info, method);
  const returnType = root?.returnType ?? returnTypeOf(ctx, method);
  const { body } = unitBody(ctx, method, method.parameters, returnType, typeArgsOf(info), info, () => {
    if (!method.body) return fallOff(returnType);
    return methodDefaults(ctx, params) + printStatements(ctx, method.body.statements) + fallOff(returnType);
  });
  const paramList = [
    ...params.map((p) => `${p.name}: ${asType(p.type)}`),
    ...(root ? paddingParams(params, root) : []),
  ];
  const head = `${isStatic(method) ? "static " : ""}${instanceName ?? method.name.text}(${paramList.join(", ")}): ${asType(returnType)}`;
  return `  ${head} {\n${body}\n  }`;
}

function accessorText(
  ctx: PrintContext,
  info: ClassInfo,
  node: ts.GetAccessorDeclaration | ts.SetAccessorDeclaration,
): string {
  const name = (node.name as ts.Identifier).text;
  const isGet = ts.isGetAccessorDeclaration(node);
  const params = isGet ? [] : paramsOf(ctx, node);
  const returnType: ValueType = isGet ? returnTypeOf(ctx, node) : { kind: "void" };
  const { body } = unitBody(ctx, node, node.parameters, returnType, typeArgsOf(info), info, () => {
    if (!node.body) return "";
    return printStatements(ctx, node.body.statements) + fallOff(returnType);
  });
  const stat = isStatic(node) ? "static " : "";
  const head = isGet
    ? `${stat}get ${name}(): ${asType(returnType)}`
    : `${stat}set ${name}(${params.map((p) => `${p.name}: ${asType(p.type)}`).join(", ")})`;
  return `  ${head} {\n${body}\n  }`;
}
