/**
 * @fileoverview Library declarations of JSON values (src/codenode/print/json.ts): `Array.isArray`,
 * which narrows `any` and `unknown` to arrays. `JSON.parse`/`JSON.stringify` are declared only
 * with the `json` capability (JSON_CAPABILITY_LIB, added by lib/capabilities.ts).
 */

/** Declarations every body gets. */
export const JSON_LIB = `
interface ArrayConstructor {
  isArray(arg: any): arg is any[];
}
`;

/** Declarations the `json` capability adds. */
export const JSON_CAPABILITY_LIB = `interface JSON {
  /** Parses JSON text (numbers as JavaScript reads them; a syntax error stops the node). */
  parse(text: string): any;
  /** JSON text of a value; only \`null\` as the replacer; indentation by a number or a string. */
  stringify(value: any, replacer?: null, space?: string | number): string;
}
declare var JSON: JSON;`;
