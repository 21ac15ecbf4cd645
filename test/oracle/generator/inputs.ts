/**
 * @fileoverview Random inputs for generated programs: numbers near 2^31 and 2^53, negative zero,
 * fractions, huge and tiny floats; empty and unicode strings; empty arrays; JSON text with
 * fields of mixed types (jsonTexts.ts). Every program takes
 * the same input schema (INPUT_SCHEMA), so the generator may read any field.
 */
import type { Fields } from "../schema.js";
import { randomJsonText } from "./jsonTexts.js";
import type { Random } from "./random.js";

export const INPUT_SCHEMA: Fields = {
  a: "number",
  b: "number",
  n: "integer",
  s: "string",
  t: "string",
  xs: "number[]",
  ws: "string[]",
  /** JSON text with mixed-type fields (jsonTexts.ts), read as `any`. */
  j: "string",
};

const SPECIAL_NUMBERS = [
  0, -0, 1, -1, 2, 3, 0.5, -0.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1.005, 123.456, 1e21, 1e-7, 5e-324, 1.7976931348623157e308,
  2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296, 9007199254740991, 9007199254740992,
  -9007199254740991, 1e15, 100, 1000000000,
];
/** `integer` fields stay inside 32 bits here: the runtime's input check is covered by the corpus. */
const SPECIAL_INTEGERS = [0, 1, -1, 2, 3, 7, 10, 100, -100, 2147483647, -2147483648, 2147483646, 65536, 1000000000];
const STRINGS = [
  "",
  "a",
  "ab",
  "hello world",
  "Hello",
  "héllo",
  "日本語",
  "👍🏽",
  "a,b,,c",
  " x ",
  "0",
  "1.5",
  "-0",
  "Z",
  // a lone surrogate, a pair split by a letter, final sigma, case mappings that change length
  "\ud83d",
  "a\udc4dz",
  "ΑΣ ς",
  "ßİ",
];

export function randomNumber(r: Random): number {
  return r.weighted<number>([
    [5, () => r.pick(SPECIAL_NUMBERS)],
    [3, () => r.int(21) - 10],
    [2, () => Math.round((r.next() * 200 - 100) * 1000) / 1000],
  ]);
}

export function randomInteger(r: Random): number {
  return r.weighted<number>([
    [1, () => r.pick(SPECIAL_INTEGERS)],
    [2, () => r.int(21) - 10],
  ]);
}

export function randomString(r: Random): string {
  return r.weighted<string>([
    [4, () => r.pick(STRINGS)],
    [1, () => `${r.pick(STRINGS)} ${r.pick(STRINGS)}`],
  ]);
}

function list<T>(r: Random, item: () => T): T[] {
  const n = r.pick([0, 1, 2, 3, 3, 4, 5]);
  return Array.from({ length: n }, item);
}

/** One input object for INPUT_SCHEMA. */
export function randomInput(r: Random): Record<string, unknown> {
  return {
    a: randomNumber(r),
    b: randomNumber(r),
    n: randomInteger(r),
    s: randomString(r),
    t: randomString(r),
    xs: list(r, () => randomNumber(r)),
    ws: list(r, () => randomString(r)),
    j: randomJsonText(r),
  };
}
