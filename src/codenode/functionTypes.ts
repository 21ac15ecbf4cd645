/**
 * @fileoverview Function types as values (closures). A TypeScript function type `(a: A, b?: B) =>
 * R` is, at run time, an object of a closure class generated once per signature: the reference
 * of a top-level AssemblyScript function (a trampoline taking the environment first) and the
 * environment it closes over (print/closures.ts builds them). Closure classes extend the support
 * library's `__ice_Env`, so a closure can itself serve as the environment of an adapter.
 */
import { ts } from "./typescript.js";
import type { Converted } from "./fromChecker.js";
import type { ValueType } from "./types.js";
import { asType, optional, typeKey } from "./types.js";

/** One parameter of a function type: optional parameters have an optional type. */
export interface FunctionParam {
  readonly type: ValueType;
  /** `...xs: T[]`: the remaining arguments, as an array. */
  readonly rest: boolean;
}

/** A function signature and the closure class that holds its values. */
export interface FunctionShape {
  readonly name: string;
  readonly params: readonly FunctionParam[];
  readonly result: ValueType;
}

/** Closure classes, one per signature. */
export class FunctionRegistry {
  private readonly byKey = new Map<string, FunctionShape>();

  shape(params: readonly FunctionParam[], result: ValueType): FunctionShape {
    const key = `(${params.map((p) => (p.rest ? "..." : "") + typeKey(p.type)).join(",")})=>${typeKey(result)}`;
    let found = this.byKey.get(key);
    if (!found) {
      found = { name: `__ice_Fn${this.byKey.size}`, params, result };
      this.byKey.set(key, found);
    }
    return found;
  }

  /** The closure classes: `fn(env, ...params)` and `__ice_invoke(...params)`. */
  declarations(): string[] {
    return [...this.byKey.values()].map((shape) => {
      const params = shape.params.map((p, i) => `p${i}: ${asType(p.type)}`);
      const names = shape.params.map((_, i) => `p${i}`);
      const result = asType(shape.result);
      const call = `this.fn(${["this.env", ...names].join(", ")})`;
      return [
        `class ${shape.name} extends __ice_Env {`,
        `  constructor(public fn: (${["e: __ice_Env | null", ...params].join(", ")}) => ${result}, public env: __ice_Env | null) { super(); }`,
        `  __ice_invoke(${params.join(", ")}): ${result} { ${shape.result.kind === "void" ? `${call};` : `return ${call};`} }`,
        "}",
      ].join("\n");
    });
  }
}

/** The value type of a checker type with call signatures: one non-generic signature, no other members. */
export function functionFromChecker(
  checker: ts.TypeChecker,
  type: ts.Type,
  registry: FunctionRegistry,
  convert: (t: ts.Type) => Converted,
): Converted {
  const signatures = type.getCallSignatures();
  if (signatures.length !== 1)
    return { reason: "overloaded functions are not supported as values; give the function one signature" };
  if (type.getProperties().length > 0 || type.getConstructSignatures().length > 0)
    return { reason: "functions with properties are not supported; use an object with a function field" };
  const signature = signatures[0]!;
  if (signature.getTypeParameters()?.length)
    return { reason: "generic functions are not supported as values; call them, or give the value a concrete type" };
  const params: FunctionParam[] = [];
  for (const parameter of signature.getParameters()) {
    const declaration = parameter.valueDeclaration;
    const rest = !!declaration && ts.isParameter(declaration) && !!declaration.dotDotDotToken;
    const optionalParam =
      !!declaration && ts.isParameter(declaration) && (!!declaration.questionToken || !!declaration.initializer);
    const converted = convert(checker.getTypeOfSymbol(parameter));
    if ("reason" in converted) return converted;
    if (converted.type.kind === "void") return { reason: "a parameter of type void is not supported" };
    params.push({ type: optionalParam && !rest ? optional(converted.type) : converted.type, rest });
  }
  const result = convert(checker.getReturnTypeOfSignature(signature));
  if ("reason" in result) {
    const returned = checker.getReturnTypeOfSignature(signature);
    if (!(returned.flags & ts.TypeFlags.Undefined)) return result;
    return { type: { kind: "function", shape: registry.shape(params, { kind: "void" }) } };
  }
  return { type: { kind: "function", shape: registry.shape(params, result.type) } };
}
