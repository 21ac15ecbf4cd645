/**
 * @fileoverview The JSON text every generated program receives as `inputs.j`, read as `any` by
 * anyJson.ts. Its shape is fixed where the programs store a field into a typed slot (`x` is always
 * a number, `name` and the rows' `name` always texts, `meta` always `{ id: number, tag: string }`:
 * a mistyped value stored into a typed slot stops the node on purpose, README "What code nodes
 * support"), and mixed where they only compute with the `any` itself: `m`, `k` and the rows' `v`
 * are numbers, numeric and other texts, null, booleans, arrays, objects or missing, so that
 * concatenation, comparison and arithmetic of such values must agree with JavaScript.
 */
import type { Random } from "./random.js";

const NUMBERS = [
  0, -0, 1, -1, 2, 7, 0.5, -2.5, 0.1, 100, 1e21, 2147483648, -2147483649, 9007199254740992, 1e-7, 123.456,
];
const TEXTS = ["", "a", "5", " 7 ", "1e3", "0x10", "-0", "Infinity", "null", "true", "héllo", "👍", "3.5", "abc"];

function num(r: Random): number {
  return r.chance(0.6) ? r.pick(NUMBERS) : r.int(21) - 10;
}

/** A value of any JSON type (undefined: the field is left out). */
function mixed(r: Random): unknown {
  return r.weighted<unknown>([
    [4, () => num(r)],
    [3, () => r.pick(TEXTS)],
    [1, () => null],
    [1, () => r.chance(0.5)],
    [1, () => undefined],
    [0.5, () => [num(r)]],
    [0.5, () => ({ a: num(r) })],
  ]);
}

/** JSON text of `{ x, name, m, k, rows: [{ name, v }], meta: { id, tag } }`, mixed where said. */
export function randomJsonText(r: Random): string {
  const rows = Array.from({ length: r.pick([0, 1, 2, 3, 4]) }, () => ({
    name: r.pick(TEXTS),
    v: mixed(r),
    ...(r.chance(0.5) && { w: num(r) }),
  }));
  const data = {
    x: num(r),
    name: r.pick(TEXTS),
    m: mixed(r),
    k: mixed(r),
    rows,
    meta: { id: num(r), tag: r.pick(TEXTS) },
  };
  // JSON.stringify writes -0 as 0: put the sign back in the text, where JSON.parse reads it.
  return JSON.stringify(data, (_, v) => (Object.is(v, -0) ? "__minus_zero__" : v)).replace(/"__minus_zero__"/g, "-0");
}
