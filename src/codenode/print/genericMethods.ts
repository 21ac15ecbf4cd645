/**
 * @fileoverview Generic methods of body classes (`map<U>(f: (t: T) => U): Box<U>`): like generic
 * functions (generics.ts), one method per type arguments the checker resolved at a call, named
 * `__ice_g<n>_<name>`, printed with the method's type parameters bound (and the class's, for an
 * instance of a generic class). The calls are found while the body is printed, after the class
 * may have been declared, so the text of a class with generic methods is held in its place among
 * the hoisted declarations and completed once everything is printed (finishHeldClasses).
 * A generic method that a base class or subclasses also declare (a visitor's `accept<R>` in
 * every node class) is one family: each instance is printed, under one name, in every class of
 * the family, each binding its own type parameters by position, so the call dispatches on the
 * object as in JavaScript. Refused: a family whose methods differ in type parameters, or with a
 * generic class in it, and calls through `super`.
 */
import { ts } from "../typescript.js";
import { typeKey, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { type ClassInfo, classTable } from "./classShapes.js";
import { baseClass } from "./throwAnalysis.js";
import { declareClass, methodInstanceText } from "./classes.js";
import { withInstance } from "./genericClasses.js";
import { paramsOf, returnTypeOf, slots } from "./classShapes.js";
import { printArguments } from "./parameters.js";
import { perContext } from "./perContext.js";

interface Held {
  readonly index: number;
  readonly head: string;
  readonly members: string[];
}

const HELD = perContext(() => new Map<string, Held>());
const INSTANCES = perContext(() => new Map<string, string>());
/** Instances a generic method may have (its type arguments grow when it calls itself so). */
const MAX_INSTANCES = 24;

function held(ctx: PrintContext): Map<string, Held> {
  return HELD.of(ctx);
}

/** True when a class declares a generic method (its text is held until the end). */
export function hasGenericMethods(cls: ts.ClassDeclaration): boolean {
  return cls.members.some((m) => ts.isMethodDeclaration(m) && !!m.typeParameters);
}

/** Keeps a class's place among the hoisted declarations; its generic method instances join it later. */
export function holdClass(ctx: PrintContext, info: ClassInfo, head: string, members: string[]): void {
  held(ctx).set(info.name, { index: ctx.hoisted.length, head, members });
  ctx.hoisted.push("");
}

/** Writes the held classes' texts, once the body is printed. */
export function finishHeldClasses(ctx: PrintContext): void {
  for (const h of held(ctx).values()) ctx.hoisted[h.index] = `${h.head} {\n${h.members.join("\n")}\n}`;
}

/** A call of a generic method on `receiver` (an object of class `info`, or the class for a static one). */
export function genericMethodCall(
  ctx: PrintContext,
  call: ts.CallExpression,
  method: ts.MethodDeclaration,
  receiver: Printed,
  info: ClassInfo,
): Printed {
  const name = (method.name as ts.Identifier).text;
  // JavaScript runs the method of the object's class: a generic method that a base or a subclass
  // declares too is one family, each instance printed in every class declaring it (overrides).
  const family = overridden(ctx, method.parent as ts.ClassDeclaration, name) ? overrideFamily(ctx, method) : [method];
  if (!family)
    return ctx.refuse(
      call,
      "a generic method overridden in a generic class, or with other type parameters than the method it overrides",
      "declare the method with concrete types, or make it a function",
    );
  const signature = ctx.checker.getResolvedSignature(call);
  const types = signature && ctx.checker.getTypeArgumentsForResolvedSignature(signature);
  const params = method.typeParameters ?? [];
  if (!types || types.length < params.length)
    return ctx.refuse(call, "this call of a generic method", "give the type arguments explicitly: o.m<string>(...)");
  const bound = new Map<ts.Symbol, ValueType>(info.typeArgs ?? []);
  const values = params.map((p, i) => {
    const value = ctx.typeOf(call, types[i]);
    const symbol = ctx.checker.getSymbolAtLocation(p.name);
    if (symbol) bound.set(symbol, value);
    return value;
  });
  const instance: ClassInfo = { ...info, typeArgs: bound };
  const instances = INSTANCES.of(ctx);
  // A family is named after its topmost method, so an instance is one virtual method of the chain.
  const top = family[0]!;
  const owner = family.length > 1 ? classTable(ctx).get(top.parent as ts.ClassDeclaration)!.name : info.name;
  const key = `${owner}.${name}@${top.pos}<${values.map(typeKey).join(",")}>`;
  let methodName = instances.get(key);
  if (!methodName) {
    const prefix = `${owner}.${name}@${top.pos}<`;
    if ([...instances.keys()].filter((k) => k.startsWith(prefix)).length >= MAX_INSTANCES)
      return ctx.refuse(call, "a generic method whose type arguments grow as it calls itself", "use concrete types");
    methodName = `__ice_g${instances.size}_${name}`;
    instances.set(key, methodName);
    if (family.length === 1) {
      if (!info.printed) declareClass(ctx, info);
      const text = methodInstanceText(ctx, instance, method, methodName);
      held(ctx).get(info.name)?.members.push(text);
    } else
      for (const member of family) {
        const memberInfo = classTable(ctx).get(member.parent as ts.ClassDeclaration)!;
        if (!memberInfo.printed) declareClass(ctx, memberInfo);
        // The override's own type parameters, bound to the same arguments by position.
        const memberBound = new Map<ts.Symbol, ValueType>();
        member.typeParameters!.forEach((p, i) => {
          const symbol = ctx.checker.getSymbolAtLocation(p.name);
          if (symbol) memberBound.set(symbol, values[i]!);
        });
        const text = methodInstanceText(ctx, { ...memberInfo, typeArgs: memberBound }, member, methodName);
        held(ctx).get(memberInfo.name)?.members.push(text);
      }
  }
  const { params: ps, returnType } = withInstance(ctx, instance, () => ({
    params: paramsOf(ctx, method),
    returnType: returnTypeOf(ctx, method),
  }));
  const args = printArguments(ctx, call.arguments, slots(ps), call);
  return { text: `${receiver.text}.${methodName}(${args.join(", ")})`, type: returnType };
}

/**
 * The methods of one generic method's overrides, topmost first: the topmost method of its name
 * above `method`'s class and every method of that name in the classes extending it; undefined
 * when one is no generic method with as many type parameters, or a class of them is generic.
 */
function overrideFamily(ctx: PrintContext, method: ts.MethodDeclaration): ts.MethodDeclaration[] | undefined {
  const name = (method.name as ts.Identifier).text;
  const named = (c: ts.ClassDeclaration) =>
    c.members.filter((m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === name);
  let top = method.parent as ts.ClassDeclaration;
  for (let c = baseClass(ctx, top); c; c = baseClass(ctx, c)) if (named(c).length > 0) top = c;
  const classes: ts.ClassDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n) && named(n).length > 0) {
      for (let c: ts.ClassDeclaration | undefined = n; c; c = baseClass(ctx, c))
        if (c === top) {
          classes.push(n);
          break;
        }
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  const count = method.typeParameters?.length ?? 0;
  const family: ts.MethodDeclaration[] = [];
  for (const c of classes) {
    const members = named(c);
    const m = members[0]!;
    if (
      members.length !== 1 ||
      !ts.isMethodDeclaration(m) ||
      (m.typeParameters?.length ?? 0) !== count ||
      c.typeParameters?.length ||
      !classTable(ctx).get(c) ||
      ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static
    )
      return undefined;
    family.push(m);
  }
  // Topmost first.
  family.sort((a, b) => (a.parent === top ? -1 : b.parent === top ? 1 : 0));
  return family[0]?.parent === top ? family : undefined;
}

/** True when a class related to `cls` (a base, or a class extending it) declares a member `name` too. */
function overridden(ctx: PrintContext, cls: ts.ClassDeclaration, name: string): boolean {
  const declares = (c: ts.ClassDeclaration) =>
    c.members.some((m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === name);
  for (let c = baseClass(ctx, cls); c; c = baseClass(ctx, c)) if (declares(c)) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isClassDeclaration(n) && n !== cls && declares(n))
      for (let c = baseClass(ctx, n); c; c = baseClass(ctx, c)) if (c === cls) found = true;
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return found;
}
