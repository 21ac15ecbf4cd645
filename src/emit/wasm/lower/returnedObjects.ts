/**
 * @fileoverview Finds the object literals a body returns, so that the lowering can check them
 * against output_schema: a literal in a `return` of the body itself (not of a nested function),
 * or the literal a local is initialised with when that local is what gets returned.
 */
import { ts } from "ts-morph";
import type { ObjectType } from "../../../../runtime/schema.js";
import type { Locals } from "./locals.js";
import { skipParens } from "./predicates.js";

/** Object literals of a known type, and the locals to annotate `: Output`. */
export interface ReturnedObjects {
  /** Object literals whose type is known (the returned object; what it nests is added while emitting). */
  readonly literalTypes: Map<ts.Node, ObjectType>;
  /** Variables initialised with an object literal and returned: annotated `: Output`. */
  readonly outputVars: ReadonlySet<ts.VariableDeclaration>;
}

/** Registers the returned object literal (directly, or through a local) as an Output. */
export function findReturnedObjects(root: ts.Node, locals: Locals, outputType: ObjectType): ReturnedObjects {
  const literalTypes = new Map<ts.Node, ObjectType>();
  const outputVars = new Set<ts.VariableDeclaration>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) {
      const value = skipParens(node.expression);
      if (ts.isObjectLiteralExpression(value)) literalTypes.set(value, outputType);
      else if (ts.isIdentifier(value)) {
        const decl = locals.decls.get(value.text);
        if (
          decl &&
          ts.isVariableDeclaration(decl) &&
          !decl.type &&
          decl.initializer &&
          ts.isObjectLiteralExpression(skipParens(decl.initializer))
        ) {
          outputVars.add(decl);
          literalTypes.set(skipParens(decl.initializer), outputType);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return { literalTypes, outputVars };
}
