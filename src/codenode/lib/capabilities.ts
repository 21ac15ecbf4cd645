/**
 * @fileoverview Library files added to a body's program only when the node is granted the
 * capability (`imports:`): `Math` (math; `Math.random` also needs random), `Date.now` (time),
 * `console.log` (log), `JSON` (json). Without the grant the name is simply not declared, and the
 * front end turns TypeScript's "Cannot find name" into ICE3002 naming the capability. Plugin
 * modules (src/plugin) also get lib/plugin.ts (the pseudo-capability `plugin`).
 */
import { PLUGIN_LIB } from "./plugin.js";

import { JSON_CAPABILITY_LIB } from "./json.js";

const MATH_MEMBERS = `
  readonly E: number;
  readonly LN10: number;
  readonly LN2: number;
  readonly LOG2E: number;
  readonly LOG10E: number;
  readonly PI: number;
  readonly SQRT1_2: number;
  readonly SQRT2: number;
  abs(x: number): number;
  acos(x: number): number;
  acosh(x: number): number;
  asin(x: number): number;
  asinh(x: number): number;
  atan(x: number): number;
  atanh(x: number): number;
  atan2(y: number, x: number): number;
  cbrt(x: number): number;
  ceil(x: number): number;
  cos(x: number): number;
  cosh(x: number): number;
  exp(x: number): number;
  expm1(x: number): number;
  floor(x: number): number;
  fround(x: number): number;
  hypot(...values: number[]): number;
  clz32(x: number): number;
  imul(x: number, y: number): number;
  log(x: number): number;
  log10(x: number): number;
  log1p(x: number): number;
  log2(x: number): number;
  max(...values: number[]): number;
  min(...values: number[]): number;
  pow(x: number, y: number): number;
  round(x: number): number;
  sign(x: number): number;
  sin(x: number): number;
  sinh(x: number): number;
  sqrt(x: number): number;
  tan(x: number): number;
  tanh(x: number): number;
  trunc(x: number): number;`;

/**
 * Date: time values and UTC fields (local time would depend on the host's time zone; its getters
 * and setters are declared so that the printer can say what to write instead).
 */
const DATE_LIB = `
interface Date {
  getTime(): number;
  valueOf(): number;
  toISOString(): string;
  getUTCFullYear(): number;
  getUTCMonth(): number;
  getUTCDate(): number;
  getUTCDay(): number;
  getUTCHours(): number;
  getUTCMinutes(): number;
  getUTCSeconds(): number;
  getUTCMilliseconds(): number;
  setTime(time: number): number;
  setUTCFullYear(year: number, month?: number, date?: number): number;
  setUTCMonth(month: number, date?: number): number;
  setUTCDate(date: number): number;
  setUTCHours(hours: number, min?: number, sec?: number, ms?: number): number;
  setUTCMinutes(min: number, sec?: number, ms?: number): number;
  setUTCSeconds(sec: number, ms?: number): number;
  setUTCMilliseconds(ms: number): number;
  setFullYear(year: number, month?: number, date?: number): number;
  setMonth(month: number, date?: number): number;
  setDate(date: number): number;
  setHours(hours: number, min?: number, sec?: number, ms?: number): number;
  setMinutes(min: number, sec?: number, ms?: number): number;
  setSeconds(sec: number, ms?: number): number;
  setMilliseconds(ms: number): number;
  getFullYear(): number;
  getMonth(): number;
  getDate(): number;
  getDay(): number;
  getHours(): number;
  getMinutes(): number;
  getSeconds(): number;
  getMilliseconds(): number;
  getTimezoneOffset(): number;
  toString(): string;
  toDateString(): string;
  toTimeString(): string;
  toLocaleString(): string;
  toLocaleDateString(): string;
  toLocaleTimeString(): string;
  toUTCString(): string;
}
interface DateConstructor {
  new (): Date;
  new (value: number | string | Date): Date;
  new (year: number, monthIndex: number, date?: number, hours?: number, minutes?: number, seconds?: number, ms?: number): Date;
  now(): number;
  parse(s: string): number;
  UTC(year: number, monthIndex?: number, date?: number, hours?: number, minutes?: number, seconds?: number, ms?: number): number;
}
declare var Date: DateConstructor;`;

/** Library text per capability (a name absent here adds nothing to the program). */
export function capabilityLib(granted: readonly string[]): string {
  const parts: string[] = [];
  if (granted.includes("math") || granted.includes("random")) {
    const random = granted.includes("random") ? "\n  random(): number;" : "";
    const members = granted.includes("math") ? MATH_MEMBERS : "";
    parts.push(`interface Math {${members}${random}\n}\ndeclare var Math: Math;`);
  }
  if (granted.includes("time")) parts.push(DATE_LIB);
  if (granted.includes("json")) parts.push(JSON_CAPABILITY_LIB);
  if (granted.includes("log")) {
    parts.push(
      "interface Console { log(...data: (string | number | boolean)[]): void; info(...data: (string | number | boolean)[]): void; " +
        "warn(...data: (string | number | boolean)[]): void; error(...data: (string | number | boolean)[]): void; " +
        "debug(...data: (string | number | boolean)[]): void; }\ndeclare var console: Console;",
    );
  }
  if (granted.includes("plugin")) parts.push(PLUGIN_LIB);
  return parts.join("\n");
}

/** Global names each capability declares, for "needs capability" diagnostics. */
export const CAPABILITY_GLOBALS: { readonly [name: string]: string } = {
  Math: "math",
  Date: "time",
  console: "log",
  JSON: "json",
  trace: "log",
};
