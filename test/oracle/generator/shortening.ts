/**
 * @fileoverview Generated expressions whose array callbacks shorten the array they walk (found
 * fragile by the redteam3 corpus, test/oracle/corpus/redTeam3.ts): `filter`, `flatMap`, `some`,
 * `every` and `reduce` skip the indexes the callback removed, as JavaScript does. The callback
 * works on a copy (`[...A]`), so the program's own arrays keep their length; the callback's own
 * parameters (`sz`, `szi`, `sza`) are read by nothing else, so shadowing them in a nested copy is
 * harmless. Callbacks never grow the array: every program still terminates.
 */
import { type Expr, expr } from "./ast.js";
import type { Random } from "./random.js";

type Sub = (ty: "nums" | "num") => Expr;

/** How a callback shortens `sza` at index `szi` (each a boolean-valued expression). */
function shorten(r: Random): string {
  return r.pick([
    "sza.pop() !== undefined",
    "sza.shift() !== undefined",
    "sza.splice(0, 1).length > 0",
    "sza.splice(szi + 1, 2).length > 0",
    "sza.splice(-1, 1).length > 0",
    "(sza.length = Math.min(sza.length, 1)) > 0",
  ]);
}

function when(r: Random): string {
  return `szi === ${r.pick(["0", "1", "2"])}`;
}

function threshold(r: Random): string {
  return r.pick(["0", "1", "(-1)", "2.5"]);
}

/** A number array: `[...A].filter(...)` or `[...A].flatMap(...)` that shortens its copy. */
export function shorteningNums(r: Random, sub: Sub): Expr {
  const test = `(${when(r)} && ${shorten(r)})`;
  return r.chance(0.6)
    ? expr("nums", ["[...", `].filter((sz, szi, sza) => ${test} || sz > ${threshold(r)})`], [sub("nums")])
    : expr("nums", ["[...", `].flatMap((sz, szi, sza) => (${test} ? [sz] : [sz, -sz]))`], [sub("nums")]);
}

/** A number: `[...A].reduce(...)` whose callback shortens the copy. */
export function shorteningNum(r: Random, sub: Sub): Expr {
  return expr(
    "num",
    ["[...", `].reduce((sacc, sz, szi, sza) => (${when(r)} && ${shorten(r)} ? sacc - sz : sacc + sz), `, ")"],
    [sub("nums"), sub("num")],
  );
}

/** A boolean: `[...A].some(...)` or `.every(...)` whose callback shortens the copy. */
export function shorteningBool(r: Random, sub: Sub): Expr {
  const method = r.pick(["some", "every"]);
  return expr(
    "bool",
    ["[...", `].${method}((sz, szi, sza) => (${when(r)} && ${shorten(r)}) !== sz > ${threshold(r)})`],
    [sub("nums")],
  );
}
