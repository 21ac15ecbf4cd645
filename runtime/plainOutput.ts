/**
 * @fileoverview The workflow's output as plain JSON: missing values become null, and the -0s a code
 * node computed stay -0 (a JSON copy would turn them into 0).
 */
import { setOwn } from "./records.js";

/** A JSON copy of the output (undefined becomes null), with its -0s kept. */
export function plainOutput(values: Record<string, unknown>): unknown {
  const copy = plainCopy(values, 0);
  return copy === NOT_PLAIN ? jsonCopy(values) : copy;
}

/** The output's copy through JSON text (any value JSON.stringify takes), -0s put back. */
export function jsonCopy(values: Record<string, unknown>): unknown {
  const copy: unknown = JSON.parse(
    JSON.stringify(values, (_key, value: unknown) => (value === undefined ? null : value)),
  );
  return keepNegativeZero(values, copy);
}

/** What plainCopy returns for a value the JSON copy must handle. */
const NOT_PLAIN: unique symbol = Symbol("not plain");

/** Depth past which plainCopy leaves the value to the JSON copy (which also reports cycles). */
const PLAIN_DEPTH = 64;

/**
 * The same copy without a JSON text, for plain data (what node outputs nearly always are): strings,
 * numbers, booleans, null and undefined in plain arrays and objects (prototype Object.prototype or
 * null, no `toJSON`). Anything else (class instances, dates, functions, bigints, deep nesting)
 * answers NOT_PLAIN and the caller takes the JSON path. The result is what the JSON path gives:
 * undefined and non-finite numbers become null, holes null, keys in the source's own enumerable
 * order (integer keys first in both), an own `__proto__` key stays a key, -0 stays -0.
 */
function plainCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "undefined":
      return null;
    case "object": {
      if (value === null) return null;
      if (depth > PLAIN_DEPTH) return NOT_PLAIN;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
        const items = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = plainCopy(value[i], depth + 1);
          if (item === NOT_PLAIN) return NOT_PLAIN;
          items[i] = item;
        }
        return items;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      const source = value as Record<string, unknown>;
      if ("toJSON" in source) return NOT_PLAIN;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(source)) {
        const item = plainCopy(source[key], depth + 1);
        if (item === NOT_PLAIN) return NOT_PLAIN;
        if (key === "__proto__") setOwn(copy, key, item);
        else copy[key] = item;
      }
      return copy;
    }
    default:
      return NOT_PLAIN; // function, symbol, bigint
  }
}

/**
 * Puts back the -0s that the JSON copy of an output turned into 0 (a code node computes with
 * JavaScript numbers, and -0 is one of them): the copy decides the shape, and only number leaves
 * that were -0 at the same place in the source change. Values with a `toJSON` are left as copied.
 */
function keepNegativeZero(source: unknown, copy: unknown): unknown {
  if (copy === 0 && Object.is(source, -0)) return -0;
  if (copy === null || typeof copy !== "object" || source === null || typeof source !== "object") return copy;
  if (typeof (source as { toJSON?: unknown }).toJSON === "function") return copy;
  if (Array.isArray(copy)) {
    if (!Array.isArray(source)) return copy;
    for (let i = 0; i < copy.length; i++) copy[i] = keepNegativeZero(source[i], copy[i]);
    return copy;
  }
  const target = copy as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    if (!Object.hasOwn(source, key)) continue;
    const kept = keepNegativeZero((source as Record<string, unknown>)[key], target[key]);
    // An own "__proto__" key is defined, not assigned (assigning it would set the copy's prototype).
    if (key === "__proto__") setOwn(target, key, kept);
    else target[key] = kept;
  }
  return copy;
}
