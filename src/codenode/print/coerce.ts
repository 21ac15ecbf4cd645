/**
 * @fileoverview Moves a printed value into a place of another value type: wrapping a number or
 * boolean into its optional box, unwrapping where the checker has narrowed an optional value to
 * its defined type, `undefined` into an optional. Anything else the checker accepted but the
 * representations cannot share (two object shapes, say) is refused rather than copied, because a
 * copy would break JavaScript's aliasing.
 */
import { ts } from "../typescript.js";
import { asType, isBoxed, sameType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { isUpcast } from "./classShapes.js";
import { freshArrayReader, isFreshArray } from "./freshArrays.js";
import { fromJson, hoistOnce, toJson } from "./jsonConvert.js";
import { isNullLiteral } from "./nullable.js";
import { absentIntoNullish, absentOutOfNullish, intoNullish, outOfNullish } from "./nullish.js";

export const UNDEFINED: ValueType = { kind: "void" };

/** `printed` as a value of type `to`. */
export function coerce(ctx: PrintContext, printed: Printed, to: ValueType, at: ts.Node): string {
  const from = printed.type;
  if (sameType(from, to) || isUpcast(ctx, from, to)) return printed.text;
  const nullish =
    intoNullish(printed, to) ??
    absentIntoNullish(ctx, printed, to, at) ??
    absentOutOfNullish(ctx, printed, to, at) ??
    outOfNullish(printed, to);
  if (nullish !== undefined) return nullish;
  // `const unreachable: never = e` (an exhaustive switch's default): the local is never set.
  if (to.kind === "json" && ts.isIdentifier(at) && ctx.checker.getTypeAtLocation(at).flags & ts.TypeFlags.Never)
    return "__ice_j_undef()";
  if (to.kind === "json") return toJson(ctx, printed, at);
  if (isNullLiteral(printed) && to.kind === "optional" && to.absent === "null") return `__ice_none<${asType(to)}>()`;
  // `null` where the checker's type is an object without null (`xs[9] ?? null` of a `T[][]`, which
  // TypeScript types as `T[]`); into a string, number or boolean it converts as JavaScript does.
  if (
    isNullLiteral(printed) &&
    (["object", "map", "set", "tuple", "dict", "function", "date", "url", "urlParams"].includes(to.kind) ||
      (to.kind === "array" && to.element.kind !== "json"))
  )
    return ctx.refuse(
      at,
      `null where the checker's type is '${describe(to)}' (a read past the end of an array, say, that TypeScript types as defined)`,
      "give the value a type with '| null'",
    );
  if (from.kind === "json") return fromJson(ctx, printed, to, at);
  // `undefined` into `T | undefined` (`null` into `T | null` above); not the other way round.
  if (from.kind === "void" && to.kind === "optional" && to.absent !== "null") return `__ice_none<${asType(to)}>()`;
  if (to.kind === "optional" && sameType(from, to.inner)) {
    return isBoxed(from) ? `new __ice_Box<${asType(from)}>(${printed.text})` : printed.text;
  }
  if (from.kind === "optional" && sameType(from.inner, to)) return unwrap(printed);
  // A subclass instance where its base class may be absent (`static from(): Shape | undefined`
  // returning `new Circle()`): class instances are references, so absence is the null reference
  // in both and the instance moves as it is, keeping its identity.
  if (to.kind === "optional" && !isBoxed(to.inner) && isUpcast(ctx, from, to.inner)) return printed.text;
  if (
    from.kind === "optional" &&
    to.kind === "optional" &&
    from.absent === to.absent &&
    !isBoxed(to.inner) &&
    isUpcast(ctx, from.inner, to.inner)
  )
    return printed.text;
  if (to.kind === "void") return printed.text;
  if (from.kind === "match" && to.kind === "array" && to.element.kind === "string")
    return `__ice_m_arr(${printed.text})`;
  if (from.kind === "array" && to.kind === "array" && printed.text.startsWith("new Array<"))
    return `new Array<${asType(to.element)}>()`;
  if (from.kind === "array" && to.kind === "array" && from.element.kind === "json" && isFreshArray(ctx, at)) {
    const reader = freshArrayReader(to.element, true, (n, t) => hoistOnce(ctx, n, t));
    if (reader) return `${reader}(${printed.text})`;
  }
  return ctx.refuse(
    at,
    `using a value of one shape where another is expected ('${describe(from)}' as '${describe(to)}')`,
    "give both the same declared type",
  );
}

/** The defined value of an optional (the checker has proven it defined, or `!` asserts it). */
export function unwrap(printed: Printed): string {
  if (printed.type.kind !== "optional") return printed.text;
  return isBoxed(printed.type.inner) ? `(${printed.text})!.v` : `(${printed.text})!`;
}

/** TypeScript's spelling of a value type (a shape met again inside itself, a recursive type, is `...`). */
export function describe(t: ValueType, within: readonly string[] = []): string {
  switch (t.kind) {
    case "array":
      return `${describe(t.element, within)}[]`;
    case "optional":
      if (t.inner.kind === "optional") return `${describe(t.inner.inner, within)} | null | undefined`;
      return `${describe(t.inner, within)} | ${t.absent === "null" ? "null" : "undefined"}`;
    case "object":
      if (t.shape.union) return t.shape.union.text;
      if (within.includes(t.shape.name)) return "...";
      return `{ ${t.shape.fields.map((f) => `${f.name}: ${describe(f.type, [...within, t.shape.name])}`).join("; ")} }`;
    case "map":
      return `Map<${describe(t.key, within)}, ${describe(t.value, within)}>`;
    case "set":
      return `Set<${describe(t.element, within)}>`;
    case "void":
      return "undefined";
    case "json":
      return "any";
    case "tuple":
      return `[${t.elements.map((e) => describe(e, within)).join(", ")}]`;
    case "dict":
      return `Record<string, ${describe(t.value, within)}>`;
    case "date":
      return "Date";
    case "url":
      return "URL";
    case "urlParams":
      return "URLSearchParams";
    case "regexp":
      return "RegExp";
    case "match":
      return "RegExpMatchArray";
    case "error":
      return "Error";
    case "numberFormat":
      return "Intl.NumberFormat";
    default:
      return t.kind;
  }
}
