/**
 * @fileoverview The own keys of a body class's instances, in JavaScript's order (for
 * JSON.stringify, Object.keys/values/entries, for...in and spreads of instances). Bodies run as
 * ES2022 (fields defined as the instance is made): `super(...)` defines the base class's keys
 * first; each class then defines its parameter properties (in parameter order) and its instance
 * fields (in declaration order, those without an initializer too, holding undefined, which JSON
 * leaves out). A key a subclass declares again keeps its base-class place. Accessors and methods
 * live on the prototype: not own keys. A value of a class whose subclasses declare keys of their
 * own may be one of them: JSON dispatches on its class (subclassDispatch); Object.keys, for...in
 * and spreads of it are refused (keysMayGrow). Not known at compile time: classes extending Error
 * (`message` is own but not enumerable, `name` only once assigned) and `declare` fields (a key
 * appears when first assigned).
 */
import { ts } from "../typescript.js";
import type { ClassShape, ValueType } from "../types.js";
import type { PrintContext } from "./context.js";
import { classOfShape, classTable, type ClassInfo } from "./classShapes.js";
import { allGenericInstances, ownerIn } from "./genericClasses.js";
import { baseClass, isStatic } from "./throwAnalysis.js";
import { protocolOfShape } from "./protocols.js";

/** The own keys of instances of a class shape; undefined for shapes of no class; a reason when not known. */
export function classKeyOrder(ctx: PrintContext, shape: ClassShape): string[] | { reason: string } | undefined {
  const info = classOfShape(ctx, { kind: "object", shape });
  if (protocolOfShape(ctx, { kind: "object", shape }))
    return { reason: "the keys of a value typed as an interface classes implement depend on its class" };
  if (!info) return undefined;
  if (info.staticsOnly || info.shape !== shape) return { reason: "a class is not a plain object" };
  const chain: ClassInfo[] = [];
  for (let c: ClassInfo | "Error" | undefined = info; c; c = c.base) {
    if (c === "Error") return { reason: "the keys of an Error subclass depend on how it was made" };
    chain.unshift(c);
  }
  const keys: string[] = [];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const c of chain) {
    if (c.node.members.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "toJSON"))
      return { reason: "its class declares toJSON, which JSON.stringify calls" };
    const ctor = c.node.members.find(ts.isConstructorDeclaration);
    for (const p of ctor?.parameters ?? [])
      if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier && ts.isIdentifier(p.name))
        add(p.name.text);
    for (const m of c.node.members) {
      if (!ts.isPropertyDeclaration(m) || isStatic(m)) continue;
      if (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Ambient)
        return { reason: "a 'declare' field becomes a key only when it is first assigned" };
      if (!ts.isIdentifier(m.name)) return { reason: "a field with a computed or private name" };
      // A private name (`#x`, respelled `$x`: privateNames.ts) is no property of the instance.
      if (!ctx.privateNames.has(m.name.text)) add(m.name.text);
    }
  }
  // Every own key is a field of the shape (accessors are fields of the shape but not own keys).
  if (!keys.every((k) => shape.fields.some((f) => f.name === k))) return { reason: "its fields are not all known" };
  return keys;
}

/** The name of a class extending `cls` that declares an own key beyond `keys`, if any. */
function subclassKey(ctx: PrintContext, cls: ts.ClassDeclaration, keys: readonly string[]): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isClassDeclaration(n) &&
      n !== cls &&
      extendsClass(ctx, n, cls) &&
      ownKeys(n).some((k) => !keys.includes(k) && !ctx.privateNames.has(k))
    )
      found = n.name?.text ?? "subclass";
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return found;
}

function extendsClass(ctx: PrintContext, cls: ts.ClassDeclaration, base: ts.ClassDeclaration): boolean {
  for (let c = baseClass(ctx, cls); c; c = baseClass(ctx, c)) if (c === base) return true;
  return false;
}

/** The keys a class itself declares (parameter properties and instance fields). */
function ownKeys(cls: ts.ClassDeclaration): string[] {
  const out: string[] = [];
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  for (const p of ctor?.parameters ?? [])
    if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier && ts.isIdentifier(p.name))
      out.push(p.name.text);
  for (const m of cls.members)
    if (ts.isPropertyDeclaration(m) && !isStatic(m)) out.push(ts.isIdentifier(m.name) ? m.name.text : "#");
  return out;
}

/** True when a value of this class shape may be an instance of a subclass with keys of its own. */
export function keysMayGrow(ctx: PrintContext, shape: ClassShape): boolean {
  const info = classOfShape(ctx, { kind: "object", shape });
  const keys = classKeyOrder(ctx, shape);
  return !!info && Array.isArray(keys) && subclassKey(ctx, info.node, keys) !== undefined;
}

/**
 * For JSON of a value of class shape `shape`: statements that hand an instance of a subclass
 * (declared in the body; the deepest first) to `call(subclass type, downcast value)`, as
 * JavaScript writes the keys of the object's own class.
 */
export function subclassDispatch(
  ctx: PrintContext,
  shape: ClassShape,
  call: (sub: ValueType, value: string) => string,
): string {
  const info = classOfShape(ctx, { kind: "object", shape });
  if (!info || info.shape !== shape) return "";
  const depth = (c: ClassInfo) => {
    let n = 0;
    for (let x: ClassInfo | "Error" | undefined = c; x && x !== "Error"; x = x.base) n++;
    return n;
  };
  const subs = [...classTable(ctx).values(), ...allGenericInstances(ctx)]
    .filter((c) => c !== info && c.printed && ownerIn(c, info.node) === info)
    .sort((a, b) => depth(b) - depth(a));
  return subs
    .map((c) => {
      const type: ValueType = { kind: "object", shape: c.shape };
      return `if (__ice_instance_of<${c.name}, ${info.name}>(v)) ${call(type, `changetype<${c.name}>(v)`)}`;
    })
    .join("\n");
}
