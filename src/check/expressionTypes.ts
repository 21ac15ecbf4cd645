/**
 * @fileoverview Types of condition expressions. A path has its declared type (typeOfReference);
 * a path whose type is unknown takes the type its use implies, as the sandbox lowering types it
 * (src/lower/conditionBody.ts): `x > 3` reads a number, `x == "a"` a string, `not x` and
 * `x and y` booleans, the whole expression a boolean. Operators give: comparisons and logic a
 * boolean, `+` a string when either side is one, other arithmetic a number.
 */
import { BOOLEAN, NUMBER, STRING, type SchemaType } from "../../runtime/schema.js";
import type { Expr, LiteralExpr, PathExpr } from "../plan/index.js";

/** The declared type of a path; undefined (or `any`) when nothing declares it. */
export type PathTyper = (path: readonly string[]) => SchemaType | undefined;

const COMPARISONS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">="]);
const LOGICAL: ReadonlySet<string> = new Set(["&&", "||"]);

/**
 * The type of each distinct path of `expr` (by its dotted text): declared, else implied by its
 * first use that implies one; undefined when neither says.
 */
export function pathTypes(expr: Expr, declared: PathTyper): Map<string, SchemaType | undefined> {
  const types = new Map<string, SchemaType | undefined>();
  const collect = (e: Expr, hint: SchemaType | undefined): void => {
    switch (e.kind) {
      case "literal":
        return;
      case "path": {
        const key = e.path.join(".");
        if (types.has(key)) {
          if (types.get(key) === undefined) types.set(key, hint);
        } else types.set(key, known(declared(e.path)) ?? hint);
        return;
      }
      case "unary":
        collect(e.operand, e.operator === "!" ? BOOLEAN : NUMBER);
        return;
      case "binary": {
        const logical = LOGICAL.has(e.operator);
        const arithmetic = "-*/%".includes(e.operator);
        collect(e.left, logical ? BOOLEAN : arithmetic ? NUMBER : literalType(e.right));
        collect(e.right, logical ? BOOLEAN : arithmetic ? NUMBER : literalType(e.left));
        return;
      }
    }
  };
  collect(expr, BOOLEAN);
  return types;
}

/** The type an expression evaluates to; undefined when an operand's type is unknown. */
export function expressionType(
  expr: Expr,
  typeOfPath: (path: PathExpr) => SchemaType | undefined,
): SchemaType | undefined {
  switch (expr.kind) {
    case "literal":
      return literalType(expr);
    case "path":
      return typeOfPath(expr);
    case "unary":
      return expr.operator === "!" ? BOOLEAN : NUMBER;
    case "binary": {
      if (LOGICAL.has(expr.operator) || COMPARISONS.has(expr.operator)) return BOOLEAN;
      const left = expressionType(expr.left, typeOfPath);
      const right = expressionType(expr.right, typeOfPath);
      if (expr.operator === "+" && (left?.kind === "string" || right?.kind === "string")) return STRING;
      return NUMBER;
    }
  }
}

/** A type that says something: `any` says nothing. */
export function known(type: SchemaType | undefined): SchemaType | undefined {
  return type?.kind === "any" ? undefined : type;
}

function literalType(expr: Expr): SchemaType | undefined {
  if (expr.kind !== "literal") return undefined;
  const value = (expr as LiteralExpr).value;
  return typeof value === "string" ? STRING : typeof value === "boolean" ? BOOLEAN : NUMBER;
}
