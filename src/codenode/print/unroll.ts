/**
 * @fileoverview Unrolling of small innermost `for` loops, for fuel: the metering pass puts a fuel
 * check (`__ice_fuel -= N; if (__ice_fuel < 0) ice.tick()`, a read-modify-write of a global) at
 * every loop header, which doubled the time of a loop whose body is a few integer operations.
 * Printing `for (; test; step) body` as
 *
 *   while (true) { if (!test) break; body; step; if (!test) break; body; step; ... }
 *
 * runs exactly the same tests, bodies and steps in the same order (a `break` in the body leaves
 * the `while` as it left the `for`), with one check per UNROLL iterations; the check charges the
 * copies' cost, so fuel stays an upper bound and deterministic. Only bodies without `continue`
 * (it would skip the step), labelled `break`, `try`, nested loops or functions, and short when printed,
 * of loops whose variables no closure captures (those get an environment per iteration).
 */
import { ts } from "../typescript.js";
import { isFunctionLike } from "./context.js";

const UNROLL = 4;
/** Longest printed body (characters of AssemblyScript) worth copying. */
const MAX_BODY = 1200;

/** The unrolled loop, or undefined to print the `for` as it is. */
export function unrolledFor(node: ts.ForStatement, test: string, step: string, body: string): string | undefined {
  if (body.length > MAX_BODY || !unrollable(node.statement)) return undefined;
  const copy = `if (!(${test})) break;\n${body}\n${step ? `${step};` : ""}`;
  return `while (true) {\n${Array.from({ length: UNROLL }, () => copy).join("\n")}\n}`;
}

function unrollable(node: ts.Node): boolean {
  if (
    ts.isContinueStatement(node) ||
    (ts.isBreakStatement(node) && node.label) ||
    ts.isIterationStatement(node, false) ||
    ts.isLabeledStatement(node) ||
    ts.isTryStatement(node) ||
    isFunctionLike(node) ||
    ts.isClassLike(node)
  )
    return false;
  return !ts.forEachChild(node, (child) => (unrollable(child) ? undefined : true));
}
