/**
 * @fileoverview Lowers a condition expression to the body of a sandboxed function: each distinct
 * path becomes a typed input field (`v0`, `v1`...), and the body returns `{ result: <expr> }`.
 * Types come from the checker's inference (src/check/expressionTypes.ts): declared, or implied by
 * how the expression uses the path (`x > 3` reads a number, `x == "a"` a string, `not x` a boolean).
 */
import { NUMBER, type SchemaField, type SchemaType } from "../../runtime/schema.js";
import { expressionType, pathTypes } from "../check/index.js";
import { Diagnostics, type DiagnosticBag } from "../diagnostics/index.js";
import {
  pathsIn,
  type ConditionNode,
  type EmbeddedSource,
  type Expr,
  type PathExpr,
  type ValueEntry,
} from "../plan/index.js";

/** The inferred type of a reference path, or undefined when nothing declares it. */
export type TypeOracle = (path: readonly string[]) => SchemaType | undefined;

export interface LoweredCondition {
  readonly inputs: readonly ValueEntry[];
  readonly inputFields: readonly SchemaField[];
  readonly body: EmbeddedSource;
}

/**
 * Lowers a condition's expression (or a recursive node's convergence test, which goes the same
 * way); reports untyped paths. A non-boolean expression (ICE2009, the checker's report) lowers
 * to nothing.
 */
export function lowerCondition(
  node: Pick<ConditionNode, "expression" | "source">,
  typeOf: TypeOracle,
  diagnostics: DiagnosticBag,
): LoweredCondition | undefined {
  const types = pathTypes(node.expression, typeOf);
  const fields = new Map<string, { name: string; path: PathExpr; type: SchemaType | undefined }>();
  for (const path of pathsIn(node.expression)) {
    const key = path.path.join(".");
    if (!fields.has(key)) fields.set(key, { name: `v${fields.size}`, path, type: types.get(key) });
  }

  let ok = true;
  for (const field of fields.values()) {
    if (field.type === undefined || field.type.kind === "any") {
      diagnostics.report(Diagnostics.UnknownExpressionType, field.path.span, [
        field.path.path.join("."),
        field.path.path[0] ?? "",
      ]);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const typeOfField = new Map([...fields.values()].map((f) => [f.path.path.join("."), f.type!]));
  const resultType = expressionType(node.expression, (p) => typeOfField.get(p.path.join(".")));
  if (resultType !== undefined && resultType.kind !== "boolean") return undefined;

  const source = node.source;
  const text = render(node.expression, (p) => `inputs.${fields.get(p.path.join("."))!.name}`);
  const start = source.span.start;
  return {
    inputs: [...fields.values()].map((f) => ({
      key: f.name,
      keySpan: f.path.span,
      value: { kind: "ref", path: f.path.path, span: f.path.span },
    })),
    // Integers travel as numbers: conditions follow JavaScript arithmetic (7 / 2 is 3.5).
    inputFields: [...fields.values()].map((f) => ({
      name: f.name,
      type: f.type!.kind === "integer" ? NUMBER : f.type!,
      optional: false,
    })),
    body: {
      text: `return { result: (\n${text}\n) };`,
      lineOrigins: [start, start, source.span.end],
      span: source.span,
    },
  };
}

/** AssemblyScript (and TypeScript) source of an expression, fully parenthesised. */
function render(expr: Expr, path: (p: PathExpr) => string): string {
  switch (expr.kind) {
    case "literal":
      return typeof expr.value === "string" ? JSON.stringify(expr.value) : String(expr.value);
    case "path":
      return path(expr);
    case "unary":
      return `${expr.operator}(${render(expr.operand, path)})`;
    case "binary":
      return `(${render(expr.left, path)} ${expr.operator} ${render(expr.right, path)})`;
  }
}
