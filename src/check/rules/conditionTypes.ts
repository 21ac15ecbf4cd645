/**
 * @fileoverview ICE2009, ICE2008: a condition (and a recursive node's convergence test) evaluates to a boolean (reported with the type it
 * has: `count.n + 1` is a number, `label.text` a string), and the operands of its operators fit
 * them: ordering and arithmetic take numbers (ordering also strings), `==` compares values of
 * one kind. Only declared types are compared; a path nothing types is reported by lowering
 * (ICE2018) and never here.
 */
import { formatType, type SchemaType } from "../../../runtime/schema.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { Expr, PlanNode } from "../../plan/index.js";
import { roundTypeOracle } from "../roundTypes.js";
import type { CheckContext } from "../context.js";
import { expressionType, known, pathTypes, type PathTyper } from "../expressionTypes.js";
import { typeOfReference } from "../types.js";

export function conditionTypes(context: CheckContext): void {
  for (const { node, containers } of context.entries) {
    if (node.kind !== "condition" && (node.kind !== "recursive" || !node.convergence)) continue;
    const outer: PathTyper = (path) => typeOfReference(context.workflow, path, containers);
    const declared = node.kind === "recursive" ? roundTypeOracle(node, outer) : outer;
    const expression = node.kind === "condition" ? node.expression : node.convergence!.expression;
    checkOperands(context, node, expression, declared);
    const types = pathTypes(expression, declared);
    if ([...types.values()].some((t) => t === undefined)) continue;
    const result = expressionType(expression, (p) => types.get(p.path.join(".")));
    if (result && result.kind !== "boolean")
      context.report(Diagnostics.ConditionNotBoolean, expression.span, [formatType(result)]);
  }
}

type Family = "number" | "string" | "boolean" | "structure";

function familyOf(type: SchemaType): Family {
  switch (type.kind) {
    case "number":
    case "integer":
      return "number";
    case "string":
    case "boolean":
      return type.kind;
    default:
      return "structure";
  }
}

/** Reports operands whose declared types do not fit their operator. */
function checkOperands(context: CheckContext, node: PlanNode, expr: Expr, declared: PathTyper): void {
  const typeOf = (e: Expr): SchemaType | undefined =>
    e.kind === "path" ? known(declared(e.path)) : e.kind === "literal" ? expressionType(e, () => undefined) : undefined;
  const mismatch = (operand: Expr, what: string, expected: string, got: SchemaType): void =>
    context.report(Diagnostics.TypeMismatch, operand.span, [
      `${what} in ${node.kind === "condition" ? "condition" : "the convergence condition of"} '${node.id}'`,
      expected,
      formatType(got),
    ]);
  switch (expr.kind) {
    case "literal":
    case "path":
      return;
    case "unary": {
      checkOperands(context, node, expr.operand, declared);
      const operand = typeOf(expr.operand);
      if (expr.operator === "-" && operand && familyOf(operand) !== "number")
        mismatch(expr.operand, "the operand of '-'", "number", operand);
      return;
    }
    case "binary": {
      checkOperands(context, node, expr.left, declared);
      checkOperands(context, node, expr.right, declared);
      const [left, right] = [typeOf(expr.left), typeOf(expr.right)];
      const op = expr.operator;
      if ("-*/%".includes(op)) {
        for (const [side, type] of [
          [expr.left, left],
          [expr.right, right],
        ] as const) {
          if (type && familyOf(type) !== "number") mismatch(side, `an operand of '${op}'`, "number", type);
        }
      } else if (["<", "<=", ">", ">="].includes(op)) {
        for (const [side, type] of [
          [expr.left, left],
          [expr.right, right],
        ] as const) {
          if (type && familyOf(type) !== "number" && familyOf(type) !== "string")
            mismatch(side, `an operand of '${op}'`, "number or string", type);
        }
        if (
          left &&
          right &&
          familyOf(left) !== familyOf(right) &&
          familyOf(left) !== "structure" &&
          familyOf(right) !== "structure"
        )
          mismatch(expr.right, `the right side of '${op}'`, familyOf(left), right);
      } else if (op === "==" || op === "!=") {
        if (left && right && familyOf(left) !== familyOf(right))
          mismatch(
            expr.right,
            `the right side of '${op}'`,
            familyOf(left) === "structure" ? formatType(left) : familyOf(left),
            right,
          );
      }
      return;
    }
  }
}
