/**
 * @fileoverview `Date` under the `time` capability, lowered to support/dates.ts: `new Date()`,
 * `new Date(ms | isoString | date)`, `Date.now`, `Date.parse`, `Date.UTC`, `getTime`,
 * `valueOf`, `toISOString` and the UTC getters. What depends on the host's time zone (local
 * getters, `new Date(y, m, d)`, `toString`, `toLocale*String`) is refused with the UTC form to
 * write instead; a non-ISO date string traps at run time (engines parse those by their own rules).
 */
import type { ts } from "ts-morph";
import { NUMBER, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { arg } from "./calls.js";
import { printExpr } from "./expressions.js";

const DATE = { kind: "date" } as const;

/** UTC field numbers of `__ice_date_field`. */
const UTC_FIELDS: { readonly [method: string]: number } = {
  getUTCFullYear: 0,
  getUTCMonth: 1,
  getUTCDate: 2,
  getUTCHours: 3,
  getUTCMinutes: 4,
  getUTCSeconds: 5,
  getUTCMilliseconds: 6,
  getUTCDay: 7,
};

export function newDate(ctx: PrintContext, node: ts.NewExpression): Printed {
  const args = node.arguments ?? [];
  if (args.length === 0) return { text: "new __ice_Date(<f64>Date.now())", type: DATE };
  if (args.length > 1)
    return ctx.refuse(
      node,
      "new Date(year, month, ...) (local time, which depends on the host's time zone)",
      "write new Date(Date.UTC(year, month, ...))",
    );
  const value = printExpr(ctx, args[0]!);
  switch (value.type.kind) {
    case "number":
      return { text: `new __ice_Date(__ice_time_clip(${value.text}))`, type: DATE };
    case "string":
      return { text: `new __ice_Date(__ice_date_parse(${value.text}))`, type: DATE };
    case "date":
      return { text: `new __ice_Date(${value.text}.t)`, type: DATE };
    default:
      return ctx.refuse(args[0]!, "new Date of this value", "pass a number of milliseconds or an ISO date string");
  }
}

export function dateStatic(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const n = (i: number, absent: string) => arg(ctx, node, i, NUMBER, absent);
  switch (method) {
    case "now":
      return { text: "(<f64>Date.now())", type: NUMBER };
    case "parse":
      return { text: `__ice_date_parse(${arg(ctx, node, 0, STRING, '"undefined"')})`, type: NUMBER };
    case "UTC":
      return {
        text: `__ice_date_utc(${n(0, "NaN")}, ${n(1, "0.0")}, ${n(2, "1.0")}, ${n(3, "0.0")}, ${n(4, "0.0")}, ${n(5, "0.0")}, ${n(6, "0.0")})`,
        type: NUMBER,
      };
    default:
      return ctx.refuse(node, `Date.${method}`, "use Date.now, Date.parse or Date.UTC");
  }
}

export function dateMethod(ctx: PrintContext, node: ts.CallExpression, d: Printed, method: string): Printed {
  if (method === "getTime" || method === "valueOf") return { text: `${d.text}.t`, type: NUMBER };
  if (method === "toISOString") return { text: `__ice_date_iso(${d.text}.t)`, type: STRING };
  const field = UTC_FIELDS[method];
  if (field !== undefined) return { text: `__ice_date_field(${d.text}.t, ${field})`, type: NUMBER };
  const utc = /^get(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)$/.exec(method);
  if (utc)
    return ctx.refuse(
      node,
      `date.${method}() (local time, which depends on the host's time zone)`,
      `use date.getUTC${utc[1]}() (code nodes compute in UTC)`,
    );
  return ctx.refuse(
    node,
    `date.${method}()`,
    "use getTime(), toISOString() or the getUTC...() getters (local time depends on the host's time zone)",
  );
}
