/**
 * @fileoverview The value type of what an iterator's `next()` returns (`IteratorResult<T,
 * undefined>`, and its members where the checker narrowed it by `done`): one object class with
 * fields `done` and `value` (`T | undefined`), whichever member the checker sees, so narrowing is
 * free. The result of `done: true` alone names no `T`, so it is refused where it is a value.
 */
import type { ts } from "ts-morph";
import { BOOLEAN, type ClassRegistry, optional, type ValueType } from "./types.js";
import type { Converted } from "./fromChecker.js";

function libName(type: ts.Type): string | undefined {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (!symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))) return undefined;
  return symbol.getName();
}

/** The shape of a `next()` result whose value is a `T`. */
export function iteratorResultShape(classes: ClassRegistry, element: ValueType): ValueType {
  return {
    kind: "object",
    shape: classes.shape([
      { name: "done", type: BOOLEAN },
      { name: "value", type: optional(element) },
    ]),
  };
}

/** The type of a `next()` result, or undefined when `type` is none. */
export function iteratorResultType(
  checker: ts.TypeChecker,
  type: ts.Type,
  classes: ClassRegistry,
  convert: (t: ts.Type) => Converted,
): Converted | undefined {
  const members = type.isUnion() ? type.types : [type];
  const names = members.map(libName);
  if (!names.every((n) => n === "IteratorYieldResult" || n === "IteratorReturnResult")) return undefined;
  const yielded = members.find((_, i) => names[i] === "IteratorYieldResult");
  const [element] = yielded ? checker.getTypeArguments(yielded as ts.TypeReference) : [];
  if (!element) return { reason: "the result of a finished iterator alone is not supported; read `r.done` first" };
  const inner = convert(element);
  if ("reason" in inner) return inner;
  return { type: iteratorResultShape(classes, inner.type) };
}
