/**
 * @fileoverview Scope analysis for the idiom lowering: one walk over a body that records where each
 * local name is declared, which names are nested functions, and every assignment to a name.
 * Names are not scoped per block: the first declaration of a name wins (for-of variables excepted).
 */
import { ts } from "ts-morph";
import { isAssignment } from "./predicates.js";

/** A declaration of a local name: a variable, a parameter, or the variable of a `for...of`. */
export type LocalDeclaration = ts.VariableDeclaration | ts.ParameterDeclaration | ts.ForOfStatement;

/** What the body declares and assigns, by name. */
export interface Locals {
  readonly decls: ReadonlyMap<string, LocalDeclaration>;
  /** Names of function declarations (nested functions may call them). */
  readonly functionNames: ReadonlySet<string>;
  /** Every assignment (`=`, `+=`, ...) to a plain name. */
  readonly assignments: ReadonlyMap<string, readonly ts.BinaryExpression[]>;
}

/** Walks `root` (the body's block) and collects its locals. */
export function collectLocals(root: ts.Node): Locals {
  const decls = new Map<string, LocalDeclaration>();
  const functionNames = new Set<string>();
  const assignments = new Map<string, ts.BinaryExpression[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && !decls.has(node.name.text))
      decls.set(node.name.text, node);
    else if (ts.isParameter(node) && ts.isIdentifier(node.name) && !decls.has(node.name.text))
      decls.set(node.name.text, node);
    else if (ts.isFunctionDeclaration(node) && node.name) functionNames.add(node.name.text);
    else if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
      const [decl] = node.initializer.declarations;
      if (decl && ts.isIdentifier(decl.name)) decls.set(decl.name.text, node);
    } else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(node.left)) {
      const list = assignments.get(node.left.text) ?? [];
      list.push(node);
      assignments.set(node.left.text, list);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return { decls, functionNames, assignments };
}
