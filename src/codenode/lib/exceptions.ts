/**
 * @fileoverview Library declarations for exceptions (print/exceptions.ts): `String(e)` of a caught
 * value, whose type is `unknown` (the printer turns any thrown value into JavaScript's text; other
 * values it cannot turn into text are refused where they are used).
 */

/** Declaration text merged into the core library. */
export const EXCEPTIONS_LIB = `
interface StringConstructor {
  (value: unknown): string;
}
`;
