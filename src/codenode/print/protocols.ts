/**
 * @fileoverview Interfaces that body classes implement, used as the interface's type (strategy,
 * command, observer: `interface Ranker { readonly name: string; score(d: Doc): number }`,
 * `class Bm25 implements Ranker`, `const rankers: Ranker[] = [new Bm25(), new Recency()]`).
 *
 * Such an interface (a "protocol": declared in the body, not generic, extending nothing, with at
 * least one method and only plain properties and methods) is an AssemblyScript class `__ice_P_*`
 * that the root of every implementing class chain extends. Its methods are virtual stubs the
 * classes override, so `r.score(d)` dispatches on the object exactly as JavaScript looks the
 * method up on its prototype chain (every implementation must be a method, checked here); each
 * property `p` is read through a virtual `__ice_get_p()` that each class declaring `p` (field,
 * parameter property or getter) overrides with `return this.p`, so fields and getters read alike.
 * A value of the interface type is the instance itself: identity (`===`), `instanceof`, narrowing
 * and `this` inside the methods are the object's own. Refused: an object literal of the type (it
 * would be no instance of the stub class), writing a property through the interface, a class
 * chain implementing two such interfaces, the text, keys and JSON of an interface-typed value
 * (its class decides them; classKeys.ts, objectText.ts ask `protocolOfShape`).
 */
import { ts } from "../typescript.js";
import { asType, type ClassShape, type ValueType } from "../types.js";
import { type PrintContext, Refused } from "./context.js";
import { perContext } from "./perContext.js";
import { baseClass, isStatic } from "./throwAnalysis.js";
import { type Param, paramsOf, returnTypeOf } from "./classShapes.js";

export interface ProtocolInfo {
  readonly node: ts.InterfaceDeclaration;
  readonly name: string;
  readonly shape: ClassShape & { fields: { name: string; type: ValueType }[] };
  readonly methods: readonly ts.MethodSignature[];
  printed: boolean;
}

interface Protocols {
  readonly byNode: Map<ts.InterfaceDeclaration, ProtocolInfo>;
  readonly byShape: Map<string, ProtocolInfo>;
  /** The protocol the root of a class chain extends, by the root class. */
  readonly ofRoot: Map<ts.ClassDeclaration, ProtocolInfo>;
}

const state = perContext((): Protocols => ({ byNode: new Map(), byShape: new Map(), ofRoot: new Map() }));

/** The protocol a shape is, if any. */
export function protocolOfShape(ctx: PrintContext, t: ValueType): ProtocolInfo | undefined {
  return t.kind === "object" ? state.peek(ctx)?.byShape.get(t.shape.name) : undefined;
}

/** True for an interface registered as a protocol. */
export function isProtocol(ctx: PrintContext, iface: ts.InterfaceDeclaration): boolean {
  return state.peek(ctx)?.byNode.has(iface) ?? false;
}

/** The root of a class's chain of body classes. */
export function chainRoot(ctx: PrintContext, cls: ts.ClassDeclaration): ts.ClassDeclaration {
  let root = cls;
  for (let b = baseClass(ctx, root); b; b = baseClass(ctx, root)) root = b;
  return root;
}

/** The protocol a class's chain extends (declared at its root). */
export function protocolOfClass(ctx: PrintContext, cls: ts.ClassDeclaration): ProtocolInfo | undefined {
  return state.peek(ctx)?.ofRoot.get(chainRoot(ctx, cls));
}

function isProtocolShaped(iface: ts.InterfaceDeclaration): boolean {
  if (iface.typeParameters || iface.heritageClauses) return false;
  let methods = 0;
  for (const m of iface.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.questionToken) return false;
    if (ts.isMethodSignature(m)) {
      if (m.typeParameters) return false;
      methods++;
    } else if (!ts.isPropertySignature(m)) return false;
  }
  return methods > 0;
}

/** The body interface a heritage type of `implements` names, if it may be a protocol. */
function implemented(ctx: PrintContext, type: ts.ExpressionWithTypeArguments): ts.InterfaceDeclaration | undefined {
  const d = ctx.symbolOf(type.expression)?.declarations?.find(ts.isInterfaceDeclaration);
  if (!d) return undefined;
  if (d.getSourceFile().fileName !== "/body.ts" || d.getStart() < ctx.bodyStart) return undefined;
  return isProtocolShaped(d) ? d : undefined;
}

/**
 * Registers the protocols the body's classes implement (after the classes' symbols, before their
 * shapes: a field may hold a protocol value, a protocol property a class instance).
 */
export function registerProtocols(ctx: PrintContext, classes: readonly ts.ClassDeclaration[]): void {
  const s = state.of(ctx);
  for (const cls of classes) {
    const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ImplementsKeyword);
    for (const type of clause?.types ?? []) {
      const iface = implemented(ctx, type);
      if (!iface) continue;
      try {
        const info = s.byNode.get(iface) ?? register(ctx, iface);
        if (cls.typeParameters)
          ctx.refuse(type, "a generic class implementing an interface", "declare the class with concrete types");
        const root = chainRoot(ctx, cls);
        if (root.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword))
          ctx.refuse(type, "implementing an interface in a class extending Error", "make the error a field");
        const held = s.ofRoot.get(root);
        if (held && held !== info)
          ctx.refuse(
            type,
            `a class implementing both '${held.node.name.text}' and '${iface.name.text}'`,
            "merge the two interfaces into one",
          );
        s.ofRoot.set(root, info);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
      }
    }
  }
  for (const info of s.byNode.values()) {
    for (const m of info.node.members)
      if (ts.isPropertySignature(m)) {
        const symbol = ctx.checker.getSymbolAtLocation(m.name)!;
        info.shape.fields.push({
          name: (m.name as ts.Identifier).text,
          type: ctx.typeOf(m, ctx.checker.getTypeOfSymbolAtLocation(symbol, m)),
        });
      }
  }
  for (const cls of classes) {
    const info = protocolOfClass(ctx, cls);
    if (info) checkImplementation(ctx, cls, info);
  }
  if (s.byNode.size > 0) refuseWrites(ctx, ctx.root);
}

