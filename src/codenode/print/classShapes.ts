/**
 * @fileoverview Body classes as the printer knows them before printing anything: each class
 * declared in a body is registered with its AssemblyScript name, the object shape of its
 * instances (fields in JavaScript's order, inherited ones first) and of its statics, and what it
 * extends (a body class or `Error`); types.ts asks `ClassRegistry.userClasses` for the shapes.
 * Also the signatures of constructors, methods and accessors, which declarations (classes.ts)
 * and calls (classExpressions.ts) both read.
 */
import { ts } from "../typescript.js";
import { asType, type ClassShape, optional, type ValueType } from "../types.js";
import { coerce, unwrap } from "./coerce.js";
import { printTo, variableAccess } from "./expressions.js";
import { neverDefaulted } from "./nullable.js";
import { type PrintContext, Refused, shortText } from "./context.js";
import { baseClass, isStatic } from "./throwAnalysis.js";
import {
  baseInstance,
  checkGenericClass,
  isGenericClass,
  registerGenericClass,
  withInstance,
} from "./genericClasses.js";
import { perContext } from "./perContext.js";
import { protocolOfClass, protocolOfShape, registerProtocols } from "./protocols.js";

export interface ClassInfo {
  readonly node: ts.ClassDeclaration;
  readonly name: string;
  readonly shape: ClassShape & { fields: { name: string; type: ValueType }[] };
  readonly statics: ClassShape & { fields: { name: string; type: ValueType }[] };
  /** The AssemblyScript class it extends: a body class, `Error`, or none. */
  readonly base: ClassInfo | "Error" | undefined;
  printed: boolean;
  /** An instance of a generic class: what its type parameters stand for (genericClasses.ts). */
  readonly typeArgs?: ReadonlyMap<ts.Symbol, ValueType>;
  /** The class holding a generic class's static members (one for all its instances, as in JavaScript). */
  readonly staticsOnly?: boolean;
}

const infos = perContext(() => new Map<ts.ClassDeclaration, ClassInfo>());
/** Shape names of the body's classes, with what they extend (for upcasts and String(e)). */
const shapes = perContext(() => new Map<string, ClassInfo>());

