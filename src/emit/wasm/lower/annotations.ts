/**
 * @fileoverview Type annotations the lowering adds to declarations that AssemblyScript would type
 * differently from TypeScript: `let n = 0` that later holds a fraction becomes `f64`
 * (TypeInfo.inferFloatVars), and a local holding the returned object literal becomes `Output`
 * (ReturnedObjects).
 */
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";

/** `let n = 0` that later holds fractions -> `let n: f64 = 0`; a returned literal -> `: Output`. */
export function annotateDeclaration(cx: LowerContext, decl: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(decl.name) || decl.type) return false;
  const annotation = cx.types.isFloatVar(decl.name.text)
    ? "f64"
    : cx.objects.outputVars.has(decl)
      ? "Output"
      : undefined;
  if (!annotation) return false;
  cx.node(decl.name);
  cx.gen(`: ${annotation}`, decl.name);
  if (decl.initializer) {
    cx.copy(cx.end(decl.name), cx.start(decl.initializer));
    cx.node(decl.initializer);
  }
  return true;
}
