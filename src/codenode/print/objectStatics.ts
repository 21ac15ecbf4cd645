/**
 * @fileoverview The `Object.*` functions on dictionaries (objects.ts) and fixed-shape objects
 * (shapes.ts): `Object.keys`, `values`, `entries`, `assign`, `fromEntries`, `is`, `hasOwn`; and
 * `Object.keys`, `values` and `entries` of a value of type 'any' (support/jsonKeys.ts), and
 * `Object.freeze` of a literal. Keys of
 * fixed-shape objects enumerate in the order the object was created with, when the compiler can
 * see it; otherwise the call is refused.
 */

import { ts } from "../typescript.js";
import { asType, BOOLEAN, type ValueType } from "../types.js";
import { fromChecker } from "../fromChecker.js";
import type { PrintContext, Printed } from "./context.js";
import { shortText, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { spreadInto } from "./objects.js";
import { knownKeys, printShapeAssign } from "./shapes.js";
import { printFromEntries } from "./fromEntries.js";
import { unionObjectCall } from "./unions.js";
import { printHasOwn } from "./ownProperty.js";
import { printFrozenThis } from "./frozenThis.js";

/** `Object.keys`, `values`, `entries`, `assign`, `fromEntries`, `is`, `hasOwn`. */
export function objectCall(ctx: PrintContext, node: ts.CallExpression, method: string): Printed {
  const args = node.arguments;
  if (args.some(ts.isSpreadElement))
    return ctx.refuse(node, `Object.${method} with a spread argument`, "pass the values");
  const result = () => ctx.typeOf(node);
  switch (method) {
    case "keys":
    case "values":
    case "entries": {
      const source = printExpr(ctx, args[0]!);
      const type = result();
      if (source.type.kind === "json") {
        if (method !== "entries") return { text: `__ice_j_${method}(${source.text})`, type };
        const pair = (type as { element: ValueType }).element;
        return { text: `__ice_j_entries<${asType(pair)}>(${source.text})`, type };
      }
      if (source.type.kind === "dict") {
        const V = asType(source.type.value);
        if (method === "keys") return { text: `${source.text}.keys()`, type };
        if (method === "values") return { text: `${source.text}.values()`, type };
        const tuple = (type as { element: ValueType }).element;
        return { text: `__ice_dict_entries<${V}, ${asType(tuple)}>(${source.text})`, type };
      }
      if (source.type.kind === "object" && source.type.shape.union)
        return unionObjectCall(ctx, node, method, { ...source, type: source.type }, type);
      if (source.type.kind === "object") {
        const names = knownKeys(ctx, args[0]!, source.type);
        if (!names)
          return ctx.refuse(
            node,
            `Object.${method} of '${shortText(args[0]!)}' (the order of its keys is not known here)`,
            "list the fields you need, or build a Record<string, T>",
          );
        if (method === "keys") {
          const keys = `<Array<string>>[${names.map((n) => stringLiteral(n)).join(", ")}]`;
          // The argument is still evaluated (it may make an instance, call a function).
          if (/^[\w$]+$/.test(source.text)) return { text: keys, type };
          return { text: `(${ctx.temp(source.type)} = ${source.text}, ${keys})`, type };
        }
        const element = (type as { element: ValueType }).element;
        const s = ctx.temp(source.type);
        const shape = source.type.shape;
        const items = names.map((n) => {
          const field = shape.fields.find((f) => f.name === n)!;
          const value: Printed = { text: `${s}.${n}`, type: field.type };
          if (method === "values") return coerce(ctx, value, element, node);
          const tuple = element as Extract<ValueType, { kind: "tuple" }>;
          return `new ${tuple.shape.name}(${stringLiteral(n)}, ${coerce(ctx, value, tuple.elements[1]!, node)})`;
        });
        return { text: `(${s} = ${source.text}, <${asType(type)}>[${items.join(", ")}])`, type };
      }
      return ctx.refuse(node, `Object.${method} of this value`, "use it on objects");
    }
    case "fromEntries":
      return printFromEntries(ctx, node);
    case "assign":
      return printAssign(ctx, node);
    case "freeze": {
      // Of a literal only: nothing else refers to the object, so no write can reach it (and
      // TypeScript refuses writes through the frozen reference's readonly type).
      const [target] = args;
      const literal = target && stripParens(target);
      // `Object.freeze(this)` closing a constructor (frozenThis.ts).
      if (literal?.kind === ts.SyntaxKind.ThisKeyword) return printFrozenThis(ctx, node, literal);
      if (!literal || !(ts.isObjectLiteralExpression(literal) || ts.isArrayLiteralExpression(literal)))
        return ctx.refuse(node, "Object.freeze of an existing object", "freeze a literal: Object.freeze({ ... })");
      return printExpr(ctx, target!, ctx.typeOf(node));
    }
    case "is": {
      const a = printExpr(ctx, args[0]!);
      const b = printTo(ctx, args[1]!, a.type);
      if (a.type.kind === "number") return { text: `__ice_same_value(${a.text}, ${b})`, type: BOOLEAN };
      if (a.type.kind === "string" || a.type.kind === "boolean") return { text: `(${a.text} == ${b})`, type: BOOLEAN };
      // Of 'any'/'unknown' (a deep-equal's first test): SameValue over the JSON value's kinds.
      if (a.type.kind === "json") return { text: `__ice_j_same_value(${a.text}, ${b})`, type: BOOLEAN };
      return ctx.refuse(node, "Object.is on these values", "compare numbers, strings or booleans");
    }
    case "hasOwn":
      return printHasOwn(ctx, node, printExpr(ctx, args[0]!), args[0]!, args[1]);
    default:
      return ctx.refuse(node, `Object.${method}`, "use Object.keys, values, entries, assign, fromEntries or is");
  }
}

/** `Object.assign(target, ...sources)`: [[Set]] of each source's own keys, in order; returns the target. */
function printAssign(ctx: PrintContext, node: ts.CallExpression): Printed {
  const [target, ...sources] = node.arguments;
  // `const o: Record<string, T> = Object.assign({}, ...)`: the declared dictionary, not the intersection.
  const contextual = ctx.checker.getContextualType(node);
  const wanted = contextual ? fromChecker(ctx.checker, contextual, ctx.classes) : undefined;
  const type = wanted && "type" in wanted && wanted.type.kind === "dict" ? wanted.type : ctx.typeOf(node);
  if (type.kind === "dict") {
    const t = ctx.temp(type);
    const start = printTo(ctx, target!, type);
    const steps = [`${t} = ${start}`, ...sources.flatMap((s) => spreadInto(ctx, t, type.value, s, true))];
    return { text: `(${steps.join(", ")}, ${t})`, type };
  }
  if (type.kind === "object") return printShapeAssign(ctx, node, type);
  return ctx.refuse(node, "Object.assign here", "assign into an object or a dictionary");
}
