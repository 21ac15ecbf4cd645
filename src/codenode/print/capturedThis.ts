/**
 * @fileoverview `this` inside arrow functions nested in a method, accessor or constructor
 * (`this.items.map((x) => this.scale * x)`, nested arrows, an arrow stored and called later; an
 * arrow in a field initializer is refused by classExpressions.ts). An arrow has no `this` of its own: it reads its unit's, which never changes during a
 * call, so the unit copies `this` into its environment object once (`__ice_e.__ice_this`, right
 * after `super(...)` in a derived constructor) and the lifted arrows read it from there like any
 * captured variable. A `function` nested in a method has its own `this` and stays refused.
 */
import { ts } from "../typescript.js";
import type { ValueType } from "../types.js";
import { isFunctionLike, type PrintContext, type Printed } from "./context.js";
import { isStatic } from "./throwAnalysis.js";

/** The environment field holding the unit's `this`. */
export const THIS_FIELD = "__ice_this";

/**
 * For `this` read inside arrow functions: the outermost of those arrows (its definer is the unit
 * whose `this` it reads). Undefined when `this` is not inside an arrow, or when a non-arrow
 * function between it and its class gives it another `this`.
 */
export function outermostArrow(node: ts.Node): ts.ArrowFunction | undefined {
  let arrow: ts.ArrowFunction | undefined;
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isArrowFunction(p)) {
      arrow = p;
      continue;
    }
    if (isFunctionLike(p) || ts.isPropertyDeclaration(p) || ts.isClassLike(p) || ts.isClassStaticBlockDeclaration(p))
      return isUnitWithThis(p) && !ts.isPropertyDeclaration(p) ? arrow : undefined;
  }
  return undefined;
}

/** A class member whose `this` is an instance: a method, accessor, constructor or field initializer. */
function isUnitWithThis(node: ts.Node): boolean {
  if (ts.isClassLike(node)) return false;
  if (!ts.isClassLike(node.parent)) return false;
  if (
    !ts.isMethodDeclaration(node) &&
    !ts.isGetAccessorDeclaration(node) &&
    !ts.isSetAccessorDeclaration(node) &&
    !ts.isConstructorDeclaration(node) &&
    !ts.isPropertyDeclaration(node)
  )
    return false;
  return !isStatic(node);
}

const captures = new WeakMap<ts.Node, boolean>();

/** True when arrows inside the unit `unit` (as ctx.functionOf names it) read its `this`. */
export function capturesThis(ctx: PrintContext, unit: ts.Node): boolean {
  let found = captures.get(unit);
  if (found !== undefined) return found;
  found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      const arrow = outermostArrow(node);
      if (arrow && ctx.functionOf(arrow) === unit) found = true;
    }
    ts.forEachChild(node, visit);
  };
  // A constructor unit also runs the field initializers of its class (PrintContext.functionOf).
  const cls = ts.isClassLike(unit) ? unit : ts.isConstructorDeclaration(unit) ? unit.parent : undefined;
  visit(cls ?? unit);
  captures.set(unit, found);
  return found;
}

/** Adds the `this` field to a unit's environment, typed as its instance; the statement that fills it. */
export function thisIntoEnv(ctx: PrintContext, unit: ts.Node, type: ValueType): string {
  const env = ctx.stateFor(unit)?.env;
  if (!env || !capturesThis(ctx, unit)) return "";
  if (!env.fields.some((f) => f.name === THIS_FIELD)) env.fields.push({ name: THIS_FIELD, type });
  return `__ice_e.${THIS_FIELD} = this;`;
}

/** `this` read inside an arrow: the unit's copy in its environment. */
export function printCapturedThis(ctx: PrintContext, arrow: ts.ArrowFunction, type: ValueType): Printed {
  return { text: `${ctx.envOf(ctx.functionOf(arrow))}.${THIS_FIELD}!`, type };
}
