/**
 * @fileoverview The key order a typed object's JSON is written in (jsonConvert.ts, jsonWrite.ts):
 * a body class's constructor order (classKeys.ts), or the order its object literals and spreads
 * write its keys when they all agree, or a refusal saying why the order is not known at compile
 * time. Function-valued fields are left out, as `JSON.stringify` does.
 */
import { ts } from "../typescript.js";
import type { ClassShape, ValueType } from "../types.js";
import { fromChecker } from "../fromChecker.js";
import { type PrintContext, stripParens } from "./context.js";
import { classKeyOrder } from "./classKeys.js";

/** A key an object is built with, or a spread source whose keys come next in its own order. */
export type WrittenKey = string | { readonly spread: ClassShape; readonly without?: readonly string[] };

/** What the body's printing recorded about how objects of each shape were built (jsonConvert.ts). */
export interface WrittenOrders {
  /** Shape name -> the key orders its object literals and spreads write ("unknown": not known here). */
  readonly orders: ReadonlyMap<string, readonly (readonly WrittenKey[] | "unknown")[]>;
  /** Shapes whose instances come from the node's inputs (key order and extra keys unknown). */
  readonly inputShapes: ReadonlySet<string>;
}

/**
 * The key order of a shape's instances: its object literals' order when they agree (an optional
 * field some literal leaves out must never be assigned later: JavaScript would add it at the end).
 */
export function keyOrder(
  ctx: PrintContext,
  s: WrittenOrders,
  shape: ClassShape,
  root: ts.Node,
  at: ts.Node,
  orderOf: (shape: ClassShape, at: ts.Node) => string[] | undefined,
): string[] | undefined {
  const fail = (why: string): undefined => {
    try {
      ctx.refuse(
        at,
        `turning this object into JSON (${why})`,
        "build it as an object literal inside JSON.stringify(...) or the returned object, or declare it as 'any'",
      );
    } catch {}
    return undefined;
  };
  // A body class's instances: their keys in the order its constructors define them (classKeys.ts).
  const ofClass = classKeyOrder(ctx, shape);
  // An object literal's `toJSON` function: JavaScript writes what it returns (classes: toJsonMethods.ts).
  if (!ofClass && shape.fields.some((f) => f.name === "toJSON"))
    return fail("it has a toJSON function, which JSON.stringify calls");
  if (ofClass) return Array.isArray(ofClass) ? withoutFunctions(shape, ofClass) : fail(ofClass.reason);
  if (s.inputShapes.has(shape.name))
    return fail("its keys are in the order of the node's input, which is known only at run time");
  const written = s.orders.get(shape.name) ?? [];
  if (written.includes("unknown")) return fail("a spread builds it with keys whose order is known only at run time");
  const orders: string[][] = [];
  const allRequired = shape.fields.every((f) => f.type.kind !== "optional");
  for (const w of written as (readonly WrittenKey[])[]) {
    // `{ ...same, k: v }` with every field required: the source's own order again.
    const first = w[0];
    if (allRequired && first !== undefined && typeof first !== "string" && first.spread.name === shape.name) continue;
    // A spread copies its source's keys in the source's order; a key already there keeps its place.
    const keys: string[] = [];
    const add = (k: string) => {
      if (!keys.includes(k)) keys.push(k);
    };
    for (const part of w) {
      if (typeof part === "string") add(part);
      else if (part.spread.name === shape.name) return fail("it is spread into an object of its own type");
      else {
        const inner = orderOf(part.spread, at);
        if (!inner) return fail("a spread into it copies an object whose key order is not known at compile time");
        for (const k of inner) if (!part.without?.includes(k)) add(k);
      }
    }
    orders.push(keys);
  }
  if (orders.length === 0) return fail("its key order is not known at compile time");
  const longest = orders.reduce((a, b) => (b.length > a.length ? b : a));
  for (const o of orders) {
    let j = 0;
    for (const k of longest) if (o[j] === k) j++;
    if (j !== o.length) return fail("object literals of this type write its keys in different orders");
  }
  const missing = shape.fields
    .map((f) => f.name)
    .filter((n) => !longest.includes(n) || orders.some((o) => !o.includes(n)));
  if (missing.length > 0 && assignsField(ctx, root, shape, missing))
    return fail("an optional field left out of a literal is assigned later, which moves it to the end in JavaScript");
  return withoutFunctions(shape, [...longest, ...shape.fields.map((f) => f.name).filter((n) => !longest.includes(n))]);
}

/** A function-valued property is left out of JSON, as JSON.stringify does. */
export function isFunctionField(t: ValueType): boolean {
  return t.kind === "function" || (t.kind === "optional" && t.inner.kind === "function");
}

function withoutFunctions(shape: ClassShape, keys: string[]): string[] {
  return keys.filter((k) => !isFunctionField(shape.fields.find((f) => f.name === k)?.type ?? { kind: "void" }));
}

function assignsField(ctx: PrintContext, root: ts.Node, shape: ClassShape, names: readonly string[]): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const left =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
        ? stripParens(node.left)
        : undefined;
    // `o.k = v`, and `o[key] = v` of an object typed by literal keys (`Partial<Record<K, number>>`),
    // whose key may name any of them unless it is a literal.
    const key =
      left && ts.isPropertyAccessExpression(left)
        ? left.name.text
        : left && ts.isElementAccessExpression(left)
          ? ts.isStringLiteralLike(left.argumentExpression)
            ? left.argumentExpression.text
            : null
          : undefined;
    if (left && key !== undefined && (key === null || names.includes(key))) {
      const object = (left as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression;
      const converted = fromChecker(ctx.checker, ctx.checker.getTypeAtLocation(object), ctx.classes);
      const t = "type" in converted ? converted.type : undefined;
      const inner = t?.kind === "optional" ? t.inner : t;
      if (inner?.kind === "object" && inner.shape.name === shape.name) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}
