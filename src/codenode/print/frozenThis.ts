/**
 * @fileoverview `Object.freeze(this)` in a constructor (an immutable config or message class). A
 * frozen instance refuses every later write of its properties with a TypeError (class code is
 * strict), a subclass's field definitions included. Compiled where no write can follow, so
 * freezing changes nothing observable: the last statement of the constructor of a class that no
 * body class extends, whose instance fields (its own and its bases', parameter properties
 * included) are all `readonly` or private names (`#x`: not properties, writable when frozen).
 * Anywhere else it is refused with what to write instead.
 */
import { ts } from "../typescript.js";
import type { PrintContext, Printed } from "./context.js";
import { baseClass, isStatic } from "./throwAnalysis.js";
import { printExpr } from "./expressions.js";

/** `Object.freeze(this)` (`target` is `this`): the instance itself, where freezing it is unobservable. */
export function printFrozenThis(ctx: PrintContext, node: ts.CallExpression, target: ts.Expression): Printed {
  const statement = node.parent;
  const body = statement?.parent;
  const ctor = body?.parent;
  const last =
    ts.isExpressionStatement(statement) &&
    body !== undefined &&
    ts.isBlock(body) &&
    body.statements.at(-1) === statement &&
    ctor !== undefined &&
    ts.isConstructorDeclaration(ctor);
  const advice = "declare the fields 'readonly' and leave the freeze out";
  if (!last) return ctx.refuse(node, "Object.freeze(this) other than as the last statement of a constructor", advice);
  const cls = ctor.parent as ts.ClassDeclaration;
  if (extendedInBody(ctx, cls))
    return ctx.refuse(node, `Object.freeze(this) in '${cls.name?.text}', which another class extends`, advice);
  for (let c: ts.ClassDeclaration | undefined = cls; c; c = baseClass(ctx, c)) {
    const writable = writableField(ctx, c);
    if (writable)
      return ctx.refuse(
        node,
        `Object.freeze(this) of an instance whose field '${writable.name.getText()}' is not readonly (a write to it would throw)`,
        advice,
      );
  }
  return printExpr(ctx, target);
}

function extendedInBody(ctx: PrintContext, cls: ts.ClassDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (ts.isClassLike(n) && baseClass(ctx, n) === cls) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return found;
}

/** An instance field of `cls` (or parameter property) that is a writable property. */
function writableField(
  ctx: PrintContext,
  cls: ts.ClassDeclaration,
): ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
  const readonly = (d: ts.Declaration) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0;
  // A private name (`#x`, respelled `$x`: privateNames.ts) is no property: frozen or not, it is written.
  const privateName = (m: ts.PropertyDeclaration) => ts.isIdentifier(m.name) && ctx.privateNames.has(m.name.text);
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && !isStatic(m) && !privateName(m) && !readonly(m)) return m;
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters)
        if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier && !readonly(p)) return p;
  }
  return undefined;
}
