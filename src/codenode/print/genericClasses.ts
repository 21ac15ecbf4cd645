/**
 * @fileoverview Generic classes declared in a body (`class Stack<T> { ... }`): one generated
 * class per instantiation (`new Stack<string>()`, type arguments the checker inferred, `Stack<number>`
 * in an annotation), as generic functions have one instance per type argument (generics.ts).
 * Each instance is a ClassInfo of its own (classShapes.ts) whose `typeArgs` give the value type of
 * each type parameter: its fields are converted, its methods printed (classes.ts), and the
 * parameters and results of its methods read at call sites with those bound
 * (PrintContext.instanceArgs). Its static members (which cannot use its type parameters) live in
 * one class of their own, as JavaScript has one of each. A class extending a generic class
 * (`class B<T> extends A<T>`, `class C extends A<string>`) extends the instance its type arguments
 * name (baseInstance); a method declared in a base runs with that base instance's type arguments
 * (ownerIn). Refused: an instance whose type arguments grow without end (`Box<T>` making a `Box<T[]>`).
 */
import { ts } from "../typescript.js";
import type { Converted } from "../fromChecker.js";
import { type ClassShape, typeKey, type ValueType } from "../types.js";
import { type PrintContext, Refused } from "./context.js";
import { type ClassInfo, classOfShape, fillShape, rememberShape } from "./classShapes.js";
import { isStatic } from "./throwAnalysis.js";
import { perContext } from "./perContext.js";

/** A generic class: its instances by type arguments (their value types' keys). */
interface Template {
  readonly node: ts.ClassDeclaration;
  readonly instances: Map<string, ClassInfo>;
}

const TEMPLATES = perContext(() => new Map<ts.ClassDeclaration, Template>());
/** Instances each generic class may have before it is refused (its type arguments grow). */
const MAX_INSTANCES = 24;

function templates(ctx: PrintContext): Map<ts.ClassDeclaration, Template> {
  return TEMPLATES.of(ctx);
}

/** True for a generic class of the body. */
export function isGenericClass(ctx: PrintContext, cls: ts.ClassDeclaration): boolean {
  return templates(ctx).has(cls);
}

/** Registers a generic class of the body (registerClasses): instances are made when a type names one. */
export function registerGenericClass(ctx: PrintContext, cls: ts.ClassDeclaration, symbol: ts.Symbol | undefined): void {
  const template: Template = { node: cls, instances: new Map() };
  templates(ctx).set(cls, template);
  makeStaticsHolder(ctx, cls);
  if (!symbol) return;
  ctx.classes.genericClasses.set(symbol, (type, convert) => instanceType(ctx, template, type, convert));
}

/** Refusals a generic class gets before any instance: it extends a class of the body, if any. */
export function checkGenericClass(ctx: PrintContext, cls: ts.ClassDeclaration): void {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const expr = clause?.types[0]?.expression;
  if (!clause || !expr) return;
  const d = ctx.symbolOf(expr)?.declarations?.find(ts.isClassDeclaration);
  if (!d || d.getSourceFile() !== cls.getSourceFile())
    ctx.refuse(clause, "a generic class that extends a class not declared in the body", "extend a class of the body");
}

/** The instance of a generic class that `base` names, for the instance (or class) `info` extending it. */
export function baseInstance(ctx: PrintContext, info: ClassInfo, heritage: ts.ExpressionWithTypeArguments): ClassInfo {
  const base = withInstance(ctx, info, () => ctx.typeOf(heritage));
  const found = classOfShape(ctx, base);
  if (!found || found.staticsOnly)
    return ctx.refuse(heritage, "extending this instance of a generic class", "give its type arguments");
  return found;
}

/** The class (or generic instance) in `info`'s chain that declares `cls`'s members: whose methods run there. */
export function ownerIn(info: ClassInfo | undefined, cls: ts.ClassDeclaration): ClassInfo | undefined {
  for (let c: ClassInfo | "Error" | undefined = info; c && c !== "Error"; c = c.base) if (c.node === cls) return c;
  return undefined;
}

/** A generated class of `cls` named `name`, its fields not filled yet and not printed. */
function emptyClass(cls: ts.ClassDeclaration, name: string): ClassInfo {
  return {
    node: cls,
    name,
    shape: { name, fields: [] },
    statics: { name, fields: [] },
    base: undefined,
    printed: false,
  };
}

const HOLDERS = perContext(() => new Map<ts.ClassDeclaration, ClassInfo>());

/** The class holding the static members of generic class `cls` (made at registration), if it has any. */
export function staticsHolder(ctx: PrintContext, cls: ts.ClassDeclaration): ClassInfo | undefined {
  return HOLDERS.peek(ctx)?.get(cls);
}

