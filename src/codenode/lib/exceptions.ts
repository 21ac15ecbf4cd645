/**
 * @fileoverview Library declarations for exceptions (print/exceptions.ts): `String(e)` of a caught
 * value, whose type is `unknown` (the printer turns any thrown value into JavaScript's text; other
 * values it cannot turn into text are refused where they are used), and the Error classes.
 */

/**
 * JavaScript's own Error classes beyond Error, as types and values: `(e as SyntaxError).name`,
 * `e instanceof SyntaxError` (JSON.parse's error is one), `throw new TypeError(m)`. Each is
 * AssemblyScript's class of the same name (its `name` is the class's name, as in JavaScript).
 */
export const ERROR_SUBCLASSES: readonly string[] = ["TypeError", "RangeError", "SyntaxError", "URIError"];

/** Declaration text merged into the core library. */
export const EXCEPTIONS_LIB = `
interface StringConstructor {
  (value: unknown): string;
}
${ERROR_SUBCLASSES.map(
  (name) => `interface ${name} extends Error {}
interface ${name}Constructor {
  new (message?: string): ${name};
  (message?: string): ${name};
}
declare var ${name}: ${name}Constructor;`,
).join("\n")}
`;
