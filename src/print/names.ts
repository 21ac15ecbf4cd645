/**
 * @fileoverview How names print in .ice: as written when they lex as a name, else as a string.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LITERAL_WORDS = new Set(["true", "false", "null"]);

/** A key, id, tool name or path segment: bare when it is a name, quoted otherwise. */
export function printName(name: string): string {
  return NAME.test(name) && !LITERAL_WORDS.has(name) ? name : JSON.stringify(name);
}

/** A reference path (`classify.label`, `rows.0.name`). */
export function printPath(path: readonly string[]): string {
  return path.join(".");
}