/** Makes the class of a generic class's static members: the class name in expressions (`Stack.from(xs)`). */
function makeStaticsHolder(ctx: PrintContext, cls: ts.ClassDeclaration): void {
  if (!cls.members.some((m) => isStatic(m))) return;
  const info: ClassInfo = {
    ...emptyClass(cls, ctx.fresh(`C_${cls.name?.text ?? "anon"}_statics_`)),
    staticsOnly: true,
  };
  HOLDERS.of(ctx).set(cls, info);
  rememberShape(ctx, info);
  try {
    fillShape(ctx, info);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
  }
}

/** The value type of a checker type naming an instance of a generic class (or its `this` type). */
function instanceType(
  ctx: PrintContext,
  template: Template,
  type: ts.Type,
  convert: (t: ts.Type) => Converted,
): Converted {
  // `typeof Stack` (the class's name read for its statics): the class of its statics.
  if (type.getConstructSignatures().length > 0) {
    const holder = staticsHolder(ctx, template.node);
    return holder
      ? { type: { kind: "object", shape: holder.statics } }
      : { reason: "a generic class used as a value; call 'new' on it" };
  }
  const reference = type.flags & ts.TypeFlags.TypeParameter ? ctx.checker.getApparentType(type) : type;
  const params = template.node.typeParameters ?? [];
  const args = ctx.checker.getTypeArguments(reference as ts.TypeReference).slice(0, params.length);
  if (args.length !== params.length) return { reason: "this use of a generic class; give its type arguments" };
  const values: ValueType[] = [];
  for (const a of args) {
    const converted = convert(a);
    if ("reason" in converted) return converted;
    if (converted.type.kind === "void") return { reason: "a generic class instantiated with 'void'" };
    values.push(converted.type);
  }
  const shape = instantiate(ctx, template, values);
  return typeof shape === "string" ? { reason: shape } : { type: { kind: "object", shape } };
}

/** The instance of a generic class for these type arguments (made once), or why there is none. */
function instantiate(ctx: PrintContext, template: Template, args: readonly ValueType[]): ClassShape | string {
  const key = args.map(typeKey).join(",");
  const found = template.instances.get(key);
  if (found) return found.shape;
  if (template.instances.size >= MAX_INSTANCES)
    return "a generic class whose type arguments grow as it is used (each use makes a new instance)";
  const cls = template.node;
  const name = ctx.fresh(`C_${cls.name?.text ?? "anon"}_`);
  const typeArgs = new Map<ts.Symbol, ValueType>();
  (cls.typeParameters ?? []).forEach((p, i) => {
    const symbol = ctx.checker.getSymbolAtLocation(p.name);
    if (symbol) typeArgs.set(symbol, args[i]!);
  });
  const info: ClassInfo = { ...emptyClass(cls, name), typeArgs };
  template.instances.set(key, info);
  rememberShape(ctx, info);
  try {
    withInstance(ctx, info, () => fillShape(ctx, info));
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
  }
  return info.shape;
}

/** Runs `f` with the type parameters of an instance bound (its fields, its methods' signatures). */
export function withInstance<T>(ctx: PrintContext, info: ClassInfo, f: () => T): T {
  if (!info.typeArgs) return f();
  ctx.instanceArgs.push(info.typeArgs);
  try {
    return f();
  } finally {
    ctx.instanceArgs.pop();
  }
}

/** Instances being printed (classes.ts declareClass), innermost last: what `this` is in a generic class. */
const PRINTING = perContext((): ClassInfo[] => []);

/** Runs `f` (printing an instance's members) with only that instance's type parameters bound. */
export function printingInstance<T>(ctx: PrintContext, info: ClassInfo, f: () => T): T {
  if (!info.typeArgs) return f();
  const saved = ctx.instanceArgs.splice(0);
  ctx.instanceArgs.push(info.typeArgs);
  const stack = PRINTING.of(ctx);
  stack.push(info);
  try {
    return f();
  } finally {
    stack.pop();
    ctx.instanceArgs.splice(0, ctx.instanceArgs.length, ...saved);
  }
}

/** The instance of generic class `cls` whose members are being printed (for `this`). */
export function instanceBeingPrinted(ctx: PrintContext, cls: ts.ClassDeclaration): ClassInfo | undefined {
  const stack = PRINTING.peek(ctx) ?? [];
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.node === cls) return stack[i];
  return undefined;
}

/** The instances not declared yet (a type named one but no `new` printed it), declared after the body. */
export function undeclaredInstances(ctx: PrintContext): ClassInfo[] {
  const out: ClassInfo[] = [];
  for (const t of templates(ctx).values()) for (const info of t.instances.values()) if (!info.printed) out.push(info);
  return out;
}

/** Every instance of generic class `cls` made so far. */
export function allInstances(ctx: PrintContext, cls: ts.ClassDeclaration): ClassInfo[] {
  return [...(templates(ctx).get(cls)?.instances.values() ?? [])];
}

/** Every instance of every generic class made so far. */
export function allGenericInstances(ctx: PrintContext): ClassInfo[] {
  return [...templates(ctx).values()].flatMap((t) => [...t.instances.values()]);
}
