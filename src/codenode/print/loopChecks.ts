/**
 * @fileoverview Loops whose condition or step reads a value of type 'any' that may throw for the
 * body's catch (catchableAny.ts): `while (node.next)`, `for (...; cur; cur = cur.next.next)`,
 * `do { ... } while (row.more)` in a try. The read cannot be hoisted before the loop statement
 * (it runs every pass), so the loop is printed with its test inside: `while (true) { <reads,
 * each checked>; if (!test) break; body }`. A pending exception leaves the loop region by `break`
 * (exceptions.ts keeps unwinding after it). `continue` goes to the loop's top, which runs the step
 * (behind a flag that skips it on the first pass) and then the test, as JavaScript does; a
 * do...while with a `continue` has its test at the top too, behind such a flag.
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";
import { state } from "./exceptionRegions.js";
import { isCodeUnit } from "./throwAnalysis.js";
import { findThrowing, hoist } from "./throwingCalls.js";

/** The checked reads of `expr` to run before it each pass (none when nothing in it may throw). */
export function passHoists(ctx: PrintContext, expr: ts.Expression | undefined): string[] {
  if (!expr || findThrowing(ctx, expr).length === 0) return [];
  const line = state(ctx).line;
  return [`__ice_set_line(${line});`, ...hoist(ctx, expr, line)];
}

/** `while (test) body` with the test's reads checked each pass. */
export function checkedWhile(reads: readonly string[], test: string, body: string): string {
  return `while (true) {\n${reads.join("\n")}\nif (!(${test})) break;\n${body}\n}`;
}

/**
 * `do body while (test)` with the test's reads checked each pass. With a `continue` in the body
 * the test runs at the loop's top, from the second pass on (a `continue` goes there).
 */
export function checkedDo(
  ctx: PrintContext,
  statement: ts.DoStatement,
  reads: readonly string[],
  test: string,
  body: string,
): string {
  if (!hasContinue(statement.statement))
    return `while (true) {\n${body}\n${reads.join("\n")}\nif (!(${test})) break;\n}`;
  const started = ctx.fresh("started");
  return `let ${started}: bool = false;\nwhile (true) {\nif (${started}) {\n${reads.join("\n")}\nif (!(${test})) break;\n}\n${started} = true;\n${body}\n}`;
}

/** True when `body` holds a `continue` of its own loop or an outer one (not inside a nested function). */
function hasContinue(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isCodeUnit(n)) return;
    if (ts.isContinueStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** `for (; test; step) body` with the test's and the step's reads checked each pass. */
export function checkedFor(
  ctx: PrintContext,
  testReads: readonly string[],
  test: string,
  stepReads: readonly string[],
  step: string,
  body: string,
): string {
  const check = testReads.length > 0 || test !== "true" ? `${testReads.join("\n")}\nif (!(${test})) break;\n` : "";
  if (stepReads.length === 0) return `for (; ; ${step}) {\n${check}${body}\n}`;
  const started = ctx.fresh("started");
  const stepText = step ? `${step};` : "";
  return `let ${started}: bool = false;\nfor (; ; ) {\nif (${started}) {\n${stepReads.join("\n")}\n${stepText}\n}\n${started} = true;\n${check}${body}\n}`;
}
