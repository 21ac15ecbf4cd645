/**
 * @fileoverview `x instanceof A` where A is a generic class of the body: every instance of A,
 * whatever its type arguments, is one. Known at compile time when x's class extends an instance
 * of A (true) or when no class can extend both (false); otherwise (x's class is a base of A's
 * instances) a test against each instance of A that extends x's class, in a function generated
 * once the whole body is printed (finishGenericInstanceOf), when every instance is known.
 */
import { ts } from "../typescript.js";
import { asType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { classOfShape, type ClassInfo } from "./classShapes.js";
import { allInstances, isGenericClass, ownerIn } from "./genericClasses.js";
import { baseClass } from "./throwAnalysis.js";
import { perContext } from "./perContext.js";

interface Pending {
  readonly slot: number;
  readonly name: string;
  readonly target: ts.ClassDeclaration;
  readonly from: ClassInfo;
  readonly type: ValueType;
}
const PENDING = perContext((): Pending[] => []);

/** The test, or undefined when `right` is not a generic class of the body. */
export function genericInstanceOf(
  ctx: PrintContext,
  b: ts.BinaryExpression,
  right: ts.Expression,
  printExpr: (ctx: PrintContext, node: ts.Expression) => Printed,
): Printed | undefined {
  if (!ts.isIdentifier(right)) return undefined;
  const target = ctx.symbolOf(right)?.declarations?.find(ts.isClassDeclaration);
  if (!target || !isGenericClass(ctx, target)) return undefined;
  const left = printExpr(ctx, b.left);
  const type = left.type.kind === "optional" ? left.type.inner : left.type;
  const info = classOfShape(ctx, type);
  if (!info || info.staticsOnly || type.kind !== "object" || type.shape !== info.shape)
    return ctx.refuse(b, "instanceof a generic class of this value", "test an instance of a class of the body");
  const nullable = left.type.kind === "optional";
  const boolean: ValueType = { kind: "boolean" };
  if (ownerIn(info, target))
    return { text: nullable ? `(${left.text} !== null)` : `(${left.text}, true)`, type: boolean };
  let below = false;
  for (let c = baseClass(ctx, target); c; c = baseClass(ctx, c)) if (c === info.node) below = true;
  if (!below) return { text: `(${left.text}, false)`, type: boolean };
  // x's class is a base of A: which instances of A extend it is known once everything is printed.
  const name = ctx.fresh("is_");
  PENDING.of(ctx).push({ slot: ctx.hoisted.length, name, target, from: info, type: left.type });
  ctx.hoisted.push("");
  return { text: `${name}(${left.text})`, type: boolean };
}

/** Generates the deferred tests (after every instance of every generic class is declared). */
export function finishGenericInstanceOf(ctx: PrintContext): void {
  for (const p of PENDING.peek(ctx) ?? []) {
    const from = asType({ kind: "object", shape: p.from.shape });
    const instances = allInstances(ctx, p.target).filter((i) => i !== p.from && ownerIn(i, p.from.node) === p.from);
    const test = (x: string) =>
      instances.map((i) => `__ice_instance_of<${i.name}, ${from}>(${x})`).join(" || ") || "false";
    const value = p.type.kind === "optional" ? `v !== null && (${test("v!")})` : test("v");
    ctx.hoisted[p.slot] = `function ${p.name}(v: ${asType(p.type)}): bool {\n  return ${value};\n}`;
  }
}
