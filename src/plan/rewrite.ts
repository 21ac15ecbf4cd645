/**
 * @fileoverview Rewriting the references of a plan: one function maps every reference path (in
 * values, templates, condition and convergence expressions, at any depth) and rebuilds the nodes
 * around them. Front ends use it to give dialect spellings their plan meaning.
 */
import type { Expr } from "./expression.js";
import type { PlanNode, Workflow } from "./node.js";
import type { RefValue, Value, ValueEntry } from "./value.js";

/** Maps one reference path (its root and fields) to another; returning `path` keeps it. */
export type PathRewrite = (path: readonly string[]) => readonly string[];

/** The workflow with every reference path passed through `rewrite`. */
export function rewriteReferences(workflow: Workflow, rewrite: PathRewrite): Workflow {
  const value = (v: Value): Value => rewriteValue(v, rewrite);
  const entries = (list: readonly ValueEntry[]): ValueEntry[] => list.map((e) => ({ ...e, value: value(e.value) }));
  const expr = (e: Expr): Expr => rewriteExpr(e, rewrite);
  const node = (n: PlanNode): PlanNode => {
    switch (n.kind) {
      case "tool":
        return { ...n, args: entries(n.args) };
      case "code":
        return { ...n, inputs: entries(n.inputs) };
      case "workflow":
        return { ...n, inputs: entries(n.inputs) };
      case "condition":
        return { ...n, expression: expr(n.expression) };
      case "loop":
        return { ...n, itemsSource: value(n.itemsSource), body: n.body.map(node) };
      case "parallel":
        return { ...n, branches: n.branches.map((b) => b.map(node)) };
      case "llm":
      case "agent":
        return {
          ...n,
          prompt: rewriteValue(n.prompt, rewrite) as typeof n.prompt,
          ...(n.model && { model: value(n.model) }),
        };
      case "recursive":
        return {
          ...n,
          prompt: rewriteValue(n.prompt, rewrite) as typeof n.prompt,
          ...(n.model && { model: value(n.model) }),
          ...(n.convergence && { convergence: { ...n.convergence, expression: expr(n.convergence.expression) } }),
        };
    }
  };
  return { ...workflow, nodes: workflow.nodes.map(node), outputs: entries(workflow.outputs) };
}

function rewriteRef(ref: RefValue, rewrite: PathRewrite): RefValue {
  const path = rewrite(ref.path);
  const fallback = ref.fallback?.kind === "ref" ? rewriteRef(ref.fallback, rewrite) : ref.fallback;
  return path === ref.path && fallback === ref.fallback ? ref : { ...ref, path, ...(fallback && { fallback }) };
}

function rewriteValue(value: Value, rewrite: PathRewrite): Value {
  switch (value.kind) {
    case "ref":
      return rewriteRef(value, rewrite);
    case "literal":
      return value;
    case "template":
      return { ...value, parts: value.parts.map((p) => (typeof p === "string" ? p : rewriteRef(p, rewrite))) };
    case "object":
      return { ...value, entries: value.entries.map((e) => ({ ...e, value: rewriteValue(e.value, rewrite) })) };
    case "array":
      return { ...value, items: value.items.map((i) => rewriteValue(i, rewrite)) };
  }
}

function rewriteExpr(expr: Expr, rewrite: PathRewrite): Expr {
  switch (expr.kind) {
    case "literal":
      return expr;
    case "path": {
      const path = rewrite(expr.path);
      return path === expr.path ? expr : { ...expr, path };
    }
    case "unary":
      return { ...expr, operand: rewriteExpr(expr.operand, rewrite) };
    case "binary":
      return { ...expr, left: rewriteExpr(expr.left, rewrite), right: rewriteExpr(expr.right, rewrite) };
  }
}
