/**
 * @fileoverview Overriding methods whose signature differs from the method they override, as
 * TypeScript allows and AssemblyScript does not: fewer parameters (`row(sku, delta)` overriding
 * `row(sku, delta, index)`) and a narrower result (`string` overriding `string | null`). Every
 * override is printed with the signature of the topmost method of its name in the class chain
 * (the root): missing trailing parameters become unused ones of the root's types, and the body's
 * results are converted to the root's result type. A call through a receiver typed as the
 * subclass passes placeholders for the missing parameters (TypeScript allows no argument there,
 * and JavaScript's override never reads them) and converts the root-typed result back to the
 * override's type, which the value has (the override only returns such values). An override
 * with more parameters, or a parameter of another representation, is refused where it is declared.
 * A class implementing an interface of the body (protocols.ts) prints the interface's methods with
 * the interface's signatures, which are then the roots.
 */
import type { ts } from "../typescript.js";
import { asType, type ValueType, zeroValue } from "../types.js";
import { coerce } from "./coerce.js";
import type { PrintContext } from "./context.js";
import { type ClassInfo, isUpcast, type Param, paramsOf, returnTypeOf } from "./classShapes.js";
import { withInstance } from "./genericClasses.js";
import { isStatic } from "./throwAnalysis.js";
import { protocolMethod, protocolOfClass } from "./protocols.js";
import { ts as tsValue } from "../typescript.js";

/** The signature an override is printed with, when it differs from its own. */
export interface RootSignature {
  readonly params: readonly Param[];
  readonly returnType: ValueType;
}

/** The topmost non-static method named `name` in the chain above `info` (itself excluded). */
function rootMethod(info: ClassInfo, name: string): { owner: ClassInfo; method: ts.MethodDeclaration } | undefined {
  let found: { owner: ClassInfo; method: ts.MethodDeclaration } | undefined;
  for (let c = info.base; c && c !== "Error"; c = c.base) {
    const method = c.node.members.find(
      (m): m is ts.MethodDeclaration =>
        tsValue.isMethodDeclaration(m) && !isStatic(m) && tsValue.isIdentifier(m.name) && m.name.text === name,
    );
    if (method && !method.typeParameters) found = { owner: c, method };
  }
  return found;
}

/** The class (or generic instance) declaring `method`, from a receiver's class. */
function declaring(info: ClassInfo, method: ts.MethodDeclaration): ClassInfo | undefined {
  for (let c: ClassInfo | "Error" | undefined = info; c && c !== "Error"; c = c.base)
    if (c.node === method.parent) return c;
  return undefined;
}

/**
 * The root's signature when `method` (declared by `owner`) overrides a method printed with
 * another one; undefined when it overrides nothing or has the same AssemblyScript signature.
 */
export function overriddenSignature(
  ctx: PrintContext,
  owner: ClassInfo,
  method: ts.MethodDeclaration,
): RootSignature | undefined {
  if (isStatic(method) || method.typeParameters || !tsValue.isIdentifier(method.name)) return undefined;
  // A method of an interface the chain implements (protocols.ts) is the root of every implementation.
  const protocol = owner.typeArgs ? undefined : protocolOfClass(ctx, owner.node);
  const fromProtocol = protocol && protocolMethod(ctx, protocol, method.name.text);
  const root = fromProtocol ? undefined : rootMethod(owner, method.name.text);
  if (!root && !fromProtocol) return undefined;
  const rootSignature =
    fromProtocol ??
    withInstance(ctx, root!.owner, () => ({
      params: paramsOf(ctx, root!.method),
      returnType: returnTypeOf(ctx, root!.method),
    }));
  const own = withInstance(ctx, owner, () => ({
    params: paramsOf(ctx, method),
    returnType: returnTypeOf(ctx, method),
  }));
  if (own.params.length > rootSignature.params.length)
    ctx.refuse(
      method.parameters[rootSignature.params.length]!,
      "an override with more parameters than the method it overrides",
      "declare the parameter on the overridden method too",
    );
  own.params.forEach((p, i) => {
    if (asType(p.type) !== asType(rootSignature.params[i]!.type))
      ctx.refuse(
        method.parameters[i]!,
        "an override whose parameter has another type than the overridden method's (or a default it lacks)",
        "declare the parameter as the overridden method does",
      );
  });
  const sameResult = asType(own.returnType) === asType(rootSignature.returnType);
  if (sameResult && own.params.length === rootSignature.params.length) return undefined;
  return rootSignature;
}

/** The unused parameters an override takes after its own (`__ice_pad0: T, ...`). */
export function paddingParams(own: readonly Param[], root: RootSignature): string[] {
  return root.params.slice(own.length).map((p, k) => `__ice_pad${k}: ${asType(p.type)}`);
}

/**
 * A call of `method` on a receiver of class `received`: the extra arguments to pass, and how
 * the result (of the root's type) becomes the override's.
 */
export function overrideCall(
  ctx: PrintContext,
  received: ClassInfo | undefined,
  method: ts.MethodDeclaration,
  at: ts.Node,
):
  | {
      readonly padding: readonly string[];
      readonly returnType: ValueType;
      result(text: string, own: ValueType): { text: string; type: ValueType };
    }
  | undefined {
  const owner = received && declaring(received, method);
  if (!owner) return undefined;
  const root = overriddenSignature(ctx, owner, method);
  if (!root) return undefined;
  const ownCount = withInstance(ctx, owner, () => paramsOf(ctx, method)).length;
  return {
    padding: root.params.slice(ownCount).map((p) => zeroValue(p.type)),
    returnType: root.returnType,
    result(text, own) {
      if (asType(own) === asType(root.returnType)) return { text, type: own };
      if (isUpcast(ctx, own, root.returnType))
        return { text: `__ice_downcast<${asType(own)}, ${asType(root.returnType)}>(${text})`, type: own };
      return { text: coerce(ctx, { text, type: root.returnType }, own, at), type: own };
    },
  };
}
