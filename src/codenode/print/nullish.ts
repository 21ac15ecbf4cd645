/**
 * @fileoverview Printing `T | null | undefined` of an object, array, Map, ... (types.ts `nullish`):
 * an optional of the nullable `T | null`, stored boxed (`__ice_Box<T | null> | null`): the null
 * reference is undefined, a box holding null is null (support/nullish.ts). Most of the printer
 * handles it as any optional (undefined is absent, the inner value a `T | null`: JSON leaves the
 * key out or writes null, text is "undefined" or "null"); this file has what the two absent
 * states need apart: conversions into and out of it, `== null` / `=== null` / `=== undefined`,
 * `??`, `?.`, truthiness, and identity.
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, isBoxed, isNullable, isNullish, nullish, sameType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { isNullLiteral } from "./nullable.js";

/** The `T` of a three-state value type. */
function core(t: ValueType): ValueType {
  return t.kind === "optional" && t.inner.kind === "optional" ? t.inner.inner : t;
}

/** The AssemblyScript type argument of the nullish helpers: `T | null`. */
function arg(t: ValueType): string {
  return asType((t as Extract<ValueType, { kind: "optional" }>).inner);
}

/**
 * `printed` moved into the three-state type `to`, from its `T`, `T | null`, `T | undefined`, the
 * `null` keyword; undefined when `to` is not three-state or `printed` is none of these.
 */
export function intoNullish(printed: Printed, to: ValueType): string | undefined {
  if (!isNullish(to)) return undefined;
  const from = printed.type;
  const T = core(to);
  const box = (v: string) => `new __ice_Box<${arg(to)}>(${v})`;
  if (isNullLiteral(printed)) return box("null");
  if (sameType(from, T) || (isNullable(from) && sameType((from as { inner: ValueType }).inner, T)))
    return box(printed.text);
  if (from.kind === "optional" && !isNullable(from) && sameType(from.inner, T))
    return `__ice_nsh_from_undef<${arg(to)}>(${printed.text})`;
  return undefined;
}

/**
 * A three-state value used where the checker's type is its `T`, `T | null` or `T | undefined`
 * (`x ??= d` is T, `x || undefined` is `T | undefined`): TypeScript has proven the other states
 * absent; one that is not (assigned in a closure) stops the node. Undefined otherwise.
 */
export function outOfNullish(printed: Printed, to: ValueType): string | undefined {
  if (!isNullish(printed.type) || isNullish(to)) return undefined;
  const narrowed = narrowedNullish(printed, to);
  return narrowed && sameType(narrowed.type, to) ? narrowed.text : undefined;
}

/**
 * A three-state value where the checker's type is only null and undefined (narrowed: `if (!x)`
 * ... `{ x }`), moved into a JSON value; a value assigned where the checker does not look (in a
 * closure) stops the node. Undefined for any other.
 */
export function absentOutOfNullish(
  ctx: PrintContext,
  printed: Printed,
  to: ValueType,
  at: ts.Node,
): string | undefined {
  if (!isNullish(printed.type) || to.kind !== "json" || !absentOnly(ctx, at)) return undefined;
  return `__ice_nsh_to_j<${arg(printed.type)}>(${printed.text})`;
}

