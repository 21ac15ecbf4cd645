/**
 * @fileoverview The own keys of a body class's instances, in JavaScript's order (for
 * JSON.stringify, Object.keys/values/entries, for...in and spreads of instances). Bodies run as
 * ES2022 (fields defined as the instance is made): `super(...)` defines the base class's keys
 * first; each class then defines its parameter properties (in parameter order) and its instance
 * fields (in declaration order, those without an initializer too, holding undefined, which JSON
 * leaves out). A key a subclass declares again keeps its base-class place. Accessors and methods
 * live on the prototype: not own keys. Not known at compile time: classes extending Error
 * (`message` is own but not enumerable, `name` only once assigned) and `declare` fields (a key
 * appears when first assigned).
 */
import { ts } from "ts-morph";
import type { ClassShape } from "../types.js";
import type { PrintContext } from "./context.js";
import { classOfShape, type ClassInfo } from "./classShapes.js";
import { isStatic } from "./throwAnalysis.js";

/** The own keys of instances of a class shape; undefined for shapes of no class; a reason when not known. */
export function classKeyOrder(_ctx: PrintContext, shape: ClassShape): string[] | { reason: string } | undefined {
  const info = classOfShape({ kind: "object", shape });
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
    const ctor = c.node.members.find(ts.isConstructorDeclaration);
    for (const p of ctor?.parameters ?? [])
      if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier && ts.isIdentifier(p.name))
        add(p.name.text);
    for (const m of c.node.members) {
      if (!ts.isPropertyDeclaration(m) || isStatic(m)) continue;
      if (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Ambient)
        return { reason: "a 'declare' field becomes a key only when it is first assigned" };
      if (!ts.isIdentifier(m.name)) return { reason: "a field with a computed or private name" };
      add(m.name.text);
    }
  }
  // Every own key is a field of the shape (accessors are fields of the shape but not own keys).
  if (!keys.every((k) => shape.fields.some((f) => f.name === k))) return { reason: "its fields are not all known" };
  return keys;
}