export function classTable(ctx: PrintContext): Map<ts.ClassDeclaration, ClassInfo> {
  return infos.of(ctx);
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
  const t = classTable(ctx);
  for (const cls of found) {
    if (cls.typeParameters && cls.name && ctx.functionOf(cls) === ctx.root) {
      try {
        checkGenericClass(ctx, cls);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
      }
      registerGenericClass(ctx, cls, ctx.checker.getSymbolAtLocation(cls.name));
      continue;
    }
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
    shapes.of(ctx).set(name, info);
    const symbol = cls.name && ctx.checker.getSymbolAtLocation(cls.name);
    if (symbol) ctx.classes.userClasses.set(symbol, info.shape);
  }
  // Interfaces the classes implement, used as types (protocols.ts): before the shapes, which may hold them.
  registerProtocols(
    ctx,
    found.filter((c) => t.has(c)),
  );
  for (const info of t.values()) {
    try {
      fillShape(ctx, info);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
}

/** Remembers an instance of a generic class by its shape's name (classOfShape). */
export function rememberShape(ctx: PrintContext, info: ClassInfo): void {
  shapes.of(ctx).set(info.name, info);
}

/** Fills the fields of a class's instances and statics (generic instances: with their type parameters bound). */
export function fillShape(ctx: PrintContext, info: ClassInfo): void {
  const cls = info.node;
  if (ctx.functionOf(cls) !== ctx.root)
    ctx.refuse(cls.name ?? cls, "a class declared inside a function", "declare classes at the top level of the body");
  if (!cls.name) ctx.refuse(cls, "an anonymous class", "give the class a name");
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = baseClass(ctx, cls);
  let baseInfo: ClassInfo | "Error" | undefined;
  // A generic base: the instance its type arguments name (with this instance's type arguments bound).
  if (base && isGenericClass(ctx, base)) baseInfo = baseInstance(ctx, info, clause!.types[0]!);
  else if (base) baseInfo = classTable(ctx).get(base);
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
    // A generic class's statics live in one class of their own, its instances hold the rest (genericClasses.ts).
    if (info.staticsOnly ? !isStatic(member) : info.typeArgs && isStatic(member)) continue;
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
export function classOfShape(ctx: PrintContext, t: ValueType): ClassInfo | undefined {
  return t.kind === "object" ? shapes.peek(ctx)?.get(t.shape.name) : undefined;
}

/** True when a value of type `from` is a `to` as it is (a subclass instance, an Error subclass). */
export function isUpcast(ctx: PrintContext, from: ValueType, to: ValueType): boolean {
  let info = classOfShape(ctx, from);
  // An instance of a class implementing a protocol interface is one (protocols.ts).
  const protocol = protocolOfShape(ctx, to);
  if (protocol) return !!info && !info.typeArgs && protocolOfClass(ctx, info.node) === protocol;
  while (info) {
    if (to.kind === "object" && to.shape.name === info.name) return true;
    if (info.base === "Error") return to.kind === "error";
    info = info.base;
  }
  return false;
}

/** The parameter's own symbol (a parameter property also has a property symbol). */
export function paramSymbol(ctx: PrintContext, p: ts.ParameterDeclaration): ts.Symbol {
  if (ts.isIdentifier(p.name) && ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) {
    const [own] = ctx.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text);
    if (own) return own;
  }
  return ctx.symbolOf(p.name)!;
}

export interface Param {
  readonly name: string;
  /** The type it is passed as: a defaulted parameter's is optional (a missing argument is undefined). */
  readonly type: ValueType;
  /** A parameter with a default, bound on entry (methodDefaults). */
  readonly defaulted?: ts.ParameterDeclaration;
}

/**
 * The parameters of a method, accessor or constructor. An optional one (`x?: T`) is passed as
 * undefined when the call leaves it out; a defaulted one (`x = 1`) too, under another name, and
 * bound to its default on entry when undefined, as JavaScript does (methodDefaults).
 */
export function paramsOf(ctx: PrintContext, node: ts.SignatureDeclaration): Param[] {
  return node.parameters.map((p) => {
    if (!ts.isIdentifier(p.name)) ctx.refuse(p, "a destructured parameter", "take the object and read its fields");
    if (p.dotDotDotToken) ctx.refuse(p, "a rest parameter of a method", "take an array");
    const symbol = paramSymbol(ctx, p);
    const declared = ctx.declaredType(symbol, p);
    if (!p.initializer) return { name: ctx.nameOf(symbol), type: declared };
    if (neverDefaulted(declared, p.initializer))
      ctx.refuse(
        p,
        "a default on a parameter that may be null (JavaScript applies it to undefined only)",
        "give the parameter the type 'T | undefined', or no default and pass null",
      );
    return { name: `${ctx.nameOf(symbol)}_given`, type: optional(declared), defaulted: p };
  });
}

/** The parameters as calls see them (parameters.ts printArguments: a missing one is undefined). */
export function slots(params: readonly Param[]): { type: ValueType; rest: false }[] {
  return params.map((p) => ({ type: p.type, rest: false }));
}

/** `let x = x_given !== undefined ? x_given : default;` for each defaulted parameter, in order. */
export function methodDefaults(ctx: PrintContext, params: readonly Param[]): string {
  return params
    .filter((p) => p.defaulted)
    .map((p) => {
      const node = p.defaulted!;
      const symbol = paramSymbol(ctx, node);
      const declared = ctx.declaredType(symbol, node);
      const inner = (p.type as { inner: ValueType }).inner;
      const present = coerce(ctx, { text: unwrap({ text: p.name, type: p.type }), type: inner }, declared, node);
      const value = `${p.name} !== null ? ${present} : ${printTo(ctx, node.initializer!, declared)}`;
      // A parameter a function inside the method captures lives in the method's environment.
      return ctx.captured.has(symbol)
        ? `${variableAccess(ctx, symbol)} = ${value};`
        : `let ${ctx.nameOf(symbol)}: ${asType(declared)} = ${value};`;
    })
    .join("\n");
}

/** The parameters `new C(...)` takes (a class without a constructor takes its base's). */
export function constructorParams(ctx: PrintContext, info: ClassInfo | "Error" | undefined): Param[] | "Error" {
  if (info === undefined) return [];
  if (info === "Error") return "Error";
  const ctor = info.node.members.find(ts.isConstructorDeclaration);
  // An instance of a generic class: its parameters with its type arguments bound.
  if (ctor) return withInstance(ctx, info, () => paramsOf(ctx, ctor));
  return constructorParams(ctx, info.base);
}

export function returnTypeOf(ctx: PrintContext, node: ts.SignatureDeclaration): ValueType {
  const signature = ctx.checker.getSignatureFromDeclaration(node)!;
  let type = ctx.checker.getReturnTypeOfSignature(signature);
  // `this` as a return type: the class (a type parameter of a generic class is its instance's).
  if (type.flags & ts.TypeFlags.TypeParameter && (type.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class)
    type = ctx.checker.getApparentType(type);
  return ctx.typeOf(node, type);
}