/** True when the checker's type at `at` is only null and undefined. */
function absentOnly(ctx: PrintContext, at: ts.Node): boolean {
  const type = ctx.checker.getTypeAtLocation(at);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((p) => p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
}

/**
 * A JSON value whose TypeScript type is only null and undefined (`c ? null : undefined`) moved into
 * the three-state `to`; undefined for any other (whose conversion is jsonConvert.ts's).
 */
export function absentIntoNullish(ctx: PrintContext, printed: Printed, to: ValueType, at: ts.Node): string | undefined {
  if (!isNullish(to) || printed.type.kind !== "json" || !absentOnly(ctx, at)) return undefined;
  return `__ice_nsh_from_j<${arg(to)}>(${printed.text})`;
}

/**
 * A three-state value read where the checker narrowed its type (`here`): `T | null` after
 * `!== undefined`, `T | undefined` after `!== null`, `T` after `!= null`. Undefined when `printed`
 * is not three-state, or is still three-state here.
 */
export function narrowedNullish(printed: Printed, here: ValueType): Printed | undefined {
  const t = printed.type;
  if (!isNullish(t) || sameType(t, here)) return undefined;
  const T = core(t);
  if (isNullable(here)) return { text: `(${printed.text})!.v`, type: (t as { inner: ValueType }).inner };
  if (here.kind === "optional" && sameType(here.inner, T))
    return { text: `__ice_nsh_not_null<${arg(t)}>(${printed.text})`, type: { kind: "optional", inner: T } };
  if (sameType(here, T)) return definedValue(printed);
  return undefined;
}

/** The defined value of a three-state value (`x!`, or where it is proven defined): a trap if absent. */
export function definedValue(printed: Printed): Printed {
  const T = core(printed.type);
  return { text: `(__ice_nsh_value<${arg(printed.type)}>(${printed.text}))!`, type: T };
}

/** `x == null` (`loose`), `x === null`, `x === undefined`, and their negations, of a three-state x. */
export function nullishTest(printed: Printed, other: "null" | "undefined", strict: boolean, equal: boolean): Printed {
  const A = arg(printed.type);
  const test = !strict
    ? `__ice_nsh_absent<${A}>(${printed.text})`
    : other === "null"
      ? `__ice_nsh_is_null<${A}>(${printed.text})`
      : `(${printed.text} === null)`;
  return { text: equal ? test : `!${test}`, type: BOOLEAN };
}

/** The truthiness of a three-state value: defined and not null (objects are truthy). */
export function nullishTruthy(printed: Printed): string {
  return `!__ice_nsh_absent<${arg(printed.type)}>(${printed.text})`;
}

/**
 * A `?.` step on a three-state value held in `temp`: the test that it is absent (either state
 * gives undefined) and the defined value.
 */
export function chainOpen(temp: string, type: ValueType): { absent: string; value: Printed } {
  if (!isNullish(type)) {
    const inner = (type as { inner: ValueType }).inner;
    return { absent: `${temp} === null`, value: { text: `${temp}!`, type: inner } };
  }
  return {
    absent: `__ice_nsh_absent<${arg(type)}>(${temp})`,
    value: { text: `${temp}!.v!`, type: core(type) },
  };
}

/**
 * The kept elements of an array of `T | null` (or `T | undefined`, not boxed) as the `T[]` the
 * checker says a type-guard filter gives (`kept`: the filtered array); undefined when the types
 * are the same. A null the guard let through (a guard that lies) stops the node.
 */
export function definedElements(result: ValueType, source: ValueType, kept: string): Printed | undefined {
  if (result.kind !== "array" || source.kind !== "array" || sameType(result, source)) return undefined;
  const e = source.element;
  if (isNullish(e)) {
    // `(T | null | undefined)[]` kept as `T[]` or as `(T | null)[]`.
    if (sameType(result.element, core(e))) return { text: `__ice_a_nsh_defined<${arg(e)}>(${kept})`, type: result };
    if (isNullable(result.element) && sameType(result.element, (e as { inner: ValueType }).inner))
      return { text: `__ice_a_nsh_unbox<${arg(e)}>(${kept})`, type: result };
    return undefined;
  }
  if (e.kind !== "optional" || isBoxed(e.inner) || !sameType(e.inner, result.element)) return undefined;
  return { text: `__ice_a_defined<${asType(result.element)}>(${kept})`, type: result };
}

/** `a ?? b` of a three-state a: b when a is null or undefined. */
export function nullishCoalesce(
  ctx: PrintContext,
  left: Printed,
  type: ValueType,
  right: string,
  into: (value: Printed) => string,
): Printed {
  const temp = ctx.temp(left.type);
  const defined = into({ text: `${temp}!.v!`, type: core(left.type) });
  return { text: `(!__ice_nsh_absent<${arg(left.type)}>(${temp} = ${left.text}) ? ${defined} : ${right})`, type };
}

/** `T | null` against `T | undefined` (`a === b` of a `.find(...) ?? null` and a `.find(...)`): their three-state type. */
function mixedStates(left: Printed, right: Printed): ValueType | undefined {
  const l = left.type;
  const r = right.type;
  if (l.kind !== "optional" || r.kind !== "optional" || isNullable(l) === isNullable(r)) return undefined;
  if (isBoxed(l.inner) || isBoxed(r.inner) || !sameType(l.inner, r.inner)) return undefined;
  return nullish(l.inner);
}

/**
 * `a === b` (`==`, `!==`, `!=`) where a side is three-state, or one is `T | null` and the other
 * `T | undefined`: both moved into the three-state type and compared by state and identity; `==`
 * takes null and undefined as equal. Undefined when the sides are none of these.
 */
export function nullishIdentity(
  ctx: PrintContext,
  node: ts.BinaryExpression,
  left: Printed,
  right: Printed,
  equal: boolean,
): Printed | undefined {
  const type = isNullish(left.type) ? left.type : isNullish(right.type) ? right.type : mixedStates(left, right);
  if (!type) return undefined;
  const l = isNullish(left.type) && sameType(left.type, type) ? left.text : intoNullish(left, type);
  const r = isNullish(right.type) && sameType(right.type, type) ? right.text : intoNullish(right, type);
  if (l === undefined || r === undefined)
    return ctx.refuse(node, "comparing these values", "compare two values of one object type, or test for null first");
  const op = node.operatorToken.kind;
  const loose = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  const test = `__ice_nsh_${loose ? "loose" : "same"}<${arg(type)}>(${l}, ${r})`;
  return { text: equal ? test : `!${test}`, type: BOOLEAN };
}