function register(ctx: PrintContext, iface: ts.InterfaceDeclaration): ProtocolInfo {
  const s = state.of(ctx);
  const name = ctx.fresh(`P_${iface.name.text}_`);
  const info: ProtocolInfo = {
    node: iface,
    name,
    shape: { name, fields: [] },
    methods: iface.members.filter(ts.isMethodSignature),
    printed: false,
  };
  s.byNode.set(iface, info);
  s.byShape.set(name, info);
  const symbol = ctx.checker.getSymbolAtLocation(iface.name);
  if (symbol) ctx.classes.userClasses.set(symbol, info.shape);
  return info;
}

function memberNamed(cls: ts.ClassDeclaration, name: string): ts.ClassElement | ts.ParameterDeclaration | undefined {
  for (const m of cls.members) {
    if (isStatic(m)) continue;
    if (m.name && ts.isIdentifier(m.name) && m.name.text === name) return m;
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters)
        if (
          ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier &&
          ts.isIdentifier(p.name) &&
          p.name.text === name
        )
          return p;
  }
  return undefined;
}

/** Every class of a protocol chain implements each of its methods with a method (a field would not dispatch). */
function checkImplementation(ctx: PrintContext, cls: ts.ClassDeclaration, info: ProtocolInfo): void {
  try {
    for (const m of info.methods) {
      const name = (m.name as ts.Identifier).text;
      const own = memberNamed(cls, name);
      if (own && !ts.isMethodDeclaration(own))
        ctx.refuse(
          own,
          `'${name}' of '${info.node.name.text}' implemented by a field`,
          "declare it as a method of the class",
        );
    }
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
  }
}

/** The signature of a protocol's method `name`, if it declares one. */
export function protocolMethod(
  ctx: PrintContext,
  info: ProtocolInfo,
  name: string,
): { params: Param[]; returnType: ValueType } | undefined {
  const m = info.methods.find((x) => (x.name as ts.Identifier).text === name);
  return m && { params: paramsOf(ctx, m), returnType: returnTypeOf(ctx, m) };
}

/** The stub class of a protocol (hoisted once, before the first class extending it). */
export function declareProtocol(ctx: PrintContext, info: ProtocolInfo): void {
  if (info.printed) return;
  info.printed = true;
  const stub = 'throw new Error("unreachable: a method of an interface");';
  const members = [
    ...info.shape.fields.map((f) => `  __ice_get_${f.name}(): ${asType(f.type)} {\n    ${stub}\n  }`),
    ...info.methods.map((m) => {
      const { params, returnType } = protocolMethod(ctx, info, (m.name as ts.Identifier).text)!;
      const list = params.map((p, i) => `__ice_a${i}: ${asType(p.type)}`).join(", ");
      return `  ${(m.name as ts.Identifier).text}(${list}): ${asType(returnType)} {\n    ${stub}\n  }`;
    }),
  ];
  ctx.hoisted.push(`class ${info.name} {\n${members.join("\n")}\n}`);
}

/** The property readers a class of a protocol chain overrides: one per property it declares. */
export function propertyReaders(ctx: PrintContext, cls: ts.ClassDeclaration, own: ClassShape): string[] {
  const info = protocolOfClass(ctx, cls);
  if (!info) return [];
  const out: string[] = [];
  for (const f of info.shape.fields) {
    const member = memberNamed(cls, f.name);
    if (!member) continue;
    const field = own.fields.find((x) => x.name === f.name);
    if (field && asType(field.type) !== asType(f.type))
      ctx.refuse(
        member,
        `'${f.name}' of another type than '${info.node.name.text}' declares`,
        "declare it with the interface's type",
      );
    out.push(`  __ice_get_${f.name}(): ${asType(f.type)} {\n    return this.${f.name};\n  }`);
  }
  return out;
}

/** `r.p` of a protocol value (`r` printed as `object`): its reader; undefined for no protocol property. */
export function protocolPropertyRead(
  ctx: PrintContext,
  object: { text: string; type: ValueType },
  property: string,
): { text: string; type: ValueType } | undefined {
  const info = protocolOfShape(ctx, object.type);
  const field = info?.shape.fields.find((f) => f.name === property);
  return field && { text: `${object.text}.__ice_get_${field.name}()`, type: field.type };
}

function isWriteTarget(node: ts.Expression): boolean {
  let at: ts.Node = node;
  while (ts.isParenthesizedExpression(at.parent) || ts.isNonNullExpression(at.parent)) at = at.parent;
  const parent = at.parent;
  if (ts.isBinaryExpression(parent))
    return (
      parent.left === at &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    );
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent))
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  return ts.isDeleteExpression(parent);
}

/** Writes of a protocol's property through the interface (`c.count++` of a `Counter`): refused where written. */
function refuseWrites(ctx: PrintContext, root: ts.Node): void {
  const s = state.of(ctx);
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && isWriteTarget(n)) {
      const declarations = ctx.checker.getTypeAtLocation(n.expression).getSymbol()?.declarations ?? [];
      const info = declarations.map((d) => (ts.isInterfaceDeclaration(d) ? s.byNode.get(d) : undefined)).find((i) => i);
      if (info)
        try {
          ctx.refuse(
            n,
            `writing '${n.name.text}' through the interface '${info.node.name.text}'`,
            "give the interface a method that sets it",
          );
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
        }
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
}
