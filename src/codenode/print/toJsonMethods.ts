/**
 * @fileoverview `toJSON()` methods of body classes, which `JSON.stringify` calls (a `Usage` class
 * writing `{ model, total }`, a `Money` value class writing its text). Where an instance of such a
 * class is turned into JSON (jsonConvert.ts, jsonWrite.ts), its `toJSON()` is called and what it
 * returns is turned into JSON in its place, as JavaScript does; the call dispatches on the
 * object's class, so a subclass's override runs. Only a `toJSON` method without parameters of a
 * class that is not generic (JavaScript passes the key, which a parameter would read; a field or
 * accessor named `toJSON` stays refused, classKeys.ts).
 */
import { ts } from "../typescript.js";
import type { ClassShape, ValueType } from "../types.js";
import type { PrintContext } from "./context.js";
import { type ClassInfo, classOfShape, classTable, returnTypeOf } from "./classShapes.js";
import { isStatic } from "./throwAnalysis.js";

/** What a class's `toJSON()` returns, when instances of `shape` are turned into JSON through it. */
export function toJsonResult(ctx: PrintContext, shape: ClassShape): ValueType | undefined {
  const info = classOfShape(ctx, { kind: "object", shape });
  if (!info || info.shape !== shape || info.staticsOnly || info.typeArgs) return undefined;
  // The topmost declaration: its signature is the one every override is printed with (overrides.ts).
  let root: ts.MethodDeclaration | undefined;
  for (let c: ClassInfo | "Error" | undefined = info; c && c !== "Error"; c = c.base) {
    const members = c.node.members.filter((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "toJSON");
    if (members.length === 0) continue;
    const method = members.find(ts.isMethodDeclaration);
    if (!method || members.length > 1 || isStatic(method) || method.parameters.length > 0 || method.typeParameters)
      return undefined;
    root = method;
  }
  if (!root) return undefined;
  const type = returnTypeOf(ctx, root);
  if (type.kind === "void" || type.kind === "function") return undefined;
  // JavaScript calls toJSON once per value: an instance it returns is written by its keys, which
  // the conversion of that class would not do (it would call its toJSON again).
  const inner = type.kind === "optional" ? type.inner : type;
  if (inner.kind === "object" && classOfShape(ctx, inner) && mayCallToJson(ctx, inner.shape)) return undefined;
  return type;
}

/** True when the class of `shape`, a base or a subclass of it declares a member `toJSON`. */
export function mayCallToJson(ctx: PrintContext, shape: ClassShape): boolean {
  const info = classOfShape(ctx, { kind: "object", shape });
  if (!info) return false;
  const declares = (c: ClassInfo) =>
    c.node.members.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "toJSON");
  const chain = (c: ClassInfo): ClassInfo[] => {
    const out: ClassInfo[] = [];
    for (let x: ClassInfo | "Error" | undefined = c; x && x !== "Error"; x = x.base) out.push(x);
    return out;
  };
  if (chain(info).some(declares)) return true;
  return [...classTable(ctx).values()].some((c) => declares(c) && chain(c).some((x) => x.node === info.node));
}
