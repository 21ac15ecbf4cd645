/**
 * @fileoverview The value type of `T | null` where T is not a primitive (an object, array, Map,
 * Set, tuple, dictionary, function, Date, ...): an optional whose absent value is JavaScript's
 * null (types.ts `nullable`). Primitives with null stay JSON values (support/json.ts), `null`
 * alone is one too; a type that may be both null and undefined has no representation here (the
 * one null reference cannot hold both), so it is refused with the reason.
 */
import { ts } from "./typescript.js";
import { nullable, nullish, sameType, type ValueType } from "./types.js";

/** The value type of a union with null whose other members (`defined`, converted) are `types`. */
export function nullableOf(
  checker: ts.TypeChecker,
  type: ts.Type,
  types: readonly ValueType[],
): { readonly type: ValueType } | { readonly reason: string } {
  const text = checker.typeToString(type);
  const undef = type.isUnion() && type.types.some((p) => p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  const [first] = types;
  if (!first || !types.every((t) => sameType(t, first)))
    return { reason: `union type '${text}' is not supported; use one type with '| null'` };
  if (first.kind === "void" || first.kind === "optional")
    return { reason: `'${text}' is not supported; use 'T | null' of one type` };
  // `T | null | undefined`: three states (print/nullish.ts).
  return { type: undef ? nullish(first) : nullable(first) };
}

/** Why a container of `t` has no representation, when t may be null or undefined. */
export function absentElement(t: ValueType, what: string): string | undefined {
  if (t.kind === "void") return `${what} that are always undefined are not supported`;
  // `T | null` and `T | undefined` elements are the nullable reference, `T | null | undefined`
  // ones its box (print/nullish.ts).
  return undefined;
}
