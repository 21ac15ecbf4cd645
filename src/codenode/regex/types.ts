/**
 * @fileoverview The value types of regular expressions (types.ts asks here first): `RegExp` is a
 * `__ice_RegExp` object, `RegExpMatchArray` and `RegExpExecArray` a `__ice_Match`, and
 * `RegExpMatchArray | null` (what `match` and `exec` return) an optional match, `null` being
 * the "no match" value (print/regex.ts compares with `null` and `undefined` as JavaScript does).
 */
import { ts } from "../typescript.js";
import type { ValueType } from "../types.js";

const MATCH_NAMES = new Set(["RegExpMatchArray", "RegExpExecArray"]);

function libName(type: ts.Type): string | undefined {
  const symbol = type.getSymbol();
  if (!symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))) return undefined;
  return symbol.getName();
}

export function regexValueType(checker: ts.TypeChecker, type: ts.Type): ValueType | undefined {
  if (type.isUnion()) {
    const rest = type.types.filter((p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const matches = rest.filter((p) => regexValueType(checker, p)?.kind === "match");
    if (matches.length !== 1) return undefined;
    const others = rest.filter((p) => !matches.includes(p));
    // `s.match(re) ?? []`: a match, or an empty one.
    if (!others.every((p) => isEmptyArray(checker, p))) return undefined;
    const inner: ValueType = { kind: "match" };
    if (rest.length === type.types.length) return inner;
    // `RegExpMatchArray | null` (what `match` and `exec` return): null is the no-match value (print/nullable.ts).
    const onlyNull = !type.types.some((p) => p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
    return onlyNull ? { kind: "optional", inner, absent: "null" } : { kind: "optional", inner };
  }
  const name = libName(type);
  if (name === "RegExp") return { kind: "regexp" };
  if (name !== undefined && MATCH_NAMES.has(name)) return { kind: "match" };
  return undefined;
}

function isEmptyArray(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (checker.isTupleType(type)) return checker.getTypeArguments(type as ts.TypeReference).length === 0;
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return !!element && (element.flags & ts.TypeFlags.Never) !== 0;
  }
  return false;
}

/** True when a checker type may be `null` (so `=== undefined` is false for it, unlike ours). */
export function includesNull(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Null) return true;
  return type.isUnion() && type.types.some((p) => (p.flags & ts.TypeFlags.Null) !== 0);
}

export function includesUndefined(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return true;
  return type.isUnion() && type.types.some((p) => (p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0);
}
