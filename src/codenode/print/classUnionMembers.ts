/**
 * @fileoverview Members of a union of class instances that their common type does not declare
 * (classUnions.ts types `Fetch | Parse` as their base `Step`): `s.kind()` where both subclasses
 * declare `kind` and `Step` does not. TypeScript accepts it; the value, typed as the base here, has
 * no such member, so each such use is refused where written (found by a scan of the body).
 */
import { commonClassSymbol } from "../classUnions.js";
import { ts } from "../typescript.js";
import { type PrintContext, Refused } from "./context.js";

/** Refuses every read or call of a member the common type of a class union lacks. */
export function refuseUnionMembers(ctx: PrintContext, root: ts.Node): void {
  if (ctx.classes.userClasses.size === 0) return;
  const checker = ctx.checker;
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) {
      const type = checker.getNonNullableType(checker.getTypeAtLocation(n.expression));
      const common = type.isUnion() ? commonClassSymbol(checker, type.types, ctx.classes) : undefined;
      const name = n.name.text;
      if (common && !checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(common), name))
        try {
          ctx.refuse(
            n.name,
            `'${name}' of a '${checker.typeToString(type)}' value, which their common type '${common.name}' does not declare`,
            `declare '${name}' in '${common.name}' (abstract if need be), or narrow the value with 'instanceof' first`,
          );
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
        }
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
}
