/**
 * @fileoverview The global number functions: `Number(v)` (of a number, string, boolean, 'any',
 * undefined, or one of them that may be absent), the global `isNaN`/`isFinite` (which convert) and
 * `Number.isNaN`/`isFinite`/`isInteger`/`isSafeInteger` (which do not: any value that is not a
 * number gives false, so `Number.isNaN("x")` is false where `isNaN("x")` is true).
 */
import type { ts } from "../typescript.js";
import { BOOLEAN, isBoxed, NUMBER } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce, describe } from "./coerce.js";
import { printExpr } from "./expressions.js";
import { STR_MODE } from "../runtimeLib.js";

/** `Number(value)`. */
export function printNumberCall(ctx: PrintContext, node: ts.Expression | undefined): Printed {
  if (!node) return { text: "0.0", type: NUMBER };
  const value = printExpr(ctx, node);
  const kind = value.type.kind;
  if (kind === "number" || kind === "boolean" || kind === "string")
    return { text: numberOf(value.text, kind), type: NUMBER };
  if (kind === "json") return { text: `__ice_j_tonum(${value.text})`, type: NUMBER };
  if (kind === "void") return { text: `(${value.text}, NaN)`, type: NUMBER };
  const inner = value.type.kind === "optional" ? value.type.inner : undefined;
  if (value.type.kind === "optional" && inner && ["number", "string", "boolean"].includes(inner.kind)) {
    // Absent: undefined is NaN, null is 0.
    const t = ctx.temp(value.type);
    const some = numberOf(`${t}!${isBoxed(inner) ? ".v" : ""}`, inner.kind);
    const absent = value.type.absent === "null" ? "0.0" : "NaN";
    return { text: `(${t} = ${value.text}, ${t} === null ? ${absent} : ${some})`, type: NUMBER };
  }
  return ctx.refuse(
    node,
    `Number(...) of a value of type '${describe(value.type)}'`,
    "convert a number, string or boolean",
  );
}

/** The argument of the global `isNaN`/`isFinite`: converted as `Number(v)` (an absent one is NaN). */
export function numericArgument(ctx: PrintContext, value: ts.Expression | undefined): string {
  if (!value) return "NaN";
  const printed = printExpr(ctx, value);
  if (printed.type.kind === "json") return `__ice_j_tonum(${printed.text})`;
  return coerce(ctx, printed, NUMBER, value);
}

/**
 * An argument the library converts with ToNumber (`Math.max(d.m, 1)`): an `any` holding a text,
 * null, undefined, a boolean or an object converts as `+v` does, where a checked read would stop
 * the node.
 */
export function toNumberArgument(ctx: PrintContext, value: ts.Expression): string {
  const printed = printExpr(ctx, value, NUMBER);
  if (printed.type.kind === "json") return `__ice_j_tonum(${printed.text})`;
  return coerce(ctx, printed, NUMBER, value);
}

/**
 * `Number.isNaN(v)`, `isFinite`, `isInteger`, `isSafeInteger`: `test` of a number; of an `any`
 * value, false unless it holds a number (they never convert, unlike the global isNaN/isFinite).
 */
export function numberTest(ctx: PrintContext, value: ts.Expression | undefined, test: (n: string) => string): Printed {
  if (!value) return { text: "false", type: BOOLEAN };
  const printed = printExpr(ctx, value);
  if (printed.type.kind === "number") return { text: test(printed.text), type: BOOLEAN };
  // `number | undefined` (or `| null`): false when absent.
  if (printed.type.kind === "optional" && printed.type.inner.kind === "number") {
    const t = ctx.temp(printed.type);
    return { text: `(${t} = ${printed.text}, ${t} !== null && ${test(`${t}!.v`)})`, type: BOOLEAN };
  }
  if (printed.type.kind === "optional" && printed.type.inner.kind === "optional")
    return ctx.refuse(value, "this test of a value that may be null or undefined", "test the number once narrowed");
  // Anything else holds no number (a string is not converted: `Number.isNaN("x")` is false).
  if (printed.type.kind !== "json") return { text: `(${printed.text}, false)`, type: BOOLEAN };
  const t = ctx.temp(printed.type);
  return {
    text: `(${t} = ${printed.text}, __ice_j_is_num(${t}) && ${test(`__ice_j_tonum(${t})`)})`,
    type: BOOLEAN,
  };
}

/** `Number(v)` of a number, string or boolean already printed. */
function numberOf(text: string, kind: string): string {
  if (kind === "string") return `__ice_str_num(${text}, ${STR_MODE.number}, NaN)`;
  if (kind === "boolean") return `__ice_bool_num(${text})`;
  return text;
}
