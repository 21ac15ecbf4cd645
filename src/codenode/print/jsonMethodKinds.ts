/**
 * @fileoverview Which kinds of JSON value have a method in JavaScript: a method only strings
 * (arrays, numbers) have (`toUpperCase`, `push`, `toFixed`), or one strings and arrays share
 * (`slice`, `includes`). No JSON object holds a function, so a value of any other kind has no
 * such method (print/jsonCalls.ts prints the calls, print/catchableAny.ts the TypeError in a try).
 */

const OWN_NAMES = (proto: object) => new Set(Object.getOwnPropertyNames(proto));
const PROTOS = {
  string: OWN_NAMES(String.prototype),
  array: OWN_NAMES(Array.prototype),
  number: OWN_NAMES(Number.prototype),
  boolean: OWN_NAMES(Boolean.prototype),
  object: OWN_NAMES(Object.prototype),
};

/** True when only values of `kind` have `method`. */
export function onlyOn(kind: keyof typeof PROTOS, method: string): boolean {
  return (
    PROTOS[kind].has(method) &&
    (Object.keys(PROTOS) as (keyof typeof PROTOS)[]).every((k) => k === kind || !PROTOS[k].has(method))
  );
}

/** Methods strings and arrays share (dispatched at run time). */
export const STRING_AND_ARRAY: ReadonlySet<string> = new Set([
  "includes",
  "indexOf",
  "lastIndexOf",
  "slice",
  "concat",
  "at",
]);

/** True when some kinds of JSON value have `method` and the others do not. */
export function kindMethod(method: string): boolean {
  return (
    onlyOn("string", method) || onlyOn("array", method) || onlyOn("number", method) || STRING_AND_ARRAY.has(method)
  );
}
