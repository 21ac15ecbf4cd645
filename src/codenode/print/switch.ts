/**
 * @fileoverview `switch`: JavaScript's === against each case in order, then fall-through from the
 * entry case (an if-chain picks it; the cases run as one block from there). Subjects are numbers,
 * strings, booleans (`switch (true)` with boolean cases), JSON values, and `string | undefined`
 * style optionals compared as JSON values.
 */
import { ts } from "../typescript.js";
import { isNullish, JSON_VALUE, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo } from "./expressions.js";
import { blockEnvEntry } from "./functions.js";
import { printStatements } from "./statements.js";

/**
 * A case's value compared with a boolean subject (`switch (true) { case n > 10: ... }`): it must be
 * a boolean itself (=== never converts, so another type would never match).
 */
function caseValue(ctx: PrintContext, node: ts.Expression, subject: ValueType): string {
  if (subject.kind !== "boolean") return printTo(ctx, node, subject);
  const value = printExpr(ctx, node);
  if (value.type.kind !== "boolean")
    return ctx.refuse(node, "a case that is not a boolean in a switch over a boolean", "write a comparison");
  return value.text;
}

/**
 * A switch over `string | undefined` (an optional parameter, `m.get(k)`, a missing field) compares
 * as JavaScript's ===, through the subject as a JSON value (undefined matches only `case undefined`).
 */
function optionalSubject(ctx: PrintContext, at: ts.Expression, subject: Printed): Printed {
  const t = subject.type;
  if (t.kind !== "optional" || isNullish(t)) return subject;
  if (t.inner.kind !== "string" && t.inner.kind !== "number" && t.inner.kind !== "boolean") return subject;
  return { text: coerce(ctx, subject, JSON_VALUE, at), type: JSON_VALUE };
}

export function printSwitch(ctx: PrintContext, node: ts.SwitchStatement): string {
  const subject = optionalSubject(ctx, node.expression, printExpr(ctx, node.expression));
  const json = subject.type.kind === "json";
  const kind = subject.type.kind;
  if (kind !== "number" && kind !== "string" && kind !== "boolean" && !json)
    return ctx.refuse(node.expression, "switch over this value", "switch over a number, a string or a boolean");
  const temp = ctx.temp(subject.type);
  // JavaScript compares with ===, in order, and falls through: an if-chain picks the entry case,
  // then the cases run as one block from there.
  const clauses = node.caseBlock.clauses;
  const entry = ctx.fresh("c");
  const tests: string[] = [];
  clauses.forEach((clause, i) => {
    if (ts.isCaseClause(clause))
      tests.push(
        json
          ? `if (${entry} < 0 && __ice_j_seq(${temp}, ${printTo(ctx, clause.expression, subject.type)})) ${entry} = ${i};`
          : `if (${entry} < 0 && ${temp} == ${caseValue(ctx, clause.expression, subject.type)}) ${entry} = ${i};`,
      );
  });
  const fallback = clauses.findIndex((c) => ts.isDefaultClause(c));
  const bodies = clauses.map((clause, i) => `if (${entry} <= ${i}) {\n${printStatements(ctx, clause.statements)}\n}`);
  return [
    `${temp} = ${subject.text};`,
    blockEnvEntry(ctx, node.caseBlock),
    `let ${entry}: i32 = -1;`,
    ...tests,
    `if (${entry} < 0) ${entry} = ${fallback < 0 ? clauses.length : fallback};`,
    `do {\n${bodies.join("\n")}\n} while (false);`,
  ].join("\n");
}
