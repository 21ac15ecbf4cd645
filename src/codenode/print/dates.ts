/**
 * @fileoverview `Date` under the `time` capability, lowered to support/dates.ts: `new Date()`,
 * `new Date(ms | isoString | date)`, `Date.now`, `Date.parse`, `Date.UTC`, `getTime`,
 * `valueOf`, `toISOString`, the UTC getters and setters, `setTime`. What depends on the host's time zone (local
 * getters, `new Date(y, m, d)`, `toString`, `toLocale*String`) is refused with the UTC form to
 * write instead; a non-ISO date string traps at run time (engines parse those by their own rules).
 */
import { ts } from "../typescript.js";
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

/** UTC setters: the first field they set (numbered as `__ice_date_field`'s) and how many they may set. */
const UTC_SETTERS: { readonly [method: string]: readonly [first: number, most: number] } = {
  setUTCFullYear: [0, 3],
  setUTCMonth: [1, 2],
  setUTCDate: [2, 1],
  setUTCHours: [3, 4],
  setUTCMinutes: [4, 3],
  setUTCSeconds: [5, 2],
  setUTCMilliseconds: [6, 1],
};

export function dateMethod(ctx: PrintContext, node: ts.CallExpression, d: Printed, method: string): Printed {
  if (method === "getTime" || method === "valueOf") return { text: `${d.text}.t`, type: NUMBER };
  if (node.arguments.some((a) => ts.isSpreadElement(a)))
    return ctx.refuse(node, `date.${method}(...spread)`, "pass each value as its own argument");
  if (method === "setTime") {
    const r = ctx.temp(DATE);
    return { text: `(${r} = ${d.text}, ${r}.t = __ice_time_clip(${arg(ctx, node, 0, NUMBER, "NaN")}))`, type: NUMBER };
  }
  const setter = UTC_SETTERS[method];
  if (setter) {
    // Every argument is evaluated (JavaScript converts each before looking at the date); an
    // argument that is present sets its field, even as NaN.
    const [first, most] = setter;
    const given = Math.min(node.arguments.length, most);
    const values = [0, 1, 2, 3].map((i) => (i < given ? arg(ctx, node, i, NUMBER, "NaN") : "NaN"));
    return { text: `__ice_date_set(${d.text}, ${first}, ${given}, ${values.join(", ")})`, type: NUMBER };
  }
  const local = /^set(FullYear|Month|Date|Hours|Minutes|Seconds|Milliseconds)$/.exec(method);
  if (local)
    return ctx.refuse(
      node,
      `date.${method}() (local time, which depends on the host's time zone)`,
      `use date.setUTC${local[1]}() (code nodes compute in UTC)`,
    );
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
