/**
 * @fileoverview Methods of numbers (`toString(radix)`, `toFixed`, `toPrecision`, `toLocaleString`:
 * numberLocale.ts) and strings, each
 * lowered to a support-library helper with JavaScript's behaviour. Dispatched from calls.ts.
 */
import type { ts } from "ts-morph";
import { NUM_MODE } from "../runtimeLib.js";
import { BOOLEAN, NUMBER, optional, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo } from "./expressions.js";
import { exactInt32 } from "./int32.js";
import { arg } from "./calls.js";
import { regexStringMethod } from "./regexMethods.js";
import { printNumberLocale } from "./numberLocale.js";

export function numberMethod(ctx: PrintContext, node: ts.CallExpression, receiver: Printed, method: string): Printed {
  const digits = node.arguments[0];
  switch (method) {
    case "valueOf":
      return receiver;
    case "toString":
      if (!digits) return { text: `__ice_num_str(${receiver.text})`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.radix}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    case "toFixed":
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.fixed}, ${digits ? printTo(ctx, digits, NUMBER) : "0.0"})`,
        type: STRING,
      };
    case "toPrecision":
      if (!digits) return { text: `__ice_num_str(${receiver.text})`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.precision}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    case "toExponential":
      if (!digits) return { text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.exponentialAuto}, 0.0)`, type: STRING };
      return {
        text: `__ice_num_fmt(${receiver.text}, ${NUM_MODE.exponential}, ${printTo(ctx, digits, NUMBER)})`,
        type: STRING,
      };
    case "toLocaleString":
      return printNumberLocale(ctx, node, receiver);
    default:
      return ctx.refuse(
        node,
        `number.${method}()`,
        "use toString, toFixed, toPrecision, toExponential or toLocaleString",
      );
  }
}

export function stringMethod(ctx: PrintContext, node: ts.CallExpression, s: Printed, method: string): Printed {
  const n = (i: number, absent: string) => arg(ctx, node, i, NUMBER, absent);
  const str = (i: number, absent: string) => arg(ctx, node, i, STRING, absent);
  const r = s.text;
  const regex = regexStringMethod(ctx, node, s, method);
  if (regex) return regex;
  switch (method) {
    case "at":
      return { text: `__ice_s_at(${r}, ${n(0, "0.0")})`, type: optional(STRING) };
    case "charAt":
      return { text: `${r}.charAt(__ice_idx(${n(0, "0.0")}))`, type: STRING };
    case "charCodeAt": {
      const index = node.arguments[0];
      if (!index) return { text: `__ice_char_code(${r}, 0.0)`, type: NUMBER };
      const printed = printExpr(ctx, index, NUMBER);
      const k = exactInt32(printed) ?? printed.index;
      if (k !== undefined) return { text: `__ice_char_code_i(${r}, ${k})`, type: NUMBER };
      return { text: `__ice_char_code(${r}, ${coerce(ctx, printed, NUMBER, index)})`, type: NUMBER };
    }
    case "codePointAt":
      return { text: `__ice_code_point(${r}, ${n(0, "0.0")})`, type: optional(NUMBER) };
    case "indexOf":
      return { text: `__ice_s_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")})`, type: NUMBER };
    case "lastIndexOf":
      return { text: `__ice_s_last_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "NaN")})`, type: NUMBER };
    case "includes":
      return { text: `(__ice_s_index_of(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")}) >= 0)`, type: BOOLEAN };
    case "startsWith":
      return { text: `__ice_s_starts_with(${r}, ${str(0, '"undefined"')}, ${n(1, "0.0")})`, type: BOOLEAN };
    case "endsWith":
      return { text: `__ice_s_ends_with(${r}, ${str(0, '"undefined"')}, ${n(1, "Infinity")})`, type: BOOLEAN };
    case "slice":
      return { text: `__ice_s_slice(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type: STRING };
    case "substr":
      return { text: `__ice_substr(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type: STRING };
    case "substring":
      return { text: `__ice_s_substring(${r}, ${n(0, "0.0")}, ${n(1, "Infinity")})`, type: STRING };
    case "toUpperCase":
      return { text: `__ice_upper(${r})`, type: STRING };
    case "toLowerCase":
      return { text: `__ice_lower(${r})`, type: STRING };
    case "trim":
      return { text: `__ice_trim(${r}, true, true)`, type: STRING };
    case "trimStart":
      return { text: `__ice_trim(${r}, true, false)`, type: STRING };
    case "trimEnd":
      return { text: `__ice_trim(${r}, false, true)`, type: STRING };
    case "padStart":
    case "padEnd":
      return { text: `__ice_pad(${r}, ${n(0, "0.0")}, ${str(1, '" "')}, ${method === "padStart"})`, type: STRING };
    case "repeat":
      return { text: `__ice_repeat(${r}, ${n(0, "0.0")})`, type: STRING };
    case "split":
      if (!node.arguments[0]) return { text: `(<Array<string>>[${r}])`, type: { kind: "array", element: STRING } };
      return {
        text: `__ice_split(${r}, ${str(0, '""')}, ${n(1, "4294967295.0")})`,
        type: { kind: "array", element: STRING },
      };
    case "replace":
      return { text: `__ice_replace(${r}, ${str(0, '""')}, ${str(1, '"undefined"')})`, type: STRING };
    case "replaceAll":
      return { text: `__ice_replace_all(${r}, ${str(0, '""')}, ${str(1, '"undefined"')})`, type: STRING };
    case "concat":
      return { text: `(${[r, ...node.arguments.map((a) => printTo(ctx, a, STRING))].join(" + ")})`, type: STRING };
    case "toString":
    case "valueOf":
      return s;
    default:
      return ctx.refuse(node, `string.${method}()`, "use a supported string method");
  }
}
